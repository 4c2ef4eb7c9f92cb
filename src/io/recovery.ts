// Undoing a change: after a failure while it runs (rollBack), or after a crash, by the next
// coop command (recover). Both are idempotent — a crash while undoing is undone again — and
// neither undoes a change whose commit landed: that change stands. See git-locks.ts for why
// recovery holds git's index lock while it decides and undoes.

import { closeSync, copyFileSync, existsSync, fsyncSync, openSync, renameSync, rmSync, rmdirSync, statSync, ftruncateSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fsyncDir } from './atomic.js';
import { commitsOnto, gitPath, headRef, resolveHead, unstagePaths } from './git.js';
import { clearAbandonedGitLock, holdGitLock } from './git-locks.js';
import { finish, readJournal, TXN_DIR, type Journal, type JournalFile } from './journal.js';
import { loadFaults, type Faults } from './test-faults.js';

/** Puts one file back as it was. */
function restoreFile(root: string, f: JournalFile): void {
  const target = join(root, f.path);
  if (f.appendAt !== undefined) {
    // An append is undone by cutting the file back to its old length.
    if (existsSync(target) && statSync(target).size > f.appendAt) {
      const fd = openSync(target, 'r+');
      try {
        ftruncateSync(fd, f.appendAt);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
    }
    return;
  }
  // Still staged: it never reached its place, so what is there is the original (or nothing).
  if (existsSync(join(root, f.staged))) return;
  if (f.backup) {
    if (existsSync(join(root, f.backup))) renameSync(join(root, f.backup), target);
  } else {
    rmSync(target, { force: true });
  }
  fsyncDir(dirname(target));
}

/** Puts every file back as it was and removes the folders the change made. */
export function restoreFiles(root: string, journal: Journal, faults: Faults): void {
  journal.files.forEach((f, i) => {
    faults.at(`rollback:${i + 1}`);
    restoreFile(root, f);
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
export async function rollBack(root: string, journal: Journal, faults: Faults): Promise<boolean> {
  if (journal.commit && (await commitLanded(root, journal))) {
    finish(root);
    return true;
  }
  restoreFiles(root, journal, faults);
  // Our own git add may have staged the new files; our git children have all finished.
  if (journal.commit)
    await unstagePaths(
      root,
      journal.files.map((f) => f.path),
    );
  finish(root);
  return false;
}

/** Undoes (or, if its commit landed, completes) a change that a crash interrupted. */
export async function recover(root: string): Promise<void> {
  const journal = readJournal(root);
  if (!journal) {
    // Staged files without a journal: the crash came before anything was touched.
    if (existsSync(join(root, TXN_DIR))) rmSync(join(root, TXN_DIR), { recursive: true, force: true });
    return;
  }
  const faults = loadFaults();
  faults.at('recover');
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
      await unstagePaths(
        root,
        journal.files.map((f) => f.path),
        fresh,
      );
      if (existsSync(fresh)) index.commitFrom(fresh);
    }
  } finally {
    index.release();
  }
  finish(root);
}

/** True when the change's own commit is in the history: HEAD moved, onto the journal's HEAD, with its message. */
export async function commitLanded(root: string, journal: Journal): Promise<boolean> {
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
