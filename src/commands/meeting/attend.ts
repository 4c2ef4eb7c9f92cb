// coop meeting attend <meeting> <numbers>... [--proxy HOLDER=MEMBER]... [--apologies <numbers>...] [--remove <numbers>...]
// Adds to the attendance on record: who is present, the proxies they hold, who sent apologies.

import { recordAttendance } from '../../api/meetings.js';
import { COMPANY_PROXY_SHOW_OF_HANDS_SOURCE } from '../../core/law.js';
import { describeMeeting } from '../../core/meetings/record.js';
import { print, printJson } from '../../io/output.js';
import type { CommonOptions } from './shared.js';
import type { Context } from '../../io/context.js';

export interface MeetingAttendOptions extends CommonOptions {
  proxy?: string[];
  apologies?: string[];
  remove?: string[];
}

export async function meetingAttend(options: MeetingAttendOptions & { ref: string; numbers?: string[] }, ctx: Context): Promise<void> {
  const cwd = ctx.cwd;
  const { ref, numbers, json, proxy, apologies, remove, ...write } = options;
  const r = await recordAttendance(cwd, ref, { ...write, present: numbers ?? [], proxies: proxy ?? [], apologies: apologies ?? [], remove: remove ?? [] });
  if (json) {
    printJson(ctx, {
      id: r.id,
      ...r.attendance,
      voters: r.voters,
      showOfHands: r.showOfHands,
      quorum: { required: r.quorum.required, present: r.quorum.present, met: r.quorum.met },
    });
    return;
  }
  const { assessed, attendance, quorum } = r;
  const meeting = describeMeeting(r);
  print(
    ctx,
    `Recorded at ${meeting}: ${assessed.present.length} present` +
      `${r.proxiesAllowed ? `, ${assessed.proxies.length} ${assessed.proxies.length === 1 ? 'proxy' : 'proxies'}` : ''}, ${attendance.apologies.length} ${attendance.apologies.length === 1 ? 'apology' : 'apologies'}.`,
  );
  print(ctx, `Quorum: ${quorum.required} needed, ${quorum.present} counted so far: ${quorum.met ? 'quorate' : 'not yet quorate'}.`);
  if (r.showOfHands !== null) {
    print(
      ctx,
      `Votes: at most ${r.showOfHands} on a show of hands (each proxy has one, or one for and one against when told to vote both ways: ${COMPANY_PROXY_SHOW_OF_HANDS_SOURCE}); at most ${r.voters} on a poll.`,
    );
  }
  for (const u of r.unused) print(ctx, `Note: proxy ${u.holder}=${u.member} is not used: ${u.reason}.`);
}
