// Issue 18's everyday frictions, each as the secretary met it, run through the built CLI.

import { appendFileSync, writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { coop, foundGroup, join, read } from '../support/cli.js';
import { fixtureGroup } from '../support/fixture-group.js';
import { addMembers } from '../support/meeting-group.js';
import { json } from '../support/register.js';

describe('coop.yml mistakes are reported once, at their own line', () => {
  let dir: string;
  let original: string;
  beforeAll(async () => {
    // A group made by coop new: its coop.yml has the comments a person edits between.
    dir = await foundGroup();
    original = read(join(dir, 'coop.yml'));
  });

  const variants: [name: string, from: RegExp, to: string, message: RegExp][] = [
    ['a tab used to indent', /^ {2}kind: /m, '\tkind: ', /a tab is used to indent this line; indent with spaces only/],
    ['one space too many', /^ {2}kind: /m, '   kind: ', /indented differently from the lines around it/],
    ['one space too few', /^ {2}form: /m, ' form: ', /indented differently from the lines around it/],
  ];

  it.each(variants)('%s', async (_name, from, to, message) => {
    const yml = original.replace(from, to);
    expect(yml).not.toBe(original);
    writeFileSync(join(dir, 'coop.yml'), yml);
    try {
      const line = yml.split('\n').findIndex((l) => l.startsWith(to)) + 1;
      const r = await coop(['check'], { cwd: dir });
      expect(r.exitCode).toBe(1);
      expect(r.stderr).toContain('found a problem:');
      expect(r.stderr).toMatch(new RegExp(`coop\\.yml:${line}: is not valid YAML: `));
      expect(r.stderr).toMatch(message);
      expect(json(await coop(['check', '--json'], { cwd: dir })).problems).toHaveLength(1);
    } finally {
      writeFileSync(join(dir, 'coop.yml'), original);
    }
  });
});

describe('coop check with many problems', () => {
  it('shows the first twenty and how many more; --all and --json show every one', async () => {
    const dir = await fixtureGroup();
    // Twenty-five shares issues above the worker co-op's cap of one share a member.
    const lines = Array.from({ length: 25 }, (_, i) => `{"seq":${7 + i},"date":"2024-02-01","type":"issue","member":1,"shares":1}\n`);
    appendFileSync(join(dir, 'register', 'ledger.jsonl'), lines.join(''));
    const r = await coop(['check'], { cwd: dir });
    expect(r.exitCode).toBe(1);
    const listed = String(r.stderr)
      .split('\n')
      .filter((l: string) => /register\/ledger\.jsonl:\d+:/.test(l));
    expect(r.stderr).toMatch(/found 25 problems:/);
    expect(listed).toHaveLength(20);
    expect(listed[0]).toMatch(/register\/ledger\.jsonl:7:/);
    expect(r.stderr).toMatch(/… and 5 more \(run coop check --all to see every one\)/);
    const all = await coop(['check', '--all'], { cwd: dir });
    expect(
      String(all.stderr)
        .split('\n')
        .filter((l: string) => /register\/ledger\.jsonl:\d+:/.test(l)),
    ).toHaveLength(25);
    expect(all.stderr).not.toMatch(/more \(run/);
    expect(json(await coop(['check', '--json'], { cwd: dir })).problems).toHaveLength(25);
  });
});

describe('dates that do not exist', () => {
  it('say which date was meant', async () => {
    const dir = await fixtureGroup();
    const r = await coop(['member', 'add', 'Dee Jones', '--joined', '31/02/2024'], { cwd: dir });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/"31\/02\/2024" is not a date coop understands: 31 February 2024 does not exist \(February 2024 has 29 days\)/);
    const us = await coop(['member', 'add', 'Dee Jones', '--joined', '03/13/2024'], { cwd: dir });
    expect(us.stderr).toMatch(/if you meant 13 March 2024, write 2024-03-13 or 13\/03\/2024/);
  });
});

describe('spreadsheets', () => {
  it('a bad row is named by its spreadsheet row and the person, a multi-line cell counting as one row', async () => {
    const dir = await fixtureGroup();
    const csv = join(dir, '..', 'members.csv');
    writeFileSync(csv, 'Name,Address,Date joined\nAnn Bee,"1 High St\nLeeds\nLS1 1AA",01/03/2024\n\nCarys Dee,,31/02/2024\n');
    const r = await coop(['member', 'import', csv], { cwd: dir });
    expect(r.exitCode).toBe(1);
    // Row 4 in the spreadsheet (header, Ann, an empty row, Carys); line 6 of the file.
    expect(r.stderr).toMatch(/row 4 \(Carys Dee\), .*members\.csv:6: has date joined "31\/02\/2024"/);
  });

  it('an export imported into a new group gives the same register; a re-import with --skip-existing adds only new rows', async () => {
    const founders = ['--founder', 'Ada Founder', '--founder', 'Ben Founder', '--founder', 'Cai Founder', '--founded', '2021-01-01'];
    const first = await foundGroup(founders, 'first');
    await coop(['member', 'add', 'Dee =Jones', '--joined', '2021-05-05', '--phone', '+44 7700 900111', '--email', 'dee@example.org'], { cwd: first });
    await coop(['member', 'add', 'Eve Ellis', '--joined', '2021-06-01', '--address', '2 Low Road\nYork'], { cwd: first });
    expect((await coop(['member', 'leave', '5', '--date', '2023-02-01', '--reason', 'resigned'], { cwd: first })).exitCode).toBe(0);
    // One former member paid for their shares, one still owed: the export carries which is which.
    expect((await coop(['member', 'leave', '4', '--date', '2023-03-01', '--reason', 'resigned'], { cwd: first })).exitCode).toBe(0);
    expect((await coop(['shares', 'repay', '4', '--date', '2023-03-20'], { cwd: first })).exitCode).toBe(0);
    const file = join(first, '..', 'export.csv');
    expect((await coop(['member', 'export', file, '--all', '--with-contacts'], { cwd: first })).exitCode).toBe(0);
    expect(read(file)).toContain("'+44 7700 900111");

    const second = await foundGroup(founders, 'second');
    const imported = await coop(['member', 'import', file, '--skip-existing', '--json'], { cwd: second });
    expect(imported.exitCode).toBe(0);
    expect(json(imported).skipped.map((k: { member: number }) => k.member)).toEqual([1, 2, 3]);
    const registerOf = async (dir: string) => json(await coop(['register', '--json', '--with-contacts'], { cwd: dir })).members;
    expect(await registerOf(second)).toEqual(await registerOf(first));
    const owed = async (dir: string) => json(await coop(['status', '--json'], { cwd: dir })).sharesOwed;
    expect((await owed(first)).map((o: { member: number }) => o.member)).toEqual([5]);
    expect(await owed(second)).toEqual(await owed(first));
    expect(json(imported).members.map((m: { number: number; owedShares: number }) => [m.number, m.owedShares])).toEqual([
      [4, 0],
      [5, 1],
    ]);
    expect((await coop(['check'], { cwd: second })).exitCode).toBe(0);

    // One more member in the first group: a re-import adds only that row.
    await coop(['member', 'add', 'Fay Ford', '--joined', '2024-01-01'], { cwd: first });
    const again = join(first, '..', 'export-2.csv');
    await coop(['member', 'export', again, '--all', '--with-contacts'], { cwd: first });
    const more = json(await coop(['member', 'import', again, '--skip-existing', '--json'], { cwd: second }));
    expect(more.members.map((m: { number: number; name: string }) => [m.number, m.name])).toEqual([[6, 'Fay Ford']]);
    expect(await registerOf(second)).toEqual(await registerOf(first));
  }, 180_000);
});

describe('founding papers drafted ahead of the meeting', () => {
  it('a group founded on a future date checks clean, says the meeting is ahead, and takes entries for that day', async () => {
    const dir = await fixtureGroup({ founded: '2030-03-01' });
    const check = await coop(['check'], { cwd: dir });
    expect(check.exitCode).toBe(0);
    expect(check.stdout).toMatch(/^Note: The founding meeting is ahead \(2030-03-01\)/);
    expect(json(await coop(['check', '--json'], { cwd: dir })).ok).toBe(true);

    const status = json(await coop(['status', '--json'], { cwd: dir }));
    expect(status).toMatchObject({ foundingAhead: true, members: 3, registerProblems: 0 });
    expect(status.officers.map((o: { role: string }) => o.role)).toEqual(['chair', 'secretary', 'treasurer']);

    const add = await coop(['member', 'add', 'Dee Jones', '--json'], { cwd: dir });
    expect(add.exitCode).toBe(0);
    expect(json(add)).toMatchObject({ number: 4, joined: '2030-03-01' });
    const later = await coop(['member', 'add', 'Eve Ellis', '--joined', '2030-03-02'], { cwd: dir });
    expect(later.exitCode).toBe(1);
    expect(later.stderr).toMatch(/until the founding meeting \(2030-03-01\), entries can be dated only on the day of that meeting/i);
    const list = json(await coop(['member', 'list', '--json'], { cwd: dir }));
    expect(list.map((m: { name: string }) => m.name)).toEqual(['Ada Founder', 'Ben Founder', 'Cai Founder', 'Dee Jones']);
    expect((await coop(['check'], { cwd: dir })).exitCode).toBe(0);
  });
});

describe('meetings: corrections and conveniences', () => {
  it('attend takes ranges and lists and --remove; vote takes a unanimous vote from --for alone; help names a subcommand', async () => {
    const dir = await fixtureGroup({ founded: '2024-01-15' });
    await addMembers(
      dir,
      Array.from({ length: 7 }, (_, i) => ({ name: `Member ${i + 4}`, joined: '2024-02-01' })),
    );
    const called = await coop(
      ['meeting', 'new', 'general', '--date', '2024-06-10', '--notice-date', '2024-05-01', '--time', '18:30', '--place', 'Hall', '--resolution', 'That the hall be booked'],
      { cwd: dir },
    );
    expect(called.exitCode, String(called.stderr)).toBe(0);

    const attended = await coop(['meeting', 'attend', '2024-06-10', '1-5,8', '--json'], { cwd: dir });
    expect(attended.exitCode, String(attended.stderr)).toBe(0);
    expect(json(attended).present).toEqual([1, 2, 3, 4, 5, 8]);

    const removed = await coop(['meeting', 'attend', '2024-06-10', '--remove', '8', '--apologies', '9,10', '--json'], { cwd: dir });
    expect(removed.exitCode, String(removed.stderr)).toBe(0);
    expect(json(removed)).toMatchObject({ present: [1, 2, 3, 4, 5], apologies: [9, 10] });
    const notThere = await coop(['meeting', 'attend', '2024-06-10', '--remove', '7'], { cwd: dir });
    expect(notThere.exitCode).toBe(1);
    expect(notThere.stderr).toMatch(/member 7 is not recorded at this meeting/);

    const vote = await coop(['meeting', 'vote', '2024-06-10', '1', '--for', '5', '--json'], { cwd: dir });
    expect(vote.exitCode, String(vote.stderr)).toBe(0);
    expect(json(vote)).toMatchObject({ method: 'vote', for: 5, against: 0 });
    const late = await coop(['meeting', 'attend', '2024-06-10', '--remove', '5'], { cwd: dir });
    expect(late.stderr).toMatch(/votes are already recorded/);

    const help = await coop(['help', 'meeting', 'new'], { cwd: dir });
    expect(help.exitCode).toBe(0);
    expect(help.stdout).toMatch(/^Usage: coop meeting new \[options\] <type>/);
  }, 180_000);
});
