import { appointOfficer, endOfficerTerm } from '../api/officers.js';
import { committedNote, print, printJson } from '../io/output.js';

export interface OfficerOptions {
  cwd?: string;
  role: string;
  date?: string;
  commit?: boolean;
  json?: boolean;
  coOpted?: boolean;
}

export async function officerAppoint(number: string, opts: OfficerOptions): Promise<void> {
  const r = await appointOfficer(opts.cwd ?? process.cwd(), number, { role: opts.role, date: opts.date, commit: opts.commit, coOpted: opts.coOpted });
  if (opts.json) return printJson(r);
  print(`Appointed member ${r.member} (${r.name}) as ${r.role.replace(/-/g, ' ')} from ${r.date}.`);
  const c = committedNote(r.commit, opts.commit);
  if (c) print(c);
}

export async function officerLeave(number: string, opts: OfficerOptions): Promise<void> {
  const r = await endOfficerTerm(opts.cwd ?? process.cwd(), number, { role: opts.role, date: opts.date, commit: opts.commit });
  if (opts.json) return printJson(r);
  print(`Member ${r.member} (${r.name}) left the office of ${r.role} on ${r.date}.`);
  const c = committedNote(r.commit, opts.commit);
  if (c) print(c);
}
