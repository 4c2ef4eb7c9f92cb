// coop meeting new <agm|general|committee>: checks the notice period, then writes the meeting's
// folder (record, notice, agenda, proxy form, attendance sheet, draft minutes, calendar file)
// and commits it as one change.

import { callMeeting, type CalledMeeting, type CallMeetingInput } from '../../api/meetings.js';
import { describeMeeting } from '../../core/meetings/record.js';
import { note, print, printJson } from '../../io/output.js';
import type { Context } from '../../io/context.js';

/** The meeting as called (api/meetings.ts), and whether to print it as JSON. */
export interface MeetingNewOptions extends CallMeetingInput {
  json?: boolean;
}

export async function meetingNew(options: MeetingNewOptions, ctx: Context): Promise<void> {
  const { json, ...input } = options;
  const r = await callMeeting(ctx.cwd, input);
  for (const n of r.notes) note(ctx, n);
  if (json) {
    printJson(ctx, { ...r.record, dir: r.dir, files: r.files, quorum: r.quorum });
    return;
  }
  report(ctx, r);
}

function report(ctx: Context, r: CalledMeeting): void {
  const { record, dir, files, notice, quorum } = r;
  print(ctx, `Called ${describeMeeting(record)} at ${record.time}, ${record.place}.`);
  print(ctx, `Papers in ${dir}/: ${files.join(', ')}`);
  if (notice) {
    print(
      ctx,
      record.shortNotice
        ? `Short notice: ${record.shortNotice.given} clear days (the rules require ${record.shortNotice.required}); at least ${record.shortNotice.consentMembers} of ${record.shortNotice.entitledMembers} members must consent` +
            `, ${record.shortNotice.consents?.length ?? 0} on record${(record.shortNotice.consents?.length ?? 0) < record.shortNotice.consentMembers ? ` (record the rest with: coop meeting consent ${record.date} <numbers>)` : ''}.`
        : `Notice: ${notice.given} clear days (the rules require ${notice.required}).`,
    );
  }
  print(ctx, `Quorum: ${quorum.required} of the ${quorum.entitled} ${record.type === 'committee' ? 'members of the board' : 'members entitled to vote'}.`);
  if (record.resolutions.length > 0) print(ctx, `Resolutions: ${record.resolutions.map((r) => `${r.number} (${r.kind})`).join(', ')}.`);
  print(
    ctx,
    `Next: send the notice${r.proxyForm ? ' and proxy form' : ''} to every ${record.type === 'committee' ? 'member of the board' : 'member'}; at the meeting, record who came with: coop meeting attend ${record.date} <numbers>`,
  );
}
