// One writer at a time: a lock file under .coop/ holds the writer's pid. A second coop waits
// a bounded time, then fails clearly. A lock whose process has died is taken over.

import { mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync, closeSync, existsSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { UserError } from '../errors.js';

export const COOP_DIR = '.coop';
const LOCK_FILE = 'lock';

interface LockInfo {
  pid: number;
  host: string;
  since: string;
}

function lockTimeoutMs(): number {
  const fromEnv = Number(process.env.COOP_LOCK_TIMEOUT_MS);
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
    return { raw, info: JSON.parse(raw) as LockInfo };
  } catch {
    return { raw, info: undefined };
  }
}

/** A lock is stale when its process, on this machine, no longer runs (or it is unreadable garbage). */
function isStale(info: LockInfo | undefined): boolean {
  if (!info || typeof info.pid !== 'number') return true;
  return info.host === hostname() && !isAlive(info.pid);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

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
    throw new UserError(`Cannot write in ${root} (${(error as NodeJS.ErrnoException).code}): is the folder read-only? Nothing was changed.`);
  }
  const deadline = Date.now() + lockTimeoutMs();
  const mine = JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() } satisfies LockInfo);
  for (;;) {
    try {
      const fd = openSync(path, 'wx', 0o644);
      writeSync(fd, mine);
      closeSync(fd);
      return {
        release() {
          const now = readLock(path);
          if (now?.raw === mine) rmSync(path, { force: true });
        },
      };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'EEXIST') {
        throw new UserError(`Cannot create the lock file ${path} (${code}): is the folder read-only? Nothing was changed.`);
      }
    }
    const held = readLock(path);
    if (held && isStale(held.info)) {
      // Move the stale lock aside under a name of our own, so that of two processes seeing it
      // at once only one removes it; the other finds it gone and tries again.
      const aside = `${path}.stale-${process.pid}`;
      try {
        renameSync(path, aside);
        rmSync(aside, { force: true });
      } catch {
        // Someone else took it over first.
      }
      continue;
    }
    if (Date.now() >= deadline) {
      const who = held?.info ? `process ${held.info.pid} (since ${held.info.since})` : 'another process';
      throw new UserError(
        `Another coop command (${who}) is changing this group's files. Wait for it to finish and try again. ` +
          `If no coop command is running, delete ${join(COOP_DIR, LOCK_FILE)} and try again. Nothing was changed.`,
      );
    }
    await sleep(25 + Math.floor(Math.random() * 50));
  }
}

export function lockExists(root: string): boolean {
  return existsSync(join(root, COOP_DIR, LOCK_FILE));
}
