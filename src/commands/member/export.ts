import { exportMembers } from '../../api/register.js';
import { plural } from '../../core/register/messages.js';
import { print, printJson } from '../../io/output.js';

export interface MemberExportOptions {
  cwd?: string;
  asOf?: string;
  all?: boolean;
  withContacts?: boolean;
  json?: boolean;
}

export async function memberExport(file: string, opts: MemberExportOptions): Promise<void> {
  const r = await exportMembers(opts.cwd ?? process.cwd(), file, { asOf: opts.asOf, all: opts.all, withContacts: opts.withContacts });
  if (opts.json) {
    printJson(r);
    return;
  }
  print(`Wrote ${plural(r.members, 'member')} to ${r.file}${r.withContacts ? ' with their contact details: keep the file private and delete it when done' : ''}.`);
}
