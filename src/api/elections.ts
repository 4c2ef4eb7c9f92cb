// Board elections at a general meeting: nominations before it, the count at it, and (when the
// meeting is closed) the result in the minutes and the register of officers, in the meeting's
// commit. Who retires is worked out from the register as at the meeting date.

import { UserError, UsageError } from '../errors.js';
import { boardRules, type BoardRules } from '../core/board/rules.js';
import { longDate, type IsoDate } from '../core/dates.js';
import { countElection, type ElectionResult } from '../core/elections/count.js';
import { electionEvents, planNomination } from '../core/elections/plan.js';
import { boardSeats, retiringAt, type Retiring, type Seat } from '../core/elections/rotation.js';
import { planAppend } from '../core/ledger/append.js';
import type { RegisterState } from '../core/ledger/derive.js';
import { assessAttendance, votersAllowed } from '../core/meetings/counting.js';
import { describeMeeting, type ElectionEntry, type MeetingRecord, type Nomination } from '../core/meetings/record.js';
import { meetingRules } from '../core/meetings/rules.js';
import type { CoopParams } from '../core/params.js';
import type { Voter } from '../core/meetings/entitled.js';
import { parseEventDate, parseMemberNumber, parsePositiveWhole } from '../core/register/input.js';
import type { FileChange } from '../io/transaction.js';
import { readGroup, type WriteOptions } from './group.js';
import { changeMeeting, openMeeting, recordFile, registerFor } from './meeting-context.js';
import type { Recorded } from './record.js';

/** Who sits on the board on the meeting date, and who retires at it (AGMs only). */
export function boardAtMeeting(params: CoopParams, meeting: Pick<MeetingRecord, 'id' | 'type'>, atDate: RegisterState): { rules: BoardRules; seats: Seat[]; retiring: Retiring[] } {
  const rules = boardRules(params);
  const seats = boardSeats(atDate, rules.role);
  const retiring = meeting.type === 'agm' && !rules.allMembers && params.board.style === 'elected-rotation' ? retiringAt(seats, meeting.id) : [];
  return { rules, seats, retiring };
}

/** For the agenda and minutes: who retires from a board of seats, as voters; undefined where the board has no seats recorded. */
export function seatRotation(params: CoopParams, meeting: Pick<MeetingRecord, 'id' | 'type'>, atDate: RegisterState): Voter[] | undefined {
  const { seats, retiring } = boardAtMeeting(params, meeting, atDate);
  if (seats.length === 0) return undefined;
  return retiring.map((r) => ({
    number: r.member,
    name: r.why === 'co-opted' ? `${r.name}, co-opted` : r.byLot ? `${r.name}, chosen by lot` : r.name,
    offices: [],
    inOfficeSince: r.since,
  }));
}

export interface NominateInput extends WriteOptions {
  proposer?: number | string;
  seconder?: number | string;
  /** The day the nomination was received (default today). */
  date?: string;
}

export interface Nominated {
  meeting: string;
  nomination: Nomination;
  name: string;
  candidates: number[];
  retiring: Retiring[];
}

export async function nominateCandidate(cwd: string, ref: string, member: number | string, input: NominateInput = {}): Promise<Nominated & Recorded> {
  const number = parseMemberNumber(member);
  const proposer = input.proposer === undefined ? null : parseMemberNumber(input.proposer);
  const seconder = input.seconder === undefined ? null : parseMemberNumber(input.seconder);
  return changeMeeting(cwd, input, async ({ root, params, today }) => {
    const meeting = await openMeeting(root, ref, 'take nominations');
    const register = registerFor(root, params, meeting.type, meeting.date, { current: params, today });
    const { rules, seats, retiring } = boardAtMeeting(params, meeting, register.atDate);
    const date = parseEventDate(input.date, 'date the nomination was received', { today: today > meeting.date ? meeting.date : today, founded: params.group.founded });
    const nomination = planNomination(meeting, { member: number, proposer, seconder, date }, register.atDate, seats, retiring, rules);
    const record: MeetingRecord = { ...meeting, nominations: [...(meeting.nominations ?? []), nomination] };
    const name = register.atDate.members.get(number)?.name ?? `member ${number}`;
    return {
      changes: [recordFile(meeting.dir, record)],
      message: `Nominate member ${number} for election to the board at ${describeMeeting(meeting)}`,
      result: { meeting: meeting.id, nomination, name, candidates: record.nominations!.map((n) => n.member), retiring },
    };
  });
}

export interface ElectInput extends WriteOptions {
  seats: number | string;
  /** Votes per candidate: "3=41,7=38" or a map. Leave out when uncontested. */
  votes?: string | ReadonlyMap<number, number>;
  /** The winner(s) of a tie for the last seat, by lot or casting vote: "7" or "7,9". */
  tieBreak?: string | number[];
}

export interface Elected {
  meeting: string;
  election: ElectionResult;
  retiring: Retiring[];
}

export async function recordElection(cwd: string, ref: string, input: ElectInput): Promise<Elected & Recorded> {
  const seats = parsePositiveWhole(input.seats, 'number of seats (--seats)');
  const votes = typeof input.votes === 'string' ? parseVotes(input.votes) : new Map(input.votes ?? []);
  const tieWinners =
    typeof input.tieBreak === 'string'
      ? input.tieBreak
          .split(',')
          .filter((t) => t.trim() !== '')
          .map((t) => parseMemberNumber(t))
      : (input.tieBreak ?? []);
  return changeMeeting(cwd, input, async ({ root, params, today }) => {
    const meeting = await openMeeting(root, ref, 'record an election');
    const register = registerFor(root, params, meeting.type, meeting.date, { current: params, today });
    const entry: ElectionEntry = { seats, votes: [...votes].map(([member, v]) => ({ member, votes: v })), tieWinners };
    const { result, retiring } = decideElection(params, { ...meeting, election: entry }, register.atDate, voterCount(params, meeting, register.entitled));
    const record: MeetingRecord = { ...meeting, election: entry };
    return {
      changes: [recordFile(meeting.dir, record)],
      message: `Record the board election at ${describeMeeting(meeting)}: ${result!.candidates.filter((c) => c.elected).length} elected to ${seats} ${seats === 1 ? 'seat' : 'seats'}`,
      result: { meeting: meeting.id, election: result!, retiring },
    };
  });
}

function voterCount(params: CoopParams, meeting: MeetingRecord, entitled: ReadonlySet<number>): number {
  return votersAllowed(assessAttendance(entitled, meeting.attendance, meetingRules(params, meeting.type).proxies));
}

/** The election's result from the record (null when none was recorded), checked against the rules. */
function decideElection(
  params: CoopParams,
  meeting: MeetingRecord,
  atDate: RegisterState,
  voters: number,
): { result: ElectionResult | null; retiring: Retiring[]; seats: Seat[]; rules: BoardRules } {
  const { rules, seats, retiring } = boardAtMeeting(params, meeting, atDate);
  const entry = meeting.election;
  if (!entry) return { result: null, retiring, seats, rules };
  const nominations = meeting.nominations ?? [];
  if (nominations.length === 0)
    throw new UserError(`No one has been nominated for the board at ${describeMeeting(meeting)}: record nominations first (coop meeting nominate ${meeting.id} <member>).`);
  const staying = seats.filter((s) => !retiring.some((r) => r.member === s.member)).length;
  if (staying + entry.seats > rules.maxSize) {
    throw new UserError(
      `${entry.seats} seats with the ${staying} board members not retiring would make a board of ${staying + entry.seats}, more than the rules' maximum of ${rules.maxSize}. Nothing was changed.`,
    );
  }
  const candidates = nominations.map((n) => ({ member: n.member, name: atDate.members.get(n.member)?.name ?? `member ${n.member}` }));
  const result = countElection({
    seats: entry.seats,
    candidates,
    votes: new Map(entry.votes.map((v) => [v.member, v.votes])),
    tieWinners: entry.tieWinners,
    tieBreak: rules.tieBreak,
    method: rules.method,
    voters,
  });
  return { result, retiring, seats, rules };
}

/** "3=41,7=38" → {3 → 41, 7 → 38}. */
export function parseVotes(text: string): Map<number, number> {
  const out = new Map<number, number>();
  for (const part of text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const m = /^(\d{1,9})\s*=\s*(\d{1,9})$/.exec(part);
    if (!m) throw new UsageError(`--votes takes MEMBER=VOTES pairs separated by commas, like 3=41,7=38 (could not read "${part}").`);
    const member = Number(m[1]);
    if (out.has(member)) throw new UsageError(`--votes names member ${member} twice.`);
    out.set(member, Number(m[2]));
  }
  return out;
}

export interface ElectionAtClose {
  /** For the record's outcome and close --json. */
  outcome: { seats: number; candidates: { member: number; name: string; votes: number | null; elected: boolean }[] }[];
  /** For the minutes template: always present (empty without an election). */
  minutes: ElectionMinutes[];
  /** The ledger lines the result appends, in the meeting's commit. */
  changes: FileChange[];
  notes: string[];
}

export interface ElectionMinutes {
  seats: number;
  uncontested: boolean;
  retiring: { member: number; name: string; since: string; why: string }[];
  candidates: { member: number; name: string; votes: string; elected: boolean; proposer: string; seconder: string }[];
  tie: string | null;
  vacant: number;
  boardAfter: number;
}

/** At close: the election decided, its minutes, and the register of officers changed from the meeting date. */
export async function electionAtClose(
  root: string,
  params: CoopParams,
  meeting: MeetingRecord,
  atDate: RegisterState,
  entitled: ReadonlySet<number>,
  today: IsoDate,
  quorate: boolean,
): Promise<ElectionAtClose> {
  const none: ElectionAtClose = { outcome: [], minutes: [], changes: [], notes: [] };
  if (!meeting.election) return none;
  if (!quorate) return { ...none, notes: [`Note: the meeting was not quorate, so the board election recorded at it decides nothing; hold it at the adjourned meeting.`] };
  const { result, retiring, seats, rules } = decideElection(params, meeting, atDate, voterCount(params, meeting, entitled));
  if (!result) return none;
  const group = await readGroup(root, { today }, true);
  const events = electionEvents(meeting.date, result, retiring, seats, rules);
  const plan = planAppend({ summary: group.ledger.summary, events: () => group.events }, events, { rules: group.rules, today: group.today });
  if (plan.problems.length > 0) {
    throw new UserError(
      `Cannot record the board election at ${describeMeeting(meeting)} in the register of officers:\n${plan.problems.map((p) => `  - ${p.message}`).join('\n')}\nNothing was changed.`,
    );
  }
  const staying = seats.filter((s) => !retiring.some((r) => r.member === s.member)).length;
  const boardAfter = staying + result.candidates.filter((c) => c.elected).length;
  const notes: string[] = [];
  if (boardAfter < rules.minSize)
    notes.push(`Warning: the board now has ${boardAfter} members, fewer than the rules' minimum of ${rules.minSize}: fill the places (co-opt, or elect at a general meeting).`);
  const nominations = new Map((meeting.nominations ?? []).map((n) => [n.member, n]));
  const by = (n: number | null | undefined) => (n ? `${atDate.members.get(n)?.name ?? `member ${n}`} (member ${n})` : '—');
  const tie = result.tie
    ? `Candidates ${result.tie.members.join(', ')} had equal votes for the last ${result.tie.seatsLeft === 1 ? 'seat' : `${result.tie.seatsLeft} seats`}; ${result.tie.decidedBy === 'lot' ? 'lots were drawn, as the rules say' : 'the chair decided with a casting vote, as the rules say'}, and member ${result.tie.winners.join(', ')} was elected.`
    : null;
  return {
    outcome: [{ seats: result.seats, candidates: result.candidates.map((c) => ({ member: c.member, name: c.name, votes: c.votes, elected: c.elected })) }],
    minutes: [
      {
        seats: result.seats,
        uncontested: result.uncontested,
        retiring: retiring.map((r) => ({
          member: r.member,
          name: r.name,
          since: longDate(r.since),
          why: r.why === 'co-opted' ? 'co-opted since the last AGM' : r.byLot ? 'by rotation (chosen by lot among those in office equally long)' : 'by rotation',
        })),
        candidates: result.candidates.map((c) => ({
          member: c.member,
          name: c.name,
          votes: c.votes === null ? 'unopposed' : `${c.votes}`,
          elected: c.elected,
          proposer: by(nominations.get(c.member)?.proposer),
          seconder: by(nominations.get(c.member)?.seconder),
        })),
        tie,
        vacant: result.vacant,
        boardAfter,
      },
    ],
    changes: group.ledger.appendChanges(plan.added),
    notes,
  };
}
