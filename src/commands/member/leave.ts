import { leaveMember } from '../../api/members.js';
import { plural } from '../../core/register/messages.js';
import { committedNote, print, printJson } from '../../io/output.js';

export interface MemberLeaveOptions {
  cwd?: string;
  date: string;
  reason: string;
  commit?: boolean;
  json?: boolean;
}

export async function memberLeave(number: string, opts: MemberLeaveOptions): Promise<void> {
  const r = await leaveMember(opts.cwd ?? process.cwd(), number, { date: opts.date, reason: opts.reason, commit: opts.commit });
  if (opts.json) {
    printJson(r);
    return;
  }
  const repaid = r.repaid > 0 ? ` ${plural(r.repaid, 'share')} to be repaid.` : '';
  const offices = r.officesEnded.length > 0 ? ` Their office${r.officesEnded.length > 1 ? 's' : ''} (${r.officesEnded.join(', ')}) ended the same day.` : '';
  print(`Member ${r.number} (${r.name}) left on ${r.left} (${r.reason}).${repaid}${offices}`);
  const c = committedNote(r.commit, opts.commit);
  if (c) print(c);
}
