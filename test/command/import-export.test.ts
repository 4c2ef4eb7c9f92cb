import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { FIXTURES, coop, existsSync, git, join, read, tempDir } from '../support/cli.js';
import { fixtureGroup } from '../support/fixture-group.js';
import { commitCount, contactsText, gitStatus, lastCommitMessage, ledgerEvents, json } from '../support/register.js';

const SPREADSHEET = join(FIXTURES, 'members-spreadsheet.csv');
/** Founded before the spreadsheet's first member joined, with room for Kwame's 5 shares. */
const importable = () => fixtureGroup({ founded: '2021-01-01', tweak: (p) => Object.assign(p.shares!, { maximumHolding: 10 }) });

describe('coop member import', () => {
  it('imports the shared spreadsheet: accents, quoted and multi-line addresses, a member with no contacts', async () => {
    const dir = await importable();
    const r = await coop(['member', 'import', SPREADSHEET, '--json'], { cwd: dir });
    expect(r.exitCode).toBe(0);
    const out = json(r);
    expect(out.members.map((m: { number: number; name: string; joined: string; shares: number; line: number }) => [m.number, m.name, m.joined, m.shares, m.line])).toEqual([
      [4, 'Siân Lloyd-Jones', '2021-02-03', 1, 2],
      [5, "Zoë O'Brien", '2021-02-03', 1, 3],
      [6, 'Kwame Mensah', '2021-02-03', 5, 4],
      [7, 'Nguyễn Thị Lan', '2021-06-17', 1, 5],
      [8, 'Ólafur Sigurðsson', '2022-09-01', 2, 6],
      [9, 'Priya Sharma', '2023-11-14', 1, 7],
      [10, 'Tom Baker', '2024-01-05', 1, 9],
    ]);
    expect(out.ignoredColumns).toEqual(['Notes']);
    expect(await lastCommitMessage(dir)).toBe('Import 7 members from members-spreadsheet.csv');
    expect(await gitStatus(dir)).toBe('');

    const show = async (n: number) => json(await coop(['member', 'show', String(n), '--json'], { cwd: dir })).contact;
    expect(await show(6)).toEqual({ email: 'kwame@example.org', phone: '07700 900456', address: '"The Old Forge", Station Road, Matlock, DE4 3AB' });
    expect(await show(9)).toEqual({ email: 'priya@example.org', phone: '+44 7700 900789', address: '9, Cedar Road\nNottingham\nNG7 1AB' });
    expect(await show(10)).toEqual({});
    // Contact details are in the private store only: not in the ledger, not in any commit.
    const ledger = read(join(dir, 'register', 'ledger.jsonl'));
    expect(ledger).not.toMatch(/example\.org|Cedar|07700/);
    // (The test's own git identity is secretary@example.org, so look for the members' values.)
    expect(await git(dir, ['log', '-p', '--all'])).not.toMatch(/kwame@|sian@|Cedar Road|Old Forge|07700/);
    expect(contactsText(dir)).toContain('lan.nguyen@example.org');
  });

  it('--dry-run checks everything and changes nothing', async () => {
    const dir = await importable();
    const r = await coop(['member', 'import', SPREADSHEET, '--dry-run'], { cwd: dir });
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/Would import 7 members/);
    expect(ledgerEvents(dir)).toHaveLength(6);
    expect(contactsText(dir)).toBe('');
    expect(await commitCount(dir)).toBe(1);
  });

  it('one bad row: nothing is imported, and every bad row is reported by its line', async () => {
    const dir = await importable();
    const bad = join(tempDir(), 'members.csv');
    writeFileSync(bad, read(SPREADSHEET).replace('14/11/2023', '31/11/2023').replace('Tom Baker,,', 'Tom Baker,tom-at-example,'));
    const r = await coop(['member', 'import', bad], { cwd: dir });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/members\.csv:7: .*"31\/11\/2023", which is not a real date/);
    expect(r.stderr).toMatch(/members\.csv:9: .*tom-at-example/);
    expect(r.stderr).toMatch(/Nothing was imported/);
    expect(r.stderr).not.toMatch(/members\.csv:[234568]:/);
    expect(ledgerEvents(dir)).toHaveLength(6);
    expect(read(join(dir, 'private', 'contacts.jsonl'))).toBe('');
    expect(await commitCount(dir)).toBe(1);
  });

  it('rows that break the group’s rules are reported by line too', async () => {
    // The default worker co-op holds one share a member: Kwame (5) and Ólafur (2) cannot join so.
    const dir = await fixtureGroup({ founded: '2021-01-01' });
    const r = await coop(['member', 'import', SPREADSHEET], { cwd: dir });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/members-spreadsheet\.csv:4: member 6 would hold 5 shares, above the rules' maximum of 1/);
    expect(r.stderr).toMatch(/members-spreadsheet\.csv:6: member 8 would hold 2 shares/);
    expect(ledgerEvents(dir)).toHaveLength(6);
  });

  it('importing the same file twice is refused: the members are already there', async () => {
    const dir = await importable();
    await coop(['member', 'import', SPREADSHEET], { cwd: dir });
    const r = await coop(['member', 'import', SPREADSHEET], { cwd: dir });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/:2: Siân Lloyd-Jones, joined 2021-02-03, is already member 4/);
  });

  it('--columns says which column holds what', async () => {
    const dir = await importable();
    const file = join(tempDir(), 'odd.csv');
    writeFileSync(file, 'Who,When,Contact\nAnn Bee,2021-05-01,ann@example.org\n');
    const r = await coop(['member', 'import', file, '--columns', 'name=Who,joined=When,email=Contact', '--json'], { cwd: dir });
    expect(r.exitCode).toBe(0);
    expect(json(r).members[0]).toMatchObject({ number: 4, name: 'Ann Bee', contacts: ['email'] });
  });

  const refusedFiles: [string, string | Buffer, RegExp][] = [
    ['an empty file', '', /is empty/],
    ['a header and no rows', 'Name,Date joined\r\n', /no members/],
    ['binary data', Buffer.from([0x4e, 0x61, 0x00, 0x01, 0x02]), /binary data/],
    ['an Excel workbook', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]), /workbook.*CSV UTF-8/],
    ['a Windows code page file', Buffer.from('Name,Date joined\nSi\xe2n,01/02/2021\n', 'latin1'), /not UTF-8/],
    ['a stray quote', 'Name,Date joined\nAnn "Bee",01/02/2021\n', /:2: .*quote mark/],
  ];
  for (const [what, content, message] of refusedFiles) {
    it(`refuses ${what} clearly`, async () => {
      const dir = await importable();
      const file = join(tempDir(), 'in.csv');
      writeFileSync(file, content);
      const r = await coop(['member', 'import', file], { cwd: dir });
      expect(r.exitCode).toBe(1);
      expect(r.stderr).toMatch(message);
      expect(ledgerEvents(dir)).toHaveLength(6);
    });
  }
});

describe('coop member export', () => {
  it('writes a CSV that spreadsheets open: BOM, CRLF, quoted, formulas defused; never overwrites', async () => {
    const dir = await importable();
    await coop(['member', 'import', SPREADSHEET], { cwd: dir });
    await coop(['member', 'add', '=HYPERLINK("http://x")'], { cwd: dir });
    const out = join(tempDir(), 'members.csv');
    const r = await coop(['member', 'export', out, '--with-contacts'], { cwd: dir });
    expect(r.exitCode).toBe(0);
    const text = read(out);
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(
      text
        .replace(/"[^"]*"/g, '')
        .split('\n')
        .every((line) => line === '' || line.endsWith('\r')),
    ).toBe(true);
    const rows = parse(text, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(11);
    const priya = rows.find((row) => row.Name === 'Priya Sharma')!;
    expect(priya).toMatchObject({
      'Membership number': '9',
      'Date joined': '2023-11-14',
      Shares: '1',
      'Amount paid (£)': '1.00',
      Address: '9, Cedar Road\nNottingham\nNG7 1AB',
      Phone: "'+44 7700 900789",
    });
    expect(rows.find((row) => row.Name === 'Kwame Mensah')!.Address).toBe('"The Old Forge", Station Road, Matlock, DE4 3AB');
    expect(rows.at(-1)!.Name).toBe('\'=HYPERLINK("http://x")');

    const again = await coop(['member', 'export', out], { cwd: dir });
    expect(again.exitCode).toBe(1);
    expect(again.stderr).toMatch(/already exists/);
    expect(read(out)).toBe(text);
  });

  it('without --with-contacts there are no contact columns; with them, not inside the repository', async () => {
    const dir = await importable();
    await coop(['member', 'import', SPREADSHEET], { cwd: dir });
    const plain = join(tempDir(), 'plain.csv');
    await coop(['member', 'export', plain], { cwd: dir });
    expect(read(plain)).not.toMatch(/Email|example\.org/);
    const inside = await coop(['member', 'export', 'members.csv', '--with-contacts'], { cwd: dir });
    expect(inside.exitCode).toBe(1);
    expect(inside.stderr).toMatch(/inside the group's git repository/);
    expect(existsSync(join(dir, 'members.csv'))).toBe(false);
    const privately = await coop(['member', 'export', 'private/members.csv', '--with-contacts'], { cwd: dir });
    expect(privately.exitCode).toBe(0);
  });
});
