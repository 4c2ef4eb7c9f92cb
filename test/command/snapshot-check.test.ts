// coop check's proof of the ledger (.coop/cache/check-ledger.json and check-state.json, see
// src/api/check-register.ts): a later check goes on from it when lines were only appended, and
// reads it whole while nothing changed. It may only ever be a shortcut to the same answer: for
// each way the files or the proof can change, `coop check --json` must say exactly what it says
// with no proof at all. Where the proof must not be trusted it is first poisoned (a problem
// added to it alone), so that trusting it would show.

import { chmodSync, cpSync, existsSync, mkdirSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { encodeEvent } from '../../src/core/ledger/events.js';
import { coop, git, join, read, tempDir } from '../support/cli.js';
import { fixtureGroup } from '../support/fixture-group.js';
import { ledgerParts, ledgerStreams } from '../support/register.js';
import { readCache, writeCache } from '../support/caches.js';

const CACHE = join('.coop', 'cache');
const PROOF = join(CACHE, 'check-ledger.json');
const STATE = join(CACHE, 'check-state.json');
const SCAN = join(CACHE, 'check-scan.json');
const NAMES = join(CACHE, 'check-names.json');
const MEMBERS = join(CACHE, 'check-members.jsonl');
const POISON = 'POISONED: read from the kept proof';

/**
 * A time in whole seconds: cpSync's preserveTimestamps passes times to utimes as floating
 * seconds, which keep a whole second exactly but may round a millisecond time off by a few
 * nanoseconds (on some Node versions), and coop keys its proof on the time to the nanosecond.
 */
function wholeSecondsAgo(seconds: number): Date {
  return new Date((Math.floor(Date.now() / 1000) - seconds) * 1000);
}

/** Dates every ledger part well in the past, so a proof of them is kept (a part modified just now is not trusted by its time). */
function ageParts(dir: string): void {
  const then = wholeSecondsAgo(60);
  // Only those modified just now: an older part keeps its time, so it is known as unchanged.
  for (const part of ledgerParts(dir)) if (statSync(join(dir, part)).mtimeMs > Date.now() - 10_000) utimesSync(join(dir, part), then, then);
}

/** Dates every file of the group (but git's and coop's own) well in the past, so what a check finds in them is kept. */
function ageGroup(dir: string, sub = ''): void {
  const then = wholeSecondsAgo(60);
  for (const entry of readdirSync(join(dir, sub), { withFileTypes: true })) {
    const path = join(sub, entry.name);
    if (entry.name === '.git' || entry.name === '.coop') continue;
    if (entry.isDirectory()) ageGroup(dir, path);
    else utimesSync(join(dir, path), then, then);
  }
}

async function check(dir: string): Promise<{ code: number | undefined; out: string }> {
  const r = await coop(['check', '--json'], { cwd: dir });
  return { code: r.exitCode, out: String(r.stdout) };
}

/** The same group's check with no proof kept. */
async function coldCheck(dir: string): Promise<{ code: number | undefined; out: string }> {
  const copy = join(tempDir(), 'cold');
  cpSync(dir, copy, { recursive: true });
  for (const file of [PROOF, STATE, SCAN, NAMES, MEMBERS]) rmSync(join(copy, file), { force: true });
  return check(copy);
}

function poison(dir: string): void {
  const file = JSON.parse(readCache(join(dir, PROOF)));
  file.proof.rules.push({ where: 'register/ledger.jsonl:1', message: POISON });
  writeCache(join(dir, PROOF), JSON.stringify(file));
}

/** The kept scan's content (sealed, as every cache file). */
function readScan(dir: string): { details: unknown[]; sources: { unkeyed: [number, number][] }; files: unknown[] } {
  return JSON.parse(readCache(join(dir, SCAN)));
}

/** Writes a changed scan sealed, as coop would. */
function writeScan(dir: string, scan: unknown): void {
  writeCache(join(dir, SCAN), JSON.stringify(scan));
}

let base: string;
let firstLedgerOnly: string;
beforeAll(async () => {
  // A group with a change made (coop's folder, a writer's stream, a contact), then checked once.
  base = await fixtureGroup();
  const add = await coop(['member', 'add', 'Dee Warm', '--joined', '2024-02-01', '--email', 'dee.warm@warmpost.co.uk'], { cwd: base });
  expect(add.exitCode, String(add.stderr)).toBe(0);
  ageGroup(base);
  expect((await check(base)).code).toBe(0);
  // A group whose ledger is only the first one (no writer yet), checked once.
  firstLedgerOnly = await fixtureGroup();
  mkdirSync(join(firstLedgerOnly, '.coop'));
  ageParts(firstLedgerOnly);
  expect((await check(firstLedgerOnly)).code).toBe(0);
}, 60_000);

/** A copy with every file's times as they were (a copy made now would look changed throughout). */
function copyOf(dir: string): string {
  const copy = join(tempDir(), 'group');
  cpSync(dir, copy, { recursive: true, preserveTimestamps: true });
  return copy;
}

describe("coop check's kept proof of the ledger", () => {
  it('is kept beside the snapshot by a check, and read while nothing has changed', async () => {
    const dir = copyOf(base);
    expect(existsSync(join(dir, PROOF)) && existsSync(join(dir, STATE))).toBe(true);
    poison(dir);
    expect((await check(dir)).out).toContain(POISON);
  });

  it('is gone on: a check after a member is added says what a cold check says', async () => {
    const dir = copyOf(base);
    const add = await coop(['member', 'add', 'Eve Later', '--joined', '2024-03-01', '--email', 'eve.later@warmpost.co.uk'], { cwd: dir });
    expect(add.exitCode, String(add.stderr)).toBe(0);
    ageParts(dir);
    const before = read(join(dir, PROOF));
    const warm = await check(dir);
    expect(warm).toEqual(await coldCheck(dir));
    // The proof went on to the new line, and was kept again.
    expect(read(join(dir, PROOF))).not.toBe(before);
    const kept = JSON.parse(readCache(join(dir, PROOF))).proof;
    expect(kept.current.facts.members).toEqual([[1, 5]]);
    // The state is not kept again for one line: the next check goes on from it again.
    expect(kept.facts.members).toEqual([[1, 4]]);
    expect(await check(dir)).toEqual(warm);
  });

  it("goes on from a new copy's first change (a second writer's stream), as a cold check does", async () => {
    const dir = copyOf(base);
    // A copy with its own working folder but no writer id yet: its change starts a stream of its own.
    rmSync(join(dir, '.coop', 'writer'));
    const add = await coop(['member', 'add', 'Ned Newcopy', '--joined', '2024-03-01', '--email', 'ned.newcopy@warmpost.co.uk'], { cwd: dir });
    expect(add.exitCode, String(add.stderr)).toBe(0);
    expect(ledgerStreams(dir)).toHaveLength(2);
    ageParts(dir);
    const warm = await check(dir);
    expect(warm).toEqual(await coldCheck(dir));
    // It went on from the kept state rather than proving afresh.
    const kept = JSON.parse(readCache(join(dir, PROOF))).proof;
    expect(kept.current.facts.members).toEqual([[1, 5]]);
    expect(kept.facts.members).toEqual([[1, 4]]);
  });

  it("reads the kept names only when asked for: a new copy's first change goes on without them", async () => {
    const dir = copyOf(base);
    rmSync(join(dir, '.coop', 'writer'));
    rmSync(join(dir, NAMES));
    expect((await coop(['member', 'add', 'Pat Nameless', '--joined', '2024-03-01'], { cwd: dir })).exitCode).toBe(0);
    ageParts(dir);
    const warm = await check(dir);
    expect(warm).toEqual(await coldCheck(dir));
    const kept = JSON.parse(readCache(join(dir, PROOF))).proof;
    expect(kept.current.facts.members).toEqual([[1, 5]]);
  });

  it('searches a part proved before with its names proved afresh when the kept names are gone', async () => {
    const dir = copyOf(base);
    // A stored email in a name in the first ledger, proved and kept by a check.
    const part = join(dir, 'register', 'ledger.jsonl');
    writeFileSync(part, `${read(part)}${encodeEvent({ seq: 99, date: '2024-03-05', type: 'rename', member: 2, name: 'Ben dee.warm@warmpost.co.uk' })}\n`);
    ageParts(dir);
    expect((await check(dir)).out).toMatch(/register\/ledger\.jsonl:\d+"[^}]*email address of member 4/);
    // Then the names kept are lost, the kept scan forgets the first ledger's search, and a new copy makes its first change.
    rmSync(join(dir, NAMES));
    const scan = readScan(dir);
    scan.files = scan.files.filter((f) => (f as [string])[0] !== 'register/ledger.jsonl');
    writeScan(dir, scan);
    rmSync(join(dir, '.coop', 'writer'));
    expect((await coop(['member', 'add', 'Pat Later', '--joined', '2024-03-06'], { cwd: dir })).exitCode).toBe(0);
    ageParts(dir);
    const warm = await check(dir);
    expect(warm.out).toMatch(/register\/ledger\.jsonl:\d+"[^}]*email address of member 4/);
    expect(warm).toEqual(await coldCheck(dir));
  });

  it("proves afresh when a second writer's new line comes before a proved one in the writers' order", async () => {
    const dir = copyOf(base);
    poison(dir);
    // A stream whose only event has a clock below the other writer's: it is read before that writer's events.
    const stream = '000000000001';
    mkdirSync(join(dir, 'register', stream));
    writeFileSync(join(dir, 'register', stream, 'ledger.jsonl'), `${encodeEvent({ seq: 1, date: '2024-03-01', type: 'admit', member: 9, name: 'Olu Early', shares: 1 })}\n`);
    ageParts(dir);
    const warm = await check(dir);
    expect(warm.out).not.toContain(POISON);
    expect(warm).toEqual(await coldCheck(dir));
  });

  it('goes on from lines appended by hand, finding their problems where they are', async () => {
    const dir = copyOf(firstLedgerOnly);
    const part = join(dir, 'register', 'ledger.jsonl');
    // seq 7 and 8 are skipped (deleted, as far as anyone can tell), and the holding is above the rules' maximum.
    writeFileSync(part, `${read(part)}${encodeEvent({ seq: 9, date: '2024-03-01', type: 'admit', member: 4, name: 'Huw Hand', shares: 99_999 })}\n`);
    const warm = await check(dir);
    expect(warm.code).toBe(1);
    expect(warm.out).toContain('register/ledger.jsonl:7');
    expect(warm.out).toMatch(/missing, deleted from the register/);
    expect(warm.out).toMatch(/above the rules' maximum/);
    expect(warm).toEqual(await coldCheck(dir));
  });

  it('goes on from lines appended by hand that touch members already proved, as a cold check does', async () => {
    const dir = copyOf(firstLedgerOnly);
    const part = join(dir, 'register', 'ledger.jsonl');
    // A transfer of more shares than member 1 holds, member 2 leaving twice, and a new member given the same number as member 3.
    const lines = [
      encodeEvent({ seq: 7, date: '2024-03-01', type: 'transfer', from: 1, to: 3, shares: 500 }),
      encodeEvent({ seq: 8, date: '2024-03-02', type: 'leave', member: 2, reason: 'resigned', repaid: 0 }),
      encodeEvent({ seq: 9, date: '2024-03-03', type: 'leave', member: 2, reason: 'resigned', repaid: 0 }),
      encodeEvent({ seq: 10, date: '2024-03-04', type: 'issue', member: 3, shares: 2 }),
    ];
    writeFileSync(part, `${read(part)}${lines.join('\n')}\n`);
    ageParts(dir);
    const warm = await check(dir);
    expect(warm.code).toBe(1);
    expect(warm.out).toContain('register/ledger.jsonl:');
    expect(warm).toEqual(await coldCheck(dir));
  });

  const changes: [string, (dir: string) => void][] = [
    [
      'a ledger line deleted since',
      (d) => {
        const part = join(d, 'register', 'ledger.jsonl');
        const lines = read(part).split('\n');
        writeFileSync(part, [lines[0], ...lines.slice(2)].join('\n'));
      },
    ],
    [
      'a ledger line edited since, to the same size',
      (d) => {
        const part = join(d, 'register', 'ledger.jsonl');
        writeFileSync(part, read(part).replace('Ada Founder', 'Ada Fownder'));
        ageParts(d);
      },
    ],
    ['a part the proof does not know, before the last', (d) => writeFileSync(join(d, 'register', 'ledger-2.jsonl'), '')],
    ['coop.yml edited', (d) => writeFileSync(join(d, 'coop.yml'), `${read(join(d, 'coop.yml'))}# a comment added by hand\n`)],
    ['kept on another day', (d) => writeCache(join(d, PROOF), readCache(join(d, PROOF)).replace(/"today":"\d{4}-\d\d-\d\d"/, '"today":"2001-01-01"'))],
    ['empty', (d) => writeCache(join(d, PROOF), '')],
    ['cut short', (d) => writeCache(join(d, PROOF), readCache(join(d, PROOF)).slice(0, 300))],
    ['not JSON', (d) => writeCache(join(d, PROOF), Buffer.from([0xff, 0x00, 0x7b]))],
    ['JSON of another shape', (d) => writeCache(join(d, PROOF), JSON.stringify({ ...JSON.parse(readCache(join(d, PROOF))), proof: { rules: 'no' } }))],
    ['from another build of coop', (d) => writeCache(join(d, PROOF), readCache(join(d, PROOF)).replace(/"stamp":"[0-9a-f]/, '"stamp":"x'))],
  ];
  for (const [what, change] of changes) {
    it(`is not trusted when ${what}: the answer is a cold check's`, async () => {
      const dir = copyOf(base);
      poison(dir);
      change(dir);
      const warm = await check(dir);
      expect(warm.out).not.toContain(POISON);
      expect(warm).toEqual(await coldCheck(dir));
    });
  }

  const stateSpoilers: [string, (dir: string) => void][] = [
    ['gone', (d) => rmSync(join(d, STATE))],
    ['of another proof (a pair half written)', (d) => writeCache(join(d, STATE), readCache(join(d, STATE)).replace(/"id":"[0-9a-f]/, '"id":"x'))],
    ['cut short', (d) => writeCache(join(d, STATE), readCache(join(d, STATE)).slice(0, 100))],
    ['without its names (gone)', (d) => rmSync(join(d, NAMES))],
    ['without its members (gone)', (d) => rmSync(join(d, MEMBERS))],
    ['with the members of another state', (d) => writeCache(join(d, MEMBERS), readCache(join(d, MEMBERS)).replace(/"id":"[0-9a-f]/, '"id":"x'))],
    ['with its members cut short', (d) => writeCache(join(d, MEMBERS), readCache(join(d, MEMBERS)).split('\n').slice(0, 3).join('\n'))],
    ['with every member row spoiled', (d) => writeCache(join(d, MEMBERS), readCache(join(d, MEMBERS)).replace(/^(\[\d+,).*$/gm, '$1 not JSON]'))],
    ['with a byte of a member row changed', (d) => writeFileSync(join(d, MEMBERS), read(join(d, MEMBERS)).replace(/^(\[\d+,[^\n]*)1/m, '$12'))],
    ['with a member row missing', (d) => writeCache(join(d, MEMBERS), readCache(join(d, MEMBERS)).replace(/\n\[\d+,[^\n]*/, ''))],
  ];
  for (const [what, spoil] of stateSpoilers) {
    it(`proves afresh after a change when the kept state is ${what}`, async () => {
      const dir = copyOf(base);
      poison(dir);
      spoil(dir);
      expect((await coop(['member', 'add', 'Fay After', '--joined', '2024-03-02'], { cwd: dir })).exitCode).toBe(0);
      const warm = await check(dir);
      expect(warm.out).not.toContain(POISON);
      expect(warm).toEqual(await coldCheck(dir));
    });
  }

  it('keeps what it found in the private files and tracked files, read while none of them changed', async () => {
    const dir = copyOf(base);
    const scan = readScan(dir);
    scan.details.push({ where: 'NOTES.md:1', message: POISON });
    writeScan(dir, scan);
    expect((await check(dir)).out).toContain(POISON);
    // A tracked file touched, the contact store added to, a new tracked file: each is found afresh.
    const touched = copyOf(dir);
    utimesSync(join(touched, 'coop.yml'), new Date(), new Date(Date.now() - 30_000));
    const stored = copyOf(dir);
    writeFileSync(join(stored, 'private', 'contacts.jsonl'), `${read(join(stored, 'private', 'contacts.jsonl'))}not a contact line\n`);
    for (const changed of [touched, stored]) {
      const warm = await check(changed);
      expect(warm.out).not.toContain(POISON);
      expect(warm).toEqual(await coldCheck(changed));
    }
  });

  it('names each member the store holds details for who is not in the register, in the store’s order, as a cold check does', async () => {
    const dir = copyOf(base);
    // Lines without admission keys for members 3 to 6 (the register has 1 to 4), then 9, then 2.
    const store = join(dir, 'private', 'contacts.jsonl');
    const lines = [3, 4, 5, 6, 9, 2].map((member) => JSON.stringify({ member, phone: `07700 9001${member}0` }));
    writeFileSync(store, `${read(store)}${lines.join('\n')}\n`);
    const warm = await check(dir);
    const strays = [...warm.out.matchAll(/holds contact details for member (\d+), who is not in the register/g)].map((m) => Number(m[1]));
    expect(strays).toEqual([5, 6, 9]);
    expect(warm).toEqual(await coldCheck(dir));
    // Read again from the kept scan: the same.
    expect(await check(dir)).toEqual(warm);
  });

  it('finds a contact leaked into a tracked file after it was kept', async () => {
    const dir = copyOf(base);
    writeFileSync(join(dir, 'NOTES.md'), '# Notes\n\nWrite to Dee at dee.warm@warmpost.co.uk\n');
    await git(dir, ['add', 'NOTES.md']);
    const warm = await check(dir);
    expect(warm.code).toBe(1);
    expect(warm.out).toMatch(/NOTES\.md:3"[^}]*email address of member 4/);
    expect(warm).toEqual(await coldCheck(dir));
  });

  it('takes what the store says from the kept scan while the private files are as they were, and searches only the files changed since', async () => {
    const dir = copyOf(base);
    // Poisoned: a member the store does not hold, and a leak in a file that is not there.
    const scan = readScan(dir);
    scan.sources.unkeyed.push([999, 999]);
    scan.files.push(['GONE.md', '1:1:f', [{ where: 'GONE.md:1', message: POISON }]]);
    writeScan(dir, scan);
    // A name holding a stored email, appended to the ledger by hand: found where it is, through the store's index.
    const part = join(dir, 'register', 'ledger.jsonl');
    writeFileSync(part, `${read(part)}${encodeEvent({ seq: 99, date: '2024-03-05', type: 'rename', member: 2, name: 'Ben dee.warm@warmpost.co.uk' })}\n`);
    ageParts(dir);
    const warm = await check(dir);
    expect(warm.out).toContain('holds contact details for member 999');
    expect(warm.out).not.toContain(POISON);
    expect(warm.out).toMatch(/register\/ledger\.jsonl:\d+"[^}]*email address of member 4/);
    // The store added to: read afresh, the poison gone.
    writeFileSync(join(dir, 'private', 'contacts.jsonl'), `${read(join(dir, 'private', 'contacts.jsonl'))}\n`);
    const fresh = await check(dir);
    expect(fresh.out).not.toContain('member 999');
    expect(fresh).toEqual(await coldCheck(dir));
  });

  it('knows the store copied back with new times by its bytes, and one changed to the same size as changed', async () => {
    const dir = copyOf(base);
    const scan = readScan(dir);
    scan.sources.unkeyed.push([999, 999]);
    writeScan(dir, scan);
    utimesSync(join(dir, 'coop.yml'), new Date(), new Date(Date.now() - 30_000));
    const store = join(dir, 'private', 'contacts.jsonl');
    const text = read(store);
    writeFileSync(store, text);
    expect((await check(dir)).out).toContain('holds contact details for member 999');
    writeFileSync(store, text.replace('dee.warm@', 'dee.wasm@'));
    const warm = await check(dir);
    expect(warm.out).not.toContain('member 999');
    expect(warm).toEqual(await coldCheck(dir));
  });

  it('takes what the store says from the kept scan straight after a change, while the new ledger line is too recent to key the whole scan', async () => {
    const dir = copyOf(base);
    const scan = readScan(dir);
    scan.sources.unkeyed.push([999, 999]);
    writeScan(dir, scan);
    expect((await coop(['member', 'add', 'Ivy Straight', '--joined', '2024-03-06'], { cwd: dir })).exitCode).toBe(0);
    expect((await check(dir)).out).toContain('holds contact details for member 999');
  });

  it('does not trust a kept scan with a byte changed', async () => {
    const dir = copyOf(base);
    // Well-formed JSON naming a member, its seal left as it was: only the seal can tell.
    writeFileSync(join(dir, SCAN), read(join(dir, SCAN)).replace('"unkeyed":[', '"unkeyed":[[999,999],'));
    utimesSync(join(dir, 'coop.yml'), new Date(), new Date(Date.now() - 30_000));
    const warm = await check(dir);
    expect(warm.out).not.toContain('member 999');
    expect(warm).toEqual(await coldCheck(dir));
  });

  it('is not kept again for a part modified too recently to trust its time (racy), yet answers as a cold check', async () => {
    const dir = copyOf(base);
    const before = read(join(dir, PROOF));
    expect((await coop(['member', 'add', 'Gil Racy', '--joined', '2024-03-03'], { cwd: dir })).exitCode).toBe(0);
    const warm = await check(dir);
    expect(read(join(dir, PROOF))).toBe(before);
    expect(warm).toEqual(await coldCheck(dir));
  });

  it('costs nothing when its folder cannot be written', async () => {
    const dir = copyOf(base);
    for (const file of readdirSync(join(dir, CACHE))) rmSync(join(dir, CACHE, file));
    chmodSync(join(dir, CACHE), 0o555);
    try {
      const warm = await check(dir);
      expect(warm.code).toBe(0);
      expect(await check(dir)).toEqual(warm);
    } finally {
      chmodSync(join(dir, CACHE), 0o755);
    }
    expect(await check(dir)).toEqual(await coldCheck(dir));
  });
});
