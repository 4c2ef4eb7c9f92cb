import { issueShares, repayShares, transferShares, withdrawShares } from '../api/shares.js';
import { formatPounds } from '../core/numbers.js';
import { payeeWords } from '../core/register/shares-owed.js';
import { plural } from '../core/register/messages.js';
import { committedNote, print, printJson } from '../io/output.js';
import type { Context } from '../io/context.js';
import type { Recorded } from '../api/record.js';

export interface SharesOptions {
  date?: string;
  commit?: boolean;
  json?: boolean;
}

function done(ctx: Context, text: string, r: Recorded, opts: SharesOptions): void {
  print(ctx, text);
  const c = committedNote(r, opts.commit);
  if (c) print(ctx, c);
}

export async function sharesIssue(opts: SharesOptions & { number: string; count: string }, ctx: Context): Promise<void> {
  const { number, count } = opts;
  const r = await issueShares(ctx.cwd, number, count, { date: opts.date, commit: opts.commit });
  if (opts.json) return printJson(ctx, r);
  done(ctx, `Issued ${plural(r.shares, 'share')} to member ${r.member} on ${r.date}; they now hold ${r.holding}.`, r, opts);
}

export async function sharesWithdraw(opts: SharesOptions & { number: string; count: string }, ctx: Context): Promise<void> {
  const { number, count } = opts;
  const r = await withdrawShares(ctx.cwd, number, count, { date: opts.date, commit: opts.commit });
  if (opts.json) return printJson(ctx, r);
  done(ctx, `Member ${r.member} withdrew ${plural(r.shares, 'share')} on ${r.date} (to be repaid); they now hold ${r.holding}.`, r, opts);
}

export async function sharesTransfer(opts: SharesOptions & { from: string; to: string; count: string }, ctx: Context): Promise<void> {
  const { from, to, count } = opts;
  const r = await transferShares(ctx.cwd, from, to, count, { date: opts.date, commit: opts.commit });
  if (opts.json) return printJson(ctx, r);
  done(ctx, `Transferred ${plural(r.shares, 'share')} from member ${r.from} to member ${r.to} on ${r.date}; they now hold ${r.holdings.from} and ${r.holdings.to}.`, r, opts);
}

export interface SharesRepayOptions extends SharesOptions {
  number: string;
  amount?: string;
  to?: string;
}

export async function sharesRepay(opts: SharesRepayOptions, ctx: Context): Promise<void> {
  const r = await repayShares(ctx.cwd, opts.number, { date: opts.date, amount: opts.amount, to: opts.to, commit: opts.commit });
  if (opts.json) return printJson(ctx, r);
  const money = (p: number) => formatPounds(p, { pence: true });
  const less = r.pence < r.nominalPence ? ` (their nominal value is ${money(r.nominalPence)})` : '';
  done(
    ctx,
    `Paid ${money(r.pence)} for member ${r.member}'s ${plural(r.shares, 'share')} (${r.name}) on ${r.date}, ${payeeWords(r.payee, r.nominee)}${less}; nothing more is owed for their shares.`,
    r,
    opts,
  );
}
