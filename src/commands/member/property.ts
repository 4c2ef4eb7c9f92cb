import { recordProperty } from '../../api/property.js';
import { formatPounds } from '../../core/numbers.js';
import { committedNote, print, printJson } from '../../io/output.js';
import type { Context } from '../../io/context.js';

export interface MemberPropertyOptions {
  number: string;
  amount: string;
  date?: string;
  deposit?: boolean;
  commit?: boolean;
  json?: boolean;
}

async function record(verb: 'lend' | 'repay', opts: MemberPropertyOptions, ctx: Context): Promise<void> {
  const { number, amount } = opts;
  const r = await recordProperty(ctx.cwd, verb, number, { amount, kind: opts.deposit ? 'deposit' : 'loan', date: opts.date, commit: opts.commit });
  if (opts.json) return printJson(ctx, r);
  const money = (p: number) => formatPounds(p, { pence: true });
  print(
    ctx,
    verb === 'lend'
      ? `Recorded a ${r.kind} of ${money(r.pence)} from member ${r.member} (${r.name}) on ${r.date}; they now hold ${money(r.heldPence)} as a ${r.kind}.`
      : `Recorded ${money(r.pence)} of member ${r.member}'s ${r.kind} repaid on ${r.date}; ${money(r.heldPence)} is still held.`,
  );
  const c = committedNote(r, opts.commit);
  if (c) print(ctx, c);
}

export const memberLoan = (opts: MemberPropertyOptions, ctx: Context) => record('lend', opts, ctx);
export const memberRepay = (opts: MemberPropertyOptions, ctx: Context) => record('repay', opts, ctx);
