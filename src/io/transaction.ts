// All or nothing. A change to a group's repository is a plan: whole new contents for some
// files, and a commit message. It is applied under the write lock as a journaled transaction:
//
//   1. check the plan: paths inside the group, no staged changes of the person's own, a git
//      identity to commit with;
//   2. stage every new file under .coop/txn/ and flush it; hard-link every file about to be
//      replaced to a backup there (rename never changes the old file, so the link keeps it);
//   3. write the journal (the files, the folders to make, the commit HEAD was at, the message)
//      — from here on a crash is undone by the next coop command;
//   4. rename the new files into place; git add them; git commit;
//   5. delete the journal: the change is done.
//
// Recovery (at the start of every command, under the lock): with a journal present, if the
// change's commit landed the change stands; otherwise every file goes back to its backup, new
// files and folders go, and the index entries are reset. The private contact store rides in
// the same transaction. See git-locks.ts for why recovery holds git's index lock meanwhile.

import { existsSync, linkSync, lstatSync, mkdirSync, readFileSync, readdirSync, realpathSync, renameSync, rmSync, rmdirSync, copyFileSync, statSync } from 'node:fs';
import { dirname, join, relative, isAbsolute } from 'node:path';
import { UserError } from '../errors.js';
import { fsyncDir, writeFileAtomic, writeTemp } from './atomic.js';
import { addPaths, commit, commitsOnto, gitIdentity, gitPath, headRef, NO_IDENTITY_MESSAGE, resolveHead, stagedPaths, unstagePaths } from './git.js';
import { clearAbandonedGitLock, holdGitLock } from './git-locks.js';
import { COOP_DIR, acquireLock } from './lock.js';
import { loadFaults, type Faults } from './test-faults.js';

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
  message: string;
  files: { path: string; staged: string; backup: string | null; tracked: boolean }[];
  /** Folders made for new files, outermost first: removed again when the change is undone. */
  dirs: string[];
}

const TXN_DIR = join(COOP_DIR, 'txn');
const JOURNAL = 'journal.json';

/** Refuses paths that could escape the group's folder or touch git's or coop's own. Plans are built by our code, but names come from people. */
function checkPath(path: string): void {
  const parts = path.split('/');
  if (
    path === '' ||
    isAbsolute(path) ||
    path.includes('\\') ||
    path.includes('\0') ||
    parts.some((part) => part === '..' || part === '' || part === '.') ||
    parts[0] === '.git' ||
    parts[0] === COOP_DIR
  ) {
    throw new UserError(`Refusing to write outside the group's folder: ${JSON.stringify(path)}. Nothing was changed.`);
  }
}

/**
 * The folders that must be made for `path`, outermost first. Refuses a path whose existing
 * part leads outside the group through a symbolic link, or runs into a file where a folder
 * should be.
 */
function foldersToMake(root: string, realRoot: string, path: string): string[] {
  const missing: string[] = [];
  let dir = dirname(path);
  while (dir !== '.' && !existsSync(join(root, dir))) {
    missing.unshift(dir);
    dir = dirname(dir);
  }
  const existing = join(root, dir);
  if (!lstatSync(existing).isDirectory() && !realIsDir(existing)) {
    throw Object.assign(new Error(`${dir} is a file, where coop needs a folder to write ${path}`), { code: 'ENOTDIR', path: existing });
  }
  const real = realpathSync(existing);
  const rel = relative(realRoot, real);
  if (rel.startsWith('..') || isAbsolute(rel)) {
    throw new UserError(`Refusing to write ${path}: ${dir} leads outside the group's folder (a symbolic link?). Nothing was changed.`);
  }
  const target = join(root, path);
  if (existsSync(target) && lstatSync(target).isDirectory()) {
    throw Object.assign(new Error(`${path} is a folder, where coop needs to write a file`), { code: 'EISDIR', path: target });
  }
  return missing;
}

function realIsDir(path: string): boolean {
  try {
    return lstatSync(realpathSync(path)).isDirectory();
  } catch {
    return false;
  }
}

/** Runs fn with the write lock held, after undoing any change a crash left half made. */
export async function withWriteLock<T>(root: string, fn: () => Promise<T>): Promise<T> {
  // Ctrl+C or a polite kill while the lock is held waits until the change is whole (or undone)
  // and the lock is released; only then does the process end. The handlers go in before the
  // lock is taken: a signal landing between creating the lock file and installing them would
  // otherwise end the process at once and leave the lock behind. While still waiting for the
  // lock, a signal ends the process straight away, as it would without them.
  let holding = false;
  const deferred = deferSignals(() => holding);
  let lock: Awaited<ReturnType<typeof acquireLock>>;
  try {
    lock = await acquireLock(root);
  } catch (error) {
    deferred.restore();
    throw error;
  }
  // Set in the same microtask run as the lock file's creation, before any signal handler can run.
  holding = true;
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

let lockDepth = 0;

/** True when a crashed change is waiting to be undone: readers take the lock and recover first. */
export function needsRecovery(root: string): boolean {
  return existsSync(join(root, TXN_DIR, JOURNAL));
}

/**
 * Applies a plan; the caller holds the write lock (withWriteLock). On any failure the files,
 * the private store and git are put back as they were, and the error is rethrown, explained.
 * Returns the new commit, or null when nothing was committed.
 */
export async function applyPlan(root: string, plan: Plan, options: ApplyOptions): Promise<string | null> {
  if (lockDepth === 0) throw new Error('Internal error: applyPlan was called without the write lock (wrap it in withWriteLock).');
  const faults = loadFaults();
  const seen = new Set<string>();
  for (const change of plan.changes) {
    checkPath(change.path);
    if (seen.has(change.path)) throw new Error(`Internal error: the plan writes ${change.path} twice.`);
    seen.add(change.path);
  }
  // A file rewritten with what it already holds is no change: leave it alone (and when nothing
  // changes at all, make no commit, which git would refuse as empty).
  plan = { ...plan, changes: plan.changes.filter((c) => !holds(join(root, c.path), c.content)) };
  if (plan.changes.length === 0) return null;
  const commitIt = options.git && options.commit;
  if (commitIt) {
    const staged = await stagedPaths(root);
    if (staged.length > 0) {
      throw new UserError(
        `You have staged changes of your own (${staged.slice(0, 5).join(', ')}${staged.length > 5 ? ', …' : ''}). ` +
          'coop commits only its own files: commit or unstage yours first (git commit, or git restore --staged <file>). Nothing was changed.',
      );
    }
    if ((await gitIdentity(root)) === undefined) throw new UserError(NO_IDENTITY_MESSAGE);
  }

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

/** True when the file exists and holds exactly this content. */
function holds(path: string, content: string | Uint8Array): boolean {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  try {
    const st = statSync(path);
    return st.isFile() && st.size === bytes.byteLength && readFileSync(path).equals(bytes);
  } catch {
    return false;
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
      head: options.git && options.commit ? await resolveHead(root) : null,
      commit: options.git && options.commit,
      git: options.git,
      message: plan.message,
      files: [],
      dirs: [...dirs].sort((a, b) => a.split('/').length - b.split('/').length),
    };
    rmSync(txn, { recursive: true, force: true });
    mkdirSync(txn, { recursive: true });
    plan.changes.forEach((change, i) => {
      faults.at(`stage:${i + 1}`);
      const staged = join(TXN_DIR, `new-${i}`);
      renameSync(writeTemp(join(root, staged), change.content), join(root, staged));
      const target = join(root, change.path);
      let backup: string | null = null;
      if (existsSync(target)) {
        backup = join(TXN_DIR, `old-${i}`);
        try {
          linkSync(target, join(root, backup));
        } catch {
          copyFileSync(target, join(root, backup));
        }
      }
      journal.files.push({ path: change.path, staged, backup, tracked: change.tracked });
    });
    faults.at('journal');
    writeFileAtomic(join(txn, JOURNAL), JSON.stringify(journal));
    return journal;
  } catch (error) {
    rmSync(txn, { recursive: true, force: true });
    throw explainWriteError(error);
  }
}

/** Step 4–5: put the files in place and commit. */
async function perform(root: string, journal: Journal, faults: Faults): Promise<string | null> {
  for (const d of journal.dirs) mkdirSync(join(root, d), { recursive: true });
  journal.files.forEach((f, i) => {
    faults.at(`place:${i + 1}`);
    const target = join(root, f.path);
    renameSync(join(root, f.staged), target);
    fsyncDir(dirname(target));
  });
  let made: string | null = null;
  if (journal.commit) {
    faults.at('add');
    const adding = addPaths(root, journal.files.filter((f) => f.tracked).map((f) => f.path));
    faults.at('adding');
    await adding;
    faults.at('commit');
    const committing = commit(root, journal.message);
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

function finish(root: string): void {
  rmSync(join(root, TXN_DIR, JOURNAL), { force: true });
  rmSync(join(root, TXN_DIR), { recursive: true, force: true });
}

/** Puts every file back as it was (idempotent: a crash while undoing is undone again). */
function restoreFiles(root: string, journal: Journal, faults: Faults): void {
  journal.files.forEach((f, i) => {
    faults.at(`rollback:${i + 1}`);
    // Still staged: it never reached its place, so what is there is the original (or nothing).
    if (existsSync(join(root, f.staged))) return;
    const target = join(root, f.path);
    if (f.backup) {
      if (existsSync(join(root, f.backup))) renameSync(join(root, f.backup), target);
    } else {
      rmSync(target, { force: true });
    }
    fsyncDir(dirname(target));
  });
  for (const d of [...journal.dirs].reverse()) {
    try {
      rmdirSync(join(root, d));
    } catch {
      // Not empty (something else lives there now) or already gone: leave it.
    }
  }
}

/**
 * Undoes a change that failed while this process was running it — unless its commit landed
 * after all (the failure came later), in which case the change stands: returns true.
 */
async function rollBack(root: string, journal: Journal, faults: Faults): Promise<boolean> {
  if (journal.commit && (await commitLanded(root, journal))) {
    finish(root);
    return true;
  }
  restoreFiles(root, journal, faults);
  // Our own git add may have staged the new files; our git children have all finished.
  if (journal.commit) await unstagePaths(root, journal.files.map((f) => f.path));
  finish(root);
  return false;
}

/** Undoes (or, if its commit landed, completes) a change that a crash interrupted. */
export async function recover(root: string): Promise<void> {
  const path = join(root, TXN_DIR, JOURNAL);
  if (!existsSync(path)) {
    // Staged files without a journal: the crash came before anything was touched.
    if (existsSync(join(root, TXN_DIR))) rmSync(join(root, TXN_DIR), { recursive: true, force: true });
    return;
  }
  const faults = loadFaults();
  faults.at('recover');
  let journal: Journal;
  try {
    journal = JSON.parse(readFileSync(path, 'utf8')) as Journal;
    if (!Array.isArray(journal.files) || !Array.isArray(journal.dirs)) throw new Error('not a journal');
  } catch {
    throw new UserError(`The change journal ${path} is unreadable, so coop cannot tell how to finish the change it records. Restore the group's folder from a backup or ask for help; nothing was changed.`);
  }
  if (!journal.commit) {
    restoreFiles(root, journal, faults);
    finish(root);
    return;
  }
  const indexPath = await gitPath(root, 'index');
  const index = await holdGitLock(indexPath);
  try {
    // A killed git commit may also have left the branch's lock behind.
    const ref = await headRef(root);
    if (ref) await clearAbandonedGitLock(await gitPath(root, ref));
    if (!(await commitLanded(root, journal))) {
      restoreFiles(root, journal, faults);
      const fresh = join(root, TXN_DIR, 'index');
      if (existsSync(indexPath)) copyFileSync(indexPath, fresh);
      await unstagePaths(root, journal.files.map((f) => f.path), fresh);
      if (existsSync(fresh)) index.commitFrom(fresh);
    }
  } finally {
    index.release();
  }
  finish(root);
}

/** True when the change's own commit is in the history: HEAD moved, onto the journal's HEAD, with its message. */
async function commitLanded(root: string, journal: Journal): Promise<boolean> {
  const head = await resolveHead(root);
  if (head === journal.head) return false;
  const made = await commitsOnto(root, journal.head);
  return made.some((c) => cleanMessage(c.message) === cleanMessage(journal.message));
}

/** A commit message as git stores it from -m: trailing spaces and runs of blank lines tidied. */
function cleanMessage(message: string): string {
  return message
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * Holds back SIGINT, SIGTERM and SIGHUP while `holding()` until restore(), then ends the process
 * with the first one received. A signal that comes while not holding ends the process at once.
 */
function deferSignals(holding: () => boolean): { restore(): void } {
  let received: NodeJS.Signals | undefined;
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  const onSignal = (signal: NodeJS.Signals) => {
    if (holding()) {
      received ??= signal;
      return;
    }
    for (const s of signals) process.off(s, onSignal);
    process.kill(process.pid, signal);
  };
  for (const s of signals) process.on(s, onSignal);
  return {
    restore() {
      for (const s of signals) process.off(s, onSignal);
      if (received) process.kill(process.pid, received);
    },
  };
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Turns a failed file operation into a message a secretary can act on. */
function explainWriteError(error: unknown): unknown {
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

/** Lists stray staged files, for tests and `coop check`. */
export function pendingTransactionFiles(root: string): string[] {
  const dir = join(root, TXN_DIR);
  return existsSync(dir) ? readdirSync(dir) : [];
}
