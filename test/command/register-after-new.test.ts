import { describe, expect, it } from 'vitest';
import { FIXTURES, coop, foundGroup, git, join } from '../support/cli.js';
import { json } from '../support/register.js';

describe('the register in a group made by coop new', () => {
  it('import the shared spreadsheet, record a year of changes, and the register, check and status agree', async () => {
    const dir = await foundGroup(['--founded', '2021-01-01', '--max-shares', '10']);
    const steps: string[][] = [
      ['member', 'import', join(FIXTURES, 'members-spreadsheet.csv')],
      ['shares', 'issue', '4', '2', '--date', '2023-01-10'],
      ['member', 'leave', '5', '--date', '2024-03-31', '--reason', 'resigned'],
      ['officer', 'leave', '2', '--role', 'secretary', '--date', '2024-05-31'],
      ['officer', 'appoint', '9', '--role', 'secretary', '--date', '2024-06-01'],
      ['member', 'add', 'Kai Newcomer', '--joined', '2024-07-01', '--email', 'kai@riverside-mail.co.uk'],
    ];
    for (const step of steps) {
      const r = await coop(step, { cwd: dir });
      expect(r.exitCode, `${step.join(' ')}\n${r.stderr}`).toBe(0);
    }
    const check = await coop(['check'], { cwd: dir });
    expect([check.exitCode, check.stderr]).toEqual([0, '']);
    expect(await git(dir, ['log', '--format=%s', '-6'])).toBe(
      [
        'Admit member 11: Kai Newcomer',
        'Appoint member 9 as secretary',
        'Member 2 left the office of secretary',
        'Member 5 left (resigned)',
        'Issue 2 shares to member 4',
        'Import 7 members from members-spreadsheet.csv',
      ].join('\n'),
    );
    const reg2023 = json(await coop(['register', '--as-of', '2023-12-31', '--json'], { cwd: dir }));
    // Tom Baker joined in January 2024.
    expect(reg2023.members).toHaveLength(9);
    expect(reg2023.members.find((m: { number: number }) => m.number === 4)).toMatchObject({ name: 'Siân Lloyd-Jones', shares: 3, paidPence: 300 });
    const status = json(await coop(['status', '--json'], { cwd: dir }));
    expect(status).toMatchObject({ members: 10, shares: 17, shareCapital: 1700 });
    expect(status.officers.find((o: { role: string }) => o.role === 'secretary')).toMatchObject({ member: 9, name: 'Priya Sharma', since: '2024-06-01' });
  });
});
