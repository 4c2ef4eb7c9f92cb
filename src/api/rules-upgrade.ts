// `coop rules upgrade`: takes the newer wording of create-coop's governing template as an
// amendment like any other, never as a silent change to the rules in force. Three-way: the
// old template and the new, both rendered with the group's rules, give the schedule of what
// create-coop changed; those changes are made in the group's own document, so wording the
// group has registered itself is kept, and a passage both changed is left as the group has it.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../errors.js';
import { governingContext, governingDocumentFile } from '../core/documents/governing.js';
import { AMENDMENTS_DIR } from '../core/amendments/files.js';
import { deriveAmendments } from '../core/amendments/history.js';
import { filingPaper, resolutionPaper, resolutionText, schedulePaper } from '../core/amendments/papers.js';
import { applySchedule, scheduleOfChanges, type ScheduleEntry } from '../core/amendments/schedule.js';
import { parseDate, todayInUk, type IsoDate } from '../core/dates.js';
import { appendAmendmentEvents, readAmendmentEvents } from '../io/amendments-store.js';
import { findGroupRoot, isGitGroup, loadParams } from '../io/group.js';
import { applyPlan, withWriteLock, type FileChange } from '../io/transaction.js';
import { TEMPLATE_VERSION } from '../version.js';
import type { WriteOptions } from './group.js';

export interface Upgraded {
  id: string;
  folder: string;
  from: number;
  to: number;
  /** The template's changes made in the proposed document. */
  schedule: ScheduleEntry[];
  /** Passages the group has worded itself that the template also changed: left as the group has them. */
  kept: ScheduleEntry[];
  files: string[];
  commit: string | null;
}

export async function proposeUpgrade(cwd: string, options: WriteOptions & { date?: string }): Promise<Upgraded> {
  const today = options.date === undefined ? todayInUk() : parseDate(options.date);
  if (!today) throw new UserError(`--date "${options.date}" is not a date: write it as YYYY-MM-DD. Nothing was changed.`);
  const root = findGroupRoot(cwd);
  return withWriteLock(root, async () => {
    const params = await loadParams(root);
    const from = params.createCoop.templateVersion;
    if (from >= TEMPLATE_VERSION) throw new UserError(`The governing document already uses the newest wording (template ${from}). Nothing was changed.`);
    const events = await readAmendmentEvents(root);
    const pending = deriveAmendments(events, params.group.form).find((a) => a.templateVersion && (a.status === 'proposed' || a.status === 'passed'));
    if (pending) throw new UserError(`Amendment ${pending.id} already proposes the newer wording; see coop rules list. Nothing was changed.`);

    const file = governingDocumentFile(params.group.form);
    const { renderGoverningSource, renderTemplate, templateHistoryDir } = await import('../io/render.js');
    const oldTemplate = join(templateHistoryDir(), `v${from}`, file.template);
    if (!existsSync(oldTemplate)) {
      throw new UserError(
        `This create-coop does not hold template ${from}'s wording of the ${file.title}, so it cannot tell your own edits from its changes. Nothing was changed.`,
      );
    }
    const context = governingContext(params);
    const base = renderGoverningSource(readFileSync(oldTemplate, 'utf8'), context);
    const next = renderTemplate(file.template, context);
    const docPath = join(root, file.path);
    const ours = existsSync(docPath) ? readFileSync(docPath, 'utf8') : base;
    const all = scheduleOfChanges(base, next);
    const { text, kept } = applySchedule(ours, all);
    const schedule = all.filter((e) => !kept.includes(e));
    // The schedule's current wording is the group's document: an added or deleted clause is
    // listed only where the group's document could take it, so nothing is claimed that is not made.
    if (schedule.length === 0) throw new UserError(`The newer wording changes nothing in your ${file.title} that you have not worded yourself. Nothing was changed.`);

    let id = `${today}-template-${TEMPLATE_VERSION}`;
    for (let n = 2; existsSync(join(root, AMENDMENTS_DIR, id)); n++) id = `${today}-template-${TEMPLATE_VERSION}-${n}`;
    const folder = `${AMENDMENTS_DIR}/${id}`;
    const changes = [{ path: 'createCoop.templateVersion', from, to: TEMPLATE_VERSION }];
    const resolution = resolutionText(params, id, schedule);
    let paper = schedulePaper(params, id, changes, schedule);
    if (kept.length > 0) {
      paper += `\n## Kept as your ${file.title} have them\n\nThe newer template also changes these, but your ${file.title} word them differently (your own registered wording), so they are left as they are:\n\n${kept.map((e) => `- ${e.ref}: ${e.title}`).join('\n')}\n`;
    }
    const put = (name: string, content: string): FileChange => ({ path: `${folder}/${name}`, content, tracked: true });
    const papers = [
      put(file.path, text),
      put('schedule.md', paper),
      put('resolution.md', resolutionPaper(params, id, resolution)),
      put('filing.md', filingPaper(params, id, changes)),
    ];
    const change = appendAmendmentEvents(events, [{ date: today, type: 'proposed', amendment: id, changes, templateVersion: { from, to: TEMPLATE_VERSION } }]);
    const commit = await applyPlan(
      root,
      { changes: [...papers, change], message: `Propose amendment ${id}: the newer wording of the ${file.title} (template ${from} to ${TEMPLATE_VERSION})` },
      { git: isGitGroup(root), commit: options.commit !== false },
    );
    return { id, folder, from, to: TEMPLATE_VERSION, schedule, kept, files: papers.map((p) => p.path), commit };
  });
}

export type { IsoDate };
