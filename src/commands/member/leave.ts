import { leaveMember, type MemberLeft } from '../../api/members.js';
import { NOMINATION_MAX_PENCE } from '../../core/law.js';
import { formatPounds } from '../../core/numbers.js';
import { plural } from '../../core/register/messages.js';
import { committedNote, note, print, printJson } from '../../io/output.js';
import type { Context } from '../../io/context.js';

export interface MemberLeaveOptions {
  date: string;
  reason: string;
  nominee?: string;
  /** --decision: the special resolution that expelled the member, MEETING:RESOLUTION. */
  decision?: string;
  commit?: boolean;
  json?: boolean;
}

export async function memberLeave(opts: MemberLeaveOptions & { number: string }, ctx: Context): Promise<void> {
  const { number } = opts;
  const r = await leaveMember(ctx.cwd, number, { date: opts.date, reason: opts.reason, nominee: opts.nominee, decision: opts.decision, commit: opts.commit });
  if (opts.json) {
    printJson(ctx, r);
    return;
  }
  const offices = r.officesEnded.length > 0 ? ` Their office${r.officesEnded.length > 1 ? 's' : ''} (${r.officesEnded.join(', ')}) ended the same day.` : '';
  if (r.decision?.warning) note(ctx, r.decision.warning);
  const lines = [`Member ${r.number} (${r.name}) left on ${r.left} (${r.reason}${r.decision ? `, by resolution ${r.decision.decision}` : ''}).${offices}`];
  lines.push(...settlement(r));
  print(ctx, lines.join('\n'));
  const c = committedNote(r, opts.commit);
  if (c) print(ctx, c);
}

/** What is owed to whom for the shares (and other property) the member leaves behind. */
function settlement(r: MemberLeft): string[] {
  const money = (p: number) => formatPounds(p, { pence: true });
  const out: string[] = [];
  if (r.cancelled > 0)
    out.push(`Their ${plural(r.cancelled, 'share')} ${r.cancelled === 1 ? 'is' : 'are'} cancelled: the rules make shares non-withdrawable, so nothing is paid for them.`);
  const property = r.propertyPence > 0 ? ` They also hold ${money(r.propertyPence)} in loans or deposits (coop member show ${r.number}).` : '';
  // A death leaves something to settle only where there are shares owed, other property, or a nominee.
  if (r.reason === 'deceased' && (r.owed || r.propertyPence > 0 || r.nominee)) {
    const whose = r.owed ? `their ${plural(r.owed.shares, 'share')} (${money(r.owed.pence)})` : 'their property in the group';
    if (r.nominee) {
      out.push(
        `Their nominee, ${r.nominee}, is entitled to ${whose} and any other property they nominated, up to ${formatPounds(NOMINATION_MAX_PENCE)} in all (2014 Act s.37); anything beyond goes to their ${r.representatives}.${property}`,
      );
    } else {
      out.push(`No nominee was recorded, so ${whose} goes to their ${r.representatives}, once the board has the proof it needs.${property}`);
    }
  } else if (property) out.push(property.trim());
  if (r.owed)
    out.push(`${plural(r.owed.shares, 'share')} (${money(r.owed.pence)}) to be repaid: record the payment when it is made, with coop shares repay ${r.number} --date <date>.`);
  return out;
}
