// One writer at a time: a lock file under .coop/ holds the writer's pid. A second coop waits
// a bounded time, then fails clearly. A lock whose process has died is taken over.
//
// Two races matter, and both are closed here:
// - The lock appears whole: it is written under a temporary name and hard-linked into place,
//   so no one ever reads a half-written (empty) lock and mistakes it for an abandoned one.
// - Only one process breaks a stale lock: breaking takes a second, short-lived lock
//   (lock.break) and re-reads the lock under it. Without that, two processes could both see
//   the same dead lock, and the slower one would delete the lock the faster one had just taken.

import { closeSync, linkSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { UserError } from '../errors.js';
import { removeFile } from './atomic.js';

import { COOP_DIR } from '../core/layout.js';

export { COOP_DIR };
const LOCK_FILE = 'lock';
const BREAK_FILE = 'lock.break';
/** A breaker is held for microseconds; one this old was left by a process killed while breaking. */
const ABANDONED_BREAK_MS = 10_000;

interface LockInfo {
  pid: number;
  host: string;
  since: string;
  /** Tells two locks of one process apart, so a holder only ever removes its own. */
  nonce: string;
}

function lockTimeoutMs(): number {
  const raw = process.env.COOP_LOCK_TIMEOUT_MS;
  const fromEnv = raw === undefined || raw === '' ? NaN : Number(raw);
  return Number.isFinite(fromEnv) && fromEnv >= 0 ? fromEnv : 15_000;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readLock(path: string): { raw: string; info: LockInfo | undefined } | undefined {
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
  try {
    const info = JSON.parse(raw) as LockInfo;
    return { raw, info: typeof info === 'object' && info !== null ? info : undefined };
  } catch {
    return { raw, info: undefined };
  }
}

/**
 * A lock is stale when its process, on this machine, no longer runs, or when it is unreadable
 * (locks are created whole, so garbage was not written by a live coop). A lock from another
 * machine (a shared network folder) is never presumed dead.
 */
function isStale(info: LockInfo | undefined): boolean {
  if (!info || typeof info.pid !== 'number') return true;
  return info.host === hostname() && !isAlive(info.pid);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Creates `path` holding `content`, whole, or returns false if it already exists. */
function createWhole(path: string, content: string): boolean {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, content, { mode: 0o644 });
  try {
    linkSync(tmp, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    removeFile(tmp);
  }
}

/** Removes the lock if it is still exactly the stale lock we saw; only one process may try at a time. */
function breakStaleLock(dir: string, path: string, staleRaw: string): boolean {
  const breaker = join(dir, BREAK_FILE);
  let fd: number;
  try {
    fd = openSync(breaker, 'wx', 0o644);
  } catch {
    // Someone else is breaking it. If their breaker is old, they were killed while breaking.
    try {
      if (Date.now() - statSync(breaker).mtimeMs > ABANDONED_BREAK_MS) rmSync(breaker, { force: true });
    } catch {
      // Gone already.
    }
    return false;
  }
  try {
    writeSync(fd, String(process.pid));
    closeSync(fd);
    if (readLock(path)?.raw !== staleRaw) return false;
    rmSync(path, { force: true });
    return true;
  } finally {
    rmSync(breaker, { force: true });
  }
}

export interface Lock {
  release(): void;
}

/** Takes the group's write lock, waiting up to COOP_LOCK_TIMEOUT_MS (15 s by default). */
export async function acquireLock(root: string): Promise<Lock> {
  const dir = join(root, COOP_DIR);
  const path = join(dir, LOCK_FILE);
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw new UserError(
      `Cannot make the folder ${dir} (${(error as NodeJS.ErrnoException).code}): is the group's folder read-only, or is there a file called ${COOP_DIR} in the way? Nothing was changed.`,
    );
  }
  const deadline = Date.now() + lockTimeoutMs();
  const mine = JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString(), nonce: randomBytes(6).toString('hex') } satisfies LockInfo);
  for (;;) {
    let created: boolean;
    try {
      created = createWhole(path, mine);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new UserError(`Cannot create the lock file ${path} (${code}): is the folder read-only? Nothing was changed.`);
    }
    if (created) {
      return {
        release() {
          if (readLock(path)?.raw === mine) removeFile(path);
        },
      };
    }
    const held = readLock(path);
    if (held && isStale(held.info) && breakStaleLock(dir, path, held.raw)) continue;
    if (Date.now() >= deadline) {
      const who = held?.info ? `process ${held.info.pid}${held.info.host === hostname() ? '' : ` on ${held.info.host}`}, since ${held.info.since}` : 'another process';
      throw new UserError(
        `Another coop command (${who}) is changing this group's files. Wait for it to finish and try again. ` +
          `If no coop command is running, delete ${join(COOP_DIR, LOCK_FILE)} and try again. Nothing was changed.`,
      );
    }
    await sleep(10 + Math.floor(Math.random() * 40));
  }
}
