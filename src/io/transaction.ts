// All or nothing. A change to a group's repository is a plan: whole new contents for some
// files, and a commit message. It is applied under the write lock as a journaled transaction:
//
//   1. stage every new file under .coop/txn/ and flush it;
//   2. hard-link every file about to be replaced to a backup there;
//   3. write the journal (the list of files and the commit HEAD was at) — from here on a
//      crash is undone by the next coop command;
//   4. rename the new files into place; git add them; git commit;
//   5. delete the journal: the change is done.
//
// Recovery (at the start of every command, under the lock): with a journal present, if HEAD
// moved the commit happened and the change stands; otherwise every file goes back to its backup
// and the index entries are reset. The private contact store rides in the same transaction.

import { existsSync, linkSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, copyFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { UserError } from '../errors.js';
import { fsyncDir, writeFileAtomic, writeTemp } from './atomic.js';
import { addPaths, commit, headCommit, stagedPaths, unstagePaths } from './git.js';
import { COOP_DIR, acquireLock } from './lock.js';

export interface FileChange {
  /** Path relative to the group's root, with forward slashes. */
  path: string;
  content: string | Uint8Array;
  /** False for files git ignores (the private contact store): written, never committed. */
  tracked: boolean;
}

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
}

interface Journal {
  head: string | null;
  commit: boolean;
  git: boolean;
  files: { path: string; staged: string; backup: string | null }[];
}

const TXN_DIR = join(COOP_DIR, 'txn');
const JOURNAL = 'journal.json';

/** Refuses paths that could escape the group's folder. Plans are built by our code, but names come from people. */
function checkPath(path: string): void {
  if (path === '' || path.startsWith('/') || path.split('/').some((part) => part === '..' || part === '' || part === '.')) {
    throw new UserError(`Refusing to write outside the group's folder: ${JSON.stringify(path)}.`);
  }
}

/** Runs fn with the write lock held, after undoing any change a crash left half made. */
export async function withWriteLock<T>(root: string, fn: () => Promise<T>): Promise<T> {
  const lock = await acquireLock(root);
  try {
    await recover(root);
    return await fn();
  } finally {
    lock.release();
  }
}

/** True when a crashed change is waiting to be undone: readers take the lock and recover first. */
export function needsRecovery(root: string): boolean {
  return existsSync(join(root, TXN_DIR, JOURNAL));
}

/**
 * Applies a plan; the caller holds the write lock (withWriteLock). On any failure the files,
 * the private store and git are put back as they were, and the error is rethrown.
 */
export async function applyPlan(root: string, plan: Plan, options: ApplyOptions): Promise<string | null> {
  for (const change of plan.changes) checkPath(change.path);
  if (options.git && options.commit) {
    const staged = await stagedPaths(root);
    if (staged.length > 0) {
      throw new UserError(
        `You have staged changes of your own (${staged.slice(0, 5).join(', ')}${staged.length > 5 ? ', …' : ''}). ` +
          'coop commits only its own files: commit or unstage yours first (git commit, or git restore --staged <file>). Nothing was changed.',
      );
    }
  }
  const txn = join(root, TXN_DIR);
  rmSync(txn, { recursive: true, force: true });
  mkdirSync(txn, { recursive: true });

  const journal: Journal = {
    head: options.git ? await headCommit(root) : null,
    commit: options.git && options.commit,
    git: options.git,
    files: [],
  };
  const deferred = deferSignals();
  try {
    plan.changes.forEach((change, i) => {
      const target = join(root, change.path);
      const staged = join(TXN_DIR, `new-${i}`);
      const tmp = writeTemp(join(root, staged), change.content);
      renameSync(tmp, join(root, staged));
      let backup: string | null = null;
      if (existsSync(target)) {
        backup = join(TXN_DIR, `old-${i}`);
        try {
          linkSync(target, join(root, backup));
        } catch {
          copyFileSync(target, join(root, backup));
        }
      }
      journal.files.push({ path: change.path, staged, backup });
    });
    writeFileAtomic(join(txn, JOURNAL), JSON.stringify(journal));

    try {
      for (const f of journal.files) {
        const target = join(root, f.path);
        mkdirSync(dirname(target), { recursive: true });
        renameSync(join(root, f.staged), target);
        fsyncDir(dirname(target));
      }
      let made: string | null = null;
      if (journal.commit) {
        await addPaths(root, plan.changes.filter((c) => c.tracked).map((c) => c.path));
        made = await commit(root, plan.message);
      }
      finish(root);
      return made;
    } catch (error) {
      await rollBack(root, journal);
      throw explainWriteError(error);
    }
  } catch (error) {
    rmSync(txn, { recursive: true, force: true });
    throw explainWriteError(error);
  } finally {
    deferred.restore();
  }
}

function finish(root: string): void {
  rmSync(join(root, TXN_DIR, JOURNAL), { force: true });
  rmSync(join(root, TXN_DIR), { recursive: true, force: true });
}

async function rollBack(root: string, journal: Journal): Promise<void> {
  for (const f of journal.files) {
    const target = join(root, f.path);
    if (f.backup && existsSync(join(root, f.backup))) renameSync(join(root, f.backup), target);
    else if (!f.backup) rmSync(target, { force: true });
  }
  if (journal.git) {
    await waitForGitIndex(root);
    await unstagePaths(root, journal.files.map((f) => f.path)).catch(() => undefined);
  }
  finish(root);
}

/** Undoes (or, if its commit landed, completes) a change that a crash interrupted. */
export async function recover(root: string): Promise<void> {
  const path = join(root, TXN_DIR, JOURNAL);
  if (!existsSync(path)) {
    // Staged files without a journal: the crash came before anything was touched.
    if (existsSync(join(root, TXN_DIR))) rmSync(join(root, TXN_DIR), { recursive: true, force: true });
    return;
  }
  let journal: Journal;
  try {
    journal = JSON.parse(readFileSync(path, 'utf8')) as Journal;
  } catch {
    throw new UserError(`The change journal ${path} is unreadable. Restore it from a backup or ask for help; nothing was changed.`);
  }
  if (journal.commit) {
    await waitForGitIndex(root);
    if ((await headCommit(root)) !== journal.head) {
      finish(root);
      return;
    }
  }
  await rollBack(root, journal);
}

/**
 * A killed coop may leave its git child running a moment longer; git holds .git/index.lock
 * until HEAD has moved. Wait for it, and clear it only once it is clearly abandoned.
 */
async function waitForGitIndex(root: string): Promise<void> {
  const lock = join(root, '.git', 'index.lock');
  for (let i = 0; i < 100 && existsSync(lock); i++) await new Promise((r) => setTimeout(r, 50));
  if (existsSync(lock)) {
    try {
      if (Date.now() - statSync(lock).mtimeMs > 5_000) rmSync(lock, { force: true });
    } catch {
      // It went away on its own.
    }
  }
}

/** Ctrl+C or a polite kill while files are being renamed waits until the change is whole. */
function deferSignals(): { restore(): void } {
  let received: NodeJS.Signals | undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    received = signal;
  };
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  for (const s of signals) process.on(s, onSignal);
  return {
    restore() {
      for (const s of signals) process.off(s, onSignal);
      if (received) process.kill(process.pid, received);
    },
  };
}

function explainWriteError(error: unknown): unknown {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOSPC') return new UserError('The disk is full, so the change could not be written. Free some space and try again. Nothing was changed.');
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return new UserError(`Permission denied while writing (${code}): is the folder read-only? Nothing was changed.`);
  }
  return error;
}

/** Lists stray staged files, for tests and `coop check`. */
export function pendingTransactionFiles(root: string): string[] {
  const dir = join(root, TXN_DIR);
  return existsSync(dir) ? readdirSync(dir) : [];
}
