import { recordProperty } from '../../api/property.js';
import { formatPounds } from '../../core/numbers.js';
import { committedNote, print, printJson } from '../../io/output.js';

export interface MemberPropertyOptions {
  cwd?: string;
  date?: string;
  deposit?: boolean;
  commit?: boolean;
  json?: boolean;
}

async function record(verb: 'lend' | 'repay', number: string, amount: string, opts: MemberPropertyOptions): Promise<void> {
  const r = await recordProperty(opts.cwd ?? process.cwd(), verb, number, { amount, kind: opts.deposit ? 'deposit' : 'loan', date: opts.date, commit: opts.commit });
  if (opts.json) return printJson(r);
  const money = (p: number) => formatPounds(p, { pence: true });
  print(
    verb === 'lend'
      ? `Recorded a ${r.kind} of ${money(r.pence)} from member ${r.member} (${r.name}) on ${r.date}; they now hold ${money(r.heldPence)} as a ${r.kind}.`
      : `Recorded ${money(r.pence)} of member ${r.member}'s ${r.kind} repaid on ${r.date}; ${money(r.heldPence)} is still held.`,
  );
  const c = committedNote(r.commit, opts.commit);
  if (c) print(c);
}

export const memberLoan = (number: string, amount: string, opts: MemberPropertyOptions) => record('lend', number, amount, opts);
export const memberRepay = (number: string, amount: string, opts: MemberPropertyOptions) => record('repay', number, amount, opts);
