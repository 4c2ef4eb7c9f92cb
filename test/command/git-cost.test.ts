// Git's own cost in a change: at most four git processes (git traces every process it starts,
// its own children too), and automatic maintenance only when git's own estimate says it is due.

import { mkdirSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { coop, git, join, read, tempDir } from '../support/cli.js';
import { fixtureGroup } from '../support/fixture-group.js';
import { maintenanceDue } from '../../src/io/git.js';

/** The git processes a command started, from git's trace2 event stream. */
async function gitProcesses(args: string[], cwd: string): Promise<string[]> {
  const trace = join(tempDir(), 'trace.json');
  const r = await coop(args, { cwd, env: { GIT_TRACE2_EVENT: trace } });
  expect(r.exitCode, String(r.stderr)).toBe(0);
  return read(trace)
    .split('\n')
    .filter((line) => line.includes('"event":"start"'))
    .map((line) => (JSON.parse(line) as { argv: string[] }).argv.slice(1).join(' '));
}

describe("git's cost in a change", () => {
  it('is four git processes or fewer for a member added, and none of them maintenance', async () => {
    const dir = await fixtureGroup();
    // The first change makes coop's working folder; the second is a change like any other.
    await coop(['member', 'add', 'First Change', '--joined', '2024-02-01'], { cwd: dir });
    const started = await gitProcesses(['member', 'add', 'Second Change', '--joined', '2024-02-02'], dir);
    expect(started.length, started.join('\n')).toBeLessThanOrEqual(4);
    // Who commits is known without asking git when the environment names the committer (as here).
    expect(started.filter((argv) => argv.startsWith('var '))).toEqual([]);
    expect(started.filter((argv) => /^(maintenance|gc)\b/.test(argv))).toEqual([]);
    expect(started.some((argv) => argv.includes('maintenance.auto=false'))).toBe(true);
    // The second change only appends to this copy's own ledger part, which git has: one git
    // commit --only stages and commits it, with no git add before it.
    expect(started.filter((argv) => argv.startsWith('add '))).toEqual([]);
    expect(started.filter((argv) => /\bcommit\b.* --only -- register\//.test(argv))).toHaveLength(1);
    expect(await git(dir, ['status', '--porcelain'])).toBe('');
  });

  it('is four git processes or fewer for a meeting called and for one closed', async () => {
    const dir = await fixtureGroup();
    await coop(['member', 'add', 'First Change', '--joined', '2024-02-01'], { cwd: dir });
    const called = await gitProcesses(['meeting', 'new', 'general', '--notice-date', '2024-03-01', '--date', '2024-03-20', '--time', '19:00', '--place', 'The Hall'], dir);
    expect(called.length, called.join('\n')).toBeLessThanOrEqual(4);
    const closed = await gitProcesses(['meeting', 'close', '2024-03-20'], dir);
    expect(closed.length, closed.join('\n')).toBeLessThanOrEqual(4);
    expect(await git(dir, ['log', '-1', '--format=%s'])).toContain('Close');
  });

  it('is four git processes or fewer for a member added with an email (the private store kept ignored, asked within git status)', async () => {
    const dir = await fixtureGroup();
    await coop(['member', 'add', 'First Contact', '--joined', '2024-02-01', '--email', 'first@example.org'], { cwd: dir });
    const started = await gitProcesses(['member', 'add', 'Second Contact', '--joined', '2024-02-02', '--email', 'second@example.org'], dir);
    expect(started.length, started.join('\n')).toBeLessThanOrEqual(4);
    expect(started.filter((argv) => argv.includes('check-ignore'))).toEqual([]);
    // The details went to the private store, and nothing private into the commit.
    expect(read(join(dir, 'private', 'contacts.jsonl'))).toContain('second@example.org');
    expect(await git(dir, ['show', '--name-only', '--format=', 'HEAD'])).not.toContain('private/');
  });

  it('asks nothing of git check-ignore in a check when git status lists the private store as ignored', async () => {
    const dir = await fixtureGroup();
    await coop(['member', 'add', 'First Contact', '--joined', '2024-02-01', '--email', 'first@example.org'], { cwd: dir });
    const started = await gitProcesses(['check'], dir);
    expect(started.filter((argv) => argv.includes('check-ignore'))).toEqual([]);
    expect(started.some((argv) => argv.includes('status') && argv.includes('--ignored=matching'))).toBe(true);
  });

  it('lets git maintain the repository exactly when its own estimate would (loose objects in objects/17, or packs)', async () => {
    const dir = tempDir();
    await git(dir, ['init', '-q']);
    expect(maintenanceDue(dir)).toBe(false);
    const sample = join(dir, '.git', 'objects', '17');
    mkdirSync(sample, { recursive: true });
    // gc.auto is 6,700 by default: git acts once objects/17 holds more than 6,700 / 256, i.e. 27.
    for (let i = 0; i < 27; i++) writeFileSync(join(sample, i.toString(16).padStart(38, '0')), '');
    writeFileSync(join(sample, 'not-an-object'), '');
    expect(maintenanceDue(dir)).toBe(false);
    writeFileSync(join(sample, 'f'.repeat(38)), '');
    expect(maintenanceDue(dir)).toBe(true);

    const packed = tempDir();
    await git(packed, ['init', '-q']);
    for (let i = 0; i < 51; i++) writeFileSync(join(packed, '.git', 'objects', 'pack', `pack-${i}.pack`), '');
    expect(maintenanceDue(packed)).toBe(true);
  });
});
