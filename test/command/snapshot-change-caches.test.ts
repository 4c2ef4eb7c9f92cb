// The caches a change keeps beside the snapshot (io/snapshot.ts): the former members' rows for
// the rejoining note (.coop/cache/former.json) and the contact guard's index of the private
// store (.coop/cache/contacts-index.bin). Like the snapshot they may only be shortcuts to the
// same answer: kept, missing, truncated, garbled, with one byte changed, or outrun by edits to
// the store, a change must say and refuse exactly what it would without them.

import { appendFileSync, existsSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixtureGroup } from '../support/fixture-group.js';
import { coop, join } from '../support/cli.js';

const FORMER = join('.coop', 'cache', 'former.json');
const INDEX = join('.coop', 'cache', 'contacts-index.bin');
const STORE = join('private', 'contacts.jsonl');

const json = (r: { stdout: unknown }) => JSON.parse(String(r.stdout)) as { number: number; former: unknown[] };

/** Ways to spoil a cache file; each must cost only speed. */
const spoilings: [string, (path: string) => void][] = [
  ['kept as it is', () => {}],
  ['missing', (path) => rmSync(path, { force: true })],
  ['cut short', (path) => writeFileSync(path, readFileSync(path).subarray(0, Math.floor(readFileSync(path).length / 2)))],
  ['garbled', (path) => writeFileSync(path, 'not a cache\n[1,2,3]\n')],
  [
    'with one byte changed near its end',
    (path) => {
      const bytes = readFileSync(path);
      bytes[bytes.length - 3] = bytes[bytes.length - 3] === 0x41 ? 0x42 : 0x41;
      writeFileSync(path, bytes);
    },
  ],
  [
    'with a digit changed in its header (still well formed)',
    (path) => {
      const bytes = readFileSync(path);
      const at = bytes.subarray(0, bytes.indexOf(0x7d)).findIndex((b) => b >= 0x30 && b <= 0x38);
      bytes[at] = bytes[at]! + 1;
      writeFileSync(path, bytes);
    },
  ],
];

describe("the former members' rows kept for the rejoining note", () => {
  let dir: string;
  const FORMER_ROW = { number: 4, name: 'Dee Jones', left: '2024-03-01', reason: 'resigned' };
  beforeAll(async () => {
    dir = await fixtureGroup();
    const r = await coop(['member', 'add', 'Dee Jones', '--joined', '2024-02-01', '--email', 'dee@example.net', '--phone', '07700 900123'], { cwd: dir });
    expect(String(r.stdout).trim(), String(r.stderr)).toBe('4');
    expect((await coop(['member', 'leave', '4', '--reason', 'resigned', '--date', '2024-03-01'], { cwd: dir })).exitCode).toBe(0);
    // The departure is new to the kept rows: this change works them out afresh, and keeps them.
    const next = await coop(['member', 'add', 'Fay Green', '--joined', '2024-09-01', '--json'], { cwd: dir });
    expect(json(next).former).toEqual([]);
    expect(existsSync(join(dir, FORMER))).toBe(true);
  });

  let n = 0;
  for (const [state, spoil] of spoilings) {
    it(`tells a person rejoining their former number by name, email and phone, with the rows ${state}`, async () => {
      const add = async (name: string, ...more: string[]) => {
        spoil(join(dir, FORMER));
        const r = await coop(['member', 'add', name, '--joined', '2024-09-02', '--json', ...more], { cwd: dir });
        expect(r.exitCode, String(r.stderr)).toBe(0);
        return json(r).former;
      };
      n += 1;
      expect(await add('dee  JONES')).toEqual([{ ...FORMER_ROW, match: 'name' }]);
      expect(await add(`Gus Hill ${n}`, '--email', 'DEE@Example.net')).toEqual([{ ...FORMER_ROW, match: 'email' }]);
      expect(await add(`Hal Ives ${n}`, '--phone', '+44 7700 900123')).toEqual([{ ...FORMER_ROW, match: 'phone' }]);
      expect(await add(`Ian Jay ${n}`, '--email', 'ian@example.net', '--phone', '07700 900456')).toEqual([]);
    });
  }

  it('sees a former member’s details changed in the store after the rows were kept', async () => {
    // As an import from another officer's store would: a newer line for the same admission.
    const line = readFileSync(join(dir, STORE), 'utf8')
      .split('\n')
      .map((l) => (l.trim() === '' ? undefined : (JSON.parse(l) as { member: number; of?: string })))
      .find((l) => l?.member === 4);
    expect(line?.of).toBeDefined();
    appendFileSync(join(dir, STORE), `${JSON.stringify({ member: 4, of: line!.of, email: 'dee.new@example.net', at: new Date().toISOString() })}\n`);
    const byNew = await coop(['member', 'add', 'Kay Lee', '--joined', '2024-09-03', '--email', 'dee.new@example.net', '--json'], { cwd: dir });
    expect(json(byNew).former).toEqual([{ ...FORMER_ROW, match: 'email' }]);
    const byOld = await coop(['member', 'add', 'May Moss', '--joined', '2024-09-03', '--email', 'dee@example.net', '--json'], { cwd: dir });
    expect(json(byOld).former).toEqual([]);
  });

  it('keeps its rows for a store copied back with new times, and sees a detail changed in place at the same size', async () => {
    expect(json(await coop(['member', 'add', 'Nia Oak', '--joined', '2024-09-04', '--phone', '07700 900999', '--json'], { cwd: dir })).former).toEqual([]);
    const rows = readFileSync(join(dir, FORMER));
    const store = readFileSync(join(dir, STORE));
    // As a backup put back would: the same bytes, other times.
    writeFileSync(join(dir, STORE), store);
    utimesSync(join(dir, STORE), new Date('2020-01-01'), new Date('2020-01-01'));
    const again = await coop(['member', 'add', 'Ola Pike', '--joined', '2024-09-04', '--phone', '07700 900123', '--json'], { cwd: dir });
    expect(json(again).former).toEqual([{ ...FORMER_ROW, match: 'phone' }]);
    // The rows stood, known by the store's bytes: not worked out and kept afresh.
    expect(readFileSync(join(dir, FORMER)).equals(rows)).toBe(true);
    // The same size, other bytes: a former member's email changed where it stands.
    const text = readFileSync(join(dir, STORE), 'utf8');
    expect(text).toContain('"dee.new@example.net"');
    writeFileSync(join(dir, STORE), text.replace('"dee.new@example.net"', '"dee.neu@example.net"'));
    utimesSync(join(dir, STORE), new Date('2020-01-01'), new Date('2020-01-01'));
    const byChanged = await coop(['member', 'add', 'Pia Quill', '--joined', '2024-09-04', '--email', 'dee.neu@example.net', '--json'], { cwd: dir });
    expect(json(byChanged).former).toEqual([{ ...FORMER_ROW, match: 'email' }]);
    const byGone = await coop(['member', 'add', 'Quin Ray', '--joined', '2024-09-04', '--email', 'dee.new@example.net', '--json'], { cwd: dir });
    expect(json(byGone).former).toEqual([]);
  });
});

describe("the contact guard's index of the private store", () => {
  let dir: string;
  const ADDRESS = '61 Queen’s Road, Totnes TQ9 5RY';
  beforeAll(async () => {
    dir = await fixtureGroup();
    const r = await coop(['member', 'add', 'Ola Reed', '--joined', '2024-02-01', '--phone', '07700 900321', '--address', ADDRESS], { cwd: dir });
    expect(r.exitCode, String(r.stderr)).toBe(0);
    // A second change: the guard reads the store, and keeps its index.
    expect((await coop(['member', 'add', 'Pat Quinn', '--joined', '2024-02-02'], { cwd: dir })).exitCode).toBe(0);
    expect(existsSync(join(dir, INDEX))).toBe(true);
  });

  for (const [state, spoil] of spoilings) {
    it(`refuses a stored address (beyond ASCII) in a name, and lets a clean name through, with the index ${state}`, async () => {
      spoil(join(dir, INDEX));
      const refused = await coop(['member', 'update', '1', '--name', `Ada of ${ADDRESS}`], { cwd: dir });
      expect(refused.exitCode).not.toBe(0);
      expect(refused.stderr).toMatch(/the postal address of member 4 \(6\*\*\* Q\*\*\* R\*\*\* …\)/);
      spoil(join(dir, INDEX));
      const clean = await coop(['member', 'add', `Rae Shaw ${state.length}`, '--joined', '2024-02-03'], { cwd: dir });
      expect(clean.exitCode, String(clean.stderr)).toBe(0);
    });
  }

  it('refuses a value added to the store after the index was kept, by hand or by a change', async () => {
    appendFileSync(join(dir, STORE), `${JSON.stringify({ member: 1, address: '12 Willow Lane, Derby DE1 2AB' })}\n`);
    const byHand = await coop(['member', 'update', '2', '--name', 'Bo of 12 Willow Lane Derby DE1 2AB'], { cwd: dir });
    expect(byHand.stderr).toMatch(/the postal address of member 1 \(1\*\*\* W\*\*\* L\*\*\* …\)/);
    expect((await coop(['member', 'add', 'Tia Underwood', '--joined', '2024-02-04', '--address', '3 Elm Close, Leeds LS6 1AB'], { cwd: dir })).exitCode).toBe(0);
    const byChange = await coop(['member', 'update', '2', '--name', 'Bo of 3 Elm Close Leeds LS6 1AB'], { cwd: dir });
    expect(byChange.stderr).toMatch(/the postal address of member \d+ \(3\*\*\* E\*\*\* C\*\*\* …\)/);
  });

  it('keeps its index for a store copied back with new times, and sees an indexed value changed in place at the same size', async () => {
    // Enough lines that a change's few words are looked up in the kept file by position, not read whole.
    const filler = Array.from({ length: 1000 }, (_, i) => `${JSON.stringify({ member: 1, email: `filler.${i}@example.net`, phone: `07700 8${String(i).padStart(5, '0')}` })}\n`);
    appendFileSync(join(dir, STORE), filler.join(''));
    // Made afresh from the whole store (kept, the lines added since would only be sifted).
    rmSync(join(dir, INDEX));
    expect((await coop(['member', 'add', 'Uma Vale', '--joined', '2024-02-05'], { cwd: dir })).exitCode).toBe(0);
    const index = readFileSync(join(dir, INDEX));
    const store = readFileSync(join(dir, STORE));
    writeFileSync(join(dir, STORE), store);
    utimesSync(join(dir, STORE), new Date('2020-01-01'), new Date('2020-01-01'));
    const kept = await coop(['member', 'update', '1', '--name', `Ada of ${ADDRESS}`], { cwd: dir });
    expect(kept.stderr).toMatch(/the postal address of member 4 \(6\*\*\* Q\*\*\* R\*\*\* …\)/);
    // The index stood, known by the store's bytes: not made afresh.
    expect(readFileSync(join(dir, INDEX)).equals(index)).toBe(true);
    // Member 4's address, among the indexed lines, changed where it stands: every word other
    // than before, so an index of the old bytes would not point at its line.
    const changed = '72 Kings’ Lane, Bodmin PL14 6QX';
    expect(Buffer.byteLength(changed)).toBe(Buffer.byteLength(ADDRESS));
    const text = readFileSync(join(dir, STORE), 'utf8');
    expect(text).toContain(ADDRESS);
    writeFileSync(join(dir, STORE), text.replace(ADDRESS, changed));
    utimesSync(join(dir, STORE), new Date('2020-01-01'), new Date('2020-01-01'));
    const refused = await coop(['member', 'update', '1', '--name', `Ada of ${changed}`], { cwd: dir });
    expect(refused.exitCode).not.toBe(0);
    expect(refused.stderr).toMatch(/the postal address of member 4 \(7\*\*\* K\*\*\* L\*\*\* …\)/);
    const old = await coop(['member', 'update', '1', '--name', `Ada of ${ADDRESS}`], { cwd: dir });
    expect(old.exitCode, String(old.stderr)).toBe(0);
  });
});

describe('calling a meeting leaves the store’s index for later changes to build', () => {
  let dir: string;
  const call = ['meeting', 'new', 'general', '--notice-date', '2024-03-01', '--time', '19:00'];
  beforeAll(async () => {
    dir = await fixtureGroup();
    const r = await coop(['member', 'add', 'Ola Reed', '--joined', '2024-02-01', '--phone', '07700 900321', '--address', '61 Queen’s Road, Totnes TQ9 5RY'], { cwd: dir });
    expect(r.exitCode, String(r.stderr)).toBe(0);
    expect((await coop(['member', 'add', 'Pat Quinn', '--joined', '2024-02-02', '--email', 'pat.quinn@mailbox.org'], { cwd: dir })).exitCode).toBe(0);
    expect(existsSync(join(dir, INDEX))).toBe(true);
  });

  for (const kept of [false, true]) {
    it(`refuses a stored value in a meeting's papers, and calls a clean one, with the index ${kept ? 'kept' : 'missing'}`, async () => {
      if (!kept) rmSync(join(dir, INDEX));
      const day = kept ? '2024-03-21' : '2024-03-20';
      const refused = await coop([...call, '--date', day, '--place', 'The home of Pat.Quinn@Mailbox.org'], { cwd: dir });
      expect(refused.exitCode).not.toBe(0);
      expect(refused.stderr).toMatch(
        new RegExp(`the email address of member 5 \\(p\\*\\*\\*@m\\*\\*\\*\\.org\\): meetings/${day}-general/meeting\\.json:\\d+ and \\d+ more places`),
      );
      const called = await coop([...call, '--date', day, '--place', 'The Hall'], { cwd: dir });
      expect(called.exitCode, String(called.stderr)).toBe(0);
      // Not built by the call; a later change builds it.
      expect(existsSync(join(dir, INDEX))).toBe(kept);
      expect((await coop(['member', 'update', '1', '--name', `Ada Founder ${day}`], { cwd: dir })).exitCode).toBe(0);
      expect(existsSync(join(dir, INDEX))).toBe(true);
    });
  }
});
