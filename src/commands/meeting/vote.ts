// coop meeting vote <meeting> <resolution> --for N --against N [--abstain N]
//   or, for a group deciding by consensus, --consensus agreed|blocked [--stand-asides N]
//   (with --for/--against for the fallback vote when blocked).
// Records (or corrects) the votes on one resolution.

import { recordVote } from '../../api/meetings.js';
import { describeMeeting } from '../../core/meetings/record.js';
import { print, printJson } from '../../io/output.js';
import type { CommonOptions } from './shared.js';
import type { Context } from '../../io/context.js';

export interface MeetingVoteOptions extends CommonOptions {
  for?: string;
  against?: string;
  abstain?: string;
  consensus?: 'agreed' | 'blocked';
  standAsides?: string;
  castingVote?: 'for' | 'against';
}

export async function meetingVote(options: MeetingVoteOptions & { ref: string; resolution: string }, ctx: Context): Promise<void> {
  const cwd = ctx.cwd;
  const { ref, resolution, json, ...input } = options;
  const r = await recordVote(cwd, ref, resolution, input);
  if (json) {
    printJson(ctx, { id: r.id, resolution: r.resolution, kind: r.kind, ...r.vote, passesIfQuorate: r.outcome.passed });
    return;
  }
  print(ctx, `${r.replaced ? 'Corrected' : 'Recorded'} the vote on resolution ${r.resolution} (${r.kind}) at ${describeMeeting(r)}.`);
  print(ctx, `${r.outcome.reason} (Final once the meeting is closed and found quorate: coop meeting close ${r.id})`);
}
