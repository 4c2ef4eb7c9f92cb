import { recordFiling, recordRegistration } from '../api/filings.js';
import { longDate } from '../core/dates.js';
import { committedNote, print, printJson } from '../io/output.js';
import type { Context } from '../io/context.js';

export interface RegisteredOptions {
  date: string;
  number?: string;
  commit?: boolean;
  json?: boolean;
}

export async function registeredCommand(opts: RegisteredOptions, ctx: Context): Promise<void> {
  const r = await recordRegistration(ctx.cwd, { date: opts.date, number: opts.number, commit: opts.commit });
  if (opts.json) return printJson(ctx, r);
  print(
    ctx,
    `Recorded: registered on ${longDate(r.date)}${r.number ? `, number ${r.number}` : ''}${r.corrects ? ` (correcting the entry for ${r.corrects})` : ''}. Filing deadlines now count from it: see coop status.`,
  );
  const c = committedNote(r, opts.commit);
  if (c) print(ctx, c);
}

export interface FiledOptions {
  date?: string;
  periodEnd?: string;
  commit?: boolean;
  json?: boolean;
}

export async function filedCommand(opts: FiledOptions & { what: string }, ctx: Context): Promise<void> {
  const { what } = opts;
  const r = await recordFiling(ctx.cwd, what, { date: opts.date, period: opts.periodEnd, commit: opts.commit });
  if (opts.json) return printJson(ctx, r);
  print(ctx, `Recorded: ${r.filing} filed on ${longDate(r.date)}, for the period ending ${longDate(r.period)}.`);
  const c = committedNote(r, opts.commit);
  if (c) print(ctx, c);
}
