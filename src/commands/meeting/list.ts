// coop meeting list [--json]: the meetings on record, and when the next AGM is due.

import { listMeetings } from '../../api/meetings.js';
import { longDate } from '../../core/dates.js';
import { meetingTitle } from '../../core/meetings/record.js';
import { print, printJson } from '../../io/output.js';
import type { CommonOptions } from './shared.js';
import type { Context } from '../../io/context.js';

export async function meetingList(options: Pick<CommonOptions, 'json'>, ctx: Context): Promise<void> {
  const { meetings, nextAgm } = await listMeetings(ctx.cwd);
  if (options.json) {
    printJson(
      ctx,
      meetings.map((m) => ({ id: m.id, type: m.type, date: m.date, closed: m.closed })),
    );
    return;
  }
  if (meetings.length === 0) print(ctx, 'No meetings yet. Call one with: coop meeting new agm --date YYYY-MM-DD --time HH:MM --place "…"');
  for (const m of meetings) {
    const state = m.closed ? (m.quorate === false ? 'closed (not quorate, adjourned)' : 'closed') : 'open';
    print(ctx, `${m.id.padEnd(22)} ${meetingTitle(m.type).padEnd(24)} ${longDate(m.date).padEnd(18)} ${state}`);
  }
  print(ctx, `Next AGM due by ${longDate(nextAgm.due)}: ${nextAgm.reason}.`);
}
