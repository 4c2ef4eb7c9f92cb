// Changing the rules through the built CLI, as a secretary would: a society lowers its quorum
// (proposed, put to the AGM in full, passed at 75%, registered); meetings either side of the
// registration date use the quorum then in force; a company's filing deadline shows until
// filed; what the law forbids is refused with nothing written.

import { beforeAll, describe, expect, it } from 'vitest';
import { escapeMarkdown } from '../../src/io/render.js';
import { coop, existsSync, git, join, read } from '../support/cli.js';
import { fixtureGroup } from '../support/fixture-group.js';
import { addMembers, companyGroup } from '../support/meeting-group.js';

const json = <T>(stdout: unknown) => JSON.parse(String(stdout)) as T;
const call = (type: string, date: string, noticeDate: string, more: string[] = []) => [
  'meeting',
  'new',
  type,
  '--date',
  date,
  '--time',
  '18:30',
  '--place',
  'Hall',
  '--notice-date',
  noticeDate,
  '--json',
  ...more,
];

describe('a society lowers its quorum', { timeout: 180_000 }, () => {
  let dir = '';
  let id = '';
  let resolution = '';
  beforeAll(async () => {
    dir = await fixtureGroup();
    await addMembers(
      dir,
      Array.from({ length: 17 }, (_, i) => ({ name: `Member ${i + 4}`, joined: '2024-02-01' })),
      1,
    ); // 20 members
  });

  it('proposes the amendment: its papers, and nothing in force changes', async () => {
    const r = await coop(['rules', 'amend', '--quorum-members', '2', '--quorum-percent', '10%', '--date', '2025-03-01', '--json'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
    const out = json<{ id: string; folder: string; resolution: string; changes: unknown[] }>(r.stdout);
    id = out.id;
    resolution = out.resolution;
    expect(out.folder).toBe(`amendments/${id}`);
    expect(id).toMatch(/^2025-03-01-quorum-/);
    const folder = join(dir, out.folder);
    for (const f of ['RULES.md', 'schedule.md', 'resolution.md', 'filing.md']) expect(existsSync(join(folder, f)), f).toBe(true);
    const schedule = read(join(folder, 'schedule.md'));
    expect(schedule).toContain('**Current wording:**');
    expect(schedule).toContain('3 members or 25% of the members');
    expect(schedule).toContain('2 members or 10% of the members');
    expect(read(join(folder, 'RULES.md'))).toContain('2 members or 10% of the members');
    expect(read(join(folder, 'filing.md'))).toContain('Co-operative and Community Benefit Societies Act 2014, section 16');
    expect(read(join(dir, 'coop.yml'))).toContain('percent: 25%');
    expect(await git(dir, ['status', '--porcelain'])).toBe('');
  });

  it('puts the special resolution on the AGM notice in full; passed at 75%', async () => {
    const called = await coop(call('agm', '2025-04-10', '2025-03-10', ['--amendment', id]), { cwd: dir });
    expect(called.exitCode).toBe(0);
    expect(json<{ quorum: { required: number } }>(called.stdout).quorum.required).toBe(5);
    const notice = read(join(dir, 'meetings', '2025-04-10-agm', 'notice.md'));
    expect(notice).toContain(`**Special resolution (in full):** “${escapeMarkdown(resolution)}”`);
    expect(resolution).toContain('2 members or 10% of the members');

    await coop(['meeting', 'attend', '2025-04-10', ...Array.from({ length: 16 }, (_, i) => String(i + 1))], { cwd: dir });
    await coop(['meeting', 'vote', '2025-04-10', '1', '--for', '12', '--against', '4'], { cwd: dir });
    const closed = await coop(['meeting', 'close', '2025-04-10'], { cwd: dir });
    expect(closed.exitCode).toBe(0);
    expect(closed.stderr).toContain(`Amendment ${id} was passed`);
    const status = json<{ rules: { what: string }[] }>((await coop(['status', '--json'], { cwd: dir })).stdout);
    expect(status.rules.map((r) => r.what).join('\n')).toContain('no effect until the FCA registers it');
    expect(read(join(dir, 'coop.yml'))).toContain('percent: 25%');
  });

  it('registered on a date: coop.yml and the rules change in one commit, the old rules kept', async () => {
    const r = await coop(['rules', 'registered', id, '--date', '2025-05-01'], { cwd: dir });
    expect(r.exitCode).toBe(0);
    const files = (await git(dir, ['show', '--name-only', '--format=', 'HEAD'])).split('\n').filter(Boolean).sort();
    expect(files).toEqual(['RULES.md', 'amendments/events.jsonl', `amendments/${id}/RULES-superseded-2025-05-01.md`, 'coop.yml'].sort());
    const yml = read(join(dir, 'coop.yml'));
    expect(yml).toMatch(/percent: 10%/);
    expect(yml).toMatch(/quorum:\s+members: 2/);
    expect(read(join(dir, 'RULES.md'))).toContain('2 members or 10% of the members');
    const list = json<{ id: string; status: string; effective: string }[]>((await coop(['rules', 'list', '--json'], { cwd: dir })).stdout);
    expect(list).toMatchObject([{ id, status: 'in force', effective: '2025-05-01' }]);
    expect((await coop(['check'], { cwd: dir })).exitCode).toBe(0);
  });

  it('a meeting dated before registration uses the old quorum, one after it the new', async () => {
    const before = await coop(call('general', '2025-04-30', '2025-04-01'), { cwd: dir });
    const after = await coop(call('general', '2025-06-10', '2025-05-10'), { cwd: dir });
    expect(json<{ quorum: { required: number } }>(before.stdout).quorum.required).toBe(5);
    expect(json<{ quorum: { required: number } }>(after.stdout).quorum.required).toBe(2);
  });

  it('check reports a rules change edited into coop.yml, with the command that makes it lawful', async () => {
    const { writeFileSync } = await import('node:fs');
    const yml = read(join(dir, 'coop.yml'));
    writeFileSync(join(dir, 'coop.yml'), yml.replace('noticeClearDays: 14', 'noticeClearDays: 10'));
    const r = await coop(['check'], { cwd: dir });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('coop rules amend --notice-days 10');
    writeFileSync(join(dir, 'coop.yml'), yml);
  });
});

describe('a company amends its articles', { timeout: 120_000 }, () => {
  it('shows the 15-day filing deadline until filed; refuses what the law forbids', async () => {
    const dir = await companyGroup(0);
    const refused = await coop(['rules', 'amend', '--notice-days', '10'], { cwd: dir });
    expect(refused.exitCode).toBe(1);
    expect(refused.stderr).toContain('s.307');
    expect(refused.stderr).toContain('Nothing was changed.');
    expect(existsSync(join(dir, 'amendments'))).toBe(false);

    const id = json<{ id: string }>((await coop(['rules', 'amend', '--notice-days', '21', '--date', '2025-03-01', '--json'], { cwd: dir })).stdout).id;
    expect(read(join(dir, 'amendments', id, 'filing.md'))).toContain('Within **15 days**');
    await coop(call('general', '2025-04-10', '2025-03-10', ['--amendment', id]), { cwd: dir });
    await coop(['meeting', 'attend', '2025-04-10', '1', '2', '3'], { cwd: dir });
    await coop(['meeting', 'vote', '2025-04-10', '1', '--for', '3', '--against', '0'], { cwd: dir });
    await coop(['meeting', 'close', '2025-04-10'], { cwd: dir });
    const due = json<{ rules: { due: string | null; next: string }[] }>((await coop(['status', '--json'], { cwd: dir })).stdout).rules;
    expect(due).toMatchObject([{ due: '2025-04-25', next: `coop rules filed ${id} --date YYYY-MM-DD` }]);
    expect((await coop(['status'], { cwd: dir })).stdout).toContain(`2025-04-25  File amendment ${id} at Companies House`);
    const wrongVerb = await coop(['rules', 'registered', id, '--date', '2025-04-20'], { cwd: dir });
    expect(wrongVerb.exitCode).toBe(2);
    expect((await coop(['rules', 'filed', id, '--date', '2025-04-20'], { cwd: dir })).exitCode).toBe(0);
    expect(json<{ rules: unknown[] }>((await coop(['status', '--json'], { cwd: dir })).stdout).rules).toEqual([]);
    expect(read(join(dir, 'coop.yml'))).toContain('noticeClearDays: 21');
  });

  it('refuses to remove a CIC’s asset lock, writing nothing', async () => {
    const dir = await companyGroup(0, {
      form: 'cic',
      tweak: (p) => {
        p.group.name = 'Fixture Radio CIC';
      },
    });
    const r = await coop(['rules', 'amend', '--dissolution', 'similar-body'], { cwd: dir });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('asset-lock');
    expect(await git(dir, ['status', '--porcelain'])).toBe('');
  });
});
