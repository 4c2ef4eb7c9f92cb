// `coop sync`: bring in what the other officers recorded, and send them what this copy
// recorded, with plain git (fetch, merge, push) against any remote — a forge, or a bare
// repository in a shared folder or on a USB stick. The register merges without conflict by
// construction (core/ledger/streams.ts); what a merge can still get wrong is caught here:
// numbers two copies both gave out are settled and recorded (core/ledger/renumber.ts), and a
// clash coop cannot settle — a share issue to a member another officer recorded as gone, a
// closed meeting changed — undoes the merge and says what would settle it.

import { UserError } from '../errors.js';
import type { LedgerEvent } from '../core/ledger/events.js';
import { deriveState } from '../core/ledger/derive.js';
import { parseDate, todayInUk } from '../core/dates.js';
import { MEETINGS_DIR, RECORD_FILE, type MeetingRecord } from '../core/meetings/record.js';
import { mergeMeetingRecords, type MeetingClash, type MeetingMerge } from '../core/meetings/record-merge.js';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../io/atomic.js';
import { mergeHeadOf, mergeUnderWay } from '../io/merge-guard.js';
import { COOP_DIR } from '../core/layout.js';
import { findGroupRoot, isGitGroup, ledgerRules, loadParams, readLedger, settle } from '../io/group.js';
import {
  abortMerge,
  addPaths,
  changedPaths,
  commit,
  countAll,
  countCommits,
  fetchRemote,
  gitIdentity,
  mergeBase,
  mergeNoCommit,
  mergeRef,
  pushHead,
  refCommit,
  remoteNames,
  resetHard,
  resolveHead,
  textAt,
  worktreeState,
} from '../io/git.js';
import { checkGroup } from './check.js';
import { recordChange, type RenumberNews } from './record.js';
import type { CommonOptions } from './group.js';
import { withWriteLock } from '../io/transaction.js';

export interface SyncOptions extends CommonOptions {
  /** The remote to sync with (default: the branch's upstream's, else the only remote, else origin). */
  remote?: string;
  /** Merge and check but do not push. */
  push?: boolean;
  /**
   * Where two copies recorded different things for the same member or resolution of an open
   * meeting: keep this copy's ('here') or the remote's ('remote'). Without it, such a merge is refused.
   */
  prefer?: 'here' | 'remote';
}

export interface SyncResult {
  remote: string;
  branch: string;
  /** Commits brought in from the remote. */
  received: number;
  /** Commits the remote did not have that were sent (0 with push: false). */
  sent: number;
  renumbered: RenumberNews[];
  /** True when an earlier coop sync was stopped during its merge, and this one undid that merge first. */
  resumed: boolean;
  /** Problems coop check still finds (ones the merge did not add: they were there before). */
  problems: string[];
}

const ATTEMPTS = 3;

/**
 * Names the commit a sync is merging while its merge is under way (git-ignored, in coop's
 * working folder). A sync stopped there (killed, power cut) leaves git's merge unfinished; the
 * next sync finds this file naming the same commit, knows the merge was its own and unchecked,
 * and undoes it before starting again. A merge someone started by hand has no such file and is
 * left to them.
 */
const SYNC_MERGE_FILE = `${COOP_DIR}/sync-merge`;

function ownUnfinishedMerge(root: string): boolean {
  const head = mergeHeadOf(root);
  if (head === undefined) return false;
  try {
    return readFileSync(join(root, SYNC_MERGE_FILE), 'utf8').trim() === head;
  } catch {
    return false;
  }
}

export async function syncGroup(cwd: string, options: SyncOptions = {}): Promise<SyncResult> {
  const root = findGroupRoot(cwd);
  await settle(root);
  if (!isGitGroup(root)) throw new UserError('This group is not kept in git (it was made with --no-git), so there is nothing to sync with. Nothing was changed.');
  // An earlier sync stopped half way through its merge: nothing of it was committed, so it is undone and made again.
  const resumed = ownUnfinishedMerge(root);
  if (resumed) await withWriteLock(root, () => abortMerge(root));
  rmSync(join(root, SYNC_MERGE_FILE), { force: true });
  const state = await worktreeState(root);
  if (state.unmerged.length > 0)
    throw new UserError(
      `A git merge is unfinished (${state.unmerged.join(', ')}). Finish it (git merge --continue) or undo it (git merge --abort), then sync. Nothing was changed.`,
    );
  if (mergeUnderWay(root))
    throw new UserError(
      'A git merge is under way here (one started by hand, or a coop sync that was interrupted). Finish it (git commit) or undo it (git merge --abort), then sync. Nothing was changed.',
    );
  if (state.branch === undefined) throw new UserError('This checkout is not on a branch (a "detached HEAD"). Go back to the branch first (git switch main). Nothing was changed.');
  const own = [...new Set([...state.staged, ...state.edited])];
  if (own.length > 0) {
    throw new UserError(
      `You have uncommitted edits of your own (${own.slice(0, 5).join(', ')}${own.length > 5 ? ', …' : ''}), which a merge could mix with other people's. ` +
        'Commit them (git commit -am "…") or put back what git has (git restore <file>), then sync. Nothing was changed.',
    );
  }
  if ((await gitIdentity(root)) === undefined)
    throw new UserError(
      'git does not know who you are, so it cannot record the merge. Run: git config user.name "Your Name" and git config user.email you@example.org. Nothing was changed.',
    );
  const branch = state.branch;
  const remote = await chooseRemote(root, options.remote, state.upstream);
  const upstreamBranch = state.upstream?.startsWith(`${remote}/`) ? state.upstream.slice(remote.length + 1) : branch;
  const tracking = `refs/remotes/${remote}/${upstreamBranch}`;

  const result: SyncResult = { remote, branch: upstreamBranch, received: 0, sent: 0, renumbered: [], resumed, problems: [] };
  for (let attempt = 1; ; attempt++) {
    await fetchRemote(root, remote);
    const theirs = await refCommit(root, tracking);
    const before = (await resolveHead(root))!;
    if (theirs !== undefined && (await countCommits(root, before, theirs)) > 0) {
      result.received += await countCommits(root, before, theirs);
      await withWriteLock(root, () => mergeChecked(root, before, theirs, `${remote}/${upstreamBranch}`, options));
    }
    // Numbers two copies gave out are recorded now, so the copies pushed to agree for good.
    const recorded = await recordChange(root, { today: options.today }, () => ({
      events: [],
      message: 'Record renumbered members',
      refusal: 'Cannot record the renumbered members',
      result: () => ({}),
    }));
    result.renumbered.push(...(recorded.renumbered ?? []));
    if (options.push === false) break;
    const head = (await resolveHead(root))!;
    const ahead = theirs === undefined ? 1 : await countCommits(root, theirs, head);
    if (ahead === 0) break;
    if (await pushHead(root, remote, upstreamBranch, state.upstream === undefined)) {
      result.sent = theirs === undefined ? await countAll(root) : ahead;
      break;
    }
    // Someone pushed between our fetch and our push: bring that in too, and try again.
    if (attempt >= ATTEMPTS)
      throw new UserError(
        `${remote} kept changing while coop tried to send this copy's changes (${ATTEMPTS} tries). Your changes are merged and committed here; run coop sync again in a moment.`,
      );
  }
  const check = await checkGroup(root, options);
  result.problems = check.problems.map((p) => `${p.where}: ${p.message}`);
  return result;
}

async function chooseRemote(root: string, wanted: string | undefined, upstream: string | undefined): Promise<string> {
  const names = await remoteNames(root);
  if (wanted !== undefined) {
    if (!names.includes(wanted))
      throw new UserError(`This repository has no remote called ${wanted}${names.length > 0 ? ` (it has ${names.join(', ')})` : ''}. Nothing was changed.`);
    return wanted;
  }
  const fromUpstream = upstream === undefined ? undefined : names.find((n) => upstream.startsWith(`${n}/`));
  if (fromUpstream) return fromUpstream;
  if (names.length === 1) return names[0]!;
  if (names.includes('origin')) return 'origin';
  if (names.length === 0) {
    throw new UserError(
      'This copy has no remote to sync with. Add the shared copy first, for example a bare repository on a shared folder or USB stick: ' +
        'git init --bare /media/usb/our-coop.git && git remote add origin /media/usb/our-coop.git. Nothing was changed.',
    );
  }
  throw new UserError(`This copy has several remotes (${names.join(', ')}): say which with --remote. Nothing was changed.`);
}

/**
 * Merges `theirs`, and checks the merge adds no clash before committing it: a clash undoes it
 * (and says why). The merge is made without committing, so a sync stopped at any moment leaves
 * either no merge commit or one that was checked. Meeting records changed on both copies are
 * merged by coop, field by field (core/meetings/record-merge.ts), not by git's lines; a closed
 * meeting is never changed.
 */
async function mergeChecked(root: string, before: string, theirs: string, name: string, options: SyncOptions): Promise<void> {
  const base = await mergeBase(root, before, theirs);
  // Checked before git touches anything: a closed meeting's minutes are final.
  const closed = await closedMeetingsChanged(root, base, before, theirs);
  if (closed.length > 0) throw new UserError(closedMessage(closed, name));
  const problemsBefore = await registerProblems(root, options);
  if (base === before) {
    // Nothing here the remote lacks: a fast-forward, which adds only what the remote already holds.
    if (!(await mergeRef(root, theirs, `Merge the register from ${name}`))) throw new UserError(`git could not bring in ${name}. Nothing was changed.`);
    const added = await addedProblems(root, problemsBefore, options);
    if (added) {
      await resetHard(root, before);
      throw new UserError(clashMessage(added.problems, added.events, added.whereOf, name));
    }
    return;
  }
  const records = base === undefined ? [] : await meetingRecordsChangedOnBoth(root, base, before, theirs);
  writeFileAtomic(join(root, SYNC_MERGE_FILE), `${theirs}\n`);
  const clean = await mergeNoCommit(root, theirs);
  // Whatever stops it half way, the merge is undone: never left under way.
  try {
    const others = clean ? [] : (await worktreeState(root)).unmerged.filter((p) => !records.includes(p));
    if (others.length > 0) throw new UserError(conflictMessage(others, name));
    const merged: { path: string; content: string }[] = [];
    const clashes: MeetingClash[] = [];
    for (const path of records) {
      const r = await mergeRecordAt(root, path, base!, before, theirs, options.prefer === 'here' ? 'ours' : options.prefer === 'remote' ? 'theirs' : undefined);
      if ('clashes' in r) clashes.push(...r.clashes);
      else merged.push({ path, content: `${JSON.stringify(r.record, null, 2)}\n` });
    }
    if (clashes.length > 0) throw new UserError(meetingClashMessage(clashes, name));
    for (const f of merged) writeFileAtomic(join(root, f.path), f.content);
    if (merged.length > 0)
      await addPaths(
        root,
        merged.map((f) => f.path),
      );
    const added = await addedProblems(root, problemsBefore, options);
    if (added) throw new UserError(clashMessage(added.problems, added.events, added.whereOf, name));
    await commit(root, `Merge the register from ${name}`);
  } catch (error) {
    if (mergeUnderWay(root)) await abortMerge(root);
    throw error;
  } finally {
    rmSync(join(root, SYNC_MERGE_FILE), { force: true });
  }
}

/** The problems the register has now that it did not have before (with its events), or undefined when none. */
async function addedProblems(root: string, before: Awaited<ReturnType<typeof registerProblems>>, options: SyncOptions) {
  const after = await registerProblems(root, options);
  const problems = after.problems.filter((p) => !before.problems.some((q) => q.message === p.message && q.date === p.date && q.type === p.type));
  return problems.length > 0 ? { ...after, problems } : undefined;
}

/** meetings/<id>/meeting.json files both copies changed since they parted. */
async function meetingRecordsChangedOnBoth(root: string, base: string, ours: string, theirs: string): Promise<string[]> {
  const isRecord = (p: string) => p.startsWith(`${MEETINGS_DIR}/`) && p.endsWith(`/${RECORD_FILE}`) && p.split('/').length === 3;
  const mine = new Set((await changedPaths(root, base, ours)).filter(isRecord));
  return (await changedPaths(root, base, theirs)).filter((p) => isRecord(p) && mine.has(p));
}

/** The three-way merge of one meeting record; a record that is not one (hand-edited) clashes whole. */
async function mergeRecordAt(root: string, path: string, base: string, ours: string, theirs: string, prefer: 'ours' | 'theirs' | undefined): Promise<MeetingMerge> {
  const { parseRecord } = await import('../core/meetings/record-schema.js');
  const read = async (commit: string): Promise<MeetingRecord | undefined | string> => {
    const text = await textAt(root, commit, path);
    if (text === undefined) return undefined;
    try {
      const { record, problem } = parseRecord(JSON.parse(text));
      return record ?? `not a valid meeting record (${problem})`;
    } catch (error) {
      return `not a valid meeting record (${(error as Error).message})`;
    }
  };
  const [b, o, t] = [await read(base), await read(ours), await read(theirs)];
  const id = path.split('/')[1]!;
  const bad = [b, o, t].find((r) => typeof r === 'string');
  if (typeof bad === 'string' || o === undefined || t === undefined) {
    return {
      clashes: [
        {
          what: `${id}: ${path} cannot be merged`,
          ours: typeof o === 'string' ? o : o === undefined ? 'deleted' : 'a meeting record',
          theirs: typeof t === 'string' ? t : t === undefined ? 'deleted' : 'a meeting record',
          settle: () => `restore it on the copy that spoiled or deleted it (git checkout <commit> -- ${path}, then git commit), then coop sync`,
        },
      ],
    };
  }
  const r = mergeMeetingRecords(b as MeetingRecord | undefined, o as MeetingRecord, t as MeetingRecord, prefer);
  if ('clashes' in r) return r;
  // What coop writes must read back as a record: a merge that would not is refused, not written.
  const { problem } = parseRecord(JSON.parse(JSON.stringify(r.record)));
  if (problem !== undefined) {
    return {
      clashes: [{ what: `${id}: the merged record would not be valid (${problem})`, ours: 'this copy', theirs: 'the other', settle: () => 'keep one meeting on one computer' }],
    };
  }
  return r;
}

function closedMessage(closed: readonly string[], name: string): string {
  return (
    `The changes from ${name} would change ${closed.length === 1 ? 'a meeting that is closed' : 'meetings that are closed'} (${closed.join(', ')}): its minutes are final, so it stays as it was closed. ` +
    'The meeting was closed on one copy while something was recorded for it on another (or it was changed after it was closed). ' +
    'The copy that changed it after (or without knowing) it was closed should undo that change (git log --oneline -- <the meeting folder>, then git revert <commit>) and sync again; ' +
    'record anything missed in the minutes of the next meeting. Nothing was changed here: the merge was not made.'
  );
}

/** Two copies recorded different things for the same member or resolution: both values, and how to agree. */
function meetingClashMessage(clashes: readonly MeetingClash[], name: string): string {
  const lines = [`The meeting records here and on ${name} disagree, and coop cannot tell which is right:`];
  for (const c of clashes.slice(0, 10)) lines.push(`  ${c.what}: here ${c.ours}; on ${name} ${c.theirs}.`);
  if (clashes.length > 10) lines.push(`  … and ${clashes.length - 10} more.`);
  lines.push(
    'Nothing was changed here: the merge was undone. Once the officers have agreed which is right:',
    `  - all as recorded on ${name}: coop sync --prefer remote`,
    '  - all as recorded on this copy: coop sync --prefer here',
    '  - some of each: sync with one of those, then record the others again on the merged copy:',
  );
  for (const c of clashes.slice(0, 10)) lines.push(`      ${c.what}, as here: ${c.settle('ours')}; as on ${name}: ${c.settle('theirs')}`);
  return lines.join('\n');
}

interface Found {
  message: string;
  date: string;
  type: string;
  event: LedgerEvent | undefined;
  where: string;
}

/** Everything the rules find wrong with the register as it stands, with each event and where it is. */
async function registerProblems(root: string, options: CommonOptions): Promise<{ problems: Found[]; events: readonly LedgerEvent[]; whereOf: (i: number) => string }> {
  const params = await loadParams(root);
  const ledger = readLedger(root);
  const today = options.today === undefined ? todayInUk() : (parseDate(options.today) ?? todayInUk());
  const { problems } = deriveState(ledger.events, { rules: ledgerRules(params), today });
  const index = new Map<number, number>();
  ledger.events.forEach((e, i) => {
    index.set(e.seq, i);
  });
  return {
    problems: problems.map((p) => {
      const i = index.get(p.seq);
      const event = i === undefined ? undefined : ledger.events[i];
      return { message: p.message, date: event?.date ?? '', type: event?.type ?? '', event, where: i === undefined ? '' : ledger.whereOf(i) };
    }),
    events: ledger.events,
    whereOf: ledger.whereOf,
  };
}

function describe(e: LedgerEvent): string {
  const o = e as unknown as Record<string, unknown>;
  const fields = Object.entries(o)
    .filter(([k]) => k !== 'seq' && k !== 'date' && k !== 'type')
    .map(([k, v]) => `${k} ${String(v)}`);
  return `${e.type} on ${e.date} (${fields.join(', ')})`;
}

/** A clash coop cannot settle: the events on both sides, and the commands that would settle it. */
function clashMessage(added: readonly Found[], events: readonly LedgerEvent[], whereOf: (i: number) => string, name: string): string {
  const lines: string[] = [`The changes from ${name} clash with this copy's in a way coop cannot settle on its own:`];
  for (const p of added.slice(0, 10)) {
    lines.push(`  ${p.where}: ${p.event ? describe(p.event) : p.type}: ${p.message}`);
    const left = /member (\d+) left on (\d{4}-\d{2}-\d{2})/.exec(p.message);
    if (left) {
      const i = events.findIndex((e) => e.type === 'leave' && e.member === Number(left[1]) && e.date === left[2]);
      if (i >= 0) lines.push(`    recorded elsewhere: ${whereOf(i)}: ${describe(events[i]!)}`);
    }
  }
  lines.push(
    'Nothing was changed: the merge was undone. To settle it, the officers agree which entry is right, then:',
    '  - if the entry made on this copy is wrong and was never shared: find its commit (git log --oneline -- register/), undo it (git revert <commit>), then coop sync;',
    '  - if it is right but its date is wrong: undo it the same way and record it again with the right date (for example coop shares issue <member> <shares> --date YYYY-MM-DD), then coop sync;',
    `  - if the entry from ${name} is the wrong one: ask the officer who recorded it to undo it the same way on their copy and push, then coop sync.`,
  );
  return lines.join('\n');
}

function conflictMessage(paths: readonly string[], name: string): string {
  const meetings = paths.filter((p) => p.startsWith(`${MEETINGS_DIR}/`));
  const which = meetings.length > 0 ? [...new Set(meetings.map((p) => p.split('/').slice(0, 2).join('/')))] : [];
  const lines = [`git cannot merge the changes from ${name}: ${paths.join(', ')} ${paths.length === 1 ? 'was' : 'were'} changed on both copies in the same places.`];
  if (which.length > 0) {
    lines.push(
      `${which.join(', ')} ${which.length === 1 ? 'was' : 'were'} recorded on two computers in the same part (the same attendance, votes or close). ` +
        'Keep one meeting on one computer: on this copy, undo your change to it (git log --oneline -- ' +
        `${which[0]}, then git revert <commit>), coop sync, and record it again on the merged copy.`,
    );
  }
  lines.push('Nothing was changed: the merge was undone.');
  return lines.join('\n');
}

/**
 * Closed meetings the merge would change: meeting folders one copy changed since the two
 * parted, where the other copy's record is closed (closed there, or closed before they parted).
 */
async function closedMeetingsChanged(root: string, base: string | undefined, ours: string, theirs: string): Promise<string[]> {
  const out: string[] = [];
  for (const [changed, other] of [
    [theirs, ours],
    [ours, theirs],
  ] as const) {
    const paths = base === undefined ? await changedPaths(root, other, changed) : await changedPaths(root, base, changed);
    for (const path of paths) {
      if (!path.startsWith(`${MEETINGS_DIR}/`)) continue;
      const dir = path.split('/').slice(0, 2).join('/');
      if (out.includes(dir)) continue;
      const record = await textAt(root, other, `${dir}/${RECORD_FILE}`);
      if (record === undefined || !isClosed(record)) continue;
      // The same on both (a close both copies already share) changes nothing.
      if ((await textAt(root, changed, `${dir}/${RECORD_FILE}`)) === record && (await changedPaths(root, other, changed)).every((p) => !p.startsWith(`${dir}/`))) continue;
      out.push(dir);
    }
  }
  return out;
}

function isClosed(text: string): boolean {
  try {
    return (JSON.parse(text) as { closed?: unknown }).closed === true;
  } catch {
    return false;
  }
}
