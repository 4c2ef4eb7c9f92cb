// Git's own lock files, as crash recovery meets them.
//
// When coop is killed, a git child it started (git add, git commit) is not: it runs on as an
// orphan for a few milliseconds. If recovery put the files back while that orphan was still
// about to commit, the commit could land after recovery and record the change that recovery
// had just undone. So recovery first takes git's index lock itself (.git/index.lock, created
// exclusively, as git does): an orphan already holding it is waited for; one not yet holding it
// can no longer take it and fails harmlessly. Holding the lock, recovery decides, puts the
// files back, and installs a corrected index through the lock — git's own protocol.
//
// A git killed outright (a power cut) leaves its lock files behind for good, and then every
// later git command fails. A lock that has not changed for a while was abandoned and is removed.

import { closeSync, openSync, renameSync, rmSync, statSync } from 'node:fs';
import { UserError } from '../errors.js';

/** A git lock untouched this long belongs to no running git: git holds them for milliseconds. */
const ABANDONED_MS = 2_000;
/** How long to wait for a running git to let go before giving up with a clear message. */
const WAIT_MS = 8_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function ageMs(path: string): number | undefined {
  try {
    return Date.now() - statSync(path).mtimeMs;
  } catch {
    return undefined;
  }
}

export interface HeldGitLock {
  /** Replaces the locked file with `file`'s content (renaming it through the lock), releasing the lock. */
  commitFrom(file: string): void;
  release(): void;
}

/** Takes a git lock file (`<path>.lock`) exclusively, waiting for a live holder and clearing an abandoned one. */
export async function holdGitLock(path: string): Promise<HeldGitLock> {
  const lock = `${path}.lock`;
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    try {
      closeSync(openSync(lock, 'wx', 0o644));
      let held = true;
      return {
        commitFrom(file: string) {
          renameSync(file, lock);
          renameSync(lock, path);
          held = false;
        },
        release() {
          if (held) rmSync(lock, { force: true });
          held = false;
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const age = ageMs(lock);
    if (age !== undefined && age > ABANDONED_MS) {
      rmSync(lock, { force: true });
      continue;
    }
    if (Date.now() >= deadline) {
      throw new UserError(
        `git is busy in this repository (${lock} exists). Wait for any git command to finish and try again; ` + `if none is running, delete ${lock} and try again.`,
      );
    }
    await sleep(20);
  }
}

/** Removes a git lock file left by a git that was killed; waits a moment for one that is still in use. */
export async function clearAbandonedGitLock(path: string): Promise<void> {
  const lock = `${path}.lock`;
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const age = ageMs(lock);
    if (age === undefined) return;
    if (age > ABANDONED_MS) {
      rmSync(lock, { force: true });
      return;
    }
    if (Date.now() >= deadline) return;
    await sleep(20);
  }
}
