// coop rules list: every amendment and where it stands.

import { listAmendments } from '../../api/rules.js';
import { valueText } from '../../core/amendments/changes.js';
import { print, printJson } from '../../io/output.js';

export interface RulesListOptions {
  cwd?: string;
  json?: boolean;
}

export async function rulesList(opts: RulesListOptions): Promise<void> {
  const { amendments } = await listAmendments(opts.cwd ?? process.cwd());
  if (opts.json) {
    printJson(amendments);
    return;
  }
  if (amendments.length === 0) {
    print('No amendments on record. Propose one with coop rules amend (for example --quorum-percent 20%).');
    return;
  }
  const lines: string[] = [];
  for (const a of amendments) {
    const when = a.status === 'in force' ? ` from ${a.effective}` : a.status === 'passed' ? ` on ${a.passed}${a.fileBy && !a.filed ? `; file by ${a.fileBy}` : ''}` : '';
    lines.push(`${a.id}  ${a.status}${when}`);
    for (const c of a.changes) lines.push(`  ${c.path}: ${valueText(c.from)} → ${valueText(c.to)}`);
  }
  print(lines.join('\n'));
}
