import { exportMembers } from '../../api/register.js';
import { plural } from '../../core/register/messages.js';
import { print, printJson } from '../../io/output.js';
import type { Context } from '../../io/context.js';

export interface MemberExportOptions {
  asOf?: string;
  all?: boolean;
  withContacts?: boolean;
  json?: boolean;
}

export async function memberExport(opts: MemberExportOptions & { file: string }, ctx: Context): Promise<void> {
  const { file } = opts;
  const r = await exportMembers(ctx.cwd, file, { asOf: opts.asOf, all: opts.all, withContacts: opts.withContacts });
  if (opts.json) {
    printJson(ctx, r);
    return;
  }
  print(ctx, `Wrote ${plural(r.members, 'member')} to ${r.file}${r.withContacts ? ' with their contact details: keep the file private and delete it when done' : ''}.`);
}
