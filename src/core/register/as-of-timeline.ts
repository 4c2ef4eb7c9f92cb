// The register as at any date, from one pass over the ledger: every member's state after each
// day on which an event mentioned them (a "version"), every loan or deposit likewise, and the
// officers' terms with their dates. The state as at a date D is then each member's last version
// dated on or before D, read in a few milliseconds, where deriving it decodes and replays the
// whole ledger.
//
// The versions are recorded by deriveState itself, one day at a time (its `from` option), so the
// timeline means exactly what derivation means: the state as at D is the state after the last
// day on or before D, and only the members an event mentions can change on a day. The officers
// as at D are the terms begun on or before D, each still running unless it ended on or before D
// (a term is pushed when it begins and its end is set once, both in date order).

import type { IsoDate } from '../dates.js';
import { deriveState, inDateOrder, type Member, type MemberProperty, type OfficerTerm, type RegisterState } from '../ledger/derive.js';
import type { LedgerEvent } from '../ledger/events.js';

/** What the register as at a date needs of the state (core/register/statutory-register.ts). */
export type PastState = Pick<RegisterState, 'members' | 'officers' | 'property'>;

/**
 * The timeline in columns of whole numbers: dates are indexes into `dates` (sorted, so their
 * order is the dates' order), texts indexes into `strings`, and -1 stands for null.
 */
export interface AsOfTimeline {
  dates: IsoDate[];
  strings: string[];
  /** The highest membership number any admission (or renumbering) gave. */
  maxNumber: number;
  /** Members in the order derivation admitted them: number, day joined, and how many versions. */
  number: Int32Array;
  joined: Int32Array;
  versions: Int32Array;
  /** Versions, each member's together (in member order), by date: [date, shares, name, left, reason, notices, since]. */
  version: Int32Array;
  /** Loans and deposits: [member, date, loan, deposit] after each day one changed, by date. */
  property: Float64Array;
  /** Officers' terms in the order they began: [member, role, from, to]. */
  officers: Int32Array;
  /** Every repay-shares event in file order: [member, date] (member export's "Shares repaid"). */
  repaid: Int32Array;
}

export const VERSION_FIELDS = 7;
export const PROPERTY_FIELDS = 4;
export const OFFICER_FIELDS = 4;
export const REPAID_FIELDS = 2;

const mentioned = (e: LedgerEvent): number[] => (e.type === 'transfer' ? [e.from, e.to] : 'member' in e ? [e.member] : []);

/**
 * The timeline of these events (every event of the ledger, numbers settled, in file order); undefined
 * when a value does not fit its column (a count beyond 32 bits), and the caller derives instead.
 */
export function buildTimeline(events: readonly LedgerEvent[]): AsOfTimeline | undefined {
  const ordered = inDateOrder(events);
  const dates: IsoDate[] = [];
  const stringIndex = new Map<string, number>();
  const strings: string[] = [];
  const str = (s: string | null): number => {
    if (s === null) return -1;
    let i = stringIndex.get(s);
    if (i === undefined) {
      i = strings.length;
      strings.push(s);
      stringIndex.set(s, i);
    }
    return i;
  };
  /** A text of a member's new version: their last version's index when it is the same text (most are), else looked up. */
  const text = (list: readonly number[], field: number, s: string | null): number => {
    const at = list.length - VERSION_FIELDS + field;
    if (at >= field) {
      const i = list[at]!;
      if (i === -1 ? s === null : strings[i] === s) return i;
    }
    return str(s);
  };
  /** Each member's versions as flat rows, and the day index of the last one recorded. */
  const rows = new Map<number, number[]>();
  const recorded = new Map<number, number>();
  const propRows: number[] = [];
  const propRecorded = new Map<number, number>();
  let state: RegisterState | undefined;
  for (let i = 0; i < ordered.length; ) {
    const date = ordered[i]!.date;
    let j = i;
    while (j < ordered.length && ordered[j]!.date === date) j += 1;
    const day = ordered.slice(i, j);
    state = deriveState(day, state ? { from: state } : {}).state;
    const d = dates.length;
    dates.push(date);
    for (const e of day) {
      for (const n of mentioned(e)) {
        const m = state.members.get(n);
        if (m && recorded.get(n) !== d) {
          recorded.set(n, d);
          let list = rows.get(n);
          if (!list) rows.set(n, (list = []));
          list.push(d, m.shares, text(list, 2, m.name), -1, text(list, 4, m.leftReason), text(list, 5, m.notices), -1);
          // Dates of this member's own events are already in `dates`, so their indexes are known.
          if (m.left !== null) list[list.length - 4] = dateIndex(dates, m.left);
          if (m.noticesSince !== null) list[list.length - 1] = dateIndex(dates, m.noticesSince);
        }
        const p = state.property.get(n);
        if (p && propRecorded.get(n) !== d) {
          propRecorded.set(n, d);
          propRows.push(n, d, p.loan, p.deposit);
        }
      }
    }
    i = j;
  }
  const members = state ? [...state.members.keys()] : [];
  const number = Int32Array.from(members);
  const joined = Int32Array.from(members, (n) => dateIndex(dates, state!.members.get(n)!.joined));
  const versions = Int32Array.from(members, (n) => rows.get(n)!.length / VERSION_FIELDS);
  const version = new Int32Array(versions.reduce((a, b) => a + b, 0) * VERSION_FIELDS);
  let at = 0;
  for (const n of members) {
    const list = rows.get(n)!;
    for (const v of list) if (!fits(v)) return undefined;
    version.set(list, at);
    at += list.length;
  }
  const officers = Int32Array.from((state?.officers ?? []).flatMap((t) => [t.member, str(t.role), dateIndex(dates, t.from), t.to === null ? -1 : dateIndex(dates, t.to)]));
  const repaid = Int32Array.from(events.flatMap((e) => (e.type === 'repay-shares' ? [e.member, dateIndex(dates, e.date)] : [])));
  const maxNumber = state ? state.nextNumber - 1 : 0;
  if (!members.every(fits) || ![...officers].every((v) => v >= -1) || !fits(maxNumber) || !propRows.every(Number.isSafeInteger)) return undefined;
  return { dates, strings, maxNumber, number, joined, versions, version, property: Float64Array.from(propRows), officers, repaid };
}

const fits = (v: number): boolean => Number.isSafeInteger(v) && v >= -1 && v <= 0x7fffffff;

/** The index of a date in the sorted dates, or -1 (a date no event has: then no version names it). */
function dateIndex(dates: readonly IsoDate[], date: IsoDate): number {
  const i = daysBy(dates, date) - 1;
  return i >= 0 && dates[i] === date ? i : -1;
}

/** How many of the timeline's dates are on or before `asOf`: a version is in force when its date index is below this. */
function daysBy(dates: readonly IsoDate[], asOf: IsoDate): number {
  let lo = 0;
  let hi = dates.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (dates[mid]! <= asOf) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The state as at the end of `asOf`: what deriveState(events, { asOf }) gives of members, officers and property. */
export function stateAsOf(t: AsOfTimeline, asOf: IsoDate): PastState {
  const limit = daysBy(t.dates, asOf);
  const { dates, strings, version: v } = t;
  const members = new Map<number, Member>();
  let at = 0;
  for (let i = 0; i < t.number.length; i++) {
    const count = t.versions[i]!;
    const first = at;
    at += count * VERSION_FIELDS;
    if (t.joined[i]! >= limit) continue;
    // The last version on or before the date (the first is the admission's day, so one is).
    let k = first;
    while (k + VERSION_FIELDS < at && v[k + VERSION_FIELDS]! < limit) k += VERSION_FIELDS;
    const left = v[k + 3]!;
    const reason = v[k + 4]!;
    const since = v[k + 6]!;
    const number = t.number[i]!;
    members.set(number, {
      number,
      name: strings[v[k + 2]!]!,
      joined: dates[t.joined[i]!]!,
      left: left < 0 ? null : dates[left]!,
      leftReason: (reason < 0 ? null : strings[reason]!) as Member['leftReason'],
      shares: v[k + 1]!,
      notices: strings[v[k + 5]!] as Member['notices'],
      noticesSince: since < 0 ? null : dates[since]!,
    });
  }
  const property = new Map<number, MemberProperty>();
  const p = t.property;
  for (let k = 0; k < p.length && p[k + 1]! < limit; k += PROPERTY_FIELDS) property.set(p[k]!, { loan: p[k + 2]!, deposit: p[k + 3]! });
  const officers: OfficerTerm[] = [];
  const o = t.officers;
  for (let k = 0; k < o.length; k += OFFICER_FIELDS) {
    if (o[k + 2]! >= limit) continue;
    const to = o[k + 3]!;
    officers.push({ member: o[k]!, role: strings[o[k + 1]!]!, from: dates[o[k + 2]!]!, to: to < 0 || to >= limit ? null : dates[to]! });
  }
  return { members, officers, property };
}

/** When each member was last paid for shares on or before `asOf` (the last such event in file order). */
export function sharesRepaidBy(t: AsOfTimeline, asOf: IsoDate): Map<number, IsoDate> {
  const limit = daysBy(t.dates, asOf);
  const out = new Map<number, IsoDate>();
  for (let k = 0; k < t.repaid.length; k += REPAID_FIELDS) if (t.repaid[k + 1]! < limit) out.set(t.repaid[k]!, t.dates[t.repaid[k + 1]!]!);
  return out;
}

/**
 * True when events added to the ledger since the timeline was made leave the state as at
 * `asOf` as it was: every one is dated after it, none renumbers a member, and no admission
 * gives a number the timeline already knows (only then could it move one: core/ledger/renumber.ts).
 */
export function addedLeavePast(added: readonly LedgerEvent[], asOf: IsoDate, maxNumber: number): boolean {
  return added.every((e) => e.date > asOf && e.type !== 'renumber' && !(e.type === 'admit' && e.member <= maxNumber));
}
