// The bench's synthetic groups must be registers coop accepts, or its figures would time error
// paths. The generator runs as `npm run bench` runs it (a built CLI, a child process); the
// result is checked with the same decode and derive that `coop check` uses, and by coop check.

import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { decodeContacts } from '../../src/core/contacts.js';
import { currentMembers, deriveState } from '../../src/core/ledger/derive.js';
import { decodeLedger } from '../../src/core/ledger/events.js';
import { ledgerRules, loadParams } from '../../src/io/group.js';
import { coop, git, join, onTempDirsRemoved, read, ROOT, tempDir } from '../support/cli.js';

function generate(members: number, seed: number): { dir: string; stats: Record<string, number> } {
  const dir = join(tempDir('coop-bench-'), 'group');
  const out = execFileSync(process.execPath, [join(ROOT, 'bench', 'generate.js'), '--members', String(members), '--seed', String(seed), '--out', dir], { encoding: 'utf8' });
  return { dir, stats: JSON.parse(out) as Record<string, number> };
}

/** The group of 100 from seed 7, generated once in this file: both tests read it (neither changes it). */
let seven: { dir: string; stats: Record<string, number> } | undefined;
const sevenOnce = () => (seven ??= generate(100, 7));
onTempDirsRemoved(() => {
  seven = undefined;
});

describe('the bench generator', () => {
  it('writes a committed group of exactly 100 current members whose register passes the rules', async () => {
    const { dir, stats } = sevenOnce();
    const params = await loadParams(dir);
    const { events, problems: unreadable } = decodeLedger(read(join(dir, 'register', 'ledger.jsonl')));
    expect(unreadable).toEqual([]);
    const { state, problems } = deriveState(events, { rules: ledgerRules(params), today: '2026-11-25' });
    expect(problems).toEqual([]);
    expect(currentMembers(state)).toHaveLength(100);
    expect(stats.members).toBe(100);
    // A history, not just admissions: every kind of event the register knows occurs.
    const types = new Set(events.map((e) => e.type));
    for (const type of ['admit', 'leave', 'issue', 'withdraw', 'transfer', 'appoint', 'retire']) expect(types).toContain(type);
    // Some entries are back-dated, as in life, so the ledger is not already in date order.
    expect(events.some((e, i) => i > 0 && e.date < events[i - 1]!.date)).toBe(true);

    const contacts = decodeContacts(read(join(dir, 'private', 'contacts.jsonl')));
    expect(contacts.problems).toEqual([]);
    expect(contacts.contacts.size).toBeGreaterThan(50);
    expect(await git(dir, ['status', '--porcelain'])).toBe('');
    expect(await git(dir, ['ls-files'])).not.toContain('private/');

    // And coop itself finds nothing wrong: the register, the contacts, the meetings on record.
    const check = await coop(['check'], { cwd: dir });
    expect(check.stderr).toBe('');
    expect(check.exitCode).toBe(0);
    const meetings = JSON.parse(String((await coop(['meeting', 'list', '--json'], { cwd: dir })).stdout)) as unknown[];
    expect(meetings.length).toBe(stats.meetings);
    expect(stats.meetings).toBeGreaterThan(10);
  });

  it('gives the same register for the same seed and a different one for another', () => {
    const a = read(join(sevenOnce().dir, 'register', 'ledger.jsonl'));
    const b = read(join(generate(100, 7).dir, 'register', 'ledger.jsonl'));
    const c = read(join(generate(100, 8).dir, 'register', 'ledger.jsonl'));
    expect(b).toBe(a);
    expect(c).not.toBe(a);
  });
});
