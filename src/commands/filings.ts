import { recordFiling, recordRegistration } from '../api/filings.js';
import { longDate } from '../core/dates.js';
import { committedNote, print, printJson } from '../io/output.js';

export interface RegisteredOptions {
  cwd?: string;
  date: string;
  number?: string;
  commit?: boolean;
  json?: boolean;
}

export async function registeredCommand(opts: RegisteredOptions): Promise<void> {
  const r = await recordRegistration(opts.cwd ?? process.cwd(), { date: opts.date, number: opts.number, commit: opts.commit });
  if (opts.json) return printJson(r);
  print(
    `Recorded: registered on ${longDate(r.date)}${r.number ? `, number ${r.number}` : ''}${r.corrects ? ` (correcting the entry for ${r.corrects})` : ''}. Filing deadlines now count from it: see coop status.`,
  );
  const c = committedNote(r.commit, opts.commit);
  if (c) print(c);
}

export interface FiledOptions {
  cwd?: string;
  date?: string;
  periodEnd?: string;
  commit?: boolean;
  json?: boolean;
}

export async function filedCommand(what: string, opts: FiledOptions): Promise<void> {
  const r = await recordFiling(opts.cwd ?? process.cwd(), what, { date: opts.date, period: opts.periodEnd, commit: opts.commit });
  if (opts.json) return printJson(r);
  print(`Recorded: ${r.filing} filed on ${longDate(r.date)}, for the period ending ${longDate(r.period)}.`);
  const c = committedNote(r.commit, opts.commit);
  if (c) print(c);
}
