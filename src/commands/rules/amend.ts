// coop rules amend: proposes a change to the rules; prints where its papers are.

import { proposeAmendment } from '../../api/rules.js';
import { AMENDABLE } from '../../core/amendments/propose.js';
import { valueText } from '../../core/amendments/changes.js';
import type { Answers } from '../../core/found/answers.js';
import { committedNote, note, print, printJson } from '../../io/output.js';
import type { Context } from '../../io/context.js';

export interface RulesAmendOptions extends Partial<Record<keyof Answers, string>> {
  /** --object: the same as --objects, as the issue and people write it. */
  object?: string;
  date?: string;
  commit?: boolean;
  json?: boolean;
}

export async function rulesAmend(opts: RulesAmendOptions, ctx: Context): Promise<void> {
  const values: Partial<Record<keyof Answers, unknown>> = {};
  for (const key of AMENDABLE) if (opts[key] !== undefined) values[key] = opts[key];
  if (opts.object !== undefined) values.objects = opts.object;
  const r = await proposeAmendment(ctx.cwd, { values, ...(opts.date ? { today: opts.date } : {}), ...(opts.commit === false ? { commit: false } : {}) });
  if (opts.json) {
    printJson(ctx, {
      id: r.id,
      folder: r.folder,
      proposed: r.proposed,
      status: 'proposed',
      changes: r.changes,
      schedule: r.schedule,
      resolution: r.resolution,
      files: r.files,
      commit: r.commit,
    });
    return;
  }
  const lines = [
    `Proposed amendment ${r.id}:`,
    ...r.changes.map((c) => `  ${c.path}: ${valueText(c.from)} → ${valueText(c.to)}`),
    '',
    `Papers in ${r.folder}/: the amended document, schedule.md (clause by clause), resolution.md (the special resolution in full) and filing.md (what to send to whom).`,
    `Next: put it to a general meeting with coop meeting new general --amendment ${r.id} --date … --time … --place …`,
    'Nothing changes in coop.yml or the rules until it is passed and registered (or filed).',
  ];
  print(ctx, lines.join('\n'));
  const committed = committedNote(r, opts.commit);
  if (committed) note(ctx, committed);
}
