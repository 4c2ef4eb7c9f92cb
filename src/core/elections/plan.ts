// Nominations and the register changes an election makes: pure, from the register as at the
// meeting date and the meeting's record.

import { UserError } from '../../errors.js';
import { addDays, longDate, type IsoDate } from '../dates.js';
import type { BoardRules } from '../board/rules.js';
import type { RegisterState } from '../ledger/derive.js';
import type { NewEvent } from '../ledger/events.js';
import type { MeetingRecord, Nomination } from '../meetings/record.js';
import type { ElectionResult } from './count.js';
import type { Retiring, Seat } from './rotation.js';

export interface NominationInput {
  member: number;
  proposer: number | null;
  seconder: number | null;
  date: IsoDate;
}

/** The nomination to add, or a refusal saying why. */
export function planNomination(
  meeting: MeetingRecord,
  input: NominationInput,
  state: RegisterState,
  seats: readonly Seat[],
  retiring: readonly Retiring[],
  rules: BoardRules,
): Nomination {
  const refuse = (why: string): never => {
    throw new UserError(`Cannot nominate member ${input.member}: ${why}. Nothing was changed.`);
  };
  if (meeting.type === 'committee') refuse('the board is elected at general meetings, not at committee meetings');
  if (rules.allMembers) refuse('every member is on the board under the rules (board style all-members), so there are no elections');
  const current = (n: number) => {
    const m = state.members.get(n);
    return m !== undefined && m.left === null ? m : undefined;
  };
  const candidate = current(input.member);
  if (rules.mustBeMembers && !candidate) refuse(`member ${input.member} is not a member on ${longDate(meeting.date)}, and the rules say board members must be members`);
  for (const [flag, n] of [
    ['--proposer', input.proposer],
    ['--seconder', input.seconder],
  ] as const) {
    if (n === null) continue;
    if (!current(n)) refuse(`the ${flag.slice(2)}, member ${n}, is not a member on ${longDate(meeting.date)}`);
    if (n === input.member) refuse(`a candidate cannot be their own ${flag.slice(2)}`);
  }
  if (input.proposer !== null && input.proposer === input.seconder) refuse('the proposer and the seconder must be different members');
  if ((meeting.nominations ?? []).some((n) => n.member === input.member)) refuse('they are already nominated for this meeting');
  const isRetiring = retiring.some((r) => r.member === input.member);
  const sitting = seats.find((s) => s.member === input.member);
  if (sitting && !isRetiring) refuse(`they are on the board until a later AGM (since ${longDate(sitting.since)}), and do not retire at this one`);
  if (input.date > meeting.date) refuse(`the nomination is dated ${longDate(input.date)}, after the meeting`);
  if (!isRetiring && rules.nominationDeadlineDays !== null) {
    const deadline = addDays(meeting.date, -rules.nominationDeadlineDays);
    if (input.date > deadline) refuse(`nominations closed on ${longDate(deadline)}, ${rules.nominationDeadlineDays} days before the meeting, as the rules say`);
  }
  return { member: input.member, proposer: input.proposer, seconder: input.seconder, date: input.date, retiring: isRetiring };
}

/**
 * The ledger events an election makes, on the meeting date: those retiring leave the board; a
 * retiring member re-elected starts a new term (so rotation counts from this election); each
 * newly elected member takes a seat.
 */
export function electionEvents(date: IsoDate, result: ElectionResult, retiring: readonly Retiring[], seats: readonly Seat[], rules: BoardRules): NewEvent[] {
  const out: NewEvent[] = [];
  const held = new Map(seats.map((s) => [s.member, s]));
  for (const r of retiring) {
    const seat = held.get(r.member);
    if (seat) out.push({ date, type: 'retire', member: r.member, role: seat.coOpted ? rules.coOptedRole : rules.role });
  }
  for (const c of result.candidates) if (c.elected) out.push({ date, type: 'appoint', member: c.member, role: rules.role });
  return out;
}
