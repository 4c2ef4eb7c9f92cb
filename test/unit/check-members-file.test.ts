// coop check's kept members (.coop/cache/check-members.jsonl, src/io/check-cache.ts) are read a
// chunk at a time through one small buffer: the seal checked and each row's place found without
// holding the file, rows decoded only when asked for. Files many chunks long, with rows across
// the chunks' edges and a row longer than a chunk, must read back exactly as written, and a
// spoiled one not at all.

import { mkdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { keepCheckMembers, readCheckMembers } from '../../src/io/check-cache.js';
import { tempDir } from '../support/cli.js';
import { readCache, writeCache } from '../support/caches.js';

const FIELDS = ['name', 'shares'];

/** A group folder with coop's working folder, and the members file kept in it under `id`. */
function kept(rows: unknown[][], id = 'state-1'): { root: string; file: string } {
  const root = tempDir();
  mkdirSync(join(root, '.coop', 'cache'), { recursive: true });
  keepCheckMembers(root, id, FIELDS, rows);
  return { root, file: join(root, '.coop', 'cache', 'check-members.jsonl') };
}

/** 6,000 members (a file of several 64 KB chunks), one with a name longer than a chunk. */
const ROWS: unknown[][] = Array.from({ length: 6_000 }, (_, i) => [i + 1, i === 2_500 ? `Long ${'x'.repeat(100_000)}` : `Member Number ${i + 1} Ñame`, (i % 7) + 1]);

describe("coop check's kept members", () => {
  it('reads back every row as written, one at a time or all in order, from a file of many chunks', () => {
    const { root, file } = kept(ROWS);
    expect(readFileSync(file).length).toBeGreaterThan(4 * 65_536);
    const members = readCheckMembers(root, 'state-1');
    expect(members).toBeDefined();
    for (const n of [1, 2_500, 2_501, 2_502, 4_321, 6_000]) expect(members!.get(n)).toEqual({ name: ROWS[n - 1]![1], shares: ROWS[n - 1]![2] });
    expect(members!.has(6_001)).toBe(false);
    expect(members!.get(0)).toBeUndefined();
    expect(members!.size).toBe(6_000);
    expect([...members!.keys()]).toEqual(ROWS.map((r) => r[0]));
    expect([...members!.values()][5_999]).toEqual({ name: 'Member Number 6000 Ñame', shares: 1 });
  });

  const spoilers: [string, (file: string) => void][] = [
    ['of another state', (f) => writeCache(f, readCache(f).replace('"id":"state-1"', '"id":"state-2"'))],
    ['with a byte changed under its seal', (f) => writeFileSync(f, readFileSync(f, 'utf8').replace('Member Number 4321', 'Member Number 4322'))],
    ['cut short', (f) => truncateSync(f, readFileSync(f).length - 200)],
    ['with a row missing, sealed again', (f) => writeCache(f, readCache(f).replace(/\n\[4321,[^\n]*/, ''))],
    ['with a row more than its count, sealed again', (f) => writeCache(f, `${readCache(f)}[6001,"Extra",1]\n`)],
    ['with a row not opening with its number, sealed again', (f) => writeCache(f, readCache(f).replace('\n[4321,', '\n["4321",'))],
    ['with a count beyond what its bytes could hold, sealed again', (f) => writeCache(f, readCache(f).replace('"count":6000', '"count":900000000000'))],
    ['empty', (f) => writeFileSync(f, '')],
  ];
  for (const [what, spoil] of spoilers) {
    it(`is not read when ${what}`, () => {
      const { root, file } = kept(ROWS);
      spoil(file);
      expect(readCheckMembers(root, 'state-1')).toBeUndefined();
    });
  }

  it('is not read when gone', () => {
    const root = tempDir();
    expect(readCheckMembers(root, 'state-1')).toBeUndefined();
  });
});
