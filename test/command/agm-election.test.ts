// The AGM of a company with an elected board retiring by rotation, through the built CLI: the
// retiring directors named from the register, nominations, a contested count with a tie at the
// last seat decided by lot, the minutes, the register of officers the day after, coop check.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { coop } from '../support/cli.js';
import { addMembers, companyGroup } from '../support/meeting-group.js';
import { gitStatus, json, lastCommitMessage } from '../support/register.js';

describe('an AGM electing the board', { timeout: 180_000 }, () => {
  it('names who retires, counts a contested election with a tie at the last seat, and changes the register in the closing commit', async () => {
    const dir = await companyGroup(0);
    await addMembers(
      dir,
      [4, 5, 6, 7, 8, 9].map((n) => ({ name: `Member ${n}`, joined: '2024-02-01' })),
    );
    const run = async (args: string[]) => {
      const r = await coop(args, { cwd: dir });
      expect(r.stderr, args.join(' ')).toBe('');
      expect(r.exitCode).toBe(0);
      return r;
    };
    for (const [n, date] of [
      ['1', '2024-03-01'],
      ['2', '2024-03-01'],
      ['3', '2024-06-01'],
      ['4', '2025-01-10'],
      ['5', '2025-01-10'],
      ['6', '2025-01-10'],
    ]) {
      await run(['officer', 'appoint', n!, '--role', 'director', '--date', date!]);
    }
    await run(['meeting', 'new', 'agm', '--date', '2026-06-10', '--time', '18:30', '--place', 'Community Hall', '--notice-date', '2026-05-20']);
    const agenda = readFileSync(join(dir, 'meetings/2026-06-10-agm/agenda.md'), 'utf8');
    expect(agenda).toMatch(/Ada Founder \(member 1, in office since 1 March 2024\)/);
    expect(agenda).toMatch(/Ben Founder \(member 2, in office since 1 March 2024\)/);
    expect(agenda).not.toMatch(/Cai Founder \(member 3/);

    const nominated = json(await run(['meeting', 'nominate', '2026-06-10', '7', '--proposer', '4', '--seconder', '5', '--date', '2026-06-01', '--json']));
    expect(nominated.retiring.map((r: { member: number }) => r.member)).toEqual([1, 2]);
    await run(['meeting', 'nominate', '2026-06-10', '8', '--proposer', '6', '--seconder', '9', '--date', '2026-06-02']);
    await run(['meeting', 'nominate', '2026-06-10', '1', '--date', '2026-06-03']);
    await run(['meeting', 'nominate', '2026-06-10', '2', '--date', '2026-06-03']);
    const sitting = await coop(['meeting', 'nominate', '2026-06-10', '3'], { cwd: dir });
    expect(sitting.stderr).toMatch(/they are on the board until a later AGM/);

    await run(['meeting', 'attend', '2026-06-10', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    const tied = await coop(['meeting', 'elect', '2026-06-10', '--seats', '3', '--votes', '1=8,7=7,2=5,8=5'], { cwd: dir });
    expect(tied.exitCode).toBe(1);
    expect(tied.stderr).toMatch(/Candidates 2 \(Ben Founder\), 8 \(Member 8\) tie with 5 votes for the last seat\. The rules decide it by drawing lots/);
    const tooMany = await coop(['meeting', 'elect', '2026-06-10', '--seats', '3', '--votes', '1=9,7=9,2=9,8=1'], { cwd: dir });
    expect(tooMany.stderr).toMatch(/28 votes in all is more than the 9 voters could cast, each voting for up to 3 candidates/);
    await run(['meeting', 'elect', '2026-06-10', '--seats', '3', '--votes', '1=8,7=7,2=5,8=5', '--tie-break', '8']);

    const closed = json(await run(['meeting', 'close', '2026-06-10', '--json']));
    expect(closed.elections).toEqual([
      {
        seats: 3,
        candidates: [
          { member: 1, name: 'Ada Founder', votes: 8, elected: true },
          { member: 7, name: 'Member 7', votes: 7, elected: true },
          { member: 2, name: 'Ben Founder', votes: 5, elected: false },
          { member: 8, name: 'Member 8', votes: 5, elected: true },
        ],
      },
    ]);
    expect(await lastCommitMessage(dir)).toMatch(/^Close the AGM on 10 June 2026: quorate, .*board elected$/);
    expect(await gitStatus(dir)).toBe('');
    const minutes = readFileSync(join(dir, 'meetings/2026-06-10-agm/minutes.md'), 'utf8');
    expect(minutes).toMatch(/## Election of the board/);
    expect(minutes).toMatch(/- 2 Ben Founder, in office since 1 March 2024: by rotation/);
    expect(minutes).toMatch(/\| 7 \| Member 7 \| Member 4 \(member 4\) \| Member 5 \(member 5\) \| 7 \| elected \|/);
    expect(minutes).toMatch(/\| 2 \| Ben Founder \| — \| — \| 5 \| not elected \|/);
    expect(minutes).toMatch(/Candidates 2, 8 had equal votes for the last seat; lots were drawn, as the rules say, and member 8 was elected\./);
    expect(minutes).toMatch(/The board has 7 members from the date of this meeting/);

    const board = (asOf: string) =>
      coop(['register', '--as-of', asOf, '--json'], { cwd: dir }).then((r) => json(r).board.map((b: { member: number; since: string }) => [b.member, b.since]));
    expect(await board('2026-06-09')).toEqual([
      [1, '2024-03-01'],
      [2, '2024-03-01'],
      [3, '2024-06-01'],
      [4, '2025-01-10'],
      [5, '2025-01-10'],
      [6, '2025-01-10'],
    ]);
    expect(await board('2026-06-11')).toEqual([
      [1, '2026-06-10'],
      [3, '2024-06-01'],
      [4, '2025-01-10'],
      [5, '2025-01-10'],
      [6, '2025-01-10'],
      [7, '2026-06-10'],
      [8, '2026-06-10'],
    ]);
    const check = await coop(['check'], { cwd: dir });
    expect(check.stdout).toBe('');
    expect(check.stderr).toBe('');
    expect(check.exitCode).toBe(0);
  });
});
