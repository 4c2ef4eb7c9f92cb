// The snapshot (.coop/cache/snapshot.json) lets a command skip parsing and checking coop.yml
// when this same text has passed before, skip decoding ledger parts it has summed up, and skip
// deriving today's register. It may only ever be a shortcut to the same answer: an edited file,
// a spoiled or foreign snapshot, or one that cannot be written must all leave every command
// doing and saying exactly what it would without one.

import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixtureGroup, madeOnce } from '../support/fixture-group.js';
import { coop, git, join, read } from '../support/cli.js';
import { isCliEntry, modulesLoadedBy } from '../support/loads.js';
import { readCache, writeCache } from '../support/caches.js';

const CACHE = join('.coop', 'cache', 'snapshot.json');
// yaml and zod as installed, or as bundled into their own chunks (scripts/bundle.js).
const PARSERS = /\/node_modules\/(yaml|zod)\/|\/dist\/bundle\/vendor-(yaml|zod)-/;

/**
 * A group whose cache is warm: one change made (which makes .coop/ and the cache). Made once per
 * file; each test gets an exact copy (timestamps kept, so the cache stays as warm).
 */
const warmGroup = madeOnce(async (): Promise<string> => {
  const group = await fixtureGroup();
  const r = await coop(['member', 'add', 'Dee Warm', '--joined', '2024-02-01'], { cwd: group });
  expect(r.exitCode, String(r.stderr)).toBe(0);
  expect(existsSync(join(group, CACHE))).toBe(true);
  return group;
});

async function loadsParsers(args: string[], group: string): Promise<boolean> {
  const { loaded, exitCode } = await modulesLoadedBy(args, group);
  expect(exitCode).toBe(0);
  expect(loaded.some(isCliEntry)).toBe(true);
  return loaded.some((url) => PARSERS.test(url));
}

describe('the snapshot, for coop.yml', () => {
  it('holds the exact text of coop.yml, and with it warm neither yaml nor zod is loaded', async () => {
    const group = await warmGroup();
    const cache = JSON.parse(readCache(join(group, CACHE))) as { params: { text: string; params: { group: { name: string } } } };
    expect(cache.params.text).toBe(read(join(group, 'coop.yml')));
    expect(cache.params.params.group.name).toBe('Fixture Group Limited');
    expect(await loadsParsers(['member', 'add', 'Eve Cached', '--joined', '2024-02-02'], group)).toBe(false);
    expect(await loadsParsers(['check'], group)).toBe(false);
    expect(await loadsParsers(['member', 'list', '--json'], group)).toBe(false);
    // The cache is in coop's git-ignored working folder: the tree stays clean.
    expect(await git(group, ['status', '--porcelain'])).toBe('');
  });

  it('gives the same answers as the full check', async () => {
    const group = await warmGroup();
    const cold = await warmGroup();
    rmSync(join(cold, CACHE));
    for (const args of [
      ['check', '--json'],
      ['status', '--json'],
      ['register', '--as-of', '2024-12-31', '--format', 'csv'],
    ]) {
      const warm = await coop(args, { cwd: group });
      const full = await coop(args, { cwd: cold });
      expect(warm.exitCode, args.join(' ')).toBe(full.exitCode);
      expect(warm.stdout, args.join(' ')).toBe(full.stdout);
    }
  });

  it('is not used once coop.yml is edited: a spoiled coop.yml is refused with its usual message', async () => {
    const group = await warmGroup();
    const yml = join(group, 'coop.yml');
    writeFileSync(yml, read(yml).replace(/minimumHolding: \d+/, 'minimumHolding: -3'));
    for (const args of [['check'], ['member', 'add', 'Fay Refused']]) {
      const r = await coop(args, { cwd: group });
      expect(r.exitCode, args.join(' ')).toBe(1);
      expect(String(r.stderr) + String(r.stdout)).toMatch(/coop\.yml:\d+: shares\.minimumHolding/);
    }
    // Only a clean verdict is kept: the cache still holds the old, valid text.
    expect((JSON.parse(readCache(join(group, CACHE))) as { params: { text: string } }).params.text).not.toBe(read(yml));
  });

  it('is remade after a valid edit, and the edit takes effect', async () => {
    const group = await warmGroup();
    const yml = join(group, 'coop.yml');
    writeFileSync(yml, read(yml).replace(/area: .*/, 'area: the whole valley'));
    // member list, not check: check now reports a rule edited into coop.yml without an amendment.
    expect(await loadsParsers(['member', 'list'], group)).toBe(true);
    expect((JSON.parse(readCache(join(group, CACHE))) as { params: { params: { group: { area: string } } } }).params.params.group.area).toBe('the whole valley');
    expect(await loadsParsers(['member', 'list'], group)).toBe(false);
  });

  const spoiled: [string, (group: string) => void][] = [
    ['empty', (g) => writeCache(join(g, CACHE), '')],
    ['cut short', (g) => writeCache(join(g, CACHE), readCache(join(g, CACHE)).slice(0, 200))],
    ['not JSON', (g) => writeCache(join(g, CACHE), Buffer.from([0xff, 0x00, 0x7b]))],
    ['JSON null', (g) => writeCache(join(g, CACHE), 'null')],
    ['from another build of coop', (g) => writeCache(join(g, CACHE), readCache(join(g, CACHE)).replace(/"stamp":"[0-9a-f]/, '"stamp":"x'))],
    ['without params', (g) => writeCache(join(g, CACHE), JSON.stringify({ ...JSON.parse(readCache(join(g, CACHE))), params: 'no' }))],
  ];
  for (const [what, spoil] of spoiled) {
    it(`is ignored and rewritten when ${what}`, async () => {
      const group = await warmGroup();
      spoil(group);
      expect(await loadsParsers(['check'], group)).toBe(true);
      expect(await loadsParsers(['check'], group)).toBe(false);
    });
  }

  it('costs nothing when it cannot be read or written: commands still work', async () => {
    const group = await warmGroup();
    rmSync(join(group, '.coop', 'cache'), { recursive: true });
    // A file where the cache folder should be: it can be neither made nor read.
    writeFileSync(join(group, '.coop', 'cache'), 'in the way');
    const add = await coop(['member', 'add', 'Gil Uncached', '--joined', '2024-02-03'], { cwd: group });
    expect(add.exitCode, String(add.stderr)).toBe(0);
    expect(String(add.stdout).trim()).toBe('5');
    const check = await coop(['check'], { cwd: group });
    expect(check.exitCode, String(check.stderr)).toBe(0);
    expect(readFileSync(join(group, '.coop', 'cache'), 'utf8')).toBe('in the way');
  });

  it('costs nothing in a folder coop may not write to', async () => {
    const group = await warmGroup();
    rmSync(join(group, CACHE));
    chmodSync(join(group, '.coop', 'cache'), 0o555);
    try {
      const check = await coop(['check'], { cwd: group });
      expect(check.exitCode, String(check.stderr)).toBe(0);
    } finally {
      chmodSync(join(group, '.coop', 'cache'), 0o755);
    }
  });

  it('is not made by a command that only reads, in a group where coop has never written', async () => {
    const group = await fixtureGroup();
    const r = await coop(['check'], { cwd: group });
    expect(r.exitCode, String(r.stderr)).toBe(0);
    expect(existsSync(join(group, '.coop'))).toBe(false);
    // Once coop's working folder exists, reads keep the cache too.
    mkdirSync(join(group, '.coop'));
    await coop(['check'], { cwd: group });
    expect(existsSync(join(group, CACHE))).toBe(true);
  });
});

describe('the snapshot, for meeting records', () => {
  const RECORD = join('meetings', '2024-03-20-general', 'meeting.json');
  const listed = async (group: string) => {
    const r = await coop(['meeting', 'list', '--json'], { cwd: group });
    expect(r.exitCode, String(r.stderr)).toBe(0);
    return (JSON.parse(String(r.stdout)) as { id: string; closed: boolean }[]).find((m) => m.id === '2024-03-20-general');
  };

  it('knows a record text coop wrote earlier, brought back by git, without vetting it again; any other text is vetted', async () => {
    const group = await warmGroup();
    for (const args of [
      ['meeting', 'new', 'general', '--notice-date', '2024-03-01', '--date', '2024-03-20', '--time', '19:00', '--place', 'The Hall'],
      ['meeting', 'attend', '2024-03-20', '1', '2', '3'],
      ['meeting', 'close', '2024-03-20'],
    ]) {
      const r = await coop(args, { cwd: group });
      expect(r.exitCode, `${args.join(' ')}: ${String(r.stderr)}`).toBe(0);
    }
    expect((await listed(group))?.closed).toBe(true);
    // The close undone in the working tree: the record as attend wrote it.
    await git(group, ['checkout', 'HEAD~1', '--', RECORD]);
    expect(await loadsParsers(['meeting', 'list'], group)).toBe(false);
    expect((await listed(group))?.closed).toBe(false);
    // The same record by hand, in other words: vetted, and a spoiled one refused.
    writeFileSync(join(group, RECORD), JSON.stringify(JSON.parse(read(join(group, RECORD)))));
    expect(await loadsParsers(['meeting', 'list'], group)).toBe(true);
    writeFileSync(join(group, RECORD), read(join(group, RECORD)).replace('"type":"general"', '"type":"party"'));
    const r = await coop(['meeting', 'list'], { cwd: group });
    expect(r.exitCode).not.toBe(0);
    expect(String(r.stderr)).toContain('is not a valid meeting record');
  });
});
