// Today's register kept in the snapshot (src/api/today.ts): `status`, `member list` and
// `register` for today read it without decoding the ledger while nothing has changed, and a
// snapshot that is spoiled, stale, of another format or unwritable only costs speed. Each case
// poisons the kept register (a member renamed in the snapshot alone) and then spoils or
// outdates the snapshot: the answers must be exactly a cold run's.

import { chmodSync, cpSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { coop, join, read, tempDir } from '../support/cli.js';
import { fixtureGroup } from '../support/fixture-group.js';
import { ledgerParts } from '../support/register.js';

const SNAPSHOT = join('.coop', 'cache', 'snapshot.json');
const REGISTER = join('.coop', 'cache', 'snapshot-register.json');
const READS = [
  ['status', '--json'],
  ['member', 'list', '--json'],
  ['register', '--format', 'csv'],
];

async function outputs(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const args of READS) {
    const r = await coop(args, { cwd: dir });
    expect(r.exitCode, `${args.join(' ')}: ${String(r.stderr)}`).toBe(0);
    out.push(String(r.stdout));
  }
  return out;
}

/** A group with one change made and today's register kept by a read. */
async function warmGroup(): Promise<string> {
  const dir = await fixtureGroup();
  expect((await coop(['member', 'add', 'Dee Warm', '--joined', '2024-02-01'], { cwd: dir })).exitCode).toBe(0);
  expect((await coop(['status'], { cwd: dir })).exitCode).toBe(0);
  return dir;
}

/** Renames member 1 in the kept register only: an answer showing it came from the snapshot. */
function poison(dir: string): void {
  const file = join(dir, REGISTER);
  const register = JSON.parse(read(file));
  // Members go by rows: their keys once, then [number, ...values] each.
  const [keys, ...rows] = register.state.members.$rows as [string[], ...unknown[][]];
  rows.find((row) => row[0] === 1)![keys.indexOf('name') + 1] = 'Poisoned Name';
  writeFileSync(file, JSON.stringify(register));
}

let cold: string[];
beforeAll(async () => {
  const dir = await warmGroup();
  // The same group's answers with no snapshot at all.
  const copy = join(tempDir(), 'cold');
  cpSync(dir, copy, { recursive: true });
  rmSync(join(copy, '.coop', 'cache'), { recursive: true, force: true });
  cold = await outputs(copy);
  expect(cold.join('')).toContain('Dee Warm');
});

describe("today's register in the snapshot", () => {
  it('is what status, member list and register read while nothing has changed', async () => {
    const dir = await warmGroup();
    const snapshot = JSON.parse(read(join(dir, SNAPSHOT)));
    expect(snapshot.derived.today).toMatch(/^\d{4}-\d\d-\d\d$/);
    expect(JSON.parse(read(join(dir, REGISTER))).id).toBe(snapshot.derived.id);
    poison(dir);
    // Proof that the kept register is read (and the ledger is not): the poison shows.
    for (const text of await outputs(dir)) expect(text).toContain('Poisoned Name');
  });

  const spoilers: [string, (dir: string) => void][] = [
    ['cut short', (d) => writeFileSync(join(d, SNAPSHOT), read(join(d, SNAPSHOT)).slice(0, 300))],
    ['garbage', (d) => writeFileSync(join(d, SNAPSHOT), Buffer.from([0xff, 0xfe, 0x00, 0x7b, 0x22]))],
    ['of another format', (d) => writeFileSync(join(d, SNAPSHOT), read(join(d, SNAPSHOT)).replace('"format":1', '"format":0'))],
    ['from another build', (d) => writeFileSync(join(d, SNAPSHOT), read(join(d, SNAPSHOT)).replace(/"stamp":"[0-9a-f]/, '"stamp":"x'))],
    [
      'stale: a ledger part touched since',
      (d) => {
        const part = join(d, ledgerParts(d).at(-1)!);
        utimesSync(part, new Date(), new Date(Date.now() + 5_000));
      },
    ],
    [
      'stale: a ledger part edited by hand to the same size',
      (d) => {
        const part = join(d, ledgerParts(d)[0]!);
        writeFileSync(part, read(part).replace('Ada Founder', 'Ada Fownder'));
      },
    ],
    ['stale: coop.yml edited', (d) => writeFileSync(join(d, 'coop.yml'), `${read(join(d, 'coop.yml'))}# a comment added by hand\n`)],
    ['stale: a part the snapshot does not know', (d) => writeFileSync(join(d, 'register', 'ledger-2.jsonl'), '')],
    ['gone', (d) => rmSync(join(d, SNAPSHOT))],
    ['naming another register file (a pair half written)', (d) => writeFileSync(join(d, SNAPSHOT), read(join(d, SNAPSHOT)).replace(/"id":"[0-9a-f]/, '"id":"x'))],
    ['with its register file cut short', (d) => writeFileSync(join(d, REGISTER), read(join(d, REGISTER)).slice(0, 100))],
  ];
  for (const [what, spoil] of spoilers) {
    it(`is not trusted when ${what}: the answers are a cold run's`, async () => {
      const dir = await warmGroup();
      poison(dir);
      spoil(dir);
      const warm = await outputs(dir);
      if (what.includes('by hand')) {
        // The hand edit itself shows, through the ledger; the poison does not.
        expect(warm.join('')).toContain('Ada Fownder');
        expect(warm.join('')).not.toContain('Poisoned Name');
      } else {
        expect(warm).toEqual(cold);
      }
    });
  }

  it('costs nothing when its folder cannot be written: the answers are a cold run’s', async () => {
    const dir = await warmGroup();
    rmSync(join(dir, SNAPSHOT));
    chmodSync(join(dir, '.coop', 'cache'), 0o555);
    try {
      expect(await outputs(dir)).toEqual(cold);
      expect(await outputs(dir)).toEqual(cold);
    } finally {
      chmodSync(join(dir, '.coop', 'cache'), 0o755);
    }
  });
});

// The meeting commands (api/meeting-context.ts) take the register from the snapshot only for a
// meeting on or after the ledger's last event (Dee Warm's admission, 1 February 2024): any
// earlier meeting's register is derived from the ledger, as at its date.
describe("today's register in the snapshot, for a meeting's papers", () => {
  const call = (date: string, notice: string) => ['meeting', 'new', 'general', '--notice-date', notice, '--date', date, '--time', '19:00', '--place', 'The Hall'];
  const papers = (dir: string, id: string) => ['notice.md', 'agenda.md', 'attendance.md'].map((f) => read(join(dir, 'meetings', id, f)));

  it('is read for a meeting after the last event', async () => {
    const dir = await warmGroup();
    poison(dir);
    const r = await coop(call('2024-03-20', '2024-03-01'), { cwd: dir });
    expect(r.exitCode, String(r.stderr)).toBe(0);
    expect(read(join(dir, 'meetings', '2024-03-20-general', 'attendance.md'))).toContain('Poisoned Name');
  });

  it('is not read for a meeting before the last event: its papers are a cold run’s', async () => {
    const dir = await warmGroup();
    // A later admission is now the last event; status keeps today's register again.
    for (const args of [['member', 'add', 'Eve Later', '--joined', '2024-06-01'], ['status']]) expect((await coop(args, { cwd: dir })).exitCode).toBe(0);
    const copy = join(tempDir(), 'cold-meeting');
    cpSync(dir, copy, { recursive: true });
    rmSync(join(copy, '.coop', 'cache'), { recursive: true, force: true });
    poison(dir);
    for (const d of [dir, copy]) {
      const r = await coop(call('2024-04-10', '2024-03-01'), { cwd: d });
      expect(r.exitCode, String(r.stderr)).toBe(0);
    }
    const warm = papers(dir, '2024-04-10-general');
    expect(warm).toEqual(papers(copy, '2024-04-10-general'));
    expect(warm.join('')).toContain('Dee Warm');
    expect(warm.join('')).not.toContain('Eve Later');
    expect(warm.join('')).not.toContain('Poisoned Name');
  });

  it('is not read once stale (a ledger part touched since): the papers are a cold run’s', async () => {
    const dir = await warmGroup();
    const copy = join(tempDir(), 'cold-meeting');
    cpSync(dir, copy, { recursive: true });
    rmSync(join(copy, '.coop', 'cache'), { recursive: true, force: true });
    poison(dir);
    const part = join(dir, ledgerParts(dir).at(-1)!);
    utimesSync(part, new Date(), new Date(Date.now() + 5_000));
    for (const d of [dir, copy]) expect((await coop(call('2024-03-20', '2024-03-01'), { cwd: d })).exitCode).toBe(0);
    const warm = papers(dir, '2024-03-20-general');
    expect(warm).toEqual(papers(copy, '2024-03-20-general'));
    expect(warm.join('')).toContain('Dee Warm');
    expect(warm.join('')).not.toContain('Poisoned Name');
  });
});
