import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { csvCell, guardFormula, toCsv } from '../../src/core/csv.js';
import { readCsvRows } from '../../src/core/register/csv-read.js';
import { mapColumns, readImportRows, duplicateKey } from '../../src/core/register/csv-import.js';

describe('writing CSV for spreadsheets', () => {
  it('starts with a BOM and ends every row with CRLF', () => {
    const text = toCsv([
      ['a', 'b'],
      [1, null],
    ]);
    expect(text).toBe('\uFEFFa,b\r\n1,\r\n');
  });
  it('quotes commas, quotes and line breaks', () => {
    expect(csvCell('"The Old Forge", Station Road')).toBe('"""The Old Forge"", Station Road"');
    expect(csvCell('9 Cedar Road\nNottingham')).toBe('"9 Cedar Road\nNottingham"');
  });
  for (const cell of ['=HYPERLINK("http://x")', '+44 7700 900789', '-1+1', '@SUM(A1)']) {
    it(`makes ${cell} text, not a formula`, () => expect(guardFormula(cell)).toBe(`'${cell}`));
  }
  it('reads back as it was written', () => {
    const rows = [
      ['Name', 'Address'],
      ["Zoë O'Brien", '"Flat 2", 7 Mill Lane\nDerby'],
    ];
    expect(parse(toCsv(rows), { bom: true })).toEqual(rows);
  });
});

describe('reading a spreadsheet export', () => {
  it('numbers rows by the line they start on, counting line breaks inside quotes', () => {
    const rows = readCsvRows('\uFEFFName,Address\r\nA,"1 Road\r\nTown"\r\n\r\nB,x\r\nC,"y\n\nz"\nD,w', 'm.csv');
    expect(rows.map((r) => [r.line, r.cells[0]])).toEqual([
      [1, 'Name'],
      [2, 'A'],
      [5, 'B'],
      [6, 'C'],
      [9, 'D'],
    ]);
    expect(rows[1]!.cells[1]).toBe('1 Road\nTown');
  });
  it('reads semicolon-separated exports', () => {
    expect(readCsvRows('Name;Date joined\nA;01/02/2024\n', 'm.csv')[1]!.cells).toEqual(['A', '01/02/2024']);
  });
  it('reports a stray quote with its line and says how to fix it', () => {
    expect(() => readCsvRows('Name,Address\nA,x\nB,"The "Old" Forge"\n', 'm.csv')).toThrow(/m\.csv:3: .*quote mark/);
  });
  it('reports a quote never closed', () => {
    expect(() => readCsvRows('Name,Address\nA,"x\nB,y\n', 'm.csv')).toThrow(/never closed/);
  });
});

describe('finding the columns', () => {
  const cases: [string, string[], string | undefined, Record<string, number>][] = [
    [
      'common names',
      ['Full name', 'E-mail', 'Telephone', 'Postal address', 'Postcode', 'Start date', 'No. of shares', 'Notes'],
      undefined,
      { name: 0, email: 1, phone: 2, address: 3, postcode: 4, joined: 5, shares: 6 },
    ],
    ['first and last names', ['First name', 'Surname', 'Date joined'], undefined, { 'first-name': 0, 'last-name': 1, joined: 2 }],
    ['told with --columns', ['Who', 'When', 'Mail'], 'name=Who, joined=When, email=mail', { name: 0, joined: 1, email: 2 }],
  ];
  for (const [name, header, override, expected] of cases) {
    it(name, () => expect(mapColumns(header, override).columns).toEqual(expected));
  }
  it('lists the columns it will not import', () => expect(mapColumns(['Name', 'Joined', 'Notes']).ignored).toEqual(['Notes']));
  it('says which columns exist when the name is missing', () => expect(() => mapColumns(['Who', 'Joined'])).toThrow(/columns are: Who, Joined/));
  it('refuses --columns naming a column that is not there', () => expect(() => mapColumns(['Name', 'Joined'], 'joined=Start')).toThrow(/no column "Start"/));
  it('refuses an unknown field in --columns', () => expect(() => mapColumns(['Name', 'Joined'], 'age=Name')).toThrow(/FIELD=Column heading/));
  it('asks which to use when two columns look alike', () => expect(() => mapColumns(['Name', 'Email', 'E-mail', 'Joined'])).toThrow(/both look like email/));
});

describe('checking the rows', () => {
  const limits = {
    today: '2026-06-01',
    founded: '2021-01-01',
    minimumShares: 1,
    existing: new Map([[duplicateKey('Old Member', '2021-01-01'), 1]]),
    usedNumbers: new Set([1]),
  };
  const header = ['Name', 'Email', 'Address', 'Postcode', 'Joined', 'Shares'];
  const { columns } = mapColumns(header);
  const rows = (...cells: string[][]) => cells.map((c, i) => ({ line: i + 2, row: i + 2, cells: c }));

  it('takes a good row, with the rules’ minimum when no shares are given and the postcode on the address', () => {
    const r = readImportRows(rows(['Ann Bee', 'ann@example.org', '1 Road, Town', 'AB1 2CD', '03/02/2021', '']), columns, header.length, limits);
    expect(r.problems).toEqual([]);
    expect(r.rows).toEqual([{ line: 2, row: 2, name: 'Ann Bee', joined: '2021-02-03', shares: 1, email: 'ann@example.org', address: '1 Road, Town, AB1 2CD' }]);
  });
  it('skips rows of empty cells', () => {
    expect(readImportRows(rows(['', ' ', '', '', '', '']), columns, header.length, limits)).toEqual({ rows: [], problems: [], skipped: [] });
  });
  it('reports every bad row with its line and everything wrong with it', () => {
    const r = readImportRows(
      rows(
        ['', 'x', '', '', '31/02/2021', 'abc'],
        ['Ann Bee', 'ann@', '', '', '2030-01-01', '1'],
        ['Old Member', '', '', '', '2021-01-01', '1'],
        ['Dup', '', '', '', '2021-05-05', '1'],
        ['Dup', '', '', '', '2021-05-05', '1'],
        ['Early', '', '', '', '2020-12-31', '1'],
      ),
      columns,
      header.length,
      limits,
    );
    expect(r.rows.map((x) => x.name)).toEqual(['Dup']);
    const byLine = Object.fromEntries(r.problems.map((p) => [p.line, p.message]));
    expect(byLine[2]).toMatch(/has no name.*not a real date.*whole number/);
    expect(byLine[3]).toMatch(/in the future/);
    expect(byLine[3]).toMatch(/email address "ann@"/);
    expect(byLine[4]).toMatch(/already member 1/);
    expect(byLine[6]).toMatch(/repeats row 5/);
    expect(byLine[7]).toMatch(/before the group was founded/);
  });
  it('with skipExisting leaves out a row already in the register, and says which member it is', () => {
    const r = readImportRows(rows(['Old Member', '', '', '', '2021-01-01', '1'], ['New Member', '', '', '', '2021-02-01', '1']), columns, header.length, {
      ...limits,
      skipExisting: true,
    });
    expect(r.problems).toEqual([]);
    expect(r.skipped).toEqual([{ row: 2, name: 'Old Member', member: 1 }]);
    expect(r.rows.map((x) => x.name)).toEqual(['New Member']);
  });
  it('keeps the membership number and departure an export gives, and takes off its formula guard', () => {
    const cols = ['Membership number', 'Name', 'Date joined', 'Date left', 'Reason left', 'Shares', 'Phone'];
    const r = readImportRows(
      [{ line: 2, row: 2, cells: ['7', 'Dee Jones', '2021-03-01', '2022-04-01', 'deceased', '0', "'+44 7700 900111"] }],
      mapColumns(cols).columns,
      cols.length,
      limits,
    );
    expect(r.problems).toEqual([]);
    expect(r.rows[0]).toMatchObject({ number: 7, name: 'Dee Jones', left: { date: '2022-04-01', reason: 'deceased' }, phone: '+44 7700 900111' });
  });
  it('reads when a former member was paid for their shares: yes means on leaving, or a date; refuses what cannot be', () => {
    const cols = ['Name', 'Date joined', 'Date left', 'Shares repaid'];
    const r = readImportRows(
      [
        ['Ann Paid', '2021-03-01', '2022-04-01', 'Yes'],
        ['Bea Dated', '2021-03-01', '2022-04-01', '10/05/2022'],
        ['Cai Owed', '2021-03-01', '2022-04-01', ''],
        ['Dai No', '2021-03-01', '2022-04-01', 'no'],
        ['Eve Early', '2021-03-01', '2022-04-01', '2022-03-31'],
        ['Fay Stays', '2021-03-01', '', 'yes'],
        ['Gus Garbled', '2021-03-01', '2022-04-01', 'soon'],
        ['Hal Ahead', '2021-03-01', '2022-04-01', '2099-01-01'],
      ].map((cells, i) => ({ line: i + 2, row: i + 2, cells })),
      mapColumns(cols).columns,
      cols.length,
      limits,
    );
    expect(r.rows.map((x) => [x.name, x.repaid ?? null])).toEqual([
      ['Ann Paid', '2022-04-01'],
      ['Bea Dated', '2022-05-10'],
      ['Cai Owed', null],
      ['Dai No', null],
    ]);
    expect(r.problems.map((p) => [p.name, p.message])).toEqual([
      ['Eve Early', expect.stringMatching(/before the date left \(2022-04-01\)/)],
      ['Fay Stays', expect.stringMatching(/gives no date left/)],
      ['Gus Garbled', expect.stringMatching(/"soon": write yes, no, or the date paid/)],
      ['Hal Ahead', expect.stringMatching(/in the future/)],
    ]);
  });
  it('refuses a membership number the register already uses, and one given twice', () => {
    const cols = ['Membership number', 'Name', 'Date joined'];
    const r = readImportRows(
      [
        { line: 2, row: 2, cells: ['1', 'Someone Else', '2021-03-01'] },
        { line: 3, row: 3, cells: ['9', 'Ann', '2021-03-01'] },
        { line: 4, row: 4, cells: ['9', 'Bea', '2021-03-01'] },
      ],
      mapColumns(cols).columns,
      cols.length,
      limits,
    );
    expect(r.problems.map((p) => [p.row, p.name])).toEqual([
      [2, 'Someone Else'],
      [4, 'Bea'],
    ]);
    expect(r.problems[0]!.message).toMatch(/number 1, which the register already uses/);
    expect(r.problems[1]!.message).toMatch(/as row 3 does/);
  });
  it('refuses shares where the group has none', () => {
    const r = readImportRows(rows(['Ann', '', '', '', '2021-02-03', '2']), columns, header.length, { ...limits, minimumShares: null });
    expect(r.problems[0]!.message).toMatch(/no members' shares/);
  });
  it('refuses a row with more values than the header has columns', () => {
    const r = readImportRows(rows(['Ann', '', '1 Road', 'Town', 'AB1', '2021-02-03', '1', 'extra']), columns, header.length, limits);
    expect(r.problems[0]!.message).toMatch(/comma in a value/);
  });
});
