import { issueShares, repayShares, transferShares, withdrawShares } from '../api/shares.js';
import { formatPounds } from '../core/numbers.js';
import { payeeWords } from '../core/register/shares-owed.js';
import { plural } from '../core/register/messages.js';
import { committedNote, print, printJson } from '../io/output.js';

export interface SharesOptions {
  cwd?: string;
  date?: string;
  commit?: boolean;
  json?: boolean;
}

function done(text: string, commit: string | null, opts: SharesOptions): void {
  print(text);
  const c = committedNote(commit, opts.commit);
  if (c) print(c);
}

export async function sharesIssue(number: string, count: string, opts: SharesOptions): Promise<void> {
  const r = await issueShares(opts.cwd ?? process.cwd(), number, count, { date: opts.date, commit: opts.commit });
  if (opts.json) return printJson(r);
  done(`Issued ${plural(r.shares, 'share')} to member ${r.member} on ${r.date}; they now hold ${r.holding}.`, r.commit, opts);
}

export async function sharesWithdraw(number: string, count: string, opts: SharesOptions): Promise<void> {
  const r = await withdrawShares(opts.cwd ?? process.cwd(), number, count, { date: opts.date, commit: opts.commit });
  if (opts.json) return printJson(r);
  done(`Member ${r.member} withdrew ${plural(r.shares, 'share')} on ${r.date} (to be repaid); they now hold ${r.holding}.`, r.commit, opts);
}

export async function sharesTransfer(from: string, to: string, count: string, opts: SharesOptions): Promise<void> {
  const r = await transferShares(opts.cwd ?? process.cwd(), from, to, count, { date: opts.date, commit: opts.commit });
  if (opts.json) return printJson(r);
  done(`Transferred ${plural(r.shares, 'share')} from member ${r.from} to member ${r.to} on ${r.date}; they now hold ${r.holdings.from} and ${r.holdings.to}.`, r.commit, opts);
}

export interface SharesRepayOptions extends SharesOptions {
  amount?: string;
  to?: string;
}

export async function sharesRepay(number: string, opts: SharesRepayOptions): Promise<void> {
  const r = await repayShares(opts.cwd ?? process.cwd(), number, { date: opts.date, amount: opts.amount, to: opts.to, commit: opts.commit });
  if (opts.json) return printJson(r);
  const money = (p: number) => formatPounds(p, { pence: true });
  const less = r.pence < r.nominalPence ? ` (their nominal value is ${money(r.nominalPence)})` : '';
  done(
    `Paid ${money(r.pence)} for member ${r.member}'s ${plural(r.shares, 'share')} (${r.name}) on ${r.date}, ${payeeWords(r.payee, r.nominee)}${less}; nothing more is owed for their shares.`,
    r.commit,
    opts,
  );
}
