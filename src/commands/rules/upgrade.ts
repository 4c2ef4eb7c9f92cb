// coop rules upgrade: the newer wording of the governing document, proposed as an amendment.

import { proposeUpgrade } from '../../api/rules-upgrade.js';
import { committedNote, note, print, printJson } from '../../io/output.js';
import type { Context } from '../../io/context.js';

export interface RulesUpgradeOptions {
  date?: string;
  commit?: boolean;
  json?: boolean;
}

export async function rulesUpgrade(opts: RulesUpgradeOptions, ctx: Context): Promise<void> {
  const r = await proposeUpgrade(ctx.cwd, { ...(opts.date ? { date: opts.date } : {}), ...(opts.commit === false ? { commit: false } : {}) });
  if (opts.json) {
    printJson(ctx, { id: r.id, folder: r.folder, status: 'proposed', from: r.from, to: r.to, schedule: r.schedule, kept: r.kept, files: r.files, commit: r.commit });
    return;
  }
  const lines = [
    `Proposed amendment ${r.id}: the newer wording (template ${r.from} to ${r.to}), ${r.schedule.length} passage${r.schedule.length === 1 ? '' : 's'} changed; see ${r.folder}/schedule.md.`,
  ];
  if (r.kept.length > 0) lines.push(`Kept as your document has them (your own wording): ${r.kept.map((e) => e.ref).join(', ')}.`);
  lines.push(`Like any amendment it needs a special resolution (coop meeting new general --amendment ${r.id} …) and then registration or filing before it takes effect.`);
  print(ctx, lines.join('\n'));
  const committed = committedNote(r, opts.commit);
  if (committed) note(ctx, committed);
}
