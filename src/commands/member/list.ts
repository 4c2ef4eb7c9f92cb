import { listMembers, printedMemberList } from '../../api/member-queries.js';
import { formatTable } from '../../core/table.js';
import { jsonText, print } from '../../io/output.js';
import type { Context } from '../../io/context.js';

export interface MemberListOptions {
  asOf?: string;
  all?: boolean;
  json?: boolean;
}

export async function memberList(opts: MemberListOptions, ctx: Context): Promise<void> {
  if (opts.json) {
    // As printJson prints it: the text is kept for the next run (see printedMemberList).
    ctx.stdout.write(await printedMemberList(ctx.cwd, { asOf: opts.asOf, all: opts.all }, 'json', jsonText));
    return;
  }
  const rows = await listMembers(ctx.cwd, { asOf: opts.asOf, all: opts.all });
  if (rows.length === 0) {
    print(ctx, opts.asOf ? `No members on ${opts.asOf}.` : 'No members yet. Admit one with: coop member add "Full Name"');
    return;
  }
  if (opts.all) {
    print(
      ctx,
      formatTable(
        ['No.', 'Name', 'Joined', 'Left', 'Shares'],
        rows.map((m) => [String(m.number), m.name, m.joined, m.left ?? '', String(m.shares)]),
        [0, 4],
      ),
    );
  } else {
    print(
      ctx,
      formatTable(
        ['No.', 'Name', 'Joined', 'Shares'],
        rows.map((m) => [String(m.number), m.name, m.joined, String(m.shares)]),
        [0, 3],
      ),
    );
  }
}
