// The private contact store: postal address, email and phone, keyed by membership number.
// It lives in private/contacts.jsonl, which the group's .gitignore keeps out of git, so
// personal details never enter the repository's history. One JSON object a line; a later
// line for the same member overrides the fields it names (null removes a field).

import { byteStrings } from './byte-strings.js';

export interface Contact {
  email?: string;
  address?: string;
  phone?: string;
}

export const CONTACT_FIELDS = ['email', 'address', 'phone'] as const;
export type ContactField = (typeof CONTACT_FIELDS)[number];

export interface ContactLine {
  member: number;
  /** The key of the member's admission (core/ledger/admission.ts); absent on lines written before keys. */
  of?: string;
  email?: string | null;
  address?: string | null;
  phone?: string | null;
  /** When the line was written (ISO 8601, UTC): which of two copies' values is newer (coop contacts import). */
  at?: string;
}

export function encodeContactLine(line: ContactLine): string {
  // The key straight after the number, where the quick reader looks for it.
  // The time last, where the quick reader looks for it.
  const { member, of, at, ...fields } = line;
  return `${JSON.stringify(of === undefined ? { member, ...fields, at } : { member, of, ...fields, at })}\n`;
}

/** Every value the store has held, as three parallel lists (100,000s of small objects cost more). */
export interface StoredValues {
  member: number[];
  field: ContactField[];
  value: string[];
}

/** A keyed line's fields folded: a string set, null removed, undefined not named. */
export type ContactChanges = Partial<Record<ContactField, string | null>>;

/** What the store's lines fold into. */
export interface DecodedContacts {
  /** Lines without an admission key, folded by membership number (left empty when only who has details is wanted: see `holders`). */
  contacts: Map<number, Contact>;
  /**
   * When only who has details is wanted: the numbers with a line without an admission key, in
   * the order each first appears, as runs [first, last] of numbers one after another.
   */
  holders?: [number, number][];
  /** Lines with one, folded by key: the number they were written for, and the fields they set or removed. */
  keyed: Map<string, { member: number; changes: ContactChanges; at?: string }>;
  problems: { line: number; message: string }[];
  stored: StoredValues;
}

/**
 * Folds the store's lines into one contact per member. Bad lines are reported, not fatal.
 * `stored` lists every value the store has ever held, replaced ones too: all are personal data
 * that must not leak into tracked files.
 */
export function decodeContacts(text: string): DecodedContacts {
  const fold = contactsFolder();
  let start = 0;
  for (let lineNo = 1; start < text.length; lineNo++) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    fold.text(text.slice(start, end), lineNo);
    start = end + 1;
  }
  return fold.result;
}

/**
 * Folds lines one at a time, from their text or from values already read (both give the same).
 * `membersOnly`: `holders` says who has details, and `stored` is whole (what `coop check`
 * needs, without an object per member or a map of 100,000s of numbers).
 */
function contactsFolder(membersOnly = false) {
  const result: DecodedContacts = { contacts: new Map(), keyed: new Map(), problems: [], stored: { member: [], field: [], value: [] } };
  const { contacts, keyed, problems, stored } = result;
  const holders: [number, number][] = [];
  if (membersOnly) result.holders = holders;
  const seen = seenNumbers();
  /** One line's values, in CONTACT_FIELDS order; undefined where the line does not name the field. */
  const values = (member: number, of: string | undefined, email: unknown, address: unknown, phone: unknown, at?: unknown) => {
    if (of !== undefined) {
      let slot = keyed.get(of);
      if (!slot) keyed.set(of, (slot = { member, changes: {} }));
      slot.member = member;
      if (typeof at === 'string' && (slot.at === undefined || at > slot.at)) slot.at = at;
      const set = (field: ContactField, v: unknown) => {
        if (v === null) slot.changes[field] = null;
        else if (typeof v === 'string' && v.trim() !== '') {
          if (!membersOnly) slot.changes[field] = v;
          keep(member, field, v);
        }
      };
      set('email', email);
      set('address', address);
      set('phone', phone);
      return;
    }
    if (membersOnly) {
      if (seen.add(member)) {
        const last = holders.at(-1);
        if (last && member === last[1] + 1) last[1] = member;
        else holders.push([member, member]);
      }
      if (typeof email === 'string' && email.trim() !== '') keep(member, 'email', email);
      if (typeof address === 'string' && address.trim() !== '') keep(member, 'address', address);
      if (typeof phone === 'string' && phone.trim() !== '') keep(member, 'phone', phone);
      return;
    }
    // Changed in place: each member's object belongs to this map alone, and copying it per
    // line would double the work of reading a 100,000-member store. Each field by name: a
    // field chosen by a variable (current[field]) made every store a slow generic lookup.
    const existing = contacts.get(member);
    const current: Contact = existing ?? {};
    if (email === null) delete current.email;
    else if (typeof email === 'string' && email.trim() !== '') {
      current.email = email;
      keep(member, 'email', email);
    }
    if (address === null) delete current.address;
    else if (typeof address === 'string' && address.trim() !== '') {
      current.address = address;
      keep(member, 'address', address);
    }
    if (phone === null) delete current.phone;
    else if (typeof phone === 'string' && phone.trim() !== '') {
      current.phone = phone;
      keep(member, 'phone', phone);
    }
    if (!existing) contacts.set(member, current);
  };
  const keep = (member: number, field: ContactField, value: string) => {
    stored.member.push(member);
    stored.field.push(field);
    stored.value.push(value);
  };
  const text = (raw: string, lineNo: number) => {
    if (raw.trim() === '') return;
    let o: unknown;
    try {
      o = JSON.parse(raw);
    } catch {
      problems.push({ line: lineNo, message: 'is not valid JSON' });
      return;
    }
    const rec = o as Record<string, unknown>;
    if (typeof rec !== 'object' || rec === null || !Number.isSafeInteger(rec.member) || (rec.member as number) < 1) {
      problems.push({ line: lineNo, message: 'has no valid membership number' });
      return;
    }
    values(rec.member as number, typeof rec.of === 'string' && rec.of !== '' ? rec.of : undefined, rec.email, rec.address, rec.phone, rec.at);
  };
  return { values, text, result };
}

/** A set of membership numbers: a bit each below a bound (a store's numbers run from 1), a Set for any beyond. */
function seenNumbers(): { add(n: number): boolean } {
  let bits = new Uint8Array(1 << 12);
  const beyond = new Set<number>();
  return {
    /** Adds n: true when it was not there before. */
    add(n) {
      if (n >= BIT_BOUND) {
        if (beyond.has(n)) return false;
        beyond.add(n);
        return true;
      }
      const byte = n >>> 3;
      if (byte >= bits.length) {
        const grown = new Uint8Array(Math.min(BIT_BOUND >>> 3, Math.max(bits.length * 2, byte + 1)));
        grown.set(bits);
        bits = grown;
      }
      const bit = 1 << (n & 7);
      if ((bits[byte]! & bit) !== 0) return false;
      bits[byte]! |= bit;
      return true;
    },
  };
}

/** Numbers below this are kept as bits (2 MiB at most); a hostile store's huge numbers in a Set. */
const BIT_BOUND = 1 << 24;

const QUOTE = 0x22;
const NEWLINE = 0x0a;
const CLOSE = 0x7d;
const ascii = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));
const MEMBER = ascii('{"member":');
const OF = ascii(',"of":"');
const KEYS = [ascii(',"email":'), ascii(',"address":'), ascii(',"phone":'), ascii(',"at":')];
const NULL = ascii('null');

/**
 * Reads the store from its bytes, a chunk of whole lines at a time, so that the file need
 * never be one string (at 100,000 members it is 8.5 MB, and JSON.parse per line was most of
 * `coop check`'s time with it). Lines as coop writes them — {"member":N then any of email,
 * address, phone once each, as plain strings or null — are read in place; any other line is
 * decoded as text and read by JSON.parse, so what a line means never depends on the reader.
 */
export function contactsBytesDecoder(membersOnly = false): { lines: (bytes: Uint8Array, from: number, to: number) => void; result: () => DecodedContacts } {
  const fold = contactsFolder(membersOnly);
  // Kept as written: a byte-order mark is part of the line, as when the file is read as text.
  const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });
  let lineNo = 0;
  const { startsWith, stringEnd, text } = byteStrings();
  /**
   * Reads the line at start in coop's form into fold.values: its end (the newline, or `to`),
   * or -1 if it is in any other form. Nothing it matches holds a newline, so it never reads
   * past the line's end, and finds that end in the same scan.
   */
  const readLine = (bytes: Uint8Array, start: number, to: number): number => {
    if (!startsWith(bytes, MEMBER, start, to)) return -1;
    let i = start + MEMBER.length;
    let member = 0;
    const digits = i;
    for (; i < to; i++) {
      const d = bytes[i]! - 0x30;
      if (d < 0 || d > 9) break;
      member = member * 10 + d;
    }
    if (i === digits || i - digits > 15 || (bytes[digits] === 0x30 && i > digits + 1) || member < 1) return -1;
    let of: string | undefined;
    if (startsWith(bytes, OF, i, to)) {
      const j = stringEnd(bytes, i + OF.length, to);
      if (j < 0 || j === i + OF.length) return -1;
      of = text(bytes, i + OF.length, j);
      i = j + 1;
    }
    let email: string | null | undefined;
    let address: string | null | undefined;
    let phone: string | null | undefined;
    let at: string | undefined;
    while (i < to && bytes[i] !== CLOSE) {
      let k = 0;
      while (k < 4 && !startsWith(bytes, KEYS[k]!, i, to)) k++;
      if (k === 4) return -1;
      i += KEYS[k]!.length;
      let v: string | null;
      if (i < to && bytes[i] === QUOTE) {
        const j = stringEnd(bytes, i + 1, to);
        if (j < 0) return -1;
        v = text(bytes, i + 1, j);
        i = j + 1;
      } else if (startsWith(bytes, NULL, i, to)) {
        v = null;
        i += NULL.length;
      } else return -1;
      // A key given twice means the last one (as JSON.parse reads it): left to JSON.parse.
      if (k === 3) {
        // The time a line was written: text only, once, and last (as encodeContactLine puts it).
        if (v === null || at !== undefined) return -1;
        at = v;
      } else if (k === 0) {
        if (email !== undefined) return -1;
        email = v;
      } else if (k === 1) {
        if (address !== undefined) return -1;
        address = v;
      } else {
        if (phone !== undefined) return -1;
        phone = v;
      }
    }
    // Bounded by `to`: the bytes beyond it may be left from an earlier chunk.
    if (i >= to || bytes[i] !== CLOSE || (i + 1 < to && bytes[i + 1] !== NEWLINE)) return -1;
    fold.values(member, of, email, address, phone, at);
    return i + 1;
  };
  return {
    /** Whole lines: [from, to) ends just after a newline, or at the end of the file. */
    lines(bytes, from, to) {
      let start = from;
      while (start < to) {
        lineNo += 1;
        let end = readLine(bytes, start, to);
        if (end < 0) {
          // Not in coop's form (rare): find its end the ordinary way and read its text.
          end = bytes.indexOf(NEWLINE, start);
          if (end === -1 || end > to) end = to;
          fold.text(utf8.decode(bytes.subarray(start, end)), lineNo);
        }
        start = end + 1;
      }
    },
    result: () => fold.result,
  };
}

/**
 * Each member's details: the lines written before admission keys, by number, then the lines
 * keyed to the member's admission (keys: membership number → admission key), which override.
 * A keyed line for an admission not in `keys` (another checkout's, say) joins nobody.
 */
export function joinContacts(decoded: DecodedContacts, keys: ReadonlyMap<number, string>): Map<number, Contact> {
  const out = new Map<number, Contact>();
  for (const [member, contact] of decoded.contacts) if (keys.has(member)) out.set(member, { ...contact });
  if (decoded.keyed.size === 0) return out;
  for (const [member, key] of keys) {
    const slot = decoded.keyed.get(key);
    if (!slot) continue;
    const contact = out.get(member) ?? {};
    for (const f of CONTACT_FIELDS) {
      const v = slot.changes[f];
      if (v === null) delete contact[f];
      else if (v !== undefined) contact[f] = v;
    }
    out.set(member, contact);
  }
  return out;
}

/** Keyed lines that belong to no admission in the register: each with the number it was written for. */
export function strayContacts(decoded: DecodedContacts, keys: ReadonlyMap<number, string>): { member: number; key: string }[] {
  if (decoded.keyed.size === 0) return [];
  const known = new Set(keys.values());
  const out: { member: number; key: string }[] = [];
  for (const [key, slot] of decoded.keyed) if (!known.has(key)) out.push({ member: slot.member, key });
  return out;
}
