// Recording the votes on one resolution: what the group's way of deciding lets be recorded
// (a vote, or consensus with its fallback vote), and never more votes than people who may vote.

import { UsageError, UserError } from '../../errors.js';
import type { DecisionMethod } from '../params.js';
import { votersAllowed, type AssessedAttendance, type ResolutionKind, type VoteRecord } from './counting.js';
import { describeMeeting, type MeetingRecord } from './record.js';

export interface VoteCounts {
  for?: number;
  against?: number;
  abstain?: number;
  standAsides?: number;
}

export interface VoteChoices {
  consensus?: 'agreed' | 'blocked';
  castingVote?: 'for' | 'against';
}

/** Everyone the record says responded: votes and abstentions, or stand-asides and the fallback vote. */
export function responsesRecorded(vote: VoteRecord): number {
  if (vote.method === 'vote') return vote.for + vote.against + vote.abstain;
  return vote.standAsides + (vote.fallback ? vote.fallback.for + vote.fallback.against + vote.fallback.abstain : 0);
}

/** The vote as the group's way of deciding allows it to be recorded. */
export function buildVote(method: DecisionMethod, counts: VoteCounts, choices: VoteChoices, kind: ResolutionKind = 'ordinary'): VoteRecord {
  const consensusGroup = method === 'consensus';
  if (choices.consensus) {
    if (!consensusGroup) throw new UserError('This group decides by majority vote (coop.yml decisions.method), not by consensus: record the votes with --for and --against.');
    if (choices.castingVote) throw new UsageError('--casting-vote is for a tied vote, not for consensus.');
    if (choices.consensus === 'agreed') {
      if (kind !== 'ordinary') {
        // The law counts a special resolution in votes cast, so consensus on one is confirmed by a vote.
        if (counts.for === undefined || counts.against === undefined) {
          throw new UsageError(
            (kind === 'special'
              ? 'A special resolution is passed only by a recorded vote of at least the rules’ share of the votes cast (Companies Act 2006 s.283; the rules say the same for a society or association), '
              : 'The Act counts this resolution in the members’ votes (removing a director, a society’s merger or conversion and its confirmation, an audit exemption), ') +
              'so consensus alone cannot pass it: take the vote and give it with --for and --against (and --abstain). Nothing was recorded.',
          );
        }
        return {
          method: 'consensus',
          outcome: 'agreed',
          standAsides: counts.standAsides ?? 0,
          fallback: { for: counts.for, against: counts.against, abstain: counts.abstain ?? 0 },
        };
      }
      if (counts.for !== undefined || counts.against !== undefined || counts.abstain !== undefined) {
        throw new UsageError('With --consensus agreed there is no vote: leave out --for, --against and --abstain.');
      }
      return { method: 'consensus', outcome: 'agreed', standAsides: counts.standAsides ?? 0 };
    }
    if (counts.for === undefined || counts.against === undefined) {
      throw new UsageError('Consensus was blocked, so the rules’ fallback vote decides: give its result with --for and --against (and --abstain).');
    }
    return { method: 'consensus', outcome: 'blocked', standAsides: counts.standAsides ?? 0, fallback: { for: counts.for, against: counts.against, abstain: counts.abstain ?? 0 } };
  }
  if (consensusGroup) {
    throw new UserError(
      'This group decides by consensus (coop.yml decisions.method): record --consensus agreed, or --consensus blocked with the fallback vote (--for, --against).',
    );
  }
  if (counts.standAsides !== undefined) throw new UsageError('--stand-asides goes with --consensus.');
  // Only --for given: a unanimous vote, nobody against (as most votes at a small group's meeting are).
  if (counts.for === undefined) throw new UsageError('Give the votes with --for N and --against N (and --abstain N if any abstained); --for alone means nobody voted against.');
  return { method: 'vote', for: counts.for, against: counts.against ?? 0, abstain: counts.abstain ?? 0, ...(choices.castingVote ? { castingVote: choices.castingVote } : {}) };
}

/** Refuses more responses than people who may vote, and a casting vote the rules do not give or the count does not need. */
export function checkVote(meeting: MeetingRecord, vote: VoteRecord, assessed: AssessedAttendance, castingVoteAllowed: boolean): void {
  const allowed = votersAllowed(assessed);
  const total = responsesRecorded(vote);
  if (total > allowed) {
    throw new UserError(
      `${total} ${vote.method === 'vote' ? 'votes and abstentions' : 'responses'} recorded, but only ${allowed} may vote at ${describeMeeting(meeting)} ` +
        `(${assessed.present.length} present${assessed.proxies.length > 0 ? `, ${assessed.proxies.length} by proxy` : ''}). ` +
        `Record who came first: coop meeting attend ${meeting.id} <numbers>. Nothing was recorded.`,
    );
  }
  if (vote.method === 'vote' && vote.castingVote) {
    if (!castingVoteAllowed) throw new UserError('The rules give the chair no casting vote (coop.yml meetings.castingVote is false): a tie is lost.');
    if (vote.for !== vote.against || vote.for === 0) throw new UsageError('--casting-vote is only for a tied vote.');
  }
}

/** Refuses to close a meeting whose votes no longer fit the attendance (the register may have been corrected, back-dated, since). */
export function checkVotesStillFit(meeting: MeetingRecord, allowed: number): void {
  for (const v of meeting.votes) {
    const t = responsesRecorded(v);
    if (t > allowed) {
      throw new UserError(
        `Resolution ${v.resolution} has ${t} votes recorded, but only ${allowed} may vote at ${describeMeeting(meeting)} as the attendance and register now stand. ` +
          `Correct the votes (coop meeting vote ${meeting.id} ${v.resolution} …) or the attendance, then close it. Nothing was changed.`,
      );
    }
  }
}
