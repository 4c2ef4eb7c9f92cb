import { describe, expect, it } from 'vitest';
import { coop } from '../support/cli.js';
import { fixtureGroup } from '../support/fixture-group.js';
import { gitStatus, lastCommitMessage, ledgerEvents, json } from '../support/register.js';

/** A society whose shares may be held up to 10, withdrawn and transferred. */
const flexible = () => fixtureGroup({ tweak: (p) => Object.assign(p.shares!, { maximumHolding: 10, withdrawable: true, transferable: true }) });

describe('coop shares', () => {
  it('issue, transfer and withdraw, each a commit a secretary recognises, holdings right on every date', async () => {
    const dir = await flexible();
    const issue = await coop(['shares', 'issue', '2', '5', '--date', '2024-03-01', '--json'], { cwd: dir });
    expect(json(issue)).toMatchObject({ member: 2, shares: 5, date: '2024-03-01', holding: 6 });
    expect(await lastCommitMessage(dir)).toBe('Issue 5 shares to member 2');

    const transfer = await coop(['shares', 'transfer', '2', '3', '2', '--date', '2024-04-01', '--json'], { cwd: dir });
    expect(json(transfer)).toMatchObject({ from: 2, to: 3, shares: 2, holdings: { from: 4, to: 3 } });
    expect(await lastCommitMessage(dir)).toBe('Transfer 2 shares from member 2 to member 3');

    const withdraw = await coop(['shares', 'withdraw', '3', '1', '--date', '2024-05-01'], { cwd: dir });
    expect(withdraw.exitCode).toBe(0);
    expect(await lastCommitMessage(dir)).toBe('Withdraw 1 share from member 3');

    const at = async (date: string) =>
      Object.fromEntries(json(await coop(['member', 'list', '--as-of', date, '--json'], { cwd: dir })).map((m: { number: number; shares: number }) => [m.number, m.shares]));
    expect(await at('2024-02-01')).toEqual({ 1: 1, 2: 1, 3: 1 });
    expect(await at('2024-04-15')).toEqual({ 1: 1, 2: 4, 3: 3 });
    expect(await at('2024-05-01')).toEqual({ 1: 1, 2: 4, 3: 2 });
  });

  const refusals: [string, string[], RegExp][] = [
    ['above the maximum holding', ['shares', 'issue', '1', '10', '--date', '2024-03-01'], /above the rules' maximum of 10/],
    ['below the minimum holding', ['shares', 'withdraw', '1', '1', '--date', '2024-03-01'], /below the rules' minimum of 1/],
    ['more than the member holds', ['shares', 'transfer', '1', '2', '3', '--date', '2024-03-01'], /holds 1 shares and cannot transfer 3/],
    ['dated before the founding', ['shares', 'issue', '3', '1', '--date', '2024-01-14'], /before the group was founded/],
    ['to a member who does not exist', ['shares', 'issue', '7', '1'], /no member 7/],
    ['to oneself', ['shares', 'transfer', '1', '1', '1'], /themselves/],
    ['a count of "1.5"', ['shares', 'issue', '1', '1.5'], /fraction/],
  ];
  for (const [what, args, message] of refusals) {
    it(`refuses ${what}, changing nothing`, async () => {
      const dir = await flexible();
      const r = await coop(args, { cwd: dir });
      expect(r.exitCode).not.toBe(0);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/internal error/);
      expect(ledgerEvents(dir)).toHaveLength(6);
      expect(await gitStatus(dir)).toBe('');
    });
  }

  it('refuses shares dated before the member joined', async () => {
    const dir = await flexible();
    await coop(['member', 'add', 'Dee', '--joined', '2025-01-01'], { cwd: dir });
    const r = await coop(['shares', 'issue', '4', '1', '--date', '2024-06-01'], { cwd: dir });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/member 4 has not been admitted by 2024-06-01/);
  });

  it('refuses transfers and withdrawals the rules do not allow', async () => {
    const dir = await fixtureGroup({ tweak: (p) => Object.assign(p.shares!, { withdrawable: false, transferable: false, maximumHolding: 5 }) });
    expect((await coop(['shares', 'transfer', '1', '2', '1'], { cwd: dir })).stderr).toMatch(/non-transferable/);
    expect((await coop(['shares', 'withdraw', '1', '1'], { cwd: dir })).stderr).toMatch(/non-withdrawable/);
  });

  it('refuses shares in a group that has none', async () => {
    const dir = await fixtureGroup({ kind: 'neighbourhood-group', form: 'unincorporated-association' });
    const r = await coop(['shares', 'issue', '1', '1'], { cwd: dir });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/has no members' shares/);
  });
});

describe('coop officer', () => {
  it('appoint and leave, with the register of officers right on each date', async () => {
    const dir = await fixtureGroup();
    const out = await coop(['officer', 'leave', '2', '--role', 'secretary', '--date', '2025-01-31'], { cwd: dir });
    expect(out.exitCode).toBe(0);
    expect(await lastCommitMessage(dir)).toBe('Member 2 left the office of secretary');
    const appoint = await coop(['officer', 'appoint', '3', '--role', 'Secretary', '--date', '2025-02-01', '--json'], { cwd: dir });
    expect(json(appoint)).toMatchObject({ member: 3, name: 'Cai Founder', role: 'secretary', date: '2025-02-01' });
    expect(await lastCommitMessage(dir)).toBe('Appoint member 3 as secretary');
    const secretary = async (date: string) =>
      json(await coop(['register', '--as-of', date, '--json'], { cwd: dir })).officers.filter(
        (o: { role: string; to: string | null }) => o.role === 'secretary' && o.to === null,
      )[0]?.member;
    expect(await secretary('2024-06-01')).toBe(2);
    expect(await secretary('2025-01-31')).toBeUndefined();
    expect(await secretary('2025-03-01')).toBe(3);
  });

  it('refuses a second holder of an office, naming the current one', async () => {
    const dir = await fixtureGroup();
    const r = await coop(['officer', 'appoint', '3', '--role', 'secretary'], { cwd: dir });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/held by member 2 .*left it first/);
  });

  it('refuses an office the rules do not name', async () => {
    const dir = await fixtureGroup();
    const r = await coop(['officer', 'appoint', '3', '--role', 'vice-chair'], { cwd: dir });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/board\.roles/);
  });

  it('refuses to appoint a former member where officers must be members', async () => {
    const dir = await fixtureGroup();
    await coop(['member', 'leave', '3', '--date', '2025-01-01', '--reason', 'resigned'], { cwd: dir });
    await coop(['officer', 'leave', '2', '--role', 'secretary', '--date', '2025-02-01'], { cwd: dir });
    const r = await coop(['officer', 'appoint', '3', '--role', 'secretary', '--date', '2025-03-01'], { cwd: dir });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/member 3 left on 2025-01-01/);
  });
});
