// The timeline kept for the register as at any date (.coop/cache/as-of-timeline.bin, io/as-of-cache.ts).
// Like the snapshot it may only be a shortcut to the same answer: kept, missing, cut short,
// garbled or with a byte changed, outrun by a change dated after the date asked (which it may
// still answer) or by one dated on or before it, or by a hand edit to an old part of the ledger,
// `register --as-of`, `print register --as-of` and `member export --as-of` say exactly what a
// copy of the group that never kept one says (derived from every event, as a small ledger is).

import { cpSync, existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixtureGroup } from '../support/fixture-group.js';
import { coop, join, tempDir } from '../support/cli.js';

const KEPT = join('.coop', 'cache', 'as-of-timeline.bin');
const DATES = ['2024-01-31', '2024-05-15', '2024-12-31'];

let dir: string;

/**
 * Runs coop; with `timeline`, coop uses the timeline from no events at all (as built, from a few
 * thousand). Set in this process's environment, which a spawned coop inherits and one run in
 * this process reads, so the command tier still runs in-process.
 */
async function ok(args: string[], cwd = dir, timeline = false): Promise<string> {
  const knob = 'COOP_TEST_TIMELINE_EVENTS';
  if (timeline) process.env[knob] = '0';
  let r: Awaited<ReturnType<typeof coop>>;
  try {
    r = await coop(args, { cwd });
  } finally {
    delete process.env[knob];
  }
  expect(r.exitCode, `${args.join(' ')}: ${String(r.stderr)}`).toBe(0);
  return String(r.stdout);
}

/** The register as at a date, as JSON text. */
const registerAt = (asOf: string) => ok(['register', '--as-of', asOf, '--json'], dir, true);

/** The same, derived from every event with no timeline, in a copy of the group as it is now with no caches at all (as after a clone). */
async function freshRegisterAt(asOf: string): Promise<string> {
  const copy = join(tempDir(), 'group');
  cpSync(dir, copy, { recursive: true });
  rmSync(join(copy, '.coop'), { recursive: true, force: true });
  return ok(['register', '--as-of', asOf, '--json'], copy);
}

/** The timeline file's identity: it is replaced (renamed into place) whenever it is made again. */
const identity = () => {
  const s = statSync(join(dir, KEPT), { bigint: true });
  return `${s.ino}:${s.mtimeNs}`;
};

const spoilings: [string, (path: string) => void][] = [
  ['kept as it is', () => {}],
  ['missing', (path) => rmSync(path, { force: true })],
  ['cut short', (path) => writeFileSync(path, readFileSync(path).subarray(0, Math.floor(readFileSync(path).length / 2)))],
  ['garbled', (path) => writeFileSync(path, 'not a cache\n[1,2,3]\n')],
  [
    'with one byte changed in its columns',
    (path) => {
      const bytes = readFileSync(path);
      const at = bytes.length - 40;
      bytes[at] = bytes[at]! ^ 0x01;
      writeFileSync(path, bytes);
    },
  ],
];

describe('the register as at a past date, from the kept timeline', () => {
  beforeAll(async () => {
    // Holdings above one share, so a share issue shows on the dates after it.
    dir = await fixtureGroup({ tweak: (p) => void (p.shares!.maximumHolding = 100) });
    await ok(['member', 'add', 'Dee Jones', '--joined', '2024-02-01', '--shares', '5']);
    await ok(['shares', 'issue', '4', '3', '--date', '2024-04-01']);
    await ok(['member', 'update', '2', '--name', 'Ben Renamed', '--date', '2024-05-01']);
    await ok(['member', 'leave', '4', '--reason', 'resigned', '--date', '2024-06-01']);
    await registerAt('2024-03-31');
    expect(existsSync(join(dir, KEPT))).toBe(true);
    for (const asOf of DATES) reference.set(asOf, await freshRegisterAt(asOf));
  });
  /** Each date's register from a copy that never kept a timeline, before the tests below change the group. */
  const reference = new Map<string, string>();

  it('shows each member as they stood on the date', async () => {
    const at = async (asOf: string) =>
      (JSON.parse(await registerAt(asOf)) as { members: { number: number; name: string; shares: number; left: string | null }[] }).members.map(
        (m) => `${m.number} ${m.name} ${m.shares}${m.left ? ` left ${m.left}` : ''}`,
      );
    expect(await at('2024-01-31')).toEqual(['1 Ada Founder 1', '2 Ben Founder 1', '3 Cai Founder 1']);
    expect(await at('2024-04-30')).toEqual(['1 Ada Founder 1', '2 Ben Founder 1', '3 Cai Founder 1', '4 Dee Jones 8']);
    expect(await at('2024-06-01')).toEqual(['1 Ada Founder 1', '2 Ben Renamed 1', '3 Cai Founder 1', '4 Dee Jones 0 left 2024-06-01']);
  });

  for (const [state, spoil] of spoilings) {
    it(`says what a copy that never kept one says, on every date, with the timeline ${state}`, async () => {
      for (const asOf of DATES) {
        spoil(join(dir, KEPT));
        expect(await registerAt(asOf), asOf).toBe(reference.get(asOf));
      }
      expect(existsSync(join(dir, KEPT))).toBe(true);
    });
  }

  it('answers an earlier date after a change dated later, without being made again; a later date sees the change', async () => {
    await registerAt('2024-03-31');
    const before = identity();
    await ok(['member', 'add', 'Eve Later', '--joined', '2024-09-01']);
    expect(await registerAt('2024-03-31')).toBe(await freshRegisterAt('2024-03-31'));
    expect(identity()).toBe(before);
    const later = await registerAt('2024-12-31');
    expect(later).toContain('Eve Later');
    expect(later).toBe(await freshRegisterAt('2024-12-31'));
  });

  it('sees a change dated on or before the date asked (back-dated after it was kept)', async () => {
    await registerAt('2024-03-31');
    await ok(['member', 'add', 'Fay Backdated', '--joined', '2024-03-01']);
    const text = await registerAt('2024-03-31');
    expect(text).toContain('Fay Backdated');
    expect(text).toBe(await freshRegisterAt('2024-03-31'));
  });

  it('sees an old part of the ledger edited by hand, even at the same size', async () => {
    await registerAt('2024-03-31');
    const part = join(dir, 'register', 'ledger.jsonl');
    const text = readFileSync(part, 'utf8');
    expect(text).toContain('"Ada Founder"');
    writeFileSync(part, text.replace('"Ada Founder"', '"Ada Foundry"'));
    const edited = await registerAt('2024-03-31');
    expect(edited).toContain('Ada Foundry');
    expect(edited).toBe(await freshRegisterAt('2024-03-31'));
    writeFileSync(part, text);
  });

  it('serves print register --as-of and member export --as-of the same way', async () => {
    rmSync(join(dir, KEPT), { force: true });
    const out = tempDir();
    const exported = async (name: string, timeline = false) => {
      await ok(['member', 'export', join(out, name), '--as-of', '2024-06-30', '--all'], dir, timeline);
      return readFileSync(join(out, name), 'utf8');
    };
    const derived = await exported('derived.csv');
    expect(derived).toMatch(/^4,Dee Jones,2024-02-01,2024-06-01,resigned,/m);
    expect(existsSync(join(dir, KEPT))).toBe(false);
    expect(await exported('first.csv', true)).toBe(derived);
    expect(existsSync(join(dir, KEPT))).toBe(true);
    expect(await exported('again.csv', true)).toBe(derived);
    rmSync(join(dir, KEPT));
    await ok(['print', 'register', '--as-of', '2024-06-30', '--out', join(out, 'register.pdf')], dir, true);
    expect(existsSync(join(out, 'register.pdf'))).toBe(true);
    expect(existsSync(join(dir, KEPT))).toBe(true);
  });
});
