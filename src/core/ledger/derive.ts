// The register's state on a date is derived from the ledger: apply every event dated on or
// before it, in date order (ties in the order they were recorded). The same pass checks each
// event against the rules, so `coop check` and every command share one definition of valid.

import type { IsoDate } from '../dates.js';
import type { LedgerEvent, LeaveReason, NoticeMethod } from './events.js';
import { formatPounds } from '../numbers.js';

export interface Member {
  number: number;
  name: string;
  joined: IsoDate;
  left: IsoDate | null;
  leftReason: LeaveReason | null;
  shares: number;
  /** How notices are served on them: by email only once they consented to it; by post otherwise. */
  notices: NoticeMethod;
  /** The date of the consent (or its withdrawal) now in force; null when none was ever recorded. */
  noticesSince: IsoDate | null;
}

export interface OfficerTerm {
  member: number;
  role: string;
  from: IsoDate;
  to: IsoDate | null;
}

export interface RegisterState {
  /** Every member admitted on or before the date, current and former, by number. */
  members: Map<number, Member>;
  /** Every officer term begun on or before the date; `to` is null while it runs. */
  officers: OfficerTerm[];
  /** The number the next admission gets: never reused, whatever the date. */
  nextNumber: number;
  /** The highest seq in the ledger: the next event gets this + 1. */
  lastSeq: number;
  /** Loans and deposits each member holds in the group, in pence (only members who have any). */
  property: Map<number, MemberProperty>;
  /** Shares withdrawn or given up on leaving and not yet paid for (only members owed some). */
  sharesOwed: Map<number, SharesOwed>;
  /** The nominee (2014 Act s.37) recorded for a member who died, by number. */
  nominees: Map<number, string>;
}

/** Shares a member (or, once they have died, their nominee or representatives) is owed for. */
export interface SharesOwed {
  shares: number;
  /** The earliest date of the shares still owed. */
  since: IsoDate;
}

/** Property a member holds besides shares, in pence (2014 Act s.30(2)(d)). */
export interface MemberProperty {
  loan: number;
  deposit: number;
}

/** The rules that events are checked against: from coop.yml. */
export interface LedgerRules {
  founded: IsoDate;
  shares: {
    minimumHolding: number;
    maximumHolding: number;
    withdrawable: boolean;
    transferable: boolean;
    /** The statutory cap on withdrawable holdings, in shares (cap in pence / nominal value). */
    statutoryMaximum: number | null;
    /** One share's nominal value, so refusals can say what a holding is worth in pounds. */
    nominalPence?: number;
  } | null;
  officersMustBeMembers: boolean;
  /** The board's seats (core/board/rules.ts): many holders, up to the rules' sizes. Absent: every role is a single office. */
  board?: BoardSeats;
}

/** What the ledger checks of board membership: its roles, and the most seats the rules allow. */
export interface BoardSeats {
  role: string;
  coOptedRole: string;
  maxSize: number;
  coOptedMax: number;
  /** Style all-members: everyone is on the board, so no one is appointed to it. */
  allMembers: boolean;
}

export interface LedgerProblem {
  seq: number;
  message: string;
}

export interface DeriveOptions {
  /** Derive the state at the end of this day; all events when omitted. */
  asOf?: IsoDate;
  /** Check events against the rules and collect problems (skipped when omitted). */
  rules?: LedgerRules;
  /** Events dated after this are reported as in the future (with rules). */
  today?: IsoDate;
  /**
   * Go on from this state (taken over and changed): `events` are then only those that come
   * after every event it was derived from, in date order (coop check's incremental path).
   */
  from?: RegisterState;
}

const byDateThenSeq = (x: LedgerEvent, y: LedgerEvent): number => (x.date < y.date ? -1 : x.date > y.date ? 1 : x.seq - y.seq);

/** Events sorted by date, then by seq (a stable sort). Returns the same array when it is already in order. */
export function inDateOrder(events: readonly LedgerEvent[]): readonly LedgerEvent[] {
  let sorted = 1;
  while (sorted < events.length && !outOfOrder(events[sorted - 1]!, events[sorted]!)) sorted += 1;
  if (sorted >= events.length) return events;
  // A ledger is in order but for back-dated entries, usually near its end: sort only from the
  // first one on, and merge that into the part already in order, instead of sorting the lot.
  // Ties take the earlier part first, so the result is the stable sort of the whole.
  const rest = events.slice(sorted).sort(byDateThenSeq);
  const out: LedgerEvent[] = [];
  let i = 0;
  for (const r of rest) {
    // The first event of the ordered part that r goes before, found by halving.
    let lo = i;
    let hi = sorted;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (byDateThenSeq(r, events[mid]!) < 0) hi = mid;
      else lo = mid + 1;
    }
    while (i < lo) out.push(events[i++]!);
    out.push(r);
  }
  while (i < sorted) out.push(events[i++]!);
  return out;
}

function outOfOrder(a: LedgerEvent, b: LedgerEvent): boolean {
  // Most neighbours share a date, and decoding gives equal dates one string: equal at a glance.
  return a.date === b.date ? a.seq > b.seq : a.date > b.date;
}

export function deriveState(events: readonly LedgerEvent[], options: DeriveOptions = {}): { state: RegisterState; problems: LedgerProblem[] } {
  const { asOf, rules, today, from } = options;
  const members = from?.members ?? new Map<number, Member>();
  const officers: OfficerTerm[] = from?.officers ?? [];
  const property = from?.property ?? new Map<number, MemberProperty>();
  const sharesOwed = from?.sharesOwed ?? new Map<number, SharesOwed>();
  const nominees = from?.nominees ?? new Map<number, string>();
  const owe = (member: number, shares: number, on: IsoDate) => {
    if (shares <= 0) return;
    const o = sharesOwed.get(member);
    if (o) o.shares += shares;
    else sharesOwed.set(member, { shares, since: on });
  };
  const problems: LedgerProblem[] = [];
  let maxNumber = from ? from.nextNumber - 1 : 0;
  let lastSeq = from?.lastSeq ?? 0;
  for (const e of events) {
    if (e.seq > lastSeq) lastSeq = e.seq;
    if ((e.type === 'admit' || e.type === 'renumber') && e.member > maxNumber) maxNumber = e.member;
  }

  const problem = (e: LedgerEvent, message: string) => {
    if (rules) problems.push({ seq: e.seq, message });
  };
  const current = (e: LedgerEvent, n: number, what: string): Member | undefined => {
    const m = members.get(n);
    if (!m) {
      problem(e, `${what}: member ${n} has not been admitted by ${e.date}`);
      return undefined;
    }
    if (m.left !== null) {
      problem(e, `${what}: member ${n} left on ${m.left}`);
      return undefined;
    }
    return m;
  };
  const openTerm = (member: number, role: string) => officers.find((t) => t.member === member && t.role === role && t.to === null);
  const shareRules = rules?.shares ?? null;
  const checkHolding = (e: LedgerEvent, m: Member, holding: number) => {
    if (!rules) return;
    if (!shareRules) {
      if (holding !== 0) problem(e, `member ${m.number} would hold ${holding} shares, but this group has no shares`);
      return;
    }
    // A secretary thinks in pounds as well as shares: "(£5.00 against the maximum of £1.00)".
    const value = shareRules.nominalPence;
    const inPounds = (limit: number, word: string) =>
      value === undefined ? '' : ` (${formatPounds(holding * value, { pence: true })} against the ${word} of ${formatPounds(limit * value, { pence: true })})`;
    if (holding < shareRules.minimumHolding) {
      problem(e, `member ${m.number} would hold ${holding} shares, below the rules' minimum of ${shareRules.minimumHolding}${inPounds(shareRules.minimumHolding, 'minimum')}`);
    }
    if (holding > shareRules.maximumHolding) {
      problem(e, `member ${m.number} would hold ${holding} shares, above the rules' maximum of ${shareRules.maximumHolding}${inPounds(shareRules.maximumHolding, 'maximum')}`);
    }
    if (shareRules.statutoryMaximum !== null && holding > shareRules.statutoryMaximum) {
      problem(
        e,
        `member ${m.number} would hold ${holding} withdrawable shares, above the statutory cap of ${shareRules.statutoryMaximum}${inPounds(shareRules.statutoryMaximum, 'cap')}`,
      );
    }
  };

  // Events come in runs of one date: each date is compared with asOf, founded and today once.
  let date: IsoDate | undefined;
  let early = false;
  let future = false;
  for (const e of inDateOrder(events)) {
    if (e.date !== date) {
      date = e.date;
      if (asOf !== undefined && date > asOf) break;
      early = rules !== undefined && date < rules.founded;
      // The founding meeting's own entries may be drafted ahead of it: not "in the future".
      future = rules !== undefined && Boolean(today) && date > today! && date !== rules.founded;
    }
    if (early) problem(e, `is dated ${e.date}, before the group was founded (${rules!.founded})`);
    if (future) problem(e, `is dated ${e.date}, which is in the future`);
    switch (e.type) {
      case 'admit': {
        if (members.has(e.member)) {
          problem(e, `admits member ${e.member} again: membership numbers are never reused`);
          break;
        }
        const m: Member = { number: e.member, name: e.name, joined: e.date, left: null, leftReason: null, shares: e.shares, notices: 'post', noticesSince: null };
        members.set(e.member, m);
        checkHolding(e, m, e.shares);
        break;
      }
      case 'leave': {
        const m = current(e, e.member, 'leaving');
        if (!m) break;
        if (shareRules?.withdrawable) {
          if (e.repaid !== m.shares) problem(e, `member ${m.number} held ${m.shares} shares on leaving but ${e.repaid} were repaid`);
        } else if (m.shares > 0 && e.reason !== 'deceased') {
          // A member who dies cannot transfer: the rules cancel non-withdrawable shares then.
          problem(e, `member ${m.number} still holds ${m.shares} shares, which are not withdrawable: transfer them before the member leaves`);
        }
        // "repaid" is what the member gave up to be paid for: owed until a repay-shares event.
        owe(m.number, e.repaid, e.date);
        m.shares = 0;
        m.left = e.date;
        m.leftReason = e.reason;
        for (const t of officers) if (t.member === m.number && t.to === null) t.to = e.date;
        break;
      }
      case 'rename': {
        const m = current(e, e.member, 'change of name');
        if (m) m.name = e.name;
        break;
      }
      case 'issue': {
        const m = current(e, e.member, 'share issue');
        if (!m) break;
        if (rules && !shareRules) problem(e, 'issues shares, but this group has no shares');
        m.shares += e.shares;
        checkHolding(e, m, m.shares);
        break;
      }
      case 'withdraw': {
        const m = current(e, e.member, 'share withdrawal');
        if (!m) break;
        if (rules && shareRules && !shareRules.withdrawable) problem(e, 'withdraws shares, but the rules make shares non-withdrawable');
        if (e.shares > m.shares) problem(e, `member ${m.number} holds ${m.shares} shares and cannot withdraw ${e.shares}`);
        owe(m.number, Math.min(e.shares, m.shares), e.date);
        m.shares = Math.max(0, m.shares - e.shares);
        checkHolding(e, m, m.shares);
        break;
      }
      case 'transfer': {
        const from = current(e, e.from, 'share transfer');
        const to = current(e, e.to, 'share transfer');
        if (!from || !to) break;
        if (e.from === e.to) problem(e, `transfers shares from member ${e.from} to the same member`);
        if (rules && shareRules && !shareRules.transferable) problem(e, 'transfers shares, but the rules make shares non-transferable');
        if (e.shares > from.shares) problem(e, `member ${from.number} holds ${from.shares} shares and cannot transfer ${e.shares}`);
        const moved = Math.min(e.shares, from.shares);
        from.shares -= moved;
        to.shares += moved;
        checkHolding(e, from, from.shares);
        checkHolding(e, to, to.shares);
        break;
      }
      case 'appoint': {
        const m = members.get(e.member);
        if (rules?.officersMustBeMembers || m) {
          if (!current(e, e.member, `appointing a ${e.role}`)) break;
        }
        if (openTerm(e.member, e.role)) {
          problem(e, `member ${e.member} is already ${e.role}`);
          break;
        }
        // A seat on the board has many holders, up to the rules' limits (not one at a time).
        // Seats are known by their names, so a derivation without the rules still reads the board.
        if (BOARD_SEAT.test(e.role)) {
          const seats = rules?.board;
          const boardProblem = seats ? checkBoardSeat(e.member, e.role, seats, officers) : undefined;
          if (boardProblem) {
            problem(e, boardProblem);
            break;
          }
          officers.push({ member: e.member, role: e.role, from: e.date, to: null });
          break;
        }
        // One holder of each office at a time: the register of officers says who the
        // secretary is on a date, and a second secretary would make that ambiguous.
        const holder = officers.find((t) => t.role === e.role && t.to === null);
        if (holder) {
          problem(e, `the office of ${e.role} is held by member ${holder.member} (since ${holder.from}): record that they left it first`);
          break;
        }
        officers.push({ member: e.member, role: e.role, from: e.date, to: null });
        break;
      }
      case 'notices': {
        const m = current(e, e.member, 'how notices are served');
        if (!m) break;
        m.notices = e.method;
        m.noticesSince = e.date;
        break;
      }
      case 'retire': {
        const t = openTerm(e.member, e.role);
        if (!t) {
          problem(e, `member ${e.member} does not hold the office of ${e.role} on ${e.date}`);
          break;
        }
        t.to = e.date;
        break;
      }
      // Registration and filings change no member: core/register/filings.ts reads them.
      case 'registered':
      case 'filed':
        break;
      case 'lend': {
        if (!current(e, e.member, `a ${e.kind}`)) break;
        const held = property.get(e.member) ?? { loan: 0, deposit: 0 };
        held[e.kind] += e.pence;
        property.set(e.member, held);
        break;
      }
      case 'repay': {
        // A former member may still be owed a loan: repayment is checked against what is held.
        if (!members.has(e.member)) problem(e, `repaying a ${e.kind}: member ${e.member} has not been admitted by ${e.date}`);
        const held = property.get(e.member) ?? { loan: 0, deposit: 0 };
        if (e.pence > held[e.kind]) problem(e, `member ${e.member} holds ${held[e.kind]}p as a ${e.kind}, so ${e.pence}p cannot be repaid`);
        held[e.kind] = Math.max(0, held[e.kind] - e.pence);
        property.set(e.member, held);
        break;
      }
      case 'repay-shares': {
        if (!members.has(e.member)) problem(e, `paying for shares: member ${e.member} has not been admitted by ${e.date}`);
        else if (!sharesOwed.has(e.member)) problem(e, `paying for shares: member ${e.member} is owed nothing for shares on ${e.date}`);
        sharesOwed.delete(e.member);
        break;
      }
      case 'nominee': {
        const m = members.get(e.member);
        if (!m) problem(e, `recording a nominee: member ${e.member} has not been admitted by ${e.date}`);
        else if (m.leftReason !== 'deceased') problem(e, `recording a nominee: member ${e.member} is not recorded as having died`);
        nominees.set(e.member, e.name);
        break;
      }
      // The number is changed where the events are read (core/ledger/renumber.ts), before this.
      case 'renumber':
        break;
      case 'forget': {
        const m = members.get(e.member);
        if (!m) problem(e, `erasing contact details: member ${e.member} has not been admitted by ${e.date}`);
        else if (m.left === null) problem(e, `erasing contact details: member ${e.member} has not left`);
        break;
      }
    }
  }
  return { state: { members, officers, nextNumber: maxNumber + 1, lastSeq, property, sharesOwed, nominees }, problems };
}

/** The ledger roles that are seats on the board (core/board/rules.ts), elected or co-opted. */
const BOARD_SEAT = /^(co-opted-)?(director|board-member|committee-member)$/;

/** Why a member may not take a seat on the board now, or undefined. */
function checkBoardSeat(member: number, role: string, seats: BoardSeats, officers: readonly OfficerTerm[]): string | undefined {
  if (role !== seats.role && role !== seats.coOptedRole) return `${role} is not a seat on this group's board (its board members are called ${seats.role})`;
  if (seats.allMembers) return `every member is on the board under the rules (board style all-members), so no one is appointed ${role}`;
  let held = 0;
  let coOpted = 0;
  for (const t of officers) {
    if (t.to !== null || (t.role !== seats.role && t.role !== seats.coOptedRole)) continue;
    if (t.member === member) return `member ${member} is already on the board (${t.role} since ${t.from})`;
    held += 1;
    if (t.role === seats.coOptedRole) coOpted += 1;
  }
  if (held + 1 > seats.maxSize) return `the board would have ${held + 1} members, more than the rules' maximum of ${seats.maxSize}`;
  if (role === seats.coOptedRole && coOpted + 1 > seats.coOptedMax) {
    return seats.coOptedMax === 0
      ? 'the rules allow the board to co-opt no one'
      : `the board would have ${coOpted + 1} co-opted members, more than the rules' limit of ${seats.coOptedMax}`;
  }
  return undefined;
}

/** Members current at the end of a day: admitted on or before it and not yet left. */
export function currentMembers(state: RegisterState): Member[] {
  const out: Member[] = [];
  for (const m of state.members.values()) if (m.left === null) out.push(m);
  return out.sort((a, b) => a.number - b.number);
}

/** Officer terms running at the end of the derived date. */
export function currentOfficers(state: RegisterState): OfficerTerm[] {
  return state.officers.filter((t) => t.to === null);
}

/** The events that concern one member, in date order: for `coop member show`. */
export function memberHistory(events: readonly LedgerEvent[], number: number): LedgerEvent[] {
  return inDateOrder(events).filter((e) => (e.type === 'transfer' ? e.from === number || e.to === number : 'member' in e && e.member === number));
}

/**
 * The problems in `after` that are not in `before`: what a change would add. Compared by
 * seq and message, counting repeats, so a change is refused only for what it makes worse.
 */
export function newProblems(before: readonly LedgerProblem[], after: readonly LedgerProblem[]): LedgerProblem[] {
  const seen = new Map<string, number>();
  for (const p of before) {
    const key = `${p.seq}\u0000${p.message}`;
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  const out: LedgerProblem[] = [];
  for (const p of after) {
    const key = `${p.seq}\u0000${p.message}`;
    const n = seen.get(key) ?? 0;
    if (n > 0) seen.set(key, n - 1);
    else out.push(p);
  }
  return out;
}

/** Shares held by current members, in total. */
export function sharesIssued(state: RegisterState): number {
  let total = 0;
  for (const m of state.members.values()) if (m.left === null) total += m.shares;
  return total;
}
