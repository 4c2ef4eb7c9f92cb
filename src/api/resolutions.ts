// Written resolutions: decisions of the members without a meeting. `propose` circulates one
// (the resolution, and a form for each member entitled to agree on the circulation date);
// `sign` records agreements as they come back, and on the day enough have come writes the
// minutes of the decision; `status` counts. Each change is one commit.

import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError, UserError } from '../errors.js';
import { boardRules, writtenRules, type WrittenRules } from '../core/board/rules.js';
import { longDate, type IsoDate } from '../core/dates.js';
import { governingDocumentFile } from '../core/documents/governing.js';
import { currentMembers, deriveState } from '../core/ledger/derive.js';
import { parseEventDate, parseMemberNumber, parsePositiveWhole } from '../core/register/input.js';
import { countWritten, lapseDate, type WrittenKind, type WrittenState } from '../core/resolutions/counting.js';
import { paperContext } from '../core/resolutions/papers.js';
import { refuseWritten } from '../core/resolutions/propose.js';
import { RESOLUTION_RECORD, RESOLUTIONS_DIR, parseResolutionRecord, resolutionDir, type ResolutionRecord } from '../core/resolutions/record.js';
import { findGroupRoot } from '../io/group.js';
import { applyPlan, withWriteLock, type FileChange } from '../io/transaction.js';
import { openGroup, readGroup, type CommonOptions, type GroupContext, type WriteOptions } from './group.js';

export interface ProposeInput extends WriteOptions {
  kind: WrittenKind;
  text: string;
  /** The circulation date (default today). */
  date?: string;
  /** Named so that it can be refused: removing a director before the end of their term (s.288(2)(a)). */
  removeDirector?: number | string;
  /** Removing an auditor before the end of their term (s.288(2)(b)). */
  removeAuditor?: boolean;
}

/** `coop resolution status <id> --json`: the shape documented in the README. */
export interface ResolutionStatus {
  id: number;
  kind: WrittenKind;
  text: string;
  circulated: IsoDate;
  lapses: IsoDate;
  eligible: number;
  agreed: number;
  required: number;
  state: WrittenState;
  passedOn: IsoDate | null;
}

export interface Proposed extends ResolutionStatus {
  /** The resolution's folder: resolutions/001. */
  dir: string;
  /** The forms to send, one a member entitled to agree. */
  forms: string[];
  commit: string | null;
}

export interface Signed extends ResolutionStatus {
  /** The members whose agreement was recorded now. */
  signed: number[];
  /** The minutes written when it passed with these agreements; null otherwise. */
  minutes: string | null;
  commit: string | null;
}

export async function proposeResolution(cwd: string, input: ProposeInput): Promise<Proposed> {
  const root = findGroupRoot(cwd);
  return withWriteLock(root, async () => {
    const group = await readGroup(root, input);
    const rules = writtenRules(group.params);
    const removal = {
      director: input.removeDirector === undefined ? undefined : parseMemberNumber(input.removeDirector),
      auditor: input.removeAuditor === true,
    };
    refuseWritten(rules, removal, boardRules(group.params).word, governingDocumentFile(group.params.group.form).title.toLowerCase());
    const text = cleanText(input.text);
    const circulated = parseEventDate(input.date, 'circulation date', group);
    const { state } = deriveState(group.events, { asOf: circulated });
    const eligible = currentMembers(state).map((m) => ({ member: m.number, name: m.name }));
    if (eligible.length === 0) throw new UserError(`No one was a member on ${longDate(circulated)}, so no one could agree to a written resolution. Nothing was changed.`);
    const id = listRecords(root).reduce((n, r) => Math.max(n, r.id), 0) + 1;
    const record: ResolutionRecord = { id, kind: input.kind, text, circulated, lapses: lapseDate(circulated, rules.lapseDays), eligible, agreements: [], passedOn: null };
    const status = statusOf(record, rules, group.today);
    const dir = resolutionDir(id);
    const context = paperContext(group.params.group.name, record, status.required, rules);
    const { renderTemplate } = await import('../io/render.js');
    const forms = eligible.map((e) => `${dir}/forms/member-${e.member}.md`);
    const changes: FileChange[] = [
      { path: `${dir}/resolution.md`, content: renderTemplate('resolution/resolution.md.hbs', context), tracked: true },
      ...eligible.map((e, i) => ({ path: forms[i]!, content: renderTemplate('resolution/form.md.hbs', { ...context, member: `${e.member}`, name: e.name }), tracked: true })),
      recordFile(record),
    ];
    const commit = await apply(group, changes, `Circulate written ${record.kind} resolution ${id}: ${headline(text)}`, input);
    return { ...status, dir, forms, commit };
  });
}

export async function signResolution(cwd: string, id: number | string, members: readonly (number | string)[], input: WriteOptions & { date?: string } = {}): Promise<Signed> {
  const root = findGroupRoot(cwd);
  const number = parsePositiveWhole(id, 'resolution number');
  if (members.length === 0) throw new UsageError('Give the membership numbers of the members whose signed forms came back.');
  const numbers = members.map((m) => parseMemberNumber(m));
  return withWriteLock(root, async () => {
    const group = await readGroup(root, input);
    const rules = writtenRules(group.params);
    const record = findRecord(root, number);
    const date = parseEventDate(input.date, 'date the agreement was received', group);
    const refuse = (why: string) => {
      throw new UserError(`Cannot record agreement to written resolution ${number}: ${why}. Nothing was changed.`);
    };
    if (record.passedOn) refuse(`it passed on ${longDate(record.passedOn)}, so further agreement changes nothing`);
    if (date > record.lapses)
      refuse(`it lapsed at the end of ${longDate(record.lapses)}, and agreement received after that does not count${rules.company ? ' (Companies Act 2006, section 297(2))' : ''}`);
    if (date < record.circulated) refuse(`${longDate(date)} is before it was circulated (${longDate(record.circulated)})`);
    const eligible = new Set(record.eligible.map((e) => e.member));
    const already = new Set(record.agreements.map((a) => a.member));
    const { state } = deriveState(group.events, { asOf: date });
    const seen = new Set<number>();
    for (const n of numbers) {
      if (seen.has(n)) refuse(`member ${n} is named twice`);
      seen.add(n);
      if (already.has(n)) refuse(`member ${n}'s agreement is already recorded`);
      if (!eligible.has(n)) {
        const m = state.members.get(n);
        refuse(
          m
            ? `member ${n} (${m.name}) was not a member entitled to agree on ${longDate(record.circulated)}, when it was circulated`
            : `there is no member ${n} in the register on ${longDate(date)}`,
        );
      }
      // Eligibility is fixed at circulation (so the number needed never changes), but someone who
      // has since left the group no longer acts for it as a member.
      const m = state.members.get(n);
      if (m?.left)
        refuse(`member ${n} (${m.name}) left on ${longDate(m.left)}, before this agreement was received; they still count among the ${record.eligible.length} entitled to agree`);
    }
    const next: ResolutionRecord = { ...record, agreements: [...record.agreements, ...numbers.map((member) => ({ member, date }))] };
    const count = countWritten(countInput(next, rules), group.today);
    const changes: FileChange[] = [];
    let minutes: string | null = null;
    if (count.state === 'passed') {
      next.passedOn = count.passedOn;
      const { renderTemplate } = await import('../io/render.js');
      minutes = `${resolutionDir(number)}/minutes.md`;
      changes.push({ path: minutes, content: renderTemplate('resolution/minutes.md.hbs', paperContext(group.params.group.name, next, count.required, rules)), tracked: true });
    }
    changes.push(recordFile(next));
    const who = numbers.length === 1 ? `member ${numbers[0]}` : `members ${numbers.join(', ')}`;
    const message = next.passedOn
      ? `Written ${next.kind} resolution ${number} passed on ${next.passedOn}: agreement of ${who}`
      : `Written ${next.kind} resolution ${number}: agreement of ${who} (${count.agreed} of ${count.required} needed)`;
    const commit = await apply(group, changes, message, input);
    return { ...statusOf(next, rules, group.today), signed: numbers, minutes, commit };
  });
}

export async function resolutionStatus(cwd: string, options: CommonOptions = {}): Promise<ResolutionStatus[]> {
  const group = await openGroup(cwd, options);
  const rules = writtenRules(group.params);
  return listRecords(group.root).map((r) => statusOf(r, rules, group.today));
}

export async function oneResolutionStatus(cwd: string, id: number | string, options: CommonOptions = {}): Promise<ResolutionStatus> {
  const group = await openGroup(cwd, options);
  return statusOf(findRecord(group.root, parsePositiveWhole(id, 'resolution number')), writtenRules(group.params), group.today);
}

/** A decision the members made, for whatever needs one (a rules amendment): null unless it passed. */
export interface PassedDecision {
  how: 'written-resolution';
  id: number;
  kind: WrittenKind;
  text: string;
  /** The day it was made. */
  date: IsoDate;
  /** The record of it: resolutions/001/minutes.md. */
  minutes: string;
}

export async function passedDecision(cwd: string, id: number | string, options: CommonOptions = {}): Promise<PassedDecision | null> {
  const s = await oneResolutionStatus(cwd, id, options);
  if (s.state !== 'passed' || !s.passedOn) return null;
  return { how: 'written-resolution', id: s.id, kind: s.kind, text: s.text, date: s.passedOn, minutes: `${resolutionDir(s.id)}/minutes.md` };
}

function statusOf(record: ResolutionRecord, rules: WrittenRules, today: IsoDate): ResolutionStatus {
  const count = countWritten(countInput(record, rules), today);
  return {
    id: record.id,
    kind: record.kind,
    text: record.text,
    circulated: record.circulated,
    lapses: record.lapses,
    eligible: count.eligible,
    agreed: count.agreed,
    required: count.required,
    state: count.state,
    passedOn: count.passedOn,
  };
}

function countInput(record: ResolutionRecord, rules: WrittenRules) {
  return {
    kind: record.kind,
    eligible: record.eligible.map((e) => e.member),
    circulated: record.circulated,
    lapses: record.lapses,
    agreements: record.agreements,
    special: rules.special,
  };
}

function listRecords(root: string): ResolutionRecord[] {
  const base = join(root, RESOLUTIONS_DIR);
  if (!existsSync(base)) return [];
  const out: ResolutionRecord[] = [];
  for (const entry of readdirSync(base, { withFileTypes: true })) {
    if (!entry.isDirectory() || !existsSync(join(base, entry.name, RESOLUTION_RECORD))) continue;
    out.push(readRecord(root, `${RESOLUTIONS_DIR}/${entry.name}/${RESOLUTION_RECORD}`));
  }
  return out.sort((a, b) => a.id - b.id);
}

function findRecord(root: string, id: number): ResolutionRecord {
  const path = `${resolutionDir(id)}/${RESOLUTION_RECORD}`;
  if (!existsSync(join(root, path))) {
    const known = listRecords(root).map((r) => r.id);
    throw new UserError(`There is no written resolution ${id}${known.length ? ` (there are ${known.join(', ')})` : ' (none has been proposed: coop resolution propose …)'}.`);
  }
  return readRecord(root, path);
}

function readRecord(root: string, path: string): ResolutionRecord {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(join(root, path), 'utf8'));
  } catch (error) {
    throw new UserError(`${path} cannot be read (${(error as Error).message.split('\n')[0]}). Restore it from git (git checkout -- ${path}) and try again.`);
  }
  const { record, problem } = parseResolutionRecord(raw);
  if (!record) throw new UserError(`${path} is not a valid written resolution record: ${problem}. Restore it from git (git checkout -- ${path}) and try again.`);
  return record;
}

function recordFile(record: ResolutionRecord): FileChange {
  return { path: `${resolutionDir(record.id)}/${RESOLUTION_RECORD}`, content: `${JSON.stringify(record, null, 2)}\n`, tracked: true };
}

async function apply(group: GroupContext, changes: FileChange[], message: string, options: WriteOptions): Promise<string | null> {
  return applyPlan(group.root, { changes, message }, { git: group.git, commit: options.commit !== false });
}

const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/;

function cleanText(value: string): string {
  const text = value.trim();
  if (text === '') throw new UsageError('The resolution has no text: give its full wording in quotes, e.g. "That the accounts for 2026 be approved."');
  if (text.length > 5000) throw new UsageError('The resolution is longer than 5,000 characters.');
  if (CONTROL.test(text)) throw new UsageError('The resolution contains a control character.');
  return text;
}

function headline(text: string): string {
  const line = text.replace(/\s+/g, ' ');
  return line.length > 60 ? `${line.slice(0, 57)}…` : line;
}
