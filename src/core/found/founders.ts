// Founding members as people give them: "Priya Sharma <priya@example.org>", or a name alone.
// Emails are private: they go to private/contacts.jsonl only, never into a tracked file.

export interface Founder {
  name: string;
  email?: string;
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
  const text = spec.trim();
  const m = /^(.*?)\s*<([^<>]*)>\s*$/.exec(text);
  const name = (m ? m[1]! : text).trim();
  const email = m ? m[2]!.trim() : undefined;
  if (!m && /[<>]/.test(text)) return `"${spec}" is not "Name <email>": check the angle brackets`;
  if (!m && text.includes('@')) return `"${spec}" looks like an email without a name: write "Full Name <${text}>"`;
  return checkFounder({ name, ...(email ? { email } : {}) });
}

/** Checks a founder given as separate name and email (answers file, prompts). */
export function checkFounder(f: { name: unknown; email?: unknown }): Founder | string {
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
