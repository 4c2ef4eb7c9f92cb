// Written resolutions through the built CLI: a company's special resolution at exactly 75% of
// the eligible members, one short of it lapsing after 28 days, and a removal refused.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { coop, git } from '../support/cli.js';
import { addMembers, companyGroup } from '../support/meeting-group.js';
import { gitStatus, json, lastCommitMessage } from '../support/register.js';

describe('coop resolution (a company of 8 members)', { timeout: 180_000 }, () => {
  let dir: string;
  beforeAll(async () => {
    dir = await companyGroup(5, { founded: '2024-01-15' });
    // Member 9 joins after the first resolution goes out: not eligible to agree to it.
    await addMembers(dir, [{ name: 'Late Joiner', joined: '2026-03-05' }]);
  });

  it('a special resolution signed by exactly 75% passes on the day of the last needed signature', async () => {
    const proposed = await coop(['resolution', 'propose', 'special', 'That the articles be amended as circulated.', '--date', '2026-03-01', '--json'], { cwd: dir });
    expect(proposed.stderr).toBe('');
    const p = json(proposed);
    expect(p).toMatchObject({ id: 1, kind: 'special', circulated: '2026-03-01', lapses: '2026-03-28', eligible: 8, required: 6, agreed: 0, passedOn: null });
    expect(p.forms).toHaveLength(8);
    expect(readFileSync(join(dir, 'resolutions/001/forms/member-4.md'), 'utf8')).toMatch(
      /I, Member 4 \(member 4\), agree to the following special resolution, circulated on 1 March 2026/,
    );
    expect(readFileSync(join(dir, 'resolutions/001/resolution.md'), 'utf8')).toMatch(
      /passes on the day 6 of the 8 members entitled to vote on 1 March 2026 have agreed: three quarters \(75%\) of all the members entitled to agree \(Companies Act 2006, section 283\(2\)\)/,
    );
    expect(await lastCommitMessage(dir)).toBe('Circulate written special resolution 1: That the articles be amended as circulated.');

    const late = await coop(['resolution', 'sign', '1', '9', '--date', '2026-03-06'], { cwd: dir });
    expect(late.exitCode).toBe(1);
    expect(late.stderr).toMatch(/member 9 \(Late Joiner\) was not a member entitled to agree on 1 March 2026/);

    expect(json(await coop(['resolution', 'sign', '1', '1', '2', '3', '--date', '2026-03-04', '--json'], { cwd: dir }))).toMatchObject({ agreed: 3, required: 6, passedOn: null });
    expect(await lastCommitMessage(dir)).toBe('Written special resolution 1: agreement of members 1, 2, 3 (3 of 6 needed)');
    // Agreements recorded late, out of order: the day it passed is the day the sixth came.
    await coop(['resolution', 'sign', '1', '4', '5', '--date', '2026-03-10'], { cwd: dir });
    const signed = json(await coop(['resolution', 'sign', '1', '6', '--date', '2026-03-12', '--json'], { cwd: dir }));
    expect(signed).toMatchObject({ agreed: 6, required: 6, state: 'passed', passedOn: '2026-03-12', minutes: 'resolutions/001/minutes.md' });
    expect(await lastCommitMessage(dir)).toBe('Written special resolution 1 passed on 2026-03-12: agreement of member 6');
    const minutes = readFileSync(join(dir, 'resolutions/001/minutes.md'), 'utf8');
    expect(minutes).toMatch(/was \*\*passed\*\* on 12 March 2026/);
    expect(minutes).toMatch(/\| 6 \| Member 6 \| 12 March 2026 \|/);
    expect(await gitStatus(dir)).toBe('');

    const status = json(await coop(['resolution', 'status', '1', '--json'], { cwd: dir }));
    expect(status).toEqual({
      id: 1,
      kind: 'special',
      text: 'That the articles be amended as circulated.',
      circulated: '2026-03-01',
      lapses: '2026-03-28',
      eligible: 8,
      agreed: 6,
      required: 6,
      state: 'passed',
      passedOn: '2026-03-12',
    });
    const after = await coop(['resolution', 'sign', '1', '7', '--date', '2026-03-13'], { cwd: dir });
    expect(after.stderr).toMatch(/it passed on 12 March 2026/);
  });

  it('one short of 75% lapses after 28 days, and agreement after that is refused', async () => {
    const p = json(await coop(['resolution', 'propose', 'special', 'That the company change its name.', '--date', '2026-04-01', '--json'], { cwd: dir }));
    expect(p).toMatchObject({ id: 2, eligible: 9, required: 7, lapses: '2026-04-28' });
    await coop(['resolution', 'sign', '2', '1', '2', '3', '4', '5', '6', '--date', '2026-04-28'], { cwd: dir });
    const tooLate = await coop(['resolution', 'sign', '2', '7', '--date', '2026-04-29'], { cwd: dir });
    expect(tooLate.exitCode).toBe(1);
    expect(tooLate.stderr).toMatch(/it lapsed at the end of 28 April 2026, and agreement received after that does not count \(Companies Act 2006, section 297\(2\)\)/);
    expect(json(await coop(['resolution', 'status', '2', '--json'], { cwd: dir }))).toMatchObject({ agreed: 6, required: 7, state: 'lapsed', passedOn: null });
    expect(existsSync(join(dir, 'resolutions/002/minutes.md'))).toBe(false);
    const list = json(await coop(['resolution', 'status', '--json'], { cwd: dir }));
    expect(list.map((r: { id: number; state: string }) => [r.id, r.state])).toEqual([
      [1, 'passed'],
      [2, 'lapsed'],
    ]);
  });

  it('a member who left after circulation cannot agree, and still counts among the eligible', async () => {
    const p = json(await coop(['resolution', 'propose', 'ordinary', 'That the accounts be received.', '--date', '2026-05-01', '--json'], { cwd: dir }));
    expect(p).toMatchObject({ eligible: 9, required: 5 });
    expect((await coop(['member', 'leave', '8', '--date', '2026-05-03', '--reason', 'resigned'], { cwd: dir })).exitCode).toBe(0);
    const r = await coop(['resolution', 'sign', String(p.id), '8', '--date', '2026-05-04'], { cwd: dir });
    expect(r.stderr).toMatch(/member 8 \(Member 8\) left on 3 May 2026, before this agreement was received; they still count among the 9 entitled to agree/);
  });

  it('refuses a written resolution to remove a director, with the reason, changing nothing', async () => {
    const head = await git(dir, ['rev-parse', 'HEAD']);
    const r = await coop(['resolution', 'propose', 'ordinary', 'That Ben Founder be removed as a director.', '--remove-director', '2'], { cwd: dir });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/cannot be passed in writing: the Act does not allow it \(Companies Act 2006, section 288\(2\)\)/);
    expect(r.stderr).toMatch(/Nothing was changed/);
    expect(await git(dir, ['rev-parse', 'HEAD'])).toBe(head);
    expect((await coop(['check'], { cwd: dir })).stdout).toBe('');
  });
});
