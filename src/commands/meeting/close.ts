// coop meeting close <meeting> [--json]: decides the quorum and every resolution from the
// attendance and votes on record, writes the final minutes, marks the meeting closed and
// commits. After this the meeting's papers are final: no coop command changes them.

import { closeMeeting } from '../../api/meetings.js';
import { describeMeeting } from '../../core/meetings/record.js';
import { note, print, printJson } from '../../io/output.js';
import { capitalise, type CommonOptions } from './shared.js';

export interface MeetingCloseOptions extends CommonOptions {
  /** --chair: the member who chaired the meeting. */
  chair?: string;
}

export async function meetingClose(ref: string, options: MeetingCloseOptions): Promise<void> {
  const { cwd = process.cwd(), json, ...write } = options;
  const r = await closeMeeting(cwd, ref, write);
  for (const n of r.notes) note(n);
  if (json) {
    printJson(r.outcome);
    return;
  }
  print(`Closed ${describeMeeting(r)}: ${r.summary}.`);
  print(`Quorum: ${r.quorum.required} needed, ${r.quorum.present} counted.`);
  for (const o of r.outcome.resolutions) {
    print(`  ${o.number} (${o.kind}): ${o.passed ? 'passed' : 'not passed'} — ${o.for} for, ${o.against} against, ${o.abstain} abstaining`);
  }
  print(
    `Minutes: ${r.minutes}. ${capitalise(r.quorum.met ? 'have them signed by the chair at the next meeting.' : 'call the adjourned meeting with the notice the rules require.')}`,
  );
}
