// coop meeting list [--json]: the meetings on record, and when the next AGM is due.

import { longDate } from '../../core/dates.js';
import { nextAgmDue } from '../../core/meetings/agm-due.js';
import { heldAgmDates, meetingTitle } from '../../core/meetings/record.js';
import { findGroupRoot, loadParams, settle } from '../../io/group.js';
import { listMeetings } from '../../io/meetings.js';
import { print, type CommonOptions } from './shared.js';

export async function meetingList(options: Pick<CommonOptions, 'cwd' | 'json'>): Promise<void> {
  const root = findGroupRoot(options.cwd ?? process.cwd());
  await settle(root);
  const params = await loadParams(root);
  const meetings = listMeetings(root);
  if (options.json) {
    print(JSON.stringify(meetings.map((m) => ({ id: m.id, type: m.type, date: m.date, closed: m.closed })), null, 2));
    return;
  }
  if (meetings.length === 0) print('No meetings yet. Call one with: coop meeting new agm --date YYYY-MM-DD --time HH:MM --place "…"');
  for (const m of meetings) {
    const state = m.closed ? (m.outcome?.quorum.met === false ? 'closed (not quorate, adjourned)' : 'closed') : 'open';
    print(`${m.id.padEnd(22)} ${meetingTitle(m.type).padEnd(24)} ${longDate(m.date).padEnd(18)} ${state}`);
  }
  const due = nextAgmDue(params, heldAgmDates(meetings));
  print(`Next AGM due by ${longDate(due.due)}: ${due.reason}.`);
}
