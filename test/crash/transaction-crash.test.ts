// Killing a change at any moment leaves the repository as it was before the change or as it is
// after it, never between — once the next coop command has recovered. The driver (driver.mjs)
// runs the BUILT transaction code; recovery is run here, in-process, as any command would.
//
// Three ways to die: SIGKILL at each named point of a change (COOP_TEST_KILL_AT, so every step
// is covered for certain); SIGKILL to the coop process at random moments, hundreds of times
// (its git child lives on as an orphan, as after `kill -9`); and SIGKILL to the whole process
// group at random moments, as a power cut would (git dies too, leaving its lock files).

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { withWriteLock } from '../../dist/io/transaction.js';
import { assertWhole, driver, sleep, txnRepo, whenReady } from './txn-repo.js';

const recover = (root: string) => withWriteLock(root, async () => undefined);
const journalOf = (root: string) => join(root, '.coop', 'txn', 'journal.json');

const tally = { points: 0, randomKills: 0, midChange: 0, groupKills: 0 };
afterAll(() => {
  console.log(
    `crash suite (transactions): ${tally.points} kills at named points, ${tally.randomKills} random kills of coop ` +
      `(${tally.midChange} in the middle of a change), ${tally.groupKills} random kills of coop with its git; ` +
      'every one left the files and git all-before or all-after',
  );
});

describe('killed at each step of a change', () => {
  // [point, what the repository must show afterwards: the change undone, done, or either]
  const points: [string, 'before' | 'after' | 'either'][] = [
    ['stage:1', 'before'],
    ['stage:4', 'before'],
    ['journal', 'before'],
    ['place:1', 'before'],
    ['place:3', 'before'],
    ['place:4', 'before'],
    ['place:5', 'before'],
    ['place:6', 'before'],
    ['add', 'before'],
    ['adding', 'before'],
    ['commit', 'before'],
    ['committing', 'either'],
    ['finish', 'after'],
  ];

  it(`at each of ${points.length} points, the next command leaves the change undone or done as it should`, async () => {
    // One repository throughout: each kill starts from what the previous one left.
    const root = await txnRepo();
    let k = 0;
    for (const [point, expected] of points) {
      const r = await driver(['apply', root, String(k + 1), String(k + 1)], { env: { COOP_TEST_KILL_AT: point } });
      expect(r.signal, `killed at ${point}`).toBe('SIGKILL');
      tally.points += 1;
      // From the journal on, the crash has left work for recovery.
      const journalled = !point.startsWith('stage') && point !== 'journal';
      expect(existsSync(journalOf(root)), `journal after a kill at ${point}`).toBe(journalled);
      await recover(root);
      const now = await assertWhole(root);
      if (expected === 'before') expect(now, `kill at ${point}`).toBe(k);
      else if (expected === 'after') expect(now, `kill at ${point}`).toBe(k + 1);
      else expect([k, k + 1], `kill at ${point}`).toContain(now);
      k = now;
    }
    // The repository still works: the next change goes through.
    const r = await driver(['apply', root, String(k + 1), String(k + 1)]);
    expect(r.exitCode).toBe(0);
    expect(await assertWhole(root)).toBe(k + 1);
  }, 120_000);

  it('killed again while a recovery is undoing the change, the next recovery still finishes the job', async () => {
    const root = await txnRepo();
    // A change fails (disk full placing the 3rd file) and, while undoing it, the process is killed.
    const r = await driver(['apply', root, '1', '1'], { env: { COOP_TEST_FAIL_AT: 'place:3', COOP_TEST_KILL_AT: 'rollback:2' } });
    expect(r.signal).toBe('SIGKILL');
    expect(existsSync(journalOf(root))).toBe(true);
    // A recovery that is itself killed half way…
    const again = await driver(['recover', root], { env: { COOP_TEST_KILL_AT: 'rollback:2' } });
    expect(again.signal).toBe('SIGKILL');
    // …is taken up by the next one.
    await recover(root);
    expect(await assertWhole(root)).toBe(0);
  });
});

/** How long one change takes on this machine now, measured on a run that is not killed. */
async function timeOneChange(root: string, k: number): Promise<{ k: number; ms: number }> {
  const child = driver(['apply', root, String(k + 1), String(k + 3)]);
  await whenReady(child);
  const started = Date.now();
  await child;
  return { k: await assertWhole(root), ms: (Date.now() - started) / 3 };
}

/** A driver started ahead of time: loaded and waiting to be told to begin. */
interface Waiting {
  child: ReturnType<typeof driver>;
  ready: Promise<void>;
}

function startWaiting(root: string, group: boolean): Waiting {
  const child = driver(['apply', root, 'next', '60', 'wait'], { detached: group });
  return { child, ready: whenReady(child) };
}

/**
 * Tells a waiting driver (applying the next 60 changes) to begin, kills it at a random moment
 * within about two changes, starts the next driver loading meanwhile, recovers, and checks.
 * Returns the new k and the next driver.
 */
async function killOnce(root: string, k: number, changeMs: number, group: boolean, waiting: Waiting): Promise<{ k: number; next: Waiting }> {
  const { child } = waiting;
  await waiting.ready;
  child.stdin?.write('go\n');
  await sleep(Math.random() * 2 * changeMs);
  if (group && child.pid) {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // It had already finished.
    }
  } else {
    child.kill('SIGKILL');
  }
  await child;
  // The next driver loads while this one's work is recovered and checked; it waits to be told.
  const next = startWaiting(root, group);
  if (existsSync(journalOf(root))) tally.midChange += 1;
  await recover(root);
  const now = await assertWhole(root);
  // Whole changes are never lost: the count only goes up.
  expect(now).toBeGreaterThanOrEqual(k);
  return { k: now, next };
}

describe('killed at random moments', () => {
  // Two repositories at once, to make use of both cores while one waits on git.
  const LANES = 2;
  // At least MIN per lane however slow the machine; then more, up to MAX, while the budget lasts.
  const MIN_PER_LANE = 15;
  const MAX_PER_LANE = 100;
  const BUDGET_MS = 10_000;

  it(`${LANES * MIN_PER_LANE} to ${LANES * MAX_PER_LANE} kills of coop (its git child left running) never leave a half-made change`, async () => {
    const started = Date.now();
    const lane = async () => {
      const root = await txnRepo();
      const { ms, k: first } = await timeOneChange(root, 0);
      let k = first;
      let next = startWaiting(root, false);
      for (let i = 0; i < MAX_PER_LANE && (i < MIN_PER_LANE || Date.now() - started < BUDGET_MS); i++) {
        ({ k, next } = await killOnce(root, k, ms, false, next));
        tally.randomKills += 1;
      }
      next.child.kill('SIGKILL');
      await next.child;
      return k;
    };
    const reached = await Promise.all(Array.from({ length: LANES }, lane));
    // The suite did real work: changes went through between the kills, and kills landed mid-change.
    for (const k of reached) expect(k).toBeGreaterThan(0);
    expect(tally.midChange).toBeGreaterThan(0);
  }, 120_000);

  it('kills of coop together with its git (a power cut) never leave a half-made change', async () => {
    const root = await txnRepo();
    const { ms, k: from } = await timeOneChange(root, 0);
    let k = from;
    let next = startWaiting(root, true);
    for (let i = 0; i < 6; i++) {
      ({ k, next } = await killOnce(root, k, ms, true, next));
      tally.groupKills += 1;
    }
    next.child.kill('SIGKILL');
    await next.child;
    expect(k).toBeGreaterThanOrEqual(from);
  }, 120_000);
});
