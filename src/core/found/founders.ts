// Founding members as people give them: "Priya Sharma <priya@example.org>", or a name alone,
// optionally followed by "; " and a postal address (a society's register needs one: 2014 Act
// s.30(2)(a)). Emails and addresses are private: they go to private/contacts.jsonl only, never
// into a tracked file.

export interface Founder {
  name: string;
  email?: string;
  address?: string;
}

// Deliberately loose: one @, a dot in the domain, no spaces or angle brackets. Stricter
// patterns refuse real addresses; a typo is caught when the first email bounces.
const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:".]{2,}$/;
const MAX_NAME = 200;

export function isEmail(text: string): boolean {
  return EMAIL.test(text);
}

/** Parses `Name <email>` or `Name`; returns a message saying what is wrong otherwise. */
export function parseFounderSpec(spec: string): Founder | string {
  const semi = spec.indexOf(';');
  const address = semi === -1 ? undefined : spec.slice(semi + 1).trim();
  const text = (semi === -1 ? spec : spec.slice(0, semi)).trim();
  const m = /^(.*?)\s*<([^<>]*)>\s*$/.exec(text);
  const name = (m ? m[1]! : text).trim();
  const email = m ? m[2]!.trim() : undefined;
  if (!m && /[<>]/.test(text)) return `"${spec}" is not "Name <email>": check the angle brackets`;
  if (!m && text.includes('@')) return `"${spec}" looks like an email without a name: write "Full Name <${text}>"`;
  return checkFounder({ name, ...(email ? { email } : {}), ...(address ? { address } : {}) });
}

/** Checks a founder given as separate name and email (answers file, prompts). */
export function checkFounder(f: { name: unknown; email?: unknown; address?: unknown }): Founder | string {
  const checked = checkNameAndEmail(f);
  if (typeof checked === 'string' || f.address === undefined || f.address === null || f.address === '') return checked;
  if (typeof f.address !== 'string') return `the address for ${checked.name} must be text`;
  const address = f.address
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .join('\n');
  if (address === '') return checked;
  if (address.length > MAX_ADDRESS || /[\u0000-\u0009\u000b-\u001f\u007f]/.test(address))
    return `the address for ${checked.name} is longer than ${MAX_ADDRESS} characters or holds a control character`;
  return { ...checked, address };
}

const MAX_ADDRESS = 500;

function checkNameAndEmail(f: { name: unknown; email?: unknown }): Founder | string {
  if (typeof f.name !== 'string' || f.name.trim() === '') return 'a founder needs a name';
  const name = f.name.trim().replace(/\s+/g, ' ');
  if (name.length > MAX_NAME) return `the founder name "${name.slice(0, 40)}…" is too long (at most ${MAX_NAME} characters)`;
  if (/[\r\n]/.test(String(f.name))) return `the founder name "${name}" has a line break in it`;
  if (f.email === undefined || f.email === null || f.email === '') return { name };
  if (typeof f.email !== 'string' || !isEmail(f.email.trim())) {
    return `the email for ${name}, "${String(f.email)}", is not an email address (like name@example.org)`;
  }
  return { name, email: f.email.trim() };
}

/** Problems with the list as a whole: the same person twice is almost always a slip. */
export function founderListProblems(founders: readonly Founder[]): string[] {
  const problems: string[] = [];
  const seenNames = new Map<string, number>();
  const seenEmails = new Map<string, number>();
  founders.forEach((f, i) => {
    const key = f.name.toLowerCase();
    const earlier = seenNames.get(key);
    if (earlier !== undefined) {
      problems.push(`founders ${earlier + 1} and ${i + 1} are both "${f.name}": give each founder once (add a middle initial if two people share a name)`);
    } else seenNames.set(key, i);
    if (f.email) {
      const e = f.email.toLowerCase();
      const before = seenEmails.get(e);
      if (before !== undefined) problems.push(`founders ${before + 1} and ${i + 1} have the same email: each member's email is their own`);
      else seenEmails.set(e, i);
    }
  });
  return problems;
}
