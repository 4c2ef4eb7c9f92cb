import { leaveMember } from '../../api/members.js';
import { plural } from '../../core/register/messages.js';
import { committedNote, note, print, printJson } from '../../io/output.js';

export interface MemberLeaveOptions {
  cwd?: string;
  date: string;
  reason: string;
  /** --decision: the special resolution that expelled the member, MEETING:RESOLUTION. */
  decision?: string;
  commit?: boolean;
  json?: boolean;
}

export async function memberLeave(number: string, opts: MemberLeaveOptions): Promise<void> {
  const r = await leaveMember(opts.cwd ?? process.cwd(), number, { date: opts.date, reason: opts.reason, decision: opts.decision, commit: opts.commit });
  if (opts.json) {
    printJson(r);
    return;
  }
  const repaid = r.repaid > 0 ? ` ${plural(r.repaid, 'share')} to be repaid.` : '';
  const offices = r.officesEnded.length > 0 ? ` Their office${r.officesEnded.length > 1 ? 's' : ''} (${r.officesEnded.join(', ')}) ended the same day.` : '';
  if (r.decision?.warning) note(r.decision.warning);
  print(`Member ${r.number} (${r.name}) left on ${r.left} (${r.reason}${r.decision ? `, by resolution ${r.decision.decision}` : ''}).${repaid}${offices}`);
  const c = committedNote(r.commit, opts.commit);
  if (c) print(c);
}
