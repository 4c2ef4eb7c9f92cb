// Today's register kept in the snapshot (src/api/today.ts): `status`, `member list` and
// `register` for today read it without decoding the ledger while nothing has changed, and a
// snapshot that is spoiled, stale, of another format or unwritable only costs speed. Each case
// poisons the kept register (a member renamed in the snapshot alone) and then spoils or
// outdates the snapshot: the answers must be exactly a cold run's.

import { appendFileSync, chmodSync, cpSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { coop, join, read, tempDir } from '../support/cli.js';
import { fixtureGroup, madeOnce } from '../support/fixture-group.js';
import { ledgerParts } from '../support/register.js';
import { readCache, sealLine, unsealLine, writeCache } from '../support/caches.js';

const SNAPSHOT = join('.coop', 'cache', 'snapshot.json');
const REGISTER = join('.coop', 'cache', 'snapshot-register.json');
const STATUS = join('.coop', 'cache', 'snapshot-status.json');
const MEMBERS = join('.coop', 'cache', 'snapshot-members.jsonl');
/** The texts kept of reads that print the whole register (member list --json, register --format csv). */
const OUTPUTS = [join('.coop', 'cache', 'snapshot-out-member-list-json.txt'), join('.coop', 'cache', 'snapshot-out-register-csv.txt')];
const READS = [
  ['status', '--json'],
  ['status'],
  ['member', 'list', '--json'],
  ['register', '--format', 'csv'],
  ['register', '--json'],
  ['member', 'show', '1', '--json'],
  ['member', 'show', '1'],
  ['member', 'show', '4', '--json'],
  ['member', 'show', '2', '--json'],
];
// Contact lines as a person might edit them in: in other forms, or naming a member in ways only
// JSON.parse reads. member show reads only the lines that can be its member's: these must count.
const HAND_LINES = [
  '{ "member": 1, "phone": "01632 960001" }',
  '{"member":2,"email":"ben@example.org","member":1}',
  '{"member":1e0,"address":"1 Hand Street"}',
  '{"member":3,"email":"cai\\u0040example.org"}',
  '{"member":2,"address":"2 Plain Road"}',
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

/**
 * A group with one change made and today's register kept by a read. Made once per file; each
 * test gets an exact copy (timestamps kept, so what is kept stays as warm).
 */
const warmGroup = madeOnce(async (): Promise<string> => {
  const dir = await fixtureGroup();
  expect((await coop(['member', 'add', 'Dee Warm', '--joined', '2024-02-01', '--email', 'dee@example.org'], { cwd: dir })).exitCode).toBe(0);
  appendFileSync(join(dir, 'private', 'contacts.jsonl'), `${HAND_LINES.join('\n')}\n`);
  expect((await coop(['status'], { cwd: dir })).exitCode).toBe(0);
  // member show keeps every member's line (status keeps the register and its own few facts).
  expect((await coop(['member', 'show', '1'], { cwd: dir })).exitCode).toBe(0);
  // These keep their text.
  expect((await coop(['member', 'list', '--json'], { cwd: dir })).exitCode).toBe(0);
  expect((await coop(['register', '--format', 'csv'], { cwd: dir })).exitCode).toBe(0);
  return dir;
});

type Kept = 'register' | 'status' | 'members' | 'outputs';

/** Renames member 1 in the kept files only (those named): an answer showing it came from the snapshot. */
function poison(dir: string, files: readonly Kept[] = ['register', 'status', 'members', 'outputs']): void {
  if (files.includes('register')) poisonRegister(dir);
  if (files.includes('outputs')) for (const file of OUTPUTS) writeCache(join(dir, file), readCache(join(dir, file)).replaceAll('Ada Founder', 'Poisoned Name'));
  if (files.includes('status')) {
    // Member 1 is the chair: status names them from its own facts.
    const status = JSON.parse(readCache(join(dir, STATUS)));
    status.status.officers.find((o: { member: number }) => o.member === 1).name = 'Poisoned Name';
    writeCache(join(dir, STATUS), JSON.stringify(status));
  }
  if (files.includes('members')) {
    // A line a member: [number, key, name, …].
    const lines = readCache(join(dir, MEMBERS)).split('\n');
    const at = lines.findIndex((line) => line.startsWith('[1,'));
    const row = JSON.parse(unsealLine(lines[at]!));
    row[2] = 'Poisoned Name';
    lines[at] = sealLine(JSON.stringify(row));
    writeCache(join(dir, MEMBERS), lines.join('\n'));
  }
}

function poisonRegister(dir: string): void {
  const file = join(dir, REGISTER);
  const register = JSON.parse(readCache(file));
  // Members go by rows: their keys once, then [number, ...values] each.
  const [keys, ...rows] = register.state.members.$rows as [string[], ...unknown[][]];
  rows.find((row) => row[0] === 1)![keys.indexOf('name') + 1] = 'Poisoned Name';
  writeCache(file, JSON.stringify(register));
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
  it('is what status, member list, member show and register read while nothing has changed', async () => {
    const dir = await warmGroup();
    const snapshot = JSON.parse(readCache(join(dir, SNAPSHOT)));
    expect(snapshot.derived.today).toMatch(/^\d{4}-\d\d-\d\d$/);
    expect(JSON.parse(readCache(join(dir, REGISTER))).id).toBe(snapshot.derived.id);
    poison(dir);
    // Proof that the kept register is read (and the ledger is not): the poison shows.
    const warm = await outputs(dir);
    for (const [i, text] of warm.entries()) if (READS[i]![2] !== '4' && READS[i]![2] !== '2') expect(text, READS[i]!.join(' ')).toContain('Poisoned Name');
    // The other members read from the kept lines are as a cold run shows them, hand-edited contacts and all.
    for (const [i, args] of READS.entries()) if (args[2] === '4' || args[2] === '2') expect(warm[i]).toBe(cold[i]);
    expect(cold[READS.findIndex((a) => a.join(' ') === 'member show 1 --json')]).toContain('1 Hand Street');
  });

  // Each spoils the whole snapshot, or one kept file (then only that file is poisoned: the others
  // are still good, and read).
  const spoilers: [string, (dir: string) => void, Kept[]?][] = [
    ['cut short', (d) => writeCache(join(d, SNAPSHOT), readCache(join(d, SNAPSHOT)).slice(0, 300))],
    ['garbage', (d) => writeCache(join(d, SNAPSHOT), Buffer.from([0xff, 0xfe, 0x00, 0x7b, 0x22]))],
    ['of another format', (d) => writeCache(join(d, SNAPSHOT), readCache(join(d, SNAPSHOT)).replace('"format":1', '"format":0'))],
    ['from another build', (d) => writeCache(join(d, SNAPSHOT), readCache(join(d, SNAPSHOT)).replace(/"stamp":"[0-9a-f]/, '"stamp":"x'))],
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
    ['naming another register file (a pair half written)', (d) => writeCache(join(d, SNAPSHOT), readCache(join(d, SNAPSHOT)).replace(/"id":"[0-9a-f]/, '"id":"x'))],
    ['with its register file cut short', (d) => writeCache(join(d, REGISTER), readCache(join(d, REGISTER)).slice(0, 100)), ['register']],
    [
      'with its kept texts cut short',
      (d) => {
        for (const f of OUTPUTS) writeCache(join(d, f), readCache(join(d, f)).slice(0, 20));
      },
      ['outputs'],
    ],
    [
      'with its kept texts of another register',
      (d) => {
        for (const f of OUTPUTS) writeCache(join(d, f), readCache(join(d, f)).replace(/"id":"[0-9a-f]/, '"id":"x'));
      },
      ['outputs'],
    ],
    [
      'with its kept texts empty',
      (d) => {
        for (const f of OUTPUTS) writeCache(join(d, f), '');
      },
      ['outputs'],
    ],
    ['with its status file cut short', (d) => writeCache(join(d, STATUS), readCache(join(d, STATUS)).slice(0, 100)), ['status']],
    ['with its status file of another register', (d) => writeCache(join(d, STATUS), readCache(join(d, STATUS)).replace(/"id":"[0-9a-f]/, '"id":"x')), ['status']],
    ['with its members file cut short', (d) => writeCache(join(d, MEMBERS), readCache(join(d, MEMBERS)).slice(0, 60)), ['members']],
    [
      'with its members file of another register',
      (d) =>
        writeCache(
          join(d, MEMBERS),
          readCache(join(d, MEMBERS)).replace(/^[^\n]*/, (head) => sealLine(unsealLine(head).replace(/"id":"[0-9a-f]/, '"id":"x'))),
        ),
      ['members'],
    ],
    ['with its members file garbage', (d) => writeCache(join(d, MEMBERS), Buffer.from([0xff, 0x0a, 0x7b, 0x22, 0x0a])), ['members']],
    [
      'with its member’s line spoiled in its members file',
      (d) => writeCache(join(d, MEMBERS), readCache(join(d, MEMBERS)).replace(/\n\[1,[^\n]*/, `\n${sealLine('[1,"broken')}`)),
      ['members'],
    ],
    [
      // Still well-formed JSON with a plausible value: only the seals can tell.
      'with one byte of the poison changed in every kept file, its seals not (a disk error)',
      (d) => {
        const cache = join(d, '.coop', 'cache');
        for (const name of readdirSync(cache)) {
          const bytes = readFileSync(join(cache, name));
          const at = bytes.indexOf('Poisoned Name');
          if (at === -1) continue;
          bytes[at] = bytes[at]! ^ 0x01; // "Qoisoned Name"
          writeFileSync(join(cache, name), bytes);
        }
      },
    ],
  ];
  for (const [what, spoil, files] of spoilers) {
    it(`is not trusted when ${what}: the answers are a cold run's`, async () => {
      const dir = await warmGroup();
      poison(dir, files);
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

  it('never keeps contact details: register --with-contacts is made afresh every time', async () => {
    const dir = await warmGroup();
    for (const format of ['json', 'csv']) {
      const r = await coop(['register', '--with-contacts', '--format', format], { cwd: dir });
      expect(r.exitCode, String(r.stderr)).toBe(0);
      expect(String(r.stdout)).toContain('dee@example.org');
    }
    const cache = join(dir, '.coop', 'cache');
    for (const name of readdirSync(cache)) expect(read(join(cache, name)), name).not.toContain('dee@example.org');
  });

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

  it('is kept by the first meeting command after a change other than calling one, and read by the next', async () => {
    const dir = await warmGroup();
    expect((await coop(['member', 'add', 'Eve Later', '--joined', '2024-06-01'], { cwd: dir })).exitCode).toBe(0);
    // The change dropped the kept register. Calling a meeting derives it without keeping it (its
    // papers and their search for contact details are cost enough); recording attendance keeps it.
    expect(JSON.parse(readCache(join(dir, SNAPSHOT))).derived).toBeUndefined();
    expect((await coop(call('2024-07-10', '2024-06-20'), { cwd: dir })).exitCode).toBe(0);
    expect(JSON.parse(readCache(join(dir, SNAPSHOT))).derived).toBeUndefined();
    expect(read(join(dir, 'meetings', '2024-07-10-general', 'attendance.md'))).toContain('Eve Later');
    const attend = await coop(['meeting', 'attend', '2024-07-10', '1', '2'], { cwd: dir });
    expect(attend.exitCode, String(attend.stderr)).toBe(0);
    expect(JSON.parse(readCache(join(dir, SNAPSHOT))).derived).toBeDefined();
    poisonRegister(dir);
    const r = await coop(call('2024-07-24', '2024-07-01'), { cwd: dir });
    expect(r.exitCode, String(r.stderr)).toBe(0);
    const attendance = read(join(dir, 'meetings', '2024-07-24-general', 'attendance.md'));
    expect(attendance).toContain('Poisoned Name');
    expect(attendance).toContain('Eve Later');
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
