import { groupStatus, statusOf } from '../api/status.js';
import { OWED_KEPT } from '../api/today.js';
import { longDate } from '../core/dates.js';
import { hasShares } from '../core/law.js';
import { pounds } from '../core/register/statutory-register.js';
import { payeeWords } from '../core/register/shares-owed.js';
import { print, printJson } from '../io/output.js';
import type { Context } from '../io/context.js';

export interface StatusOptions {
  json?: boolean;
}

/** The debts printed: no more than status keeps (OWED_KEPT). */
const OWED_SHOWN = Math.min(10, OWED_KEPT);

export async function statusCommand(opts: StatusOptions, ctx: Context): Promise<void> {
  if (opts.json) {
    printJson(ctx, await groupStatus(ctx.cwd));
    return;
  }
  // The printed status shows the oldest few debts and how many more: it need not read them all.
  const { status: s, owedCount } = await statusOf(ctx.cwd, {}, 'oldest');
  const lines = [
    s.name,
    `  ${s.kind}, ${s.form}, ${s.jurisdiction}; founded ${longDate(s.founded)}`,
    ...(s.foundingAhead
      ? [`  The founding meeting is ahead, on ${longDate(s.founded)}: until then this shows the group as that meeting will found it.`, `  Members at founding: ${s.members}`]
      : [`  Members today: ${s.members}`]),
  ];
  if (s.registered) lines.push(`  Registered ${longDate(s.registered.date)}${s.registered.number ? `, number ${s.registered.number}` : ''}`);
  if (hasShares(s.form)) {
    lines.push(`  Share capital: ${pounds(s.shareCapital)} (${s.shares} shares)`);
  }
  lines.push('', 'Officers:');
  if (s.officers.length === 0) lines.push('  none recorded: appoint with coop officer appoint <number> --role secretary');
  for (const o of s.officers) lines.push(`  ${o.role}: ${o.name} (member ${o.member}) since ${o.since}`);
  for (const w of s.warnings) lines.push(`  Warning: ${w}.`);
  if (owedCount > 0) {
    lines.push('', 'Shares to be repaid:');
    // An imported register of years may owe many: the oldest few, and how many more.
    for (const o of s.sharesOwed.slice(0, OWED_SHOWN))
      lines.push(`  member ${o.member} (${o.name}): ${o.shares} share${o.shares === 1 ? '' : 's'}, ${pounds(o.pence)}, owed since ${o.since}, ${payeeWords(o.payee, o.nominee)}`);
    if (owedCount > OWED_SHOWN) lines.push(`  … and ${owedCount - OWED_SHOWN} more (coop status --json lists every one)`);
    lines.push('  record each payment with coop shares repay <number> --date <date>');
  }
  lines.push('', 'Next deadlines:');
  for (const d of s.deadlines) lines.push(`  ${d.due}  ${d.what}${d.overdue ? ' — OVERDUE' : ''}`, `              ${d.reason}`);
  // Amendments and template upgrades: their own block, beside the statutory deadlines.
  if (s.rules.length > 0) {
    lines.push('', 'Rules:');
    for (const r of s.rules) lines.push(`  ${r.due ? `${r.due}  ` : ''}${r.what}${r.overdue ? ' — OVERDUE' : ''}`, `              next: ${r.next}`);
  }
  if (s.registerProblems > 0) lines.push('', `The register has ${s.registerProblems} problem${s.registerProblems === 1 ? '' : 's'}: run coop check for details.`);
  print(ctx, lines.join('\n'));
}
