// Former members, kept small: what the rejoining note on `coop member add` needs ("a person
// rejoining with the same name, email or phone as a former member is told their former
// number"), so that a change need not decode the whole ledger and contact store to give it.
// The rows are worked out from every event and the store's details, and kept beside the
// snapshot (io/former-cache.ts); what was added to the files since is judged here: events and
// contact lines that cannot touch a former member leave the rows as they are.

import type { Contact } from '../contacts.js';
import type { IsoDate } from '../dates.js';
import type { LeaveReason, LedgerEvent } from '../ledger/events.js';

/** One former member: their number, last name, departure, admission key and stored details as compared. */
export interface FormerRow {
  number: number;
  name: string;
  /** The name as compared (nameKey). */
  nameKey: string;
  left: IsoDate;
  reason: LeaveReason;
  /** Their admission's key (core/ledger/admission.ts), by which the store names them. */
  key: string | null;
  /** Their stored email, lower-cased, and phone, as phoneKey gives it; null when none is stored. */
  email: string | null;
  phone: string | null;
}

export interface FormerMatch {
  number: number;
  name: string;
  left: IsoDate;
  reason: LeaveReason;
  match: 'name' | 'email' | 'phone';
}

/** A name as compared: case, width and spacing do not count. */
export const nameKey = (name: string): string => name.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
/** A phone number as compared: digits and plus signs only, a UK +44 read as its leading 0. */
export const phoneKey = (phone: string): string => phone.replace(/[^\d+]/g, '').replace(/^\+44/, '0');

/**
 * Every former member, from every event in order and the joined store (undefined: not read, so
 * no details), and `next`: one more than any member number an event names.
 */
export function formerRows(
  events: readonly LedgerEvent[],
  keys: ReadonlyMap<number, string>,
  contacts: ReadonlyMap<number, Contact> | undefined,
): { rows: FormerRow[]; next: number } {
  const names = new Map<number, string>();
  const left = new Map<number, { date: IsoDate; reason: LeaveReason }>();
  let next = 1;
  for (const e of events) {
    const member = (e as { member?: unknown }).member;
    if (typeof member === 'number' && member >= next) next = member + 1;
    if (e.type === 'admit' || e.type === 'rename') names.set(e.member, e.name);
    else if (e.type === 'leave') left.set(e.member, { date: e.date, reason: e.reason });
  }
  const rows: FormerRow[] = [];
  for (const [number, l] of left) {
    const c = contacts?.get(number);
    const name = names.get(number) ?? '';
    rows.push({
      number,
      name,
      nameKey: nameKey(name),
      left: l.date,
      reason: l.reason,
      key: keys.get(number) ?? null,
      email: typeof c?.email === 'string' ? c.email.toLowerCase() : null,
      phone: typeof c?.phone === 'string' ? phoneKey(c.phone) : null,
    });
  }
  return { rows: rows.sort((a, b) => a.number - b.number), next };
}

/** The former members a new admission with this name (and email, phone) may be, by number. */
export function formerMatches(rows: readonly FormerRow[], name: string, email: string | undefined, phone: string | undefined): FormerMatch[] {
  const key = nameKey(name);
  const mail = email?.toLowerCase();
  const tel = phone === undefined ? undefined : phoneKey(phone);
  const out: FormerMatch[] = [];
  for (const r of rows) {
    const match = r.nameKey === key ? 'name' : mail && r.email === mail ? 'email' : tel && r.phone !== null && r.phone === tel ? 'phone' : undefined;
    if (match) out.push({ number: r.number, name: r.name, left: r.left, reason: r.reason, match });
  }
  return out.sort((a, b) => a.number - b.number);
}

/**
 * True when events added after the rows were made leave them as they are: no departure, change
 * of name or renumbering, and admissions only of numbers never named before (`next`) in a
 * ledger kept by one copy (where two copies write, an admission can renumber another).
 */
export function eventsKeepFormer(added: readonly LedgerEvent[], next: number, shared: boolean): boolean {
  for (const e of added) {
    if (e.type === 'leave' || e.type === 'rename' || e.type === 'renumber') return false;
    if (e.type === 'admit' && (shared || e.member < next)) return false;
  }
  return true;
}

/**
 * True when contact lines added after the rows were made name no former member, by number or
 * by admission (`isFormer` answers for a number or an admission key).
 */
export function contactLinesKeepFormer(lines: readonly unknown[], isFormer: (member: number | null, key: string | null) => boolean): boolean {
  for (const line of lines) {
    if (typeof line !== 'object' || line === null) continue;
    const { member, of } = line as { member?: unknown; of?: unknown };
    // A line the store's reader would take otherwise (a number as text, say) is not judged here.
    if (member !== undefined && typeof member !== 'number') return false;
    if (of !== undefined && typeof of !== 'string') return false;
    if (isFormer(typeof member === 'number' ? member : null, typeof of === 'string' ? of : null)) return false;
  }
  return true;
}
