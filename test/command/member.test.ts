import { describe, expect, it } from 'vitest';
import { coop } from '../support/cli.js';
import { fixtureGroup } from '../support/fixture-group.js';
import { commitCount, contactsText, gitStatus, lastCommitMessage, ledgerEvents, json } from '../support/register.js';

describe('coop member add', () => {
  it('prints the new number, appends one admission and commits it with a plain message', async () => {
    const dir = await fixtureGroup();
    const r = await coop(['member', 'add', 'Priya Sharma', '--joined', '01/03/2024'], { cwd: dir });
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe('4');
    expect(r.stderr).toMatch(/Admitted Priya Sharma as member 4/);
    expect(ledgerEvents(dir).at(-1)).toEqual({ seq: 7, date: '2024-03-01', type: 'admit', member: 4, name: 'Priya Sharma', shares: 1 });
    expect(await lastCommitMessage(dir)).toBe('Admit member 4: Priya Sharma');
    expect(await gitStatus(dir)).toBe('');
  });

  it('--json gives the number and what was recorded', async () => {
    const dir = await fixtureGroup();
    const r = await coop(['member', 'add', 'Zoë O’Brien', '--json', '--email', 'zoe@example.org'], { cwd: dir });
    const out = json(r);
    expect(out).toMatchObject({ number: 4, name: 'Zoë O’Brien', shares: 1, contacts: ['email'] });
    expect(out.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(r.stdout).not.toContain('zoe@example.org');
  });

  it('numbers are sequential and never reused, even after a departure, and back-dating keeps the number', async () => {
    const dir = await fixtureGroup();
    await coop(['member', 'leave', '3', '--date', '2024-02-01', '--reason', 'resigned'], { cwd: dir });
    const late = await coop(['member', 'add', 'Late Joiner', '--joined', '2025-01-01'], { cwd: dir });
    const early = await coop(['member', 'add', 'Back Dated', '--joined', '2024-01-20'], { cwd: dir });
    expect([late.stdout, early.stdout]).toEqual(['4', '5']);
    const asOf2024 = json(await coop(['member', 'list', '--as-of', '2024-06-30', '--json'], { cwd: dir }));
    expect(asOf2024.map((m: { number: number }) => m.number)).toEqual([1, 2, 5]);
    const now = json(await coop(['member', 'list', '--json'], { cwd: dir }));
    expect(now.map((m: { number: number }) => m.number)).toEqual([1, 2, 4, 5]);
  });

  const refusals: [string, string[], number, RegExp][] = [
    ['shares "abc"', ['--shares', 'abc'], 2, /whole number/],
    ['shares "-1"', ['--shares', '-1'], 2, /negative/],
    ['shares "1.5"', ['--shares', '1.5'], 2, /fraction/],
    ['shares "1e9"', ['--shares', '1e9'], 2, /plain digits/],
    ['more shares than the rules allow', ['--shares', '2'], 1, /above the rules' maximum of 1/],
    ['a date in the future', ['--joined', '2999-01-01'], 1, /in the future/],
    ['a date before the founding', ['--joined', '2024-01-14'], 1, /before the group was founded \(2024-01-15\)/],
    ['a date that does not exist', ['--joined', '30/02/2024'], 2, /not a date/],
    ['a bad email', ['--email', 'priya-at-example'], 2, /@ and a dot/],
  ];
  for (const [what, flags, code, message] of refusals) {
    it(`refuses ${what}, changing nothing`, async () => {
      const dir = await fixtureGroup();
      const r = await coop(['member', 'add', 'Priya Sharma', ...flags], { cwd: dir });
      expect(r.exitCode).toBe(code);
      expect(r.stderr).toMatch(message);
      expect(ledgerEvents(dir)).toHaveLength(6);
      expect(await commitCount(dir)).toBe(1);
      expect(await gitStatus(dir)).toBe('');
    });
  }

  it('--no-commit writes the change and leaves it uncommitted', async () => {
    const dir = await fixtureGroup();
    const r = await coop(['member', 'add', 'Priya Sharma', '--no-commit'], { cwd: dir });
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toMatch(/Not committed/);
    expect(await commitCount(dir)).toBe(1);
    // This copy's first change: its own stream of the register, new and uncommitted.
    expect(await gitStatus(dir)).toMatch(/^\?\? register\/[0-9a-f]{12}\/$/);
    expect(ledgerEvents(dir)).toHaveLength(7);
  });

  it('refuses outside a group, saying how to start one', async () => {
    const dir = await fixtureGroup();
    const r = await coop(['member', 'add', 'X'], { cwd: `${dir}/..` });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/coop new/);
  });
});

describe('coop member leave', () => {
  it('repays withdrawable shares, ends offices, and commits "Member N left (reason)"', async () => {
    const dir = await fixtureGroup();
    const r = await coop(['member', 'leave', '2', '--date', '2025-01-31', '--reason', 'resigned', '--json'], { cwd: dir });
    expect(r.exitCode).toBe(0);
    expect(json(r)).toMatchObject({ number: 2, left: '2025-01-31', reason: 'resigned', repaid: 1, officesEnded: ['secretary'] });
    expect(ledgerEvents(dir).at(-1)).toMatchObject({ type: 'leave', member: 2, repaid: 1 });
    expect(await lastCommitMessage(dir)).toBe('Member 2 left (resigned)');
    const again = await coop(['member', 'leave', '2', '--date', '2025-02-01', '--reason', 'other'], { cwd: dir });
    expect(again.exitCode).toBe(1);
    expect(again.stderr).toMatch(/already left on 2025-01-31/);
  });

  it('refuses while non-withdrawable shares are held, advising a transfer', async () => {
    const dir = await fixtureGroup({ tweak: (p) => Object.assign(p.shares!, { withdrawable: false, transferable: true, maximumHolding: 10 }) });
    const r = await coop(['member', 'leave', '3', '--date', '2025-01-31', '--reason', 'resigned'], { cwd: dir });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/non-withdrawable.*coop shares transfer 3 <to> 1/s);
    expect(ledgerEvents(dir)).toHaveLength(6);
  });

  it('refuses a departure that would make later entries wrong', async () => {
    const dir = await fixtureGroup();
    await coop(['officer', 'leave', '1', '--role', 'chair', '--date', '2025-06-01'], { cwd: dir });
    const r = await coop(['member', 'leave', '1', '--date', '2025-01-01', '--reason', 'resigned'], { cwd: dir });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/later entry wrong \(register\/[0-9a-f]{12}\/ledger\.jsonl:1.*does not hold the office of chair/);
  });

  it('refuses an unknown member', async () => {
    const dir = await fixtureGroup();
    const r = await coop(['member', 'leave', '9', '--date', '2025-01-01', '--reason', 'resigned'], { cwd: dir });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/no member 9 .*1 to 3/);
  });
});

describe('coop member update, show and list', () => {
  it('a change of name is a dated register entry; contact details go only to the private store, uncommitted', async () => {
    const dir = await fixtureGroup();
    const rename = await coop(['member', 'update', '1', '--name', 'Ada Lovelace', '--date', '2025-05-01'], { cwd: dir });
    expect(rename.exitCode).toBe(0);
    expect(await lastCommitMessage(dir)).toBe("Record member 1's change of name to Ada Lovelace");
    const commits = await commitCount(dir);
    const contact = await coop(['member', 'update', '1', '--email', 'ada@example.org', '--address', '1 Analytical Row\nLondon'], { cwd: dir });
    expect(contact.exitCode).toBe(0);
    expect(contact.stdout).toMatch(/kept privately/);
    expect(contact.stdout).not.toContain('ada@example.org');
    expect(await commitCount(dir)).toBe(commits);
    expect(await gitStatus(dir)).toBe('');
    expect(contactsText(dir)).toContain('ada@example.org');

    const show = json(await coop(['member', 'show', '1', '--json'], { cwd: dir }));
    expect(show).toMatchObject({ number: 1, name: 'Ada Lovelace', contact: { email: 'ada@example.org', address: '1 Analytical Row\nLondon' } });
    expect(show.offices).toEqual([{ role: 'chair', from: '2024-01-15', to: null }]);
    expect(show.history.map((h: { text: string }) => h.text)).toEqual(['Admitted as member 1, Ada Founder, with 1 share', 'Appointed chair', 'Name changed to Ada Lovelace']);

    const removed = await coop(['member', 'update', '1', '--email', ''], { cwd: dir });
    expect(removed.exitCode).toBe(0);
    expect(json(await coop(['member', 'show', '1', '--json'], { cwd: dir })).contact).toEqual({ address: '1 Analytical Row\nLondon' });

    const before = json(await coop(['member', 'list', '--as-of', '2025-04-30', '--json'], { cwd: dir }));
    expect(before[0].name).toBe('Ada Founder');
  });

  it('member list --json has exactly the documented shape; --all includes former members', async () => {
    const dir = await fixtureGroup();
    await coop(['member', 'leave', '3', '--date', '2025-01-31', '--reason', 'deceased'], { cwd: dir });
    const now = json(await coop(['member', 'list', '--json'], { cwd: dir }));
    expect(now).toEqual([
      { number: 1, name: 'Ada Founder', joined: '2024-01-15', left: null, shares: 1 },
      { number: 2, name: 'Ben Founder', joined: '2024-01-15', left: null, shares: 1 },
    ]);
    const all = json(await coop(['member', 'list', '--all', '--json'], { cwd: dir }));
    expect(all[2]).toEqual({ number: 3, name: 'Cai Founder', joined: '2024-01-15', left: '2025-01-31', shares: 0 });
    const text = await coop(['member', 'list', '--all'], { cwd: dir });
    expect(text.stdout).toMatch(/3 +Cai Founder +2024-01-15 +2025-01-31 +0/);
  });

  it('update with nothing to change is a usage error', async () => {
    const dir = await fixtureGroup();
    const r = await coop(['member', 'update', '1'], { cwd: dir });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/Nothing to change/);
  });
});
