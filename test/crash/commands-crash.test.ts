// The real commands, killed: `coop member add` (and other commands that change the register)
// started again and again and killed with SIGKILL at random moments; after each, `coop check`
// passes and the register (ledger, private contacts, git) is exactly as it was before the
// command or exactly as the command leaves it — never anything between. And eight processes
// adding twenty-five members each, all at once: two hundred members, unique numbers, none lost.

import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeLedger, type LedgerEvent } from '../../dist/core/ledger/events.js';
import { withWriteLock } from '../../dist/io/transaction.js';
import { BIN, GIT_IDENTITY, git, tempDir } from '../support/cli.js';
import { CACHE_STATES, spoilCaches } from '../support/cache-states.js';
import { fixtureGroup } from '../support/fixture-group.js';
import { ledgerEvents, ledgerParts } from '../support/register.js';
import { runCoop } from '../hostile/harness.js';
import { sleep } from './txn-repo.js';

const CLI_LOOP = fileURLToPath(new URL('./cli-loop.mjs', import.meta.url));

const tally = { kills: 0, undone: 0, done: 0, byCommand: new Map<string, number>() };
afterAll(() => {
  const per = [...tally.byCommand].map(([c, n]) => `${n} × ${c}`).join(', ');
  console.log(
    `crash suite (commands): ${tally.kills} SIGKILLs (${per}); afterwards ${tally.undone} changes were wholly undone and ` +
      `${tally.done} wholly made; coop check passed every time`,
  );
});

interface RegisterFiles {
  ledger: string;
  contacts: string;
  head: string;
  commits: number;
}

async function registerFiles(group: string): Promise<RegisterFiles> {
  const read = (p: string) => {
    try {
      return readFileSync(join(group, p), 'utf8');
    } catch {
      return '';
    }
  };
  return {
    // Every part of every stream, in order, as one text.
    ledger: ledgerParts(group).map(read).join(''),
    contacts: read('private/contacts.jsonl'),
    head: await git(group, ['rev-parse', 'HEAD']),
    commits: Number(await git(group, ['rev-list', '--count', 'HEAD'])),
  };
}

/** What one command adds to the register, to recognise the "after" state. */
interface Step {
  label: string;
  args: string[];
  /** The event types the command appends (in order). */
  events: LedgerEvent['type'][];
  /** True when it also adds a line to the private contact store. */
  contact: boolean;
}

function coopProcess(args: string[], cwd: string) {
  return execa(process.execPath, [BIN, ...args], {
    cwd,
    reject: false,
    stdin: 'ignore',
    env: { ...GIT_IDENTITY, TZ: 'Europe/London', NO_COLOR: '1', COOP_LOCK_TIMEOUT_MS: '30000' },
  });
}

/**
 * Checks the group now holds exactly the state before, or exactly that state plus the step's
 * change, whole; returns which.
 */
async function expectBeforeOrAfter(group: string, before: RegisterFiles, step: Step): Promise<'before' | 'after'> {
  const now = await registerFiles(group);
  expect(await git(group, ['status', '--porcelain=v1', '--untracked-files=all'])).toBe('');
  if (now.head === before.head) {
    expect(now.ledger).toBe(before.ledger);
    expect(now.contacts).toBe(before.contacts);
    return 'before';
  }
  expect(now.commits).toBe(before.commits + 1);
  expect(now.ledger.startsWith(before.ledger)).toBe(true);
  const added = decodeLedger(now.ledger.slice(before.ledger.length));
  expect(added.problems).toEqual([]);
  expect(added.events.map((e) => e.type)).toEqual(step.events);
  if (step.contact) {
    expect(now.contacts.startsWith(before.contacts)).toBe(true);
    expect(now.contacts.slice(before.contacts.length).trim().split('\n')).toHaveLength(1);
  } else {
    expect(now.contacts).toBe(before.contacts);
  }
  // The commit holds exactly the new ledger.
  const committed: string[] = [];
  for (const p of ledgerParts(group)) committed.push(`${await git(group, ['show', `HEAD:${p}`])}\n`);
  expect(committed.join('')).toBe(now.ledger);
  return 'after';
}

/** How many kills were followed by coop's working caches in each state. */
const cacheStateCount = new Map<string, number>();

/**
 * A gate in front of the register: a lock file naming this (live) process, which a coop waits
 * behind. The next command is started, and loads, behind the gate while the last one's results
 * are checked; once the gate opens and it holds the lock itself, a kill lands in its real work
 * rather than in Node starting up. (Checking needs no lock once recovery has run.)
 */
function closeGate(group: string): void {
  mkdirSync(join(group, '.coop'), { recursive: true });
  writeFileSync(join(group, '.coop', 'lock'), JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString(), nonce: 'gate' }));
}
const openGate = (group: string) => rmSync(join(group, '.coop', 'lock'), { force: true });

/** Waits until the child holds the write lock: its real work (read, plan, write, commit) has begun. */
async function untilHolding(group: string, child: ReturnType<typeof coopProcess>): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      if ((JSON.parse(readFileSync(join(group, '.coop', 'lock'), 'utf8')) as { pid?: number }).pid === child.pid) return;
    } catch {
      // No lock, or one being written: look again.
    }
    if (child.exitCode !== null || Date.now() > deadline) return;
    await sleep(2);
  }
}

/** Runs a step without killing it, to learn how long its work under the lock takes here and now. */
async function timeStep(group: string, step: Step): Promise<number> {
  const child = coopProcess(step.args, group);
  await untilHolding(group, child);
  const began = Date.now();
  const r = await child;
  expect(r.exitCode, r.stderr).toBe(0);
  return Date.now() - began;
}

/**
 * Lets a waiting step through the gate, kills it with SIGKILL at a random moment of its work
 * under the lock, starts the next step behind the gate, and checks. Returns the next step's process.
 */
async function killStep(group: string, step: Step, usualMs: number, child: ReturnType<typeof coopProcess>, next: () => ReturnType<typeof coopProcess>) {
  const before = await registerFiles(group);
  openGate(group);
  await untilHolding(group, child);
  await sleep(Math.random() * usualMs * 1.1);
  child.kill('SIGKILL');
  const r = await child;
  tally.kills += 1;
  tally.byCommand.set(step.label, (tally.byCommand.get(step.label) ?? 0) + 1);
  // The next command (here, recovery and then coop check, in this process) finishes or undoes the change first.
  await withWriteLock(group, async () => undefined);
  // coop's snapshot and caches in each state in turn (kept, gone, cut short, a byte changed):
  // none may change what check finds or what the next command does.
  const state = CACHE_STATES[tally.kills % CACHE_STATES.length]!;
  cacheStateCount.set(state, (cacheStateCount.get(state) ?? 0) + 1);
  spoilCaches(group, state);
  closeGate(group);
  const following = next();
  const check = await runCoop(['check'], group);
  expect(check.exitCode, `coop check after killing ${step.label}:\n${check.stderr}`).toBe(0);
  const outcome = await expectBeforeOrAfter(group, before, step);
  if (r.exitCode === 0) expect(outcome).toBe('after');
  if (outcome === 'after') tally.done += 1;
  else tally.undone += 1;
  // Wrapped: an async function returning the child itself would wait for it to finish.
  return { following };
}

describe('killing commands at random moments', () => {
  const BUDGET_MS = 10_000;
  const MIN_PER_LANE = 8;

  it('never leaves a register that fails coop check or differs from before and after', async () => {
    const started = Date.now();
    const lane = async (lane: number) => {
      const group = await fixtureGroup({ tweak: (p) => void (p.shares && Object.assign(p.shares, { maximumHolding: 1000, transferable: true })) });
      let n = 0;
      const steps: (() => Step)[] = [
        () => ({
          label: 'member add',
          args: ['member', 'add', `Member L${lane}N${++n}`, '--joined', '2024-02-01', '--email', `m${lane}-${n}@example.org`],
          events: ['admit'],
          contact: true,
        }),
        () => ({ label: 'shares issue', args: ['shares', 'issue', '1', '1', '--date', '2024-02-02'], events: ['issue'], contact: false }),
        () => ({ label: 'member update --name', args: ['member', 'update', '2', '--name', `Ben Renamed ${++n}`, '--date', '2024-02-03'], events: ['rename'], contact: false }),
        () => ({ label: 'shares transfer', args: ['shares', 'transfer', '1', '3', '1', '--date', '2024-02-04'], events: ['transfer'], contact: false }),
      ];
      // How long a step's work under the lock takes here and now (they are much alike).
      const usual = await timeStep(group, steps[0]!());
      let i = 0;
      let step = steps[0]!();
      closeGate(group);
      let child = coopProcess(step.args, group);
      // At least MIN kills per lane however slow the machine; then more while the budget lasts.
      while (i < MIN_PER_LANE || Date.now() - started < BUDGET_MS) {
        const nextStep = steps[++i % steps.length]!();
        ({ following: child } = await killStep(group, step, usual, child, () => coopProcess(nextStep.args, group)));
        step = nextStep;
      }
      child.kill('SIGKILL');
      await child;
      openGate(group);
    };
    await Promise.all([lane(1), lane(2)]);
    // The suite really did kill commands, and every kill ended wholly undone or wholly made.
    const registerKills = [...tally.byCommand].filter(([c]) => c !== 'new').reduce((n, [, k]) => n + k, 0);
    expect(registerKills).toBeGreaterThanOrEqual(2 * MIN_PER_LANE);
    expect(tally.done + tally.undone).toBe(registerKills);
    // Every state of the caches was met after some kill.
    for (const state of CACHE_STATES) expect(cacheStateCount.get(state) ?? 0, `kills followed by caches ${state}`).toBeGreaterThan(0);
  }, 180_000);
});

describe('killing coop new at random moments', () => {
  it('leaves the whole group or nothing; the next coop new sweeps away what a killed one was building', async () => {
    const parent = tempDir('coop-crash-new-');
    const started = Date.now();
    const first = await coopProcess(['new', '--yes', 'timed'], parent);
    expect(first.exitCode, first.stderr).toBe(0);
    const usual = Date.now() - started;
    const outcomes = { nothing: 0, whole: 0 };
    for (let i = 0; i < 8; i++) {
      const name = `group-${i}`;
      const child = coopProcess(['new', '--yes', name], parent);
      await sleep(usual * (0.5 + Math.random() * 0.8));
      child.kill('SIGKILL');
      await child;
      tally.kills += 1;
      tally.byCommand.set('new', (tally.byCommand.get('new') ?? 0) + 1);
      const dir = join(parent, name);
      if (!existsSync(dir)) {
        outcomes.nothing += 1;
        continue;
      }
      outcomes.whole += 1;
      expect(await git(dir, ['status', '--porcelain=v1', '--untracked-files=all'])).toBe('');
      expect(await git(dir, ['rev-list', '--count', 'HEAD'])).toBe('1');
      const check = await runCoop(['check'], dir);
      expect(check.exitCode, check.stderr).toBe(0);
    }
    const last = await coopProcess(['new', '--yes', 'after-the-kills'], parent);
    expect(last.exitCode, last.stderr).toBe(0);
    expect(readdirSync(parent).filter((e) => e.includes('.coop-new-'))).toEqual([]);
    console.log(`coop new killed 8 times: ${outcomes.nothing} left nothing, ${outcomes.whole} left the whole group`);
  }, 120_000);
});

describe('many writers at once', () => {
  it('6 processes adding 20 members each, all at once: 120 members, unique numbers, nothing lost', async () => {
    const group = await fixtureGroup({ founders: ['Ada Founder'] });
    // Each process runs the built CLI's entry 20 times (cli-loop.mjs): six writers racing for one register.
    const runs = await Promise.all(
      Array.from({ length: 6 }, (_, lane) =>
        execa(process.execPath, [CLI_LOOP, group, `Writer ${lane + 1}`, '20'], {
          reject: false,
          env: { ...GIT_IDENTITY, TZ: 'Europe/London', NO_COLOR: '1', COOP_LOCK_TIMEOUT_MS: '120000' },
        }),
      ),
    );
    for (const r of runs) expect(r.exitCode, r.stderr).toBe(0);
    const numbers = runs.flatMap((r) => JSON.parse(r.stdout.trim().split('\n').at(-1)!) as number[]);
    expect(new Set(numbers).size).toBe(120);
    expect([...numbers].sort((a, b) => a - b)).toEqual(Array.from({ length: 120 }, (_, i) => i + 2));
    const problems = ledgerParts(group).flatMap((p) => decodeLedger(readFileSync(join(group, p), 'utf8')).problems);
    expect(problems).toEqual([]);
    const events = ledgerEvents(group);
    const admitted = events.filter((e) => e.type === 'admit');
    expect(admitted).toHaveLength(121);
    const names = new Set(admitted.map((e) => (e.type === 'admit' ? e.name : '')));
    for (let lane = 1; lane <= 6; lane++) for (let i = 1; i <= 20; i++) expect(names.has(`Writer ${lane} Member ${i}`)).toBe(true);
    expect(Number(await git(group, ['rev-list', '--count', 'HEAD']))).toBe(121);
    expect(await git(group, ['status', '--porcelain=v1', '--untracked-files=all'])).toBe('');
    expect((await runCoop(['check'], group)).exitCode).toBe(0);
  }, 300_000);
});
