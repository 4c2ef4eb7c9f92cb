import { leaveMember } from '../../api/members.js';
import { plural } from '../../core/register/messages.js';
import { committedNote, print, printJson } from '../../io/output.js';
import type { Context } from '../../io/context.js';

export interface MemberLeaveOptions {
  date: string;
  reason: string;
  commit?: boolean;
  json?: boolean;
}

export async function memberLeave(opts: MemberLeaveOptions & { number: string }, ctx: Context): Promise<void> {
  const { number } = opts;
  const r = await leaveMember(ctx.cwd, number, { date: opts.date, reason: opts.reason, commit: opts.commit });
  if (opts.json) {
    printJson(ctx, r);
    return;
  }
  const repaid = r.repaid > 0 ? ` ${plural(r.repaid, 'share')} to be repaid.` : '';
  const offices = r.officesEnded.length > 0 ? ` Their office${r.officesEnded.length > 1 ? 's' : ''} (${r.officesEnded.join(', ')}) ended the same day.` : '';
  print(ctx, `Member ${r.number} (${r.name}) left on ${r.left} (${r.reason}).${repaid}${offices}`);
  const c = committedNote(r.commit, opts.commit);
  if (c) print(ctx, c);
}
