// coop rules list: every amendment and where it stands.

import { listAmendments } from '../../api/rules.js';
import { valueText } from '../../core/amendments/changes.js';
import { print, printJson } from '../../io/output.js';
import type { Context } from '../../io/context.js';

export interface RulesListOptions {
  json?: boolean;
}

export async function rulesList(opts: RulesListOptions, ctx: Context): Promise<void> {
  const { amendments } = await listAmendments(ctx.cwd);
  if (opts.json) {
    printJson(ctx, amendments);
    return;
  }
  if (amendments.length === 0) {
    print(ctx, 'No amendments on record. Propose one with coop rules amend (for example --quorum-percent 20%).');
    return;
  }
  const lines: string[] = [];
  for (const a of amendments) {
    const when = a.status === 'in force' ? ` from ${a.effective}` : a.status === 'passed' ? ` on ${a.passed}${a.fileBy && !a.filed ? `; file by ${a.fileBy}` : ''}` : '';
    lines.push(`${a.id}  ${a.status}${when}`);
    for (const c of a.changes) lines.push(`  ${c.path}: ${valueText(c.from)} → ${valueText(c.to)}`);
  }
  print(ctx, lines.join('\n'));
}
