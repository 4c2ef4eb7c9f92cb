// `coop sync` killed at random moments (issue 14): it checks a merge before committing it, so a
// sync stopped anywhere leaves this copy either as it was or with a merge that was checked; the
// next `coop sync` finishes the job. Two officers' copies of one register, a bare hub between
// them. In one case the copies gave out the same membership number (sync settles it); in the
// other one recorded a member leaving and the other issued shares to that member afterwards
// (sync must refuse, and must never send that register to the hub, however it was stopped).

import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, GIT_IDENTITY, git, tempDir } from '../support/cli.js';
import { fixtureGroup } from '../support/fixture-group.js';
import { sleep } from './txn-repo.js';

const ENV = { ...GIT_IDENTITY, TZ: 'Europe/London', NO_COLOR: '1', COOP_LOCK_TIMEOUT_MS: '30000' };
const coopProcess = (args: string[], cwd: string) => execa(process.execPath, [BIN, ...args], { cwd, reject: false, stdin: 'ignore', env: ENV });

async function ok(cwd: string, args: string[]) {
  const r = await coopProcess(args, cwd);
  expect(r.exitCode, `coop ${args.join(' ')}: ${r.stderr}`).toBe(0);
  return r;
}

/** A hub and two clones, `a` and `b`, each with its own (empty) private store. */
async function officers(): Promise<string> {
  const origin = await fixtureGroup({ tweak: (p) => void (p.shares && Object.assign(p.shares, { maximumHolding: 100 })) });
  const parent = tempDir('coop-crash-sync-');
  await git(parent, ['clone', '-q', '--bare', origin, join(parent, 'hub.git')]);
  for (const name of ['a', 'b']) {
    await git(parent, ['clone', '-q', join(parent, 'hub.git'), name]);
    cpSync(join(origin, 'private'), join(parent, name, 'private'), { recursive: true });
  }
  return parent;
}

/** A copy of a hub and its clones, each clone's remote pointed at the copied hub. */
function copyOf(template: string): string {
  const parent = tempDir('coop-crash-sync-');
  cpSync(template, parent, { recursive: true });
  for (const name of ['a', 'b']) {
    const config = join(parent, name, '.git', 'config');
    writeFileSync(config, readFileSync(config, 'utf8').split(join(template, 'hub.git')).join(join(parent, 'hub.git')));
  }
  return parent;
}

/** Waits until git processes a killed coop left running have finished with the repository. */
async function untilGitIdle(dir: string): Promise<void> {
  const lock = join(dir, '.git', 'index.lock');
  for (let quiet = 0, tries = 0; quiet < 3 && tries < 500; tries++) {
    quiet = existsSync(lock) ? 0 : quiet + 1;
    await sleep(20);
  }
}

const hubHead = (parent: string) => git(join(parent, 'hub.git'), ['rev-parse', 'main']);

/**
 * Stops a running sync: in even rounds at a random moment of its usual run; in odd rounds the
 * moment git has merged (a merge under way, or the branch moved), before coop has checked the
 * merge, which a random moment would seldom hit.
 */
async function stop(child: ReturnType<typeof coopProcess>, dir: string, round: number, usual: number): Promise<void> {
  if (round % 2 === 0) await sleep(usual * (0.1 + Math.random()));
  else {
    const branch = join(dir, '.git', 'refs', 'heads', 'main');
    const start = readFileSync(branch, 'utf8');
    while (child.exitCode === null && !existsSync(join(dir, '.git', 'MERGE_HEAD')) && readFileSync(branch, 'utf8') === start) await sleep(1);
  }
  child.kill('SIGKILL');
  await child;
  await untilGitIdle(dir);
}

describe('killing coop sync at random moments', { timeout: 180_000 }, () => {
  // Each case: the template before b syncs, and how long b's sync takes here and now.
  const cases = {} as Record<'renumber' | 'clash', { template: string; usual: number }>;
  beforeAll(async () => {
    const renumber = await officers();
    await ok(join(renumber, 'a'), ['member', 'add', 'Dafydd Jones', '--joined', '2024-03-01']);
    await ok(join(renumber, 'a'), ['sync']);
    await ok(join(renumber, 'b'), ['member', 'add', 'Alys Evans', '--joined', '2024-02-20']);
    const clash = await officers();
    await ok(join(clash, 'a'), ['member', 'leave', '2', '--date', '2024-06-01', '--reason', 'resigned']);
    await ok(join(clash, 'a'), ['sync']);
    await ok(join(clash, 'b'), ['shares', 'issue', '2', '1', '--date', '2024-06-10']);
    for (const [name, template] of [
      ['renumber', renumber],
      ['clash', clash],
    ] as const) {
      const trial = copyOf(template);
      const started = Date.now();
      await coopProcess(['sync'], join(trial, 'b'));
      cases[name] = { template, usual: Date.now() - started };
    }
  });

  const ROUNDS = 2;

  it('numbers both copies gave out: after any kill, the next sync settles them and both copies end with one register', async () => {
    const { template, usual } = cases.renumber;
    for (let round = 0; round < ROUNDS; round++) {
      const parent = copyOf(template);
      const [a, b] = [join(parent, 'a'), join(parent, 'b')];
      await stop(coopProcess(['sync'], b), b, round, usual);
      const interrupted = existsSync(join(b, '.git', 'MERGE_HEAD'));
      // Each sync ends with coop check of the merged register: "checks clean" is that check passing.
      const again = (await ok(b, ['sync'])).stdout;
      expect(again).toMatch(/register checks clean/);
      if (interrupted) expect(again).toMatch(/An earlier coop sync was stopped during its merge/);
      expect((await ok(a, ['sync'])).stdout).toMatch(/register checks clean/);
      // a records, in its own stream, the renumbering of the member it admitted (core/ledger/renumber.ts); b brings that in.
      expect((await ok(b, ['sync'])).stdout).toMatch(/register checks clean/);
      for (const dir of [a, b]) {
        expect(existsSync(join(dir, '.git', 'MERGE_HEAD'))).toBe(false);
        expect(await git(dir, ['status', '--porcelain', '--untracked-files=no'])).toBe('');
      }
      expect(await git(b, ['rev-parse', 'HEAD'])).toBe(await git(a, ['rev-parse', 'HEAD']));
      expect(await hubHead(parent)).toBe(await git(a, ['rev-parse', 'HEAD']));
      const { members } = JSON.parse((await ok(a, ['register', '--json', '--as-of', '2024-12-31'])).stdout) as { members: { number: number; name: string }[] };
      expect(new Set(members.map((m) => m.number)).size).toBe(members.length);
      expect(members.map((m) => m.name)).toEqual(expect.arrayContaining(['Dafydd Jones', 'Alys Evans']));
    }
  });

  it('a clash coop cannot settle: after any kill, the next sync refuses it, this copy is as it was, and the hub never gets it', async () => {
    const { template, usual } = cases.clash;
    for (let round = 0; round < ROUNDS; round++) {
      const parent = copyOf(template);
      const b = join(parent, 'b');
      const [head, hub] = [await git(b, ['rev-parse', 'HEAD']), await hubHead(parent)];
      await stop(coopProcess(['sync'], b), b, round, usual);
      const again = await coopProcess(['sync'], b);
      expect(again.exitCode, again.stdout).toBe(1);
      expect(again.stderr).toMatch(/member 2 left on 2024-06-01.*Nothing was changed: the merge was undone/s);
      expect(await git(b, ['rev-parse', 'HEAD'])).toBe(head);
      expect(existsSync(join(b, '.git', 'MERGE_HEAD'))).toBe(false);
      expect(await git(b, ['status', '--porcelain', '--untracked-files=no'])).toBe('');
      expect(await hubHead(parent)).toBe(hub);
    }
  });
});
