// coop meeting close <meeting> [--json]: decides the quorum and every resolution from the
// attendance and votes on record, writes the final minutes, marks the meeting closed and
// commits. After this the meeting's papers are final: no coop command changes them.

import { closeMeeting } from '../../api/meetings.js';
import { describeMeeting } from '../../core/meetings/record.js';
import { note, print, printJson } from '../../io/output.js';
import { capitalise, type CommonOptions } from './shared.js';
import type { Context } from '../../io/context.js';

export interface MeetingCloseOptions extends CommonOptions {
  ref: string;
  /** --chair: the member who chaired the meeting. */
  chair?: string;
}

export async function meetingClose(options: MeetingCloseOptions, ctx: Context): Promise<void> {
  const cwd = ctx.cwd;
  const { ref, json, ...write } = options;
  const r = await closeMeeting(cwd, ref, write);
  for (const n of r.notes) note(ctx, n);
  if (json) {
    printJson(ctx, r.outcome);
    return;
  }
  print(ctx, `Closed ${describeMeeting(r)}: ${r.summary}.`);
  print(ctx, `Quorum: ${r.quorum.required} needed, ${r.quorum.present} counted.`);
  for (const o of r.outcome.resolutions) {
    print(ctx, `  ${o.number} (${o.kind}): ${o.passed ? 'passed' : 'not passed'} — ${o.for} for, ${o.against} against, ${o.abstain} abstaining`);
  }
  print(
    ctx,
    `Minutes: ${r.minutes}. ${capitalise(r.quorum.met ? 'have them signed by the chair at the next meeting.' : 'call the adjourned meeting with the notice the rules require.')}`,
  );
}
