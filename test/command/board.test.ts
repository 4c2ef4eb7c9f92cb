// A real board: many directors (board members, committee members) within the rules' sizes,
// co-opted seats up to the rules' limit, and the register showing the board beside the offices.

import { beforeAll, describe, expect, it } from 'vitest';
import { coop } from '../support/cli.js';
import { fixtureGroup } from '../support/fixture-group.js';
import { addMembers } from '../support/meeting-group.js';
import { gitStatus, json, lastCommitMessage } from '../support/register.js';

describe('coop officer appoint --role director', { timeout: 180_000 }, () => {
  let dir: string;
  beforeAll(async () => {
    // A company of 7 members whose rules allow a board of 3 to 5, with at most 1 co-opted.
    dir = await fixtureGroup({
      kind: 'community-radio',
      form: 'company-limited-by-guarantee',
      tweak: (p) => Object.assign(p.board, { minSize: 3, maxSize: 5, coOptedMax: 1 }),
    });
    await addMembers(
      dir,
      [4, 5, 6, 7].map((n) => ({ name: `Member ${n}`, joined: '2024-02-01' })),
    );
  });

  it('seats several directors, co-opts up to the limit, refuses past the limits, and the register shows the board', async () => {
    for (const n of ['1', '2', '3', '4']) {
      const r = await coop(['officer', 'appoint', n, '--role', 'director', '--date', '2024-03-01', '--json'], { cwd: dir });
      expect(r.stderr).toBe('');
      expect(json(r)).toMatchObject({ member: Number(n), role: 'director', date: '2024-03-01' });
    }
    expect(await lastCommitMessage(dir)).toBe('Appoint member 4 as director');
    const coOpted = await coop(['officer', 'appoint', '5', '--role', 'Director', '--co-opted', '--date', '2024-04-01', '--json'], { cwd: dir });
    expect(json(coOpted)).toMatchObject({ member: 5, role: 'co-opted-director' });

    const full = await coop(['officer', 'appoint', '6', '--role', 'director', '--date', '2024-04-02'], { cwd: dir });
    expect(full.exitCode).toBe(1);
    expect(full.stderr).toMatch(/the board would have 6 members, more than the rules' maximum of 5/);
    expect(full.stderr).toMatch(/Nothing was changed/);
    expect(await gitStatus(dir)).toBe('');

    const again = await coop(['officer', 'appoint', '2', '--role', 'director', '--date', '2024-04-02'], { cwd: dir });
    expect(again.stderr).toMatch(/member 2 is already director/);

    // Member 4 leaves the board; a second co-option is still over the limit of 1.
    expect((await coop(['officer', 'leave', '4', '--role', 'director', '--date', '2024-05-01'], { cwd: dir })).exitCode).toBe(0);
    const second = await coop(['officer', 'appoint', '6', '--role', 'director', '--co-opted', '--date', '2024-05-02'], { cwd: dir });
    expect(second.stderr).toMatch(/2 co-opted members, more than the rules' limit of 1/);

    const office = await coop(['officer', 'appoint', '6', '--role', 'secretary', '--co-opted'], { cwd: dir });
    expect(office.exitCode).toBe(2);
    expect(office.stderr).toMatch(/--co-opted is for a seat on the board/);

    const register = json(await coop(['register', '--as-of', '2024-05-01', '--json'], { cwd: dir }));
    expect(register.board).toEqual([
      { member: 1, name: 'Ada Founder', since: '2024-03-01', coOpted: false, offices: ['chair'] },
      { member: 2, name: 'Ben Founder', since: '2024-03-01', coOpted: false, offices: ['secretary'] },
      { member: 3, name: 'Cai Founder', since: '2024-03-01', coOpted: false, offices: ['treasurer'] },
      { member: 5, name: 'Member 5', since: '2024-04-01', coOpted: true, offices: [] },
    ]);
    const md = (await coop(['register', '--as-of', '2024-04-15'], { cwd: dir })).stdout;
    expect(md).toMatch(/## Board\n\n5 on 15 April 2024\./);
    expect(md).toMatch(/\| Member 5 \| 5 \| 2024-04-01 \| co-opted \| {3}\|/);
    expect((await coop(['check'], { cwd: dir })).stdout).toBe('');
  });

  it('refuses a board seat where every member is on the board', async () => {
    const worker = await fixtureGroup();
    const r = await coop(['officer', 'appoint', '1', '--role', 'board member'], { cwd: worker });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/every member is on the board under the rules/);
  });
});
