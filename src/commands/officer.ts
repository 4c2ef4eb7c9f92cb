import { appointOfficer, endOfficerTerm } from '../api/officers.js';
import { committedNote, print, printJson } from '../io/output.js';
import type { Context } from '../io/context.js';

export interface OfficerOptions {
  role: string;
  date?: string;
  commit?: boolean;
  json?: boolean;
  coOpted?: boolean;
}

export async function officerAppoint(opts: OfficerOptions & { number: string }, ctx: Context): Promise<void> {
  const { number } = opts;
  const r = await appointOfficer(ctx.cwd, number, { role: opts.role, date: opts.date, commit: opts.commit, coOpted: opts.coOpted });
  if (opts.json) return printJson(ctx, r);
  print(ctx, `Appointed member ${r.member} (${r.name}) as ${r.role.replace(/-/g, ' ')} from ${r.date}.`);
  const c = committedNote(r, opts.commit);
  if (c) print(ctx, c);
}

export async function officerLeave(opts: OfficerOptions & { number: string }, ctx: Context): Promise<void> {
  const { number } = opts;
  const r = await endOfficerTerm(ctx.cwd, number, { role: opts.role, date: opts.date, commit: opts.commit });
  if (opts.json) return printJson(ctx, r);
  print(ctx, `Member ${r.member} (${r.name}) left the office of ${r.role} on ${r.date}.`);
  const c = committedNote(r, opts.commit);
  if (c) print(ctx, c);
}
