import { listMembers } from '../../api/member-queries.js';
import { formatTable } from '../../core/table.js';
import { print, printJson } from '../../io/output.js';

export interface MemberListOptions {
  cwd?: string;
  asOf?: string;
  all?: boolean;
  json?: boolean;
}

export async function memberList(opts: MemberListOptions): Promise<void> {
  const rows = await listMembers(opts.cwd ?? process.cwd(), { asOf: opts.asOf, all: opts.all });
  if (opts.json) {
    printJson(rows);
    return;
  }
  if (rows.length === 0) {
    print(opts.asOf ? `No members on ${opts.asOf}.` : 'No members yet. Admit one with: coop member add "Full Name"');
    return;
  }
  if (opts.all) {
    print(
      formatTable(
        ['No.', 'Name', 'Joined', 'Left', 'Shares'],
        rows.map((m) => [String(m.number), m.name, m.joined, m.left ?? '', String(m.shares)]),
        [0, 4],
      ),
    );
  } else {
    print(
      formatTable(
        ['No.', 'Name', 'Joined', 'Shares'],
        rows.map((m) => [String(m.number), m.name, m.joined, String(m.shares)]),
        [0, 3],
      ),
    );
  }
}
