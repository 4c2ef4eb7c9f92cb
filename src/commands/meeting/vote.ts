// coop meeting vote <meeting> <resolution> --for N --against N [--abstain N]
//   or, for a group deciding by consensus, --consensus agreed|blocked [--stand-asides N]
//   (with --for/--against for the fallback vote when blocked).
// Records (or corrects) the votes on one resolution. No more votes than people who may vote.

import { UsageError, UserError } from '../../errors.js';
import { decideResolution, votersAllowed, type VoteRecord } from '../../core/meetings/counting.js';
import { describeMeeting, type MeetingRecord, type VoteEntry } from '../../core/meetings/record.js';
import type { CoopParams } from '../../core/params.js';
import { findGroupRoot } from '../../io/group.js';
import { loadParamsOn } from '../../api/rules-in-force.js';
import { withWriteLock } from '../../io/transaction.js';
import { apply, assess, capitalise, openMeeting, parseCount, print, recordChange, registerFor, type CommonOptions } from './shared.js';

export interface MeetingVoteOptions extends CommonOptions {
  for?: string;
  against?: string;
  abstain?: string;
  consensus?: 'agreed' | 'blocked';
  standAsides?: string;
  castingVote?: 'for' | 'against';
}

export async function meetingVote(ref: string, resolutionArg: string, options: MeetingVoteOptions): Promise<void> {
  if (!/^\d{1,4}$/.test(String(resolutionArg).trim()) || Number(resolutionArg) < 1) {
    throw new UsageError(`"${resolutionArg}" is not a resolution number: resolutions are numbered 1, 2, … as on the agenda.`);
  }
  const number = Number(resolutionArg);
  const counts = {
    for: parseCount(options.for, '--for'),
    against: parseCount(options.against, '--against'),
    abstain: parseCount(options.abstain, '--abstain'),
    standAsides: parseCount(options.standAsides, '--stand-asides'),
  };

  const root = findGroupRoot(options.cwd ?? process.cwd());
  await withWriteLock(root, async () => {
    const meeting = openMeeting(root, ref, 'record votes');
    // The rules in force on the meeting's date: an amendment registered later does not apply.
    const params = await loadParamsOn(root, meeting.date);
    const resolution = meeting.resolutions.find((r) => r.number === number);
    if (!resolution) {
      const list = meeting.resolutions.map((r) => r.number).join(', ');
      throw new UserError(`${capitalise(describeMeeting(meeting))} has no resolution ${number}${list ? `; its resolutions are ${list}` : ' (it has no resolutions)'}.`);
    }
    const vote = buildVote(params, counts, options);
    const register = registerFor(root, params, meeting.type, meeting.date);
    const assessed = assess(params, meeting, register);
    const allowed = votersAllowed(assessed);
    const total = vote.method === 'vote' ? vote.for + vote.against + vote.abstain : vote.standAsides + (vote.fallback ? vote.fallback.for + vote.fallback.against + vote.fallback.abstain : 0);
    if (total > allowed) {
      throw new UserError(
        `${total} ${vote.method === 'vote' ? 'votes and abstentions' : 'responses'} recorded, but only ${allowed} may vote at ${describeMeeting(meeting)} ` +
          `(${assessed.present.length} present${assessed.proxies.length > 0 ? `, ${assessed.proxies.length} by proxy` : ''}). ` +
          `Record who came first: coop meeting attend ${meeting.id} <numbers>. Nothing was recorded.`,
      );
    }
    if (vote.method === 'vote' && vote.castingVote) {
      if (!params.meetings.castingVote) throw new UserError('The rules give the chair no casting vote (coop.yml meetings.castingVote is false): a tie is lost.');
      if (vote.for !== vote.against || vote.for === 0) throw new UsageError('--casting-vote is only for a tied vote.');
    }

    const entry = { resolution: number, ...vote } as VoteEntry;
    const replaced = meeting.votes.some((v) => v.resolution === number);
    const record: MeetingRecord = {
      ...meeting,
      votes: [...meeting.votes.filter((v) => v.resolution !== number), entry].sort((a, b) => a.resolution - b.resolution),
    };
    await apply(root, { changes: [recordChange(meeting.dir, record)], message: `Record the vote on resolution ${number} at ${describeMeeting(meeting)}` }, options);

    const rules = { specialResolution: params.meetings.specialResolution, castingVote: params.meetings.castingVote, fallbackThreshold: params.decisions.fallbackThreshold };
    const outcome = decideResolution(resolution.kind, vote, rules, true);
    if (options.json) {
      print(JSON.stringify({ id: meeting.id, resolution: number, kind: resolution.kind, ...vote, passesIfQuorate: outcome.passed }, null, 2));
      return;
    }
    print(`${replaced ? 'Corrected' : 'Recorded'} the vote on resolution ${number} (${resolution.kind}) at ${describeMeeting(meeting)}.`);
    print(`${outcome.reason} (Final once the meeting is closed and found quorate: coop meeting close ${meeting.id})`);
  });
}

function buildVote(
  params: CoopParams,
  counts: { for?: number; against?: number; abstain?: number; standAsides?: number },
  options: MeetingVoteOptions,
): VoteRecord {
  const consensusGroup = params.decisions.method === 'consensus';
  if (options.consensus) {
    if (!consensusGroup) throw new UserError('This group decides by majority vote (coop.yml decisions.method), not by consensus: record the votes with --for and --against.');
    if (options.castingVote) throw new UsageError('--casting-vote is for a tied vote, not for consensus.');
    if (options.consensus === 'agreed') {
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
    throw new UserError('This group decides by consensus (coop.yml decisions.method): record --consensus agreed, or --consensus blocked with the fallback vote (--for, --against).');
  }
  if (counts.standAsides !== undefined) throw new UsageError('--stand-asides goes with --consensus.');
  if (counts.for === undefined || counts.against === undefined) throw new UsageError('Give the votes with --for N and --against N (and --abstain N if any abstained).');
  return { method: 'vote', for: counts.for, against: counts.against, abstain: counts.abstain ?? 0, ...(options.castingVote ? { castingVote: options.castingVote } : {}) };
}
