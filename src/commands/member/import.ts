import { importMembers } from '../../api/import-members.js';
import { plural } from '../../core/register/messages.js';
import { formatTable } from '../../core/table.js';
import { committedNote, print, printJson } from '../../io/output.js';
import type { Context } from '../../io/context.js';

export interface MemberImportOptions {
  columns?: string;
  dryRun?: boolean;
  skipExisting?: boolean;
  commit?: boolean;
  json?: boolean;
}

export async function memberImport(opts: MemberImportOptions & { file: string }, ctx: Context): Promise<void> {
  const { file } = opts;
  const r = await importMembers(ctx.cwd, file, { columns: opts.columns, dryRun: opts.dryRun, skipExisting: opts.skipExisting, commit: opts.commit });
  if (opts.json) {
    printJson(ctx, r);
    return;
  }
  const table = formatTable(
    ['No.', 'Name', 'Joined', 'Left', 'Shares', 'Private details', 'Row'],
    r.members.map((m) => [String(m.number), m.name, m.joined, m.left ?? '-', String(m.shares), m.contacts.join(', ') || '-', String(m.row)]),
    [0, 4, 6],
  );
  print(
    ctx,
    r.dryRun ? `Would import ${plural(r.members.length, 'member')} from ${file} (dry run: nothing written):` : `Imported ${plural(r.members.length, 'member')} from ${file}:`,
  );
  print(ctx, table);
  if (r.skipped.length > 0)
    print(ctx, `Left out ${plural(r.skipped.length, 'row')} already in the register (${r.skipped.map((k) => `row ${k.row}: member ${k.member}`).join(', ')}).`);
  const owed = r.members.filter((m) => m.owedShares > 0);
  if (owed.length > 0) {
    print(
      ctx,
      `${owed.length === 1 ? `Member ${owed[0]!.number} left and is` : `${owed.length} members left and are`} recorded as still owed for the shares given up on leaving, ` +
        'as the file does not say they were paid (coop status lists what is owed). Record each payment made with coop shares repay <number> --date <date>; ' +
        'or, before importing, give the file a "Shares repaid" column (yes, or the date paid).',
    );
  }
  if (r.ignoredColumns.length > 0) print(ctx, `Columns not imported: ${r.ignoredColumns.join(', ')}.`);
  const c = committedNote(r, opts.commit);
  if (c && !r.dryRun) print(ctx, c);
}
