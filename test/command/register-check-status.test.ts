import { appendFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { coop, git, join, read } from '../support/cli.js';
import { fixtureGroup } from '../support/fixture-group.js';
import { json } from '../support/register.js';

describe('coop register', () => {
  it('as at several dates, in Markdown, CSV and JSON', async () => {
    const dir = await fixtureGroup();
    await coop(['member', 'add', 'Dee *Star*', '--joined', '2024-06-01'], { cwd: dir });
    await coop(['member', 'leave', '2', '--date', '2025-01-31', '--reason', 'resigned'], { cwd: dir });
    await coop(['officer', 'appoint', '4', '--role', 'secretary', '--date', '2025-02-01'], { cwd: dir });

    const at = async (date: string) => json(await coop(['register', '--as-of', date, '--format', 'json'], { cwd: dir }));
    const early = await at('2024-03-01');
    expect(early.members.map((m: { number: number }) => m.number)).toEqual([1, 2, 3]);
    expect(early.officers.map((o: { member: number; role: string; to: string | null }) => [o.member, o.role, o.to])).toEqual([
      [1, 'chair', null],
      [2, 'secretary', null],
      [3, 'treasurer', null],
    ]);
    const later = await at('2025-06-01');
    expect(later.members.find((m: { number: number }) => m.number === 2)).toMatchObject({ left: '2025-01-31', leftReason: 'resigned', shares: 0 });
    expect(later.members.find((m: { number: number }) => m.number === 4)).toMatchObject({ joined: '2024-06-01', shares: 1, paidPence: 100 });
    expect(later.officers.filter((o: { role: string }) => o.role === 'secretary').map((o: { member: number; to: string | null }) => [o.member, o.to])).toEqual([
      [2, '2025-01-31'],
      [4, null],
    ]);

    const md = await coop(['register', '--as-of', '2025-06-01'], { cwd: dir });
    expect(md.stdout).toMatch(/^# Register of members and officers: Fixture Group Limited/);
    expect(md.stdout).toContain('As at 1 June 2025');
    expect(md.stdout).toContain('Dee \\*Star\\*');
    const csv = parse(String((await coop(['register', '--format', 'csv'], { cwd: dir })).stdout), { bom: true, relax_column_count: true, skip_empty_lines: true }) as string[][];
    expect(csv[0]!.slice(0, 4)).toEqual(['Membership number', 'Name', 'Date entered', 'Date ceased']);
    expect(csv.some((row) => row[0] === 'Officer')).toBe(true);
  });

  it('--with-contacts joins the private store back in; without it no contact appears', async () => {
    const dir = await fixtureGroup();
    await coop(['member', 'update', '1', '--email', 'ada@example.org', '--address', '1 Analytical Row, London'], { cwd: dir });
    expect((await coop(['register'], { cwd: dir })).stdout).not.toContain('ada@example.org');
    const withContacts = json(await coop(['register', '--with-contacts', '--json'], { cwd: dir }));
    expect(withContacts.members[0]).toMatchObject({ email: 'ada@example.org', address: '1 Analytical Row, London' });
  });
});

describe('coop check', () => {
  it('is silent with exit 0 when all is well', async () => {
    const dir = await fixtureGroup();
    await coop(['member', 'add', 'Dee', '--email', 'dee@example.org'], { cwd: dir });
    const r = await coop(['check'], { cwd: dir });
    expect([r.exitCode, r.stdout, r.stderr]).toEqual([0, '', '']);
    expect(json(await coop(['check', '--json'], { cwd: dir }))).toEqual({ ok: true, problems: [] });
  });

  it('finds a hand-edited bad line and a rule broken by hand, each with its line', async () => {
    const dir = await fixtureGroup();
    appendFileSync(
      join(dir, 'register', 'ledger.jsonl'),
      '{"seq":7,"date":"2024-02-30","type":"admit","member":4,"name":"X","shares":1}\n{"seq":8,"date":"2024-03-01","type":"issue","member":1,"shares":3}\n',
    );
    const r = await coop(['check'], { cwd: dir });
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/register\/ledger\.jsonl:7: has an invalid date "2024-02-30"/);
    expect(r.stderr).toMatch(/register\/ledger\.jsonl:8: member 1 would hold 4 shares, above the rules' maximum of 1/);
    const out = json(await coop(['check', '--json'], { cwd: dir }));
    expect(out.ok).toBe(false);
    expect(out.problems.map((p: { where: string }) => p.where)).toEqual(['register/ledger.jsonl:7', 'register/ledger.jsonl:8']);
  });

  it('finds coop.yml problems by line', async () => {
    const dir = await fixtureGroup();
    const yml = read(join(dir, 'coop.yml')).replace(/noticeClearDays: 14/, 'noticeClearDays: many');
    writeFileSync(join(dir, 'coop.yml'), yml);
    const r = await coop(['check', '--json'], { cwd: dir });
    expect(r.exitCode).toBe(1);
    const line = yml.split('\n').findIndex((l) => l.includes('noticeClearDays')) + 1;
    expect(json(r).problems[0].where).toBe(`coop.yml:${line}`);
  });

  it('fails when a tracked file holds a stored contact value, without repeating the value', async () => {
    const dir = await fixtureGroup();
    await coop(['member', 'add', 'Dee', '--email', 'dee.jones@riverside-mail.co.uk', '--phone', '07700 900123'], { cwd: dir });
    writeFileSync(join(dir, 'minutes.md'), '# Minutes\n\nPresent: Dee\nContact: Dee.Jones@Riverside-Mail.co.uk\nPhone 07700900123\n');
    await git(dir, ['add', 'minutes.md']);
    const r = await coop(['check'], { cwd: dir });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/minutes\.md:4: contains the email address of member 4/);
    expect(r.stderr).toMatch(/minutes\.md:5: contains the phone number of member 4/);
    expect(r.stderr).not.toMatch(/dee\.jones@/i);
  });

  it('does not look for addresses at domains reserved for examples, such as the one in the group README', async () => {
    const dir = await fixtureGroup();
    await coop(['member', 'add', 'Priya', '--email', 'priya@example.org'], { cwd: dir });
    writeFileSync(join(dir, 'README.md'), 'coop member add "Priya Sharma" --email priya@example.org\n');
    await git(dir, ['add', 'README.md']);
    expect((await coop(['check'], { cwd: dir })).exitCode).toBe(0);
  });

  it('fails when .gitignore no longer keeps private/ out of git', async () => {
    const dir = await fixtureGroup();
    writeFileSync(join(dir, '.gitignore'), '/.coop/\n');
    const r = await coop(['check', '--json'], { cwd: dir });
    expect(r.exitCode).toBe(1);
    expect(json(r).problems).toEqual([expect.objectContaining({ where: '.gitignore' })]);
    const add = await coop(['member', 'add', 'Dee', '--email', 'dee@example.org'], { cwd: dir });
    expect(add.exitCode).toBe(1);
    expect(add.stderr).toMatch(/does not ignore private\/contacts\.jsonl/);
  });

  it('refuses contact details once .gitignore no longer keeps private/ out, with the store already there (git status lists it untracked)', async () => {
    const dir = await fixtureGroup();
    expect((await coop(['member', 'add', 'Priya', '--email', 'priya@example.org'], { cwd: dir })).exitCode).toBe(0);
    writeFileSync(join(dir, '.gitignore'), '/.coop/\n');
    await git(dir, ['commit', '-qam', 'Stop ignoring private/']);
    const add = await coop(['member', 'add', 'Dee', '--email', 'dee@example.org'], { cwd: dir });
    expect(add.exitCode).toBe(1);
    expect(add.stderr).toMatch(/does not ignore private\/contacts\.jsonl/);
    expect(read(join(dir, 'private', 'contacts.jsonl'))).not.toContain('dee@');
  });
});

describe('coop status', () => {
  it('--json has the documented fields, share capital in pence', async () => {
    const dir = await fixtureGroup({ tweak: (p) => Object.assign(p.shares!, { maximumHolding: 10 }) });
    await coop(['shares', 'issue', '1', '4', '--date', '2024-02-01'], { cwd: dir });
    const s = json(await coop(['status', '--json'], { cwd: dir }));
    expect(s).toMatchObject({
      name: 'Fixture Group Limited',
      kind: 'worker-coop',
      form: 'co-operative-society',
      jurisdiction: 'england-wales',
      members: 3,
      shares: 7,
      shareCapital: 700,
      registerProblems: 0,
    });
    expect(s.officers.map((o: { role: string; member: number }) => [o.role, o.member])).toEqual([
      ['chair', 1],
      ['secretary', 2],
      ['treasurer', 3],
    ]);
    const whats = s.deadlines.map((d: { what: string }) => d.what);
    expect(whats.some((w: string) => w.startsWith('Annual general meeting'))).toBe(true);
    expect(whats.some((w: string) => w.startsWith('Annual return and accounts to the FCA'))).toBe(true);
    const dues = s.deadlines.map((d: { due: string }) => d.due);
    expect([...dues].sort()).toEqual(dues);
    // Filings are shown from the next not yet due; the AGM (none held since founding in 2024) is overdue.
    for (const d of s.deadlines) expect(d.overdue).toBe(d.due < s.today);
    expect(s.deadlines.find((d: { what: string }) => d.what === 'Annual general meeting')).toMatchObject({ due: '2025-09-30', overdue: true });
  });

  it('a company’s deadlines are Companies House’s', async () => {
    const dir = await fixtureGroup({ kind: 'arts-project', form: 'cic' });
    const s = json(await coop(['status', '--json'], { cwd: dir }));
    expect(s.shareCapital).toBe(0);
    expect(s.deadlines.map((d: { what: string }) => d.what.split(' ')[0]).sort()).toEqual(['Accounts', 'Annual', 'Community', 'Confirmation']);
    const text = await coop(['status'], { cwd: dir });
    expect(text.stdout).toMatch(/Members today: 3/);
    expect(text.stdout).not.toMatch(/Share capital/);
  });
});
