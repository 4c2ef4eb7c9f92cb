// Who may attend and vote: at a general meeting or AGM, the members current on its date (joined
// on or before it, not left); at a committee meeting, the board on that date. For a board of
// all the members (board style all-members) that is every current member; otherwise it is
// everyone holding an office in the register of officers.

import { longDate, type IsoDate } from '../dates.js';
import { ROTATION_RETIRING_FRACTION } from '../law.js';
import { currentMembers, currentOfficers, type RegisterState } from '../ledger/derive.js';
import type { CoopParams } from '../params.js';
import type { MeetingType } from './record.js';

export interface Voter {
  number: number;
  name: string;
  /** Offices held on the meeting date (for committee papers), in the order of the rules' roles. */
  offices: string[];
  /** The day they took their longest-running office, for rotation; null for none. */
  inOfficeSince: IsoDate | null;
}

/** Everyone entitled to vote at a meeting of this type, in membership-number order. */
export function entitledVoters(state: RegisterState, type: MeetingType, board: Pick<CoopParams['board'], 'style'>): Voter[] {
  const offices = officesByMember(state);
  if (type !== 'committee' || board.style === 'all-members') {
    return currentMembers(state).map((m) => voter(m.number, m.name, offices.get(m.number)));
  }
  return [...offices.entries()].map(([n, held]) => voter(n, state.members.get(n)?.name ?? `member ${n}`, held)).sort((a, b) => a.number - b.number);
}

function officesByMember(state: RegisterState): Map<number, { role: string; from: IsoDate }[]> {
  const out = new Map<number, { role: string; from: IsoDate }[]>();
  for (const t of currentOfficers(state)) {
    const list = out.get(t.member) ?? [];
    list.push({ role: t.role, from: t.from });
    out.set(t.member, list);
  }
  return out;
}

function voter(number: number, name: string, held: { role: string; from: IsoDate }[] | undefined): Voter {
  const since = held?.reduce<IsoDate | null>((a, t) => (a === null || t.from < a ? t.from : a), null) ?? null;
  return { number, name, offices: held?.map((t) => t.role) ?? [], inOfficeSince: since };
}

/**
 * Why a number may not vote at the meeting, in words; undefined when it may. `atDate` is the
 * register on the meeting date, `latest` the register with every event, to tell "joined later".
 */
export function whyNotEntitled(n: number, entitled: ReadonlySet<number>, atDate: RegisterState, latest: RegisterState, type: MeetingType, date: IsoDate): string | undefined {
  if (entitled.has(n)) return undefined;
  const then = atDate.members.get(n);
  if (then?.left) return `member ${n} (${then.name}) left on ${longDate(then.left)}, before the meeting`;
  if (then && type === 'committee') return `member ${n} (${then.name}) is not on the board on ${longDate(date)}, so is not a member of the committee meeting`;
  if (then) return `member ${n} (${then.name}) is not entitled to vote on ${longDate(date)}`;
  const later = latest.members.get(n);
  if (later) return `member ${n} (${later.name}) joined on ${longDate(later.joined)}, after the meeting date (${longDate(date)})`;
  return `there is no member ${n} in the register`;
}

/**
 * Directors retiring by rotation at an AGM, for a board elected with rotation: one third of the
 * board, or the number nearest one third, longest in office first (as in the usual model rules).
 * Those who took office on the same day are ordered by membership number; the rules usually
 * let them agree among themselves or draw lots instead, which the minutes can record.
 */
export function retiringByRotation(board: readonly Voter[]): Voter[] {
  const count = Math.round((board.length * ROTATION_RETIRING_FRACTION.num) / ROTATION_RETIRING_FRACTION.den);
  return [...board]
    .sort((a, b) => ((a.inOfficeSince ?? '') < (b.inOfficeSince ?? '') ? -1 : (a.inOfficeSince ?? '') > (b.inOfficeSince ?? '') ? 1 : a.number - b.number))
    .slice(0, count);
}
