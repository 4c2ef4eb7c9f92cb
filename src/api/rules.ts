// Changing the rules lawfully: propose an amendment (its papers and a "proposed" event), put it
// to a meeting, record the outcome, and make it take effect — only then do coop.yml and the
// governing document change, in one commit. Also: the rules in force on any date.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError, UserError } from '../errors.js';
import { applyChanges, paramsInput } from '../core/amendments/changes.js';
import { AMENDMENTS_DIR, type AmendmentEvent } from '../core/amendments/events.js';
import { deriveAmendments, type Amendment } from '../core/amendments/history.js';
import { amendmentId } from '../core/amendments/id.js';
import { filingPaper, resolutionPaper, resolutionText, schedulePaper } from '../core/amendments/papers.js';
import { AMENDABLE, proposeRules } from '../core/amendments/propose.js';
import { applySchedule, scheduleOfChanges, type ScheduleEntry } from '../core/amendments/schedule.js';
import { longDate, parseDate, todayInUk, type IsoDate } from '../core/dates.js';
import { questionFor, type Answers } from '../core/found/answers.js';
import { isCompany, isSociety } from '../core/law.js';
import { paramsSchema, type CoopParams } from '../core/params.js';
import { appendAmendmentEvents, readAmendmentEvents } from '../io/amendments-store.js';
import { PARAMS_FILE, findGroupRoot, isGitGroup, loadParams } from '../io/group.js';
import { applyPlan, withWriteLock, type FileChange } from '../io/transaction.js';
import type { WriteOptions } from './group.js';

export interface AmendOptions extends WriteOptions {
  /** Raw flag values by answer key ("quorumPercent": "20%"), checked by coop new's parsers. */
  values: Partial<Record<keyof Answers, unknown>>;
}

export interface Proposed {
  id: string;
  folder: string;
  proposed: IsoDate;
  changes: Amendment['changes'];
  schedule: ScheduleEntry[];
  resolution: string;
  files: string[];
  commit: string | null;
}

function todayOf(options: { today?: string }): IsoDate {
  if (options.today === undefined) return todayInUk();
  const d = parseDate(options.today);
  if (!d) throw new UsageError(`The option today "${options.today}" is not a date: write it as YYYY-MM-DD.`);
  return d;
}

/** Reads the flags an amendment may set, with coop new's own parsers; refuses any other. */
export function amendAnswers(values: AmendOptions['values']): Answers {
  const answers: Answers = {};
  const problems: string[] = [];
  for (const [key, raw] of Object.entries(values)) {
    if (raw === undefined) continue;
    if (!AMENDABLE.includes(key as keyof Answers)) throw new UsageError(`${key} cannot be changed by an amendment.`);
    const q = questionFor(key as keyof Answers);
    const parsed = q.parse(raw);
    if (parsed.ok) (answers as Record<string, unknown>)[key] = parsed.value;
    else problems.push(`  ${q.flag} ${parsed.message}`);
  }
  if (problems.length > 0) throw new UsageError(`Cannot propose this amendment:\n${problems.join('\n')}\nNothing was changed.`);
  if (Object.keys(answers).length === 0) {
    throw new UsageError(
      'Say what to change, with the same flags as coop new: for example coop rules amend --quorum-percent 20% --notice-days 21, or --object "…". Nothing was changed.',
    );
  }
  return answers;
}

/** `coop rules amend`: checks the proposal against the law, writes amendments/<id>/ and records it proposed. */
export async function proposeAmendment(cwd: string, options: AmendOptions): Promise<Proposed> {
  const answers = amendAnswers(options.values);
  const today = todayOf(options);
  const root = findGroupRoot(cwd);
  return withWriteLock(root, async () => {
    const params = await loadParams(root);
    const events = await readAmendmentEvents(root);
    const amendments = deriveAmendments(events, params.group.form);
    const { proposal, problems } = proposeRules(params, answers);
    if (!proposal) {
      throw new UserError(
        `Cannot propose this amendment: the rules it would make are not lawful or not valid:\n${problems.map((p) => `  ${p.where}: ${p.message}`).join('\n')}\nNothing was changed.`,
      );
    }
    // A passed amendment not yet in coop.yml would make this one's "current" values wrong.
    const waiting = amendments.find((a) => a.status === 'passed' && a.changes.some((c) => proposal.changes.some((p) => p.path === c.path)));
    if (waiting) {
      throw new UserError(
        `Amendment ${waiting.id} was passed and changes the same rules, but is not yet ${isCompany(params.group.form) ? 'filed' : 'registered'}: record that first (coop rules ${isCompany(params.group.form) ? 'filed' : 'registered'} ${waiting.id} --date …), then propose this one. Nothing was changed.`,
      );
    }
    const id = amendmentId(today, proposal.changes, new Set(amendments.map((a) => a.id)));
    const folder = `${AMENDMENTS_DIR}/${id}`;
    if (existsSync(join(root, folder))) throw new UserError(`${folder}/ already exists: coop never overwrites a folder. Nothing was changed.`);
    const { renderGoverningDocument } = await import('../io/render-governing.js');
    const current = renderGoverningDocument(params);
    const next = renderGoverningDocument(proposal.params);
    const schedule = scheduleOfChanges(current.content, next.content);
    const text = resolutionText(params, id, schedule);
    const file = (name: string, content: string): FileChange => ({ path: `${folder}/${name}`, content, tracked: true });
    const papers = [
      file(next.path, proposedDocument(root, current.path, next.content, schedule)),
      file('schedule.md', schedulePaper(params, id, proposal.changes, schedule)),
      file('resolution.md', resolutionPaper(params, id, text)),
      file('filing.md', filingPaper(params, id, proposal.changes)),
    ];
    const changes = [...papers, appendAmendmentEvents(events, [{ date: today, type: 'proposed', amendment: id, changes: proposal.changes }])];
    const commit = await applyPlan(root, { changes, message: `Propose amendment ${id} to the ${current.title}` }, { git: isGitGroup(root), commit: options.commit !== false });
    return { id, folder, proposed: today, changes: proposal.changes, schedule, resolution: text, files: papers.map((p) => p.path), commit };
  });
}

/**
 * The amended document as the group's own would read: the schedule made in the document on
 * disk, so any wording the group has registered is kept; the freshly rendered one when there
 * is no document on disk.
 */
function proposedDocument(root: string, path: string, next: string, schedule: ScheduleEntry[]): string {
  const onDisk = existsSync(join(root, path)) ? readFileSync(join(root, path), 'utf8') : undefined;
  if (!onDisk) return next;
  const { text, kept } = applySchedule(onDisk, schedule);
  if (kept.length === 0) return text;
  // Never a silent rewording: the group's document words these passages its own way (or in an
  // older template's words), so coop cannot say what the amended passage would read.
  throw new UserError(
    `${path} words ${kept.map((e) => e.ref).join(', ')} differently from the wording coop drafts from coop.yml, so coop cannot make this change in it. ` +
      'If an older template is the reason, take the newer wording first with coop rules upgrade; otherwise draft this amendment by hand. Nothing was changed.',
  );
}

/** Every amendment on record with its state. */
export async function listAmendments(cwd: string): Promise<{ root: string; params: CoopParams; amendments: Amendment[]; events: AmendmentEvent[] }> {
  const root = findGroupRoot(cwd);
  const params = await loadParams(root);
  const events = await readAmendmentEvents(root);
  return { root, params, amendments: deriveAmendments(events, params.group.form), events };
}

function findAmendment(amendments: readonly Amendment[], id: string): Amendment {
  const a = amendments.find((x) => x.id === id);
  if (a) return a;
  const known = amendments.map((x) => x.id);
  throw new UserError(`There is no amendment ${id}.${known.length > 0 ? ` Amendments on record: ${known.join(', ')}.` : ' Propose one with coop rules amend.'}`);
}

export interface TakeEffectOptions extends WriteOptions {
  date: string;
}

export interface TookEffect {
  id: string;
  effective: IsoDate;
  files: string[];
  superseded: string;
  commit: string | null;
}

/**
 * `coop rules registered <id>` / `coop rules filed <id>`: records the registration (or the
 * filing at Companies House) and makes the amendment the rules: coop.yml and the governing
 * document change in this one commit, and the document they replace is kept in the folder.
 */
export async function amendmentTakesEffect(cwd: string, id: string, how: 'registered' | 'filed', options: TakeEffectOptions): Promise<TookEffect> {
  const date = parseDate(options.date);
  if (!date) throw new UsageError(`--date "${options.date}" is not a date: write it as YYYY-MM-DD. Nothing was changed.`);
  const today = todayOf(options);
  const root = findGroupRoot(cwd);
  return withWriteLock(root, async () => {
    const params = await loadParams(root);
    const form = params.group.form;
    const events = await readAmendmentEvents(root);
    const a = findAmendment(deriveAmendments(events, form), id);
    const verb = isCompany(form) ? 'filed' : 'registered';
    if (how !== verb) {
      throw new UsageError(
        isCompany(form)
          ? `A company does not register amendments: it files them at Companies House. Use coop rules filed ${id} --date YYYY-MM-DD.`
          : `Only a company files its amendment at Companies House; ${isSociety(form) ? 'a society’s is registered by the FCA' : 'an association records its amendment as adopted'}. Use coop rules registered ${id} --date YYYY-MM-DD.`,
      );
    }
    if (a.applied)
      throw new UserError(`Amendment ${id} is already in force (${a.registered ? `registered ${longDate(a.registered)}` : `filed ${longDate(a.filed!)}`}). Nothing was changed.`);
    if (a.status !== 'passed') {
      throw new UserError(
        `Amendment ${id} has not been passed (it is ${a.status}): put it to a general meeting first with coop meeting new general --amendment ${id} …, and close the meeting. Nothing was changed.`,
      );
    }
    if (date < a.passed!) throw new UserError(`--date ${date} is before the resolution was passed (${longDate(a.passed!)}). Nothing was changed.`);
    if (date > today) throw new UserError(`--date ${date} is in the future: record the registration once it has happened. Nothing was changed.`);

    const newParams = paramsSchema.parse(applyChanges(paramsInput(params), a.changes, 'to'));
    const yml = await updatedCoopYml(root, a.changes);
    const { renderGoverningDocument } = await import('../io/render-governing.js');
    const before = renderGoverningDocument(params);
    const after = renderGoverningDocument(newParams);
    const docPath = join(root, before.path);
    const onDisk = existsSync(docPath) ? readFileSync(docPath, 'utf8') : before.content;
    // A template upgrade's document is the one the members voted on, in its folder; any other
    // amendment's is remade now, in the document as it stands, keeping the group's own wording.
    const folderDoc = join(root, AMENDMENTS_DIR, id, before.path);
    const newDoc =
      a.templateVersion && existsSync(folderDoc)
        ? readFileSync(folderDoc, 'utf8')
        : proposedDocument(root, before.path, after.content, scheduleOfChanges(before.content, after.content));
    const effective = a.effective ?? date;
    const superseded = `${AMENDMENTS_DIR}/${id}/${before.path.replace(/\.md$/, '')}-superseded-${effective}.md`;
    const changes: FileChange[] = [
      { path: superseded, content: onDisk, tracked: true },
      { path: PARAMS_FILE, content: yml, tracked: true },
      { path: before.path, content: newDoc, tracked: true },
      appendAmendmentEvents(events, [{ date, type: how, amendment: id }]),
    ];
    const commit = await applyPlan(
      root,
      { changes, message: `Amendment ${id} ${how} on ${longDate(date)}: the ${before.title} and coop.yml now carry it` },
      { git: isGitGroup(root), commit: options.commit !== false },
    );
    return { id, effective, files: changes.map((c) => c.path), superseded, commit };
  });
}

/** coop.yml with the changes made through the YAML Document API, so its comments stay. */
async function updatedCoopYml(root: string, changes: Amendment['changes']): Promise<string> {
  const { parseDocument } = await import('yaml');
  const { parseParamsText } = await import('../io/params-file.js');
  const text = readFileSync(join(root, PARAMS_FILE), 'utf8');
  const doc = parseDocument(text);
  for (const c of changes) doc.setIn(c.path.split('.'), c.to);
  const out = doc.toString({ lineWidth: 0 });
  const { problems } = parseParamsText(out);
  if (problems.length > 0) throw new UserError(`The amended coop.yml would not be valid: ${problems.map((p) => `${p.where}: ${p.message}`).join('; ')}. Nothing was changed.`);
  return out;
}
