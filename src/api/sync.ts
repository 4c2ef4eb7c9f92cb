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
import { MEETINGS_DIR } from '../core/meetings/record.js';
import { findGroupRoot, isGitGroup, ledgerRules, loadParams, readLedger, settle } from '../io/group.js';
import {
  abortMerge,
  changedPaths,
  countAll,
  countCommits,
  fetchRemote,
  gitIdentity,
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
}

export interface SyncResult {
  remote: string;
  branch: string;
  /** Commits brought in from the remote. */
  received: number;
  /** Commits the remote did not have that were sent (0 with push: false). */
  sent: number;
  renumbered: RenumberNews[];
  /** Problems coop check still finds (ones the merge did not add: they were there before). */
  problems: string[];
}

const ATTEMPTS = 3;

export async function syncGroup(cwd: string, options: SyncOptions = {}): Promise<SyncResult> {
  const root = findGroupRoot(cwd);
  await settle(root);
  if (!isGitGroup(root)) throw new UserError('This group is not kept in git (it was made with --no-git), so there is nothing to sync with. Nothing was changed.');
  const state = await worktreeState(root);
  if (state.unmerged.length > 0)
    throw new UserError(
      `A git merge is unfinished (${state.unmerged.join(', ')}). Finish it (git merge --continue) or undo it (git merge --abort), then sync. Nothing was changed.`,
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

  const result: SyncResult = { remote, branch: upstreamBranch, received: 0, sent: 0, renumbered: [], problems: [] };
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

/** Merges `theirs`, then checks the merge added no clash; undoes it (and says why) if it did. */
async function mergeChecked(root: string, before: string, theirs: string, name: string, options: CommonOptions): Promise<void> {
  const problemsBefore = await registerProblems(root, options);
  if (!(await mergeRef(root, theirs, `Merge the register from ${name}`))) {
    const conflicted = (await worktreeState(root)).unmerged;
    await abortMerge(root);
    throw new UserError(conflictMessage(conflicted, name));
  }
  const closed = await closedMeetingsChanged(root, before, theirs);
  if (closed.length > 0) {
    await resetHard(root, before);
    throw new UserError(
      `The merge would change ${closed.length === 1 ? 'a meeting that is closed' : 'meetings that are closed'} (${closed.join(', ')}): its minutes are final, so it stays as it was closed. ` +
        'The changes to it were made on another copy after (or without knowing) it was closed. Ask whoever made them to undo them on their copy (git revert <commit>), then sync again. Nothing was changed here.',
    );
  }
  const after = await registerProblems(root, options);
  const added = after.problems.filter((p) => !problemsBefore.problems.some((q) => q.message === p.message && q.date === p.date && q.type === p.type));
  if (added.length > 0) {
    await resetHard(root, before);
    throw new UserError(clashMessage(added, after.events, after.whereOf, name));
  }
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

/** Closed meetings (on either side before the merge) that the merge changed. */
async function closedMeetingsChanged(root: string, ours: string, theirs: string): Promise<string[]> {
  const merged = (await resolveHead(root))!;
  const out: string[] = [];
  for (const side of [ours, theirs]) {
    for (const path of await changedPaths(root, side, merged)) {
      if (!path.startsWith(`${MEETINGS_DIR}/`)) continue;
      const dir = path.split('/').slice(0, 2).join('/');
      if (out.includes(dir)) continue;
      const record = await textAt(root, side, `${dir}/meeting.json`);
      if (record !== undefined && isClosed(record)) out.push(dir);
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
