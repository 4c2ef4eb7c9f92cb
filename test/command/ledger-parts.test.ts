// The ledger kept in parts: new lines go on the end of the last part, a full part is never
// written again, and every command reads the parts as one register. The parts here are made
// tiny with the test-only COOP_TEST_PART_BYTES, so a few lines fill one; in use a part holds a
// megabyte. Full parts are recognised by the snapshot by their size and modification time,
// so a hand edit to one must still be noticed.

import { createHash } from 'node:crypto';
import { appendFileSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { coop, git, join, read, tempDir } from '../support/cli.js';
import { decodeLedgerBytes } from '../../src/core/ledger/events.js';
import { summariseEvents } from '../../src/core/ledger/parts.js';
import { fixtureGroup, madeOnce } from '../support/fixture-group.js';
import { gitStatus, json, ledgerEvents, ledgerParts, ledgerStreams } from '../support/register.js';
import { readCache } from '../support/caches.js';

const PART_BYTES = 400;
const env = { COOP_TEST_PART_BYTES: String(PART_BYTES) };

/**
 * A group whose register has grown over several parts: 3 founders, 10 imported, 2 added. Grown
 * once per file; each test gets an exact copy (timestamps and snapshot included).
 */
const grownGroup = madeOnce(async (): Promise<string> => {
  const dir = await fixtureGroup();
  const csv = join(tempDir(), 'members.csv');
  writeFileSync(csv, `Name,Joined\n${Array.from({ length: 10 }, (_, i) => `Member ${i + 1},2024-02-${String(i + 1).padStart(2, '0')}`).join('\n')}\n`);
  expect((await coop(['member', 'import', csv], { cwd: dir, env })).exitCode).toBe(0);
  for (const name of ['Late One', 'Late Two']) expect((await coop(['member', 'add', name, '--joined', '2024-03-01'], { cwd: dir, env })).exitCode).toBe(0);
  return dir;
});

describe('a register kept in parts', () => {
  it('grows part by part, each commit touching only the part it adds to, and reads as one register', async () => {
    const dir = await grownGroup();
    // The founders' ledger as it was, then this copy's own stream, in parts.
    const [stream] = ledgerStreams(dir);
    const all = ledgerParts(dir);
    expect(all[0]).toBe('register/ledger.jsonl');
    const parts = all.slice(1);
    expect(parts.length).toBeGreaterThanOrEqual(3);
    expect(parts.slice(0, 3)).toEqual([`register/${stream}/ledger.jsonl`, `register/${stream}/ledger-2.jsonl`, `register/${stream}/ledger-3.jsonl`]);
    // Every part but the last is full; none has more than one line past the limit.
    for (const p of parts.slice(0, -1)) expect(statSync(join(dir, p)).size).toBeGreaterThanOrEqual(PART_BYTES);
    const events = ledgerEvents(dir);
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    expect(events.filter((e) => e.type === 'admit')).toHaveLength(15);

    const lastAdd = (await git(dir, ['show', '--name-only', '--format=', 'HEAD'])).split('\n');
    expect(lastAdd).toEqual([parts.at(-1)]);
    expect(await gitStatus(dir)).toBe('');

    const list = json(await coop(['member', 'list', '--json'], { cwd: dir, env }));
    expect(list.map((m: { number: number }) => m.number)).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
    const early = json(await coop(['member', 'list', '--as-of', '2024-02-05', '--json'], { cwd: dir, env }));
    expect(early.map((m: { number: number }) => m.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const check = await coop(['check'], { cwd: dir, env });
    expect([check.exitCode, check.stdout, check.stderr]).toEqual([0, '', '']);
  });

  it('notices a hand edit to a full part, though it had been read before', async () => {
    const dir = await grownGroup();
    // Member 4 renumbered 40 by hand, in a full part that earlier commands have read and cached.
    const [stream] = ledgerStreams(dir);
    const second = join(dir, 'register', stream!, 'ledger.jsonl');
    const original = read(second);
    expect(original).toContain('"member":4,"name":"Member 1"');
    writeFileSync(second, original.replace('"member":4,"name":"Member 1"', '"member":40,"name":"Member 1"'));
    // Committed, as an edit must be before coop makes a change on top of it.
    await git(dir, ['commit', '-qam', 'Renumber member 4 by hand']);
    const added = await coop(['member', 'add', 'After Hand Edit', '--joined', '2024-03-02'], { cwd: dir, env });
    expect(added.stdout).toBe('41');
    const check = await coop(['check'], { cwd: dir, env });
    expect([check.exitCode, check.stderr]).toEqual([0, '']);
    // A line spoiled by hand: every change is refused, naming the part and line.
    writeFileSync(second, original.replace('"name":"Member 1"', '"name":'));
    const refused = await coop(['member', 'add', 'Refused'], { cwd: dir, env });
    expect(refused.exitCode).toBe(1);
    expect(refused.stderr).toContain(`register/${stream}/ledger.jsonl:1: is not valid JSON`);
  });

  it('refuses to go on when a part is missing, and check names it', async () => {
    const dir = await grownGroup();
    const second = `register/${ledgerStreams(dir)[0]}/ledger-2.jsonl`;
    rmSync(join(dir, second));
    const add = await coop(['member', 'add', 'Refused'], { cwd: dir, env });
    expect(add.exitCode).toBe(1);
    expect(add.stderr).toContain(`${second}: is missing`);
    const check = await coop(['check', '--json'], { cwd: dir, env });
    expect(check.exitCode).toBe(1);
    expect(json(check).problems).toContainEqual({
      where: second,
      message: `is missing: the register is kept in parts and every part is needed (restore it from git: git checkout -- ${second})`,
    });
  });

  it('places a rule broken in a later part at that part and line', async () => {
    const dir = await grownGroup();
    const last = ledgerParts(dir).at(-1)!;
    const lines = read(join(dir, last)).split('\n').length - 1;
    const seq = ledgerEvents(dir).at(-1)!.seq + 1;
    appendFileSync(join(dir, last), `{"seq":${seq},"date":"2024-03-05","type":"issue","member":2,"shares":5}\n`);
    const check = await coop(['check', '--json'], { cwd: dir, env });
    expect(json(check).problems).toEqual([
      { where: `${last}:${lines + 1}`, message: "member 2 would hold 6 shares, above the rules' maximum of 1 (£6.00 against the maximum of £1.00)" },
    ]);
  });

  it('remembers, after each change, exactly what a fresh reading of every part finds', async () => {
    const dir = await grownGroup();
    const cache = JSON.parse(readCache(join(dir, '.coop', 'cache', 'snapshot.json')));
    const parts = ledgerParts(dir);
    const expected = Object.fromEntries(
      parts.map((p) => {
        const bytes = readFileSync(join(dir, p));
        const { events, lines } = decodeLedgerBytes(bytes);
        const stat = statSync(join(dir, p), { bigint: true });
        return [p, { size: bytes.length, mtimeNs: String(stat.mtimeNs), lines: bytes.toString('latin1').split('\n').length - 1, summary: summariseEvents(events, lines) }];
      }),
    );
    // The last part, just grown by `member add`, is remembered without being decoded again;
    // parts written in the last moments also keep their hash (their time alone is not proof).
    const withoutHashes = Object.fromEntries(
      Object.entries(cache.parts as Record<string, { hash?: string }>).map(([p, { hash, ...e }]) => {
        if (hash !== undefined)
          expect(hash).toBe(
            createHash('sha256')
              .update(readFileSync(join(dir, p)))
              .digest('hex'),
          );
        return [p, e];
      }),
    );
    expect(withoutHashes).toEqual(expected);
  });

  it('works the same with its cache of full parts spoiled or gone', async () => {
    const dir = await grownGroup();
    const cache = join(dir, '.coop', 'cache', 'snapshot.json');
    writeFileSync(cache, '{"format": 1, "parts": {"register/ledger.jsonl": [1, 2, 3');
    expect((await coop(['member', 'add', 'With Spoiled Cache', '--joined', '2024-03-02'], { cwd: dir, env })).stdout).toBe('16');
    rmSync(join(dir, '.coop', 'cache'), { recursive: true });
    expect((await coop(['member', 'add', 'With No Cache', '--joined', '2024-03-02'], { cwd: dir, env })).stdout).toBe('17');
    expect(JSON.parse(readCache(cache)).parts).not.toEqual({});
    expect(json(await coop(['member', 'list', '--json'], { cwd: dir, env }))).toHaveLength(17);
  });
});
