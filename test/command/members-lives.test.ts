// Issue 18, item 7, "Members' lives", as a secretary meets each moment, through the built CLI:
// a death with or without a nominee, shares owed until paid for, a refused transfer that says
// what to do instead, a person rejoining, and an empty secretary's chair or a board too small.

import { beforeAll, describe, expect, it } from 'vitest';
import { coop } from '../support/cli.js';
import { fixtureGroup } from '../support/fixture-group.js';
import { json, ledgerEvents as readLedger } from '../support/register.js';

describe('a death, the nominee and the settlement', () => {
  let dir: string;
  beforeAll(async () => {
    // Ada (1) chair, Ben (2) secretary, Cai (3) treasurer; one £1 withdrawable share each.
    dir = await fixtureGroup();
    for (const name of ['Dee Jones', 'Eve Hart']) expect((await coop(['member', 'add', name, '--joined', '2024-02-01'], { cwd: dir })).exitCode).toBe(0);
  });

  it('records the nominee, says who is entitled to what, and owes the shares until they are paid for', async () => {
    const r = await coop(['member', 'leave', '2', '--reason', 'deceased', '--nominee', 'Pat Example', '--date', '2024-06-01'], { cwd: dir });
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('Their nominee, Pat Example, is entitled to their 1 share (£1.00)');
    expect(r.stdout).toContain('up to £5,000 in all (2014 Act s.37); anything beyond goes to their personal representatives');
    expect(r.stdout).toContain('to be repaid: record the payment when it is made, with coop shares repay 2 --date <date>');
    expect(
      readLedger(dir)
        .slice(-2)
        .map((e) => e.type),
    ).toEqual(['leave', 'nominee']);

    const show = json(await coop(['member', 'show', '2', '--json'], { cwd: dir }));
    expect(show.nominee).toBe('Pat Example');
    expect(show.sharesOwed).toMatchObject({ shares: 1, pence: 100, since: '2024-06-01', payee: 'nominee', nominee: 'Pat Example' });
    const text = (await coop(['member', 'show', '2'], { cwd: dir })).stdout;
    expect(text).toContain('Owed:    1 share (£1.00) since 2024-06-01, to be repaid to their nominee, Pat Example');
    // Nowhere does money still owed read as paid.
    expect(String(text).replace(/to be repaid/g, '')).not.toMatch(/repaid/);

    const status = json(await coop(['status', '--json'], { cwd: dir }));
    expect(status.sharesOwed).toEqual([{ member: 2, name: 'Ben Founder', shares: 1, pence: 100, since: '2024-06-01', payee: 'nominee', nominee: 'Pat Example' }]);
    const statusText = (await coop(['status'], { cwd: dir })).stdout;
    expect(statusText).toContain('Shares to be repaid:\n  member 2 (Ben Founder): 1 share, £1.00, owed since 2024-06-01, to their nominee, Pat Example');

    const check = await coop(['check'], { cwd: dir });
    expect(check.exitCode).toBe(0);
    expect(check.stdout).toContain('Note: member 2 (Ben Founder) is owed £1.00 for shares withdrawn or given up on leaving, the oldest since 2024-06-01');
  });

  it('refuses a payment it cannot be, and records the one that is', async () => {
    const tooMuch = await coop(['shares', 'repay', '2', '--date', '2024-07-01', '--amount', '5'], { cwd: dir });
    expect(tooMuch.exitCode).toBe(1);
    expect(tooMuch.stderr).toMatch(/£5\.00 is more than member 2's 1 share are worth \(£1\.00 at their nominal value\)/);
    const toTheDead = await coop(['shares', 'repay', '2', '--date', '2024-07-01', '--to', 'member'], { cwd: dir });
    expect(toTheDead.stderr).toMatch(/Member 2 \(Ben Founder\) has died: pay their nominee \(--to nominee\) or their personal representatives/);
    const early = await coop(['shares', 'repay', '2', '--date', '2024-05-01'], { cwd: dir });
    expect(early.stderr).toMatch(/was owed nothing for shares on 2024-05-01: the 1 share owed date from 2024-06-01/);
    const nothing = await coop(['shares', 'repay', '4', '--date', '2024-07-01'], { cwd: dir });
    expect(nothing.stderr).toMatch(/Member 4 \(Dee Jones\) is owed nothing for shares: payment is recorded only for shares withdrawn/);

    const paid = await coop(['shares', 'repay', '2', '--date', '2024-07-01'], { cwd: dir });
    expect(paid.exitCode).toBe(0);
    expect(paid.stdout).toContain("Paid £1.00 for member 2's 1 share (Ben Founder) on 2024-07-01, to their nominee, Pat Example; nothing more is owed");
    expect(readLedger(dir).at(-1)).toMatchObject({ date: '2024-07-01', type: 'repay-shares', member: 2, pence: 100, payee: 'nominee' });
    const show = json(await coop(['member', 'show', '2', '--json'], { cwd: dir }));
    expect(show.sharesOwed).toBeNull();
    expect(show.history.at(-1).text).toBe('Paid £1.00 for their shares, to their nominee');
    expect(json(await coop(['status', '--json'], { cwd: dir })).sharesOwed).toEqual([]);
    expect((await coop(['check'], { cwd: dir })).stdout).not.toMatch(/owed/);
    const again = await coop(['shares', 'repay', '2'], { cwd: dir });
    expect(again.stderr).toMatch(/owed nothing for shares: the payment for them was recorded on 2024-07-01/);
  });

  it('without a nominee, the settlement goes to the personal representatives; a smaller payment is recorded as paid', async () => {
    const r = await coop(['member', 'leave', '5', '--reason', 'deceased', '--date', '2024-08-01'], { cwd: dir });
    expect(r.stdout).toContain('No nominee was recorded, so their 1 share (£1.00) goes to their personal representatives');
    const paid = await coop(['shares', 'repay', '5', '--date', '2024-09-01', '--amount', '£0.80', '--json'], { cwd: dir });
    expect(json(paid)).toMatchObject({ member: 5, shares: 1, pence: 80, nominalPence: 100, payee: 'representatives', nominee: null });
  });

  it('a nominee is only for a member who died', async () => {
    const r = await coop(['member', 'leave', '4', '--reason', 'resigned', '--nominee', 'Pat Example', '--date', '2024-08-01'], { cwd: dir });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/--nominee .* give it with --reason deceased/);
  });
});

describe('a nomination outside a registered society', () => {
  it('is refused: s.37 nominations are made to a society', async () => {
    const dir = await fixtureGroup({ kind: 'community-radio', form: 'company-limited-by-guarantee' });
    const r = await coop(['member', 'leave', '3', '--reason', 'deceased', '--nominee', 'Pat Example', '--date', '2024-06-01'], { cwd: dir });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/made to a registered society; this group is a company-limited-by-guarantee: leave out --nominee\. Nothing was changed\./);
  });
});

describe('a death where the rules make shares non-withdrawable', () => {
  it('cancels the shares as the rules say, owing nothing, where it used to refuse', async () => {
    const dir = await fixtureGroup({ tweak: (p) => void (p.shares!.withdrawable = false) });
    const r = await coop(['member', 'leave', '3', '--reason', 'deceased', '--date', '2024-06-01'], { cwd: dir });
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('Their 1 share is cancelled: the rules make shares non-withdrawable, so nothing is paid for them.');
    expect(json(await coop(['status', '--json'], { cwd: dir })).sharesOwed).toEqual([]);
    expect(json(await coop(['check', '--json'], { cwd: dir })).ok).toBe(true);
  });
});

describe('a withdrawal is owed until paid for', () => {
  it('shows as to be repaid, never as repaid, until coop shares repay', async () => {
    const dir = await fixtureGroup({ tweak: (p) => void (p.shares!.maximumHolding = 10) });
    expect((await coop(['shares', 'issue', '1', '4', '--date', '2024-02-01'], { cwd: dir })).exitCode).toBe(0);
    const w = await coop(['shares', 'withdraw', '1', '3', '--date', '2024-03-01'], { cwd: dir });
    expect(w.stdout).toContain('(to be repaid)');
    const show = (await coop(['member', 'show', '1'], { cwd: dir })).stdout;
    expect(show).toContain('Withdrew 3 shares (to be repaid)');
    expect(show).toContain('Owed:    3 shares (£3.00) since 2024-03-01, to be repaid to the member');
    const paid = await coop(['shares', 'repay', '1', '--date', '2024-03-20'], { cwd: dir });
    expect(paid.stdout).toContain("Paid £3.00 for member 1's 3 shares (Ada Founder) on 2024-03-20, to the member");
    expect((await coop(['member', 'show', '1'], { cwd: dir })).stdout).not.toContain('Owed:');
  });
});

describe('a transfer the rules forbid', () => {
  it('says what the rules allow instead', async () => {
    const dir = await fixtureGroup();
    const r = await coop(['shares', 'transfer', '1', '3', '1'], { cwd: dir });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain("The group's rules make shares non-transferable");
    expect(r.stderr).toContain('coop shares withdraw 1 1; the group then owes them the money), and member 3 may take up new shares (coop shares issue 3 1)');
    expect(r.stderr).toContain('coop member leave 1 --reason deceased --nominee "<name>"');
    expect(r.stderr).toMatch(/Nothing was changed\.$/m);
  });
});

describe('a person rejoining', () => {
  it('is told their former number, and gets a new one', async () => {
    const dir = await fixtureGroup();
    expect(String((await coop(['member', 'add', 'Dee Jones', '--joined', '2024-02-01', '--email', 'dee@example.net'], { cwd: dir })).stdout).trim()).toBe('4');
    // Resigned: an expulsion needs its special resolution on record (test/command/meeting-special-business.test.ts rejoins an expelled member).
    expect((await coop(['member', 'leave', '4', '--reason', 'resigned', '--date', '2024-03-01'], { cwd: dir })).exitCode).toBe(0);
    const again = await coop(['member', 'add', 'dee  jones', '--joined', '2024-09-01'], { cwd: dir });
    expect(again.exitCode).toBe(0);
    expect(String(again.stdout).trim()).toBe('5');
    expect(again.stderr).toContain(
      'Note: former member 4 (Dee Jones, left 2024-03-01, resigned) has the same name. If this is them rejoining, their former number was 4; they are member 5 now',
    );
    expect(again.stderr).not.toContain('They were expelled');
    // By a stored contact detail, which is never printed.
    const renamed = await coop(['member', 'add', 'Dee Smith', '--joined', '2024-09-02', '--email', 'DEE@example.net', '--json'], { cwd: dir });
    expect(json(renamed).former).toEqual([{ number: 4, name: 'Dee Jones', left: '2024-03-01', reason: 'resigned', match: 'email' }]);
    const stranger = await coop(['member', 'add', 'Fay Green', '--joined', '2024-09-02'], { cwd: dir });
    expect(stranger.stderr).not.toContain('former member');
  });
});

describe('an empty secretary’s chair and a board too small', () => {
  it('status and check show each, with what to do, without failing check', async () => {
    const dir = await fixtureGroup();
    expect(json(await coop(['check', '--json'], { cwd: dir })).warnings).toBeUndefined();
    expect((await coop(['officer', 'leave', '2', '--role', 'secretary', '--date', '2024-05-01'], { cwd: dir })).exitCode).toBe(0);
    expect((await coop(['member', 'leave', '3', '--reason', 'resigned', '--date', '2024-05-02'], { cwd: dir })).exitCode).toBe(0);
    const status = await coop(['status'], { cwd: dir });
    expect(status.stdout).toContain(
      'Warning: the office of secretary is vacant since 2024-05-01 (member 2 left the office): the board appoints one with coop officer appoint <number> --role secretary.',
    );
    expect(status.stdout).toContain("Warning: the board has 2 members, fewer than the rules' minimum of 3 (coop.yml board.minSize): admit members (coop member add).");
    const check = await coop(['check'], { cwd: dir });
    expect(check.exitCode).toBe(0);
    expect(check.stdout).toContain('Warning: the office of secretary is vacant');
    expect(json(await coop(['check', '--json'], { cwd: dir })).warnings).toHaveLength(2);
    expect((await coop(['officer', 'appoint', '1', '--role', 'secretary', '--date', '2024-05-03'], { cwd: dir })).exitCode).toBe(0);
    expect(json(await coop(['status', '--json'], { cwd: dir })).warnings).toEqual([expect.stringMatching(/board has 2 members/)]);
  });
});
