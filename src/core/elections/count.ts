// Counting a board election at a general meeting. Uncontested when there are no more candidates
// than seats (all elected, no votes). Otherwise the candidates with the most votes take the
// seats; a tie for the last seat is decided as the rules say (by lot, or the chair's casting
// vote), and the person who decided it is named, so the minutes can record it.

import { UserError } from '../../errors.js';
import type { ElectionMethod, TieBreak } from '../board/rules.js';

export interface CandidateResult {
  member: number;
  name: string;
  /** Null when uncontested. */
  votes: number | null;
  elected: boolean;
}

export interface ElectionResult {
  seats: number;
  uncontested: boolean;
  candidates: CandidateResult[];
  /** Seats no one filled (more seats than candidates). */
  vacant: number;
  /** A tie for the last seat, and how it was decided. */
  tie: { members: number[]; seatsLeft: number; decidedBy: TieBreak; winners: number[] } | null;
}

export interface ElectionInput {
  seats: number;
  candidates: readonly { member: number; name: string }[];
  /** Votes per candidate; empty or absent when uncontested. */
  votes: ReadonlyMap<number, number>;
  /** Who won a tie for the last seat(s), by lot or casting vote. */
  tieWinners: readonly number[];
  tieBreak: TieBreak;
  method: ElectionMethod;
  /** How many may vote at the meeting (present and by proxy). */
  voters: number;
}

export function countElection(input: ElectionInput): ElectionResult {
  const { seats, candidates } = input;
  if (candidates.length <= seats) {
    if (input.votes.size > 0)
      throw new UserError(
        `There are ${candidates.length} candidates for ${seats} seats, so the election is uncontested: every candidate is elected without a vote. Leave out --votes.`,
      );
    return { seats, uncontested: true, candidates: candidates.map((c) => ({ ...c, votes: null, elected: true })), vacant: seats - candidates.length, tie: null };
  }
  const named = new Set(candidates.map((c) => c.member));
  for (const m of input.votes.keys()) if (!named.has(m)) throw new UserError(`Member ${m} has votes but is not a candidate (the candidates are ${[...named].join(', ')}).`);
  const missing = candidates.filter((c) => !input.votes.has(c.member)).map((c) => c.member);
  if (missing.length > 0)
    throw new UserError(
      `The election is contested (${candidates.length} candidates for ${seats} seats): give the votes for every candidate; none given for ${missing.map((m) => `member ${m}`).join(', ')} (write 0 for none).`,
    );
  const perVoter = input.method === 'up-to-seats' ? seats : 1;
  let total = 0;
  for (const [m, v] of input.votes) {
    if (v > input.voters) throw new UserError(`Member ${m} has ${v} votes, but only ${input.voters} may vote at the meeting.`);
    total += v;
  }
  if (total > input.voters * perVoter) {
    throw new UserError(
      `${total} votes in all is more than the ${input.voters} voters could cast, each voting for ${perVoter === 1 ? 'one candidate' : `up to ${perVoter} candidates`} as the rules say.`,
    );
  }
  const ranked = [...candidates].sort((a, b) => input.votes.get(b.member)! - input.votes.get(a.member)! || a.member - b.member);
  const lastVotes = input.votes.get(ranked[seats - 1]!.member)!;
  const above = ranked.filter((c) => input.votes.get(c.member)! > lastVotes);
  const tied = ranked.filter((c) => input.votes.get(c.member)! === lastVotes);
  const seatsLeft = seats - above.length;
  let winners = new Set<number>(above.map((c) => c.member));
  let tie: ElectionResult['tie'] = null;
  if (tied.length > seatsLeft) {
    const how = input.tieBreak === 'lot' ? 'drawing lots' : "the chair's casting vote";
    const given = input.tieWinners.filter((m) => tied.some((c) => c.member === m));
    if (input.tieWinners.length === 0) {
      throw new UserError(
        `Candidates ${tied.map((c) => `${c.member} (${c.name})`).join(', ')} tie with ${lastVotes} votes for the last ${seatsLeft === 1 ? 'seat' : `${seatsLeft} seats`}. ` +
          `The rules decide it by ${how}: do that at the meeting, then give the winner with --tie-break ${tied[0]!.member}${seatsLeft > 1 ? ',…' : ''}.`,
      );
    }
    if (given.length !== input.tieWinners.length || given.length !== seatsLeft) {
      throw new UserError(`--tie-break must name ${seatsLeft === 1 ? 'one' : seatsLeft} of the tied candidates (${tied.map((c) => c.member).join(', ')}).`);
    }
    winners = new Set([...winners, ...given]);
    tie = { members: tied.map((c) => c.member), seatsLeft, decidedBy: input.tieBreak, winners: given };
  } else {
    if (input.tieWinners.length > 0) throw new UserError('There is no tie for the last seat, so --tie-break is not needed.');
    for (const c of tied) winners.add(c.member);
  }
  return {
    seats,
    uncontested: false,
    candidates: ranked.map((c) => ({ ...c, votes: input.votes.get(c.member)!, elected: winners.has(c.member) })),
    vacant: 0,
    tie,
  };
}
