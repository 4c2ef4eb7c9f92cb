// One writer at a time. Several coop processes changing one group never interleave (no update
// is lost); a second waits, then fails with a clear message; a lock left by a killed process is
// taken over safely, even when several processes find it at once.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { acquireLock } from '../../dist/io/lock.js';
import { git } from '../support/cli.js';
import { driver, txnRepo } from './txn-repo.js';

let cases = 0;
afterAll(() => console.log(`lock cases: ${cases}`));

/** A pid that was running a moment ago and is not now. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', '0']);
  return r.pid!;
}

function writeLock(root: string, content: string): void {
  mkdirSync(join(root, '.coop'), { recursive: true });
  writeFileSync(join(root, '.coop', 'lock'), content);
}

async function withTimeout<T>(ms: number, fn: () => Promise<T>): Promise<T> {
  const saved = process.env.COOP_LOCK_TIMEOUT_MS;
  process.env.COOP_LOCK_TIMEOUT_MS = String(ms);
  try {
    return await fn();
  } finally {
    if (saved === undefined) delete process.env.COOP_LOCK_TIMEOUT_MS;
    else process.env.COOP_LOCK_TIMEOUT_MS = saved;
  }
}

describe('several writers at once', () => {
  it('4 processes × 4 read-and-commit steps: every step counted, no two ever inside at once — starting from a stale lock they all find', async () => {
    const root = await txnRepo();
    writeLock(root, JSON.stringify({ pid: deadPid(), host: hostname(), since: '2020-01-01T00:00:00.000Z' }));
    const runs = await Promise.all(Array.from({ length: 4 }, () => driver(['bump', root, '4'], { env: { COOP_LOCK_TIMEOUT_MS: '60000' } })));
    for (const r of runs) expect(r.stderr).toBe('');
    for (const r of runs) expect(r.exitCode).toBe(0);
    expect(readFileSync(join(root, 'counter.txt'), 'utf8')).toBe('16\n');
    const subjects = (await git(root, ['log', '--format=%s'])).split('\n');
    expect(subjects.filter((s) => s.startsWith('Bump to ')).sort()).toEqual(Array.from({ length: 16 }, (_, i) => `Bump to ${i + 1}`).sort());
    // The log each holder writes inside the lock alternates strictly: enter, leave, enter, leave …
    const log = readFileSync(join(root, 'private', 'lock-log.txt'), 'utf8')
      .trim()
      .split('\n');
    expect(log).toHaveLength(32);
    log.forEach((line, i) => {
      expect(line.startsWith(i % 2 === 0 ? 'enter ' : 'leave ')).toBe(true);
      if (i % 2 === 1) expect(line.slice(6)).toBe(log[i - 1]!.slice(6));
    });
    expect(existsSync(join(root, '.coop', 'lock'))).toBe(false);
    cases += 1;
  }, 120_000);
});

describe('a lock that is held', () => {
  it('by a running coop: the second waits, then says who holds it and what to do', async () => {
    const root = await txnRepo();
    // This test's own process stands for the running coop.
    writeLock(root, JSON.stringify({ pid: process.pid, host: hostname(), since: '2027-06-10T18:30:00.000Z' }));
    await expect(withTimeout(300, () => acquireLock(root))).rejects.toThrow(
      new RegExp(
        `Another coop command \\(process ${process.pid}, since 2027-06-10T18:30:00.000Z\\) is changing this group's files\\. Wait for it to finish and try again\\. If no coop command is running, delete \\.coop/lock`,
      ),
    );
    cases += 1;
  });

  it('from another machine (a shared folder) is never presumed dead', async () => {
    const root = await txnRepo();
    writeLock(root, JSON.stringify({ pid: deadPid(), host: 'another-laptop', since: '2027-06-10T18:30:00.000Z' }));
    await expect(withTimeout(200, () => acquireLock(root))).rejects.toThrow(/on another-laptop/);
    cases += 1;
  });

  it('by a coop that was killed: taken over at once', async () => {
    const root = await txnRepo();
    const holder = driver(['hold', root, '60000']);
    await new Promise<void>((resolve) => holder.stdout?.once('data', () => resolve()));
    expect(existsSync(join(root, '.coop', 'lock'))).toBe(true);
    holder.kill('SIGKILL');
    await holder;
    // Short timeout: only taking over the dead lock can succeed in time.
    const lock = await withTimeout(2000, () => acquireLock(root));
    expect(JSON.parse(readFileSync(join(root, '.coop', 'lock'), 'utf8')).pid).toBe(process.pid);
    lock.release();
    expect(existsSync(join(root, '.coop', 'lock'))).toBe(false);
    cases += 1;
  });

  it.each([
    ['empty', ''],
    ['not JSON', 'garbage {'],
    ['JSON without a pid', '{"host":"x"}'],
    ['JSON null', 'null'],
  ])('that is unreadable (%s) was not written by a live coop, and is taken over', async (_name, content) => {
    const root = await txnRepo();
    writeLock(root, content);
    const lock = await withTimeout(2000, () => acquireLock(root));
    lock.release();
    expect(existsSync(join(root, '.coop', 'lock'))).toBe(false);
    cases += 1;
  });

  it('a lock released by one holder is never removed by another', async () => {
    const root = await txnRepo();
    const first = await acquireLock(root);
    first.release();
    const second = await acquireLock(root);
    // The first holder releasing again (a double release) must not free the second's lock.
    first.release();
    expect(existsSync(join(root, '.coop', 'lock'))).toBe(true);
    second.release();
    cases += 1;
  });
});
