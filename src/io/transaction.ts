// All or nothing. A change to a group's repository is a plan: new contents for some files (or,
// for append-only files such as the ledger, bytes to add at the end), and a commit message. It
// is applied under the write lock as a journaled transaction:
//
//   1. check the plan: paths inside the group, no contact details in what it adds to tracked
//      files (contact-guard.ts), a checkout a change may go on (checkout-guard.ts: on a branch,
//      not behind it, no edits of the person's own), a git identity to commit with;
//   2. stage every new file (and every append's bytes) under .coop/txn/ and flush it;
//      hard-link every file about to be replaced to a backup there (rename never changes the
//      old file, so the link keeps it); an append notes the file's length instead;
//   3. write the journal (the files, the folders to make, the commit HEAD was at, the message)
//      — from here on a crash is undone by the next coop command (recovery.ts);
//   4. rename the new files into place and write the appends; git add them; git commit;
//   5. delete the journal: the change is done.
//
// The private contact store rides in the same transaction, untracked.

import {
  closeSync,
  copyFileSync,
  existsSync,
  fstatSync,
  fsyncSync,
  linkSync,
  lstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { InternalError, UserError } from '../errors.js';
import { fsyncDir, removeFolder, writeFileAtomic, writeTemp } from './atomic.js';
import { guardCheckout } from './checkout-guard.js';
import { refuseContactLeaks } from './contact-guard.js';
import { addPaths, commit, commitOnly, currentHead, gitIdentity, listedIgnored, NO_IDENTITY_MESSAGE, resolveHead, type WorktreeState } from './git.js';
import { finish, TXN_DIR, type Journal } from './journal.js';
import { acquireLock } from './lock.js';
import { checkPath, foldersToMake } from './plan-paths.js';
import { recover, rollBack } from './recovery.js';
import { loadFaults, type Faults } from './test-faults.js';

export { recover } from './recovery.js';

export type { FileChange } from './file-change.js';
import type { FileChange } from './file-change.js';

export interface Plan {
  changes: FileChange[];
  /** The commit message a secretary would recognise: "Admit member 12: Priya Sharma". */
  message: string;
}

export interface ApplyOptions {
  /** The group is a git repository (false only for groups made with --no-git). */
  git: boolean;
  /** Commit the change (false with --no-commit: files are written, nothing is committed). */
  commit: boolean;
  /** Checks already under way that must pass before anything is written (the store ignored by git, say). */
  checks?: Promise<unknown>[];
  /**
   * A path git must ignore (the private contact store), and the check that refuses when it does
   * not. git's status is asked to list what it ignores, and only when that does not show the path
   * ignored (it does not exist yet, or really is not ignored) does the check run its own git process.
   */
  ignored?: { path: string; check: () => Promise<void> };
  /** git's answer to who commits, when the caller asked it already (gitIdentity); else asked here. */
  identity?: Promise<string | undefined>;
  /**
   * git's status of the checkout, when the caller asked it already under the write lock, what git
   * ignores listed (worktreeState with `ignored`): else asked here.
   */
  worktree?: Promise<WorktreeState>;
}

let lockDepth = 0;

/** Runs fn with the write lock held, after undoing any change a crash left half made. */
export async function withWriteLock<T>(root: string, fn: () => Promise<T>): Promise<T> {
  // Ctrl+C or a polite kill while the lock is held waits until the change is whole (or undone)
  // and the lock is released; only then does the process end. The handlers go in before the
  // lock is taken: a signal landing between creating the lock file and installing them would
  // otherwise end the process at once and leave the lock behind. While still waiting for the
  // lock, a signal ends the process straight away, as it would without them.
  const deferred = deferSignals();
  let lock: Awaited<ReturnType<typeof acquireLock>>;
  try {
    lock = await acquireLock(root);
  } catch (error) {
    deferred.restore();
    throw error;
  }
  // Set in the same microtask run as the lock file's creation, before any signal handler can run.
  deferred.hold();
  lockDepth += 1;
  try {
    await recover(root);
    return await fn();
  } finally {
    lockDepth -= 1;
    lock.release();
    deferred.restore();
  }
}

/**
 * Applies a plan; the caller holds the write lock (withWriteLock). On any failure the files,
 * the private store and git are put back as they were, and the error is rethrown, explained.
 * Returns the new commit, or null when nothing was committed.
 */
export async function applyPlan(root: string, plan: Plan, options: ApplyOptions): Promise<string | null> {
  if (lockDepth === 0) throw new InternalError('applyPlan was called without the write lock (wrap it in withWriteLock).');
  const faults = loadFaults();
  const seen = new Set<string>();
  for (const change of plan.changes) {
    checkPath(change.path);
    if (seen.has(change.path)) throw new InternalError(`the plan writes ${change.path} twice.`);
    seen.add(change.path);
  }
  // A file rewritten with what it already holds (or an empty append) is no change: leave it
  // alone, and when nothing changes at all make no commit, which git would refuse as empty.
  plan = { ...plan, changes: plan.changes.filter((c) => !isNoChange(join(root, c.path), c)) };
  if (plan.changes.length === 0) return null;
  const commitIt = options.git && options.commit;
  // git's questions at once, each a process, while the contact guard works: none depends on another.
  const ignored = options.ignored;
  const guarded = options.git
    ? guardCheckout(root, commitIt, { ignored: ignored !== undefined, ...(options.worktree ? { asked: options.worktree } : {}) }).then(async (state) => {
        if (ignored && !listedIgnored(state, ignored.path)) await ignored.check();
        return state;
      })
    : undefined;
  const asked = guarded ? Promise.all([guarded, commitIt ? (options.identity ?? gitIdentity(root)) : undefined, ...(options.checks ?? [])]) : undefined;
  // A refusal below must not leave the answers unheard (an unhandled rejection).
  asked?.catch(() => {});
  // Before anything is touched: no change puts a member's contact details into git.
  refuseContactLeaks(root, plan.changes);
  if (asked) {
    const [, identity] = await asked;
    if (commitIt && identity === undefined) throw new UserError(NO_IDENTITY_MESSAGE);
  } else await Promise.all([...(options.checks ?? []), ignored?.check()]);

  const journal = await prepare(root, plan, options, faults);
  try {
    return await perform(root, journal, faults);
  } catch (error) {
    try {
      if (await rollBack(root, journal, faults)) return resolveHead(root);
    } catch (undoError) {
      throw new UserError(
        `The change could not be finished (${describeError(error)}) and could not be undone yet (${describeError(undoError)}). ` +
          'Your files are safe: the next coop command (for example coop check) puts them back as they were, once that is fixed.',
      );
    }
    throw explainWriteError(error);
  }
}

const bytesOf = (content: string | Uint8Array) => (typeof content === 'string' ? Buffer.from(content, 'utf8') : content);

/** True when applying the change would leave the file exactly as it is. */
function isNoChange(path: string, change: FileChange): boolean {
  const { content } = change;
  // Sizes first: a new file (a meeting's papers run to hundreds of kilobytes) is not turned into bytes only to learn that.
  const length = typeof content === 'string' ? Buffer.byteLength(content, 'utf8') : content.byteLength;
  if (change.append) return length === 0;
  try {
    const st = statSync(path);
    return st.isFile() && st.size === length && readFileSync(path).equals(bytesOf(content));
  } catch {
    return false;
  }
}

/** The length of a plain file an append can go on the end of; undefined when it must be written whole. */
function appendableLength(path: string): number | undefined {
  try {
    const st = lstatSync(path);
    // Not through a symbolic link: that could write outside the group.
    return st.isFile() ? st.size : undefined;
  } catch {
    return undefined;
  }
}

/** Steps 2–3: stage, back up, write the journal. A failure here has touched nothing. */
async function prepare(root: string, plan: Plan, options: ApplyOptions, faults: Faults): Promise<Journal> {
  const txn = join(root, TXN_DIR);
  try {
    const realRoot = realpathSync(root);
    const dirs = new Set<string>();
    for (const change of plan.changes) for (const d of foldersToMake(root, realRoot, change.path)) dirs.add(d);
    const journal: Journal = {
      head: options.git && options.commit ? await currentHead(root) : null,
      commit: options.git && options.commit,
      git: options.git,
      message: plan.message,
      files: [],
      dirs: [...dirs].sort((a, b) => a.split('/').length - b.split('/').length),
    };
    removeFolder(txn);
    mkdirSync(txn, { recursive: true });
    plan.changes.forEach((change, i) => {
      faults.at(`stage:${i + 1}`);
      const target = join(root, change.path);
      const staged = join(TXN_DIR, `new-${i}`);
      const appendAt = change.append ? appendableLength(target) : undefined;
      let content = change.content;
      // An append to a file that is not there (or is a link) is the file written whole.
      if (change.append && appendAt === undefined && existsSync(target)) content = Buffer.concat([readFileSync(target), bytesOf(content)]);
      renameSync(writeTemp(join(root, staged), content), join(root, staged));
      let backup: string | null = null;
      if (appendAt === undefined && existsSync(target)) {
        backup = join(TXN_DIR, `old-${i}`);
        try {
          linkSync(target, join(root, backup));
        } catch {
          copyFileSync(target, join(root, backup));
        }
      }
      journal.files.push({ path: change.path, staged, backup, tracked: change.tracked, ...(appendAt === undefined ? {} : { appendAt }) });
    });
    faults.at('journal');
    writeFileAtomic(join(txn, 'journal.json'), JSON.stringify(journal));
    return journal;
  } catch (error) {
    rmSync(txn, { recursive: true, force: true });
    throw explainWriteError(error);
  }
}

/** Writes an append's staged bytes at the file's old end, and flushes them. */
function appendInPlace(root: string, path: string, staged: string, at: number): void {
  const bytes = readFileSync(join(root, staged));
  const fd = openSync(join(root, path), 'r+');
  try {
    if (fstatSync(fd).size !== at) throw new Error(`${path} changed while coop was writing to it; nothing was changed.`);
    writeSync(fd, bytes, 0, bytes.length, at);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Step 4–5: put the files in place and commit. */
async function perform(root: string, journal: Journal, faults: Faults): Promise<string | null> {
  for (const d of journal.dirs) mkdirSync(join(root, d), { recursive: true });
  journal.files.forEach((f, i) => {
    faults.at(`place:${i + 1}`);
    if (f.appendAt !== undefined) {
      appendInPlace(root, f.path, f.staged, f.appendAt);
      return;
    }
    const target = join(root, f.path);
    renameSync(join(root, f.staged), target);
    fsyncDir(dirname(target));
  });
  let made: string | null = null;
  if (journal.commit) {
    const tracked = journal.files.filter((f) => f.tracked).map((f) => f.path);
    // Only appends to files already there (a ledger part): git commit --only stages and commits
    // them in one process, and git add runs first only when it cannot (commitOnly).
    const appendsOnly = tracked.length > 0 && journal.files.every((f) => !f.tracked || f.appendAt !== undefined);
    faults.at('add');
    const adding = appendsOnly ? undefined : addPaths(root, tracked);
    faults.at('adding');
    await adding;
    faults.at('commit');
    const committing = appendsOnly
      ? commitOnly(root, journal.message, tracked).then(async (made) => made ?? addPaths(root, tracked).then(() => commit(root, journal.message)))
      : commit(root, journal.message);
    faults.at('committing');
    made = await committing;
    faults.at('finish');
  }
  try {
    finish(root);
  } catch {
    // The change is whole and committed; a journal left behind is tidied by the next command.
  }
  return made;
}

const DEFERRED_SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
/** Changes now holding signals back (withWriteLock can nest), and the first signal held back. */
let holders = 0;
let heldBack: NodeJS.Signals | undefined;
let listening = false;

/**
 * Holds back SIGINT, SIGTERM and SIGHUP while held (between hold() and restore()), then ends
 * the process with the first one received. A signal that comes while nothing is held ends the
 * process at once, as it would without us — unless someone else in the process (a script using
 * the library) listens for it, in which case it is theirs to act on.
 *
 * The listeners, once added, stay for the life of the process. Removing them at the end of each
 * change lost signals: one Node had taken in but not yet passed to us when the listener went
 * was dropped, and the process carried on as if never asked to stop.
 */
function onSignal(signal: NodeJS.Signals): void {
  if (holders > 0) {
    heldBack ??= signal;
    return;
  }
  if (process.listenerCount(signal) > 1) return;
  endWith(signal);
}

function endWith(signal: NodeJS.Signals): void {
  for (const s of DEFERRED_SIGNALS) process.off(s, onSignal);
  listening = false;
  process.kill(process.pid, signal);
}

function deferSignals(): { hold(): void; restore(): void } {
  if (!listening) {
    for (const s of DEFERRED_SIGNALS) process.on(s, onSignal);
    listening = true;
  }
  let held = false;
  return {
    hold() {
      held = true;
      holders += 1;
    },
    restore() {
      if (held) holders -= 1;
      held = false;
      if (holders === 0 && heldBack) {
        const signal = heldBack;
        heldBack = undefined;
        endWith(signal);
      }
    },
  };
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Turns a failed file operation into a message a secretary can act on. */
export function explainWriteError(error: unknown): unknown {
  if (error instanceof UserError) return error;
  const e = error as NodeJS.ErrnoException;
  const where = e.path ? ` (${e.path})` : '';
  switch (e.code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return new UserError(`The disk is full, so the change could not be written${where}. Free some space and try again. Nothing was changed.`);
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return new UserError(`Permission denied while writing${where} (${e.code}): is the group's folder read-only? Nothing was changed.`);
    case 'ENOTDIR':
    case 'EISDIR':
    case 'EEXIST':
      return new UserError(`Something is in the way${where}: ${e.message}. Move it aside and try again. Nothing was changed.`);
    default:
      return error;
  }
}
