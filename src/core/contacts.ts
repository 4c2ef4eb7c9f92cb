// The private contact store: postal address, email and phone, keyed by membership number.
// It lives in private/contacts.jsonl, which the group's .gitignore keeps out of git, so
// personal details never enter the repository's history. One JSON object a line; a later
// line for the same member overrides the fields it names (null removes a field).

export interface Contact {
  email?: string;
  address?: string;
  phone?: string;
}

export const CONTACT_FIELDS = ['email', 'address', 'phone'] as const;
export type ContactField = (typeof CONTACT_FIELDS)[number];

export interface ContactLine {
  member: number;
  email?: string | null;
  address?: string | null;
  phone?: string | null;
}

export function encodeContactLine(line: ContactLine): string {
  return `${JSON.stringify(line)}\n`;
}

/** Every value the store has held, as three parallel lists (100,000s of small objects cost more). */
export interface StoredValues {
  member: number[];
  field: ContactField[];
  value: string[];
}

/**
 * Folds the store's lines into one contact per member. Bad lines are reported, not fatal.
 * `stored` lists every value the store has ever held, replaced ones too: all are personal data
 * that must not leak into tracked files.
 */
export function decodeContacts(text: string): { contacts: Map<number, Contact>; problems: { line: number; message: string }[]; stored: StoredValues } {
  const contacts = new Map<number, Contact>();
  const problems: { line: number; message: string }[] = [];
  const stored: StoredValues = { member: [], field: [], value: [] };
  let start = 0;
  for (let lineNo = 1; start < text.length; lineNo++) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const raw = text.slice(start, end);
    start = end + 1;
    if (raw.trim() === '') continue;
    let o: unknown;
    try {
      o = JSON.parse(raw);
    } catch {
      problems.push({ line: lineNo, message: 'is not valid JSON' });
      continue;
    }
    const rec = o as Record<string, unknown>;
    if (typeof rec !== 'object' || rec === null || !Number.isSafeInteger(rec.member) || (rec.member as number) < 1) {
      problems.push({ line: lineNo, message: 'has no valid membership number' });
      continue;
    }
    const member = rec.member as number;
    // Changed in place: each member's object belongs to this map alone, and copying it per
    // line would double the work of reading a 100,000-member store.
    const existing = contacts.get(member);
    const current: Contact = existing ?? {};
    for (const field of CONTACT_FIELDS) {
      const v = rec[field];
      if (v === null) delete current[field];
      else if (typeof v === 'string' && v.trim() !== '') {
        current[field] = v;
        stored.member.push(member);
        stored.field.push(field);
        stored.value.push(v);
      }
    }
    if (!existing) contacts.set(member, current);
  }
  return { contacts, problems, stored };
}

/** Every stored value, for the check that none has leaked into a tracked file. */
export function contactValues(contacts: Map<number, Contact>): string[] {
  const out: string[] = [];
  for (const c of contacts.values()) for (const f of CONTACT_FIELDS) if (c[f]) out.push(c[f]!);
  return out;
}
