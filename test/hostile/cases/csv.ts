// Spreadsheet exports gone wrong: missing and extra columns, binary bytes, an empty file, a
// workbook instead of CSV, another encoding, broken quoting, bad rows, and a 50 MB file
// (made at test time, never committed). An import is all or nothing: nothing changes.

import { closeSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { HostileCase } from '../table.js';

const HEADER = 'Name,Date joined,Email\n';

/** A case importing a file written by setup, kept outside the group so the group's snapshot is exact. */
function importing(name: string, content: string | Buffer | ((path: string) => void), message: RegExp, exit = 1, extraArgs: string[] = []): HostileCase {
  const path = (g: string) => join(g, '..', 'import.csv');
  return {
    name: `coop member import with ${name}`,
    setup: (g) => (typeof content === 'function' ? content(path(g)) : writeFileSync(path(g), content)),
    args: (g) => ['member', 'import', path(g), ...extraArgs],
    exit,
    message,
  };
}

/** About 50 MB of plausible rows, one of them bad, written in chunks: far more than any real register. */
function fiftyMegabytes(path: string): void {
  const fd = openSync(path, 'w');
  try {
    writeSync(fd, HEADER);
    const row = 'Alex Examplename-Longer-Than-Usual,01/02/2024,alex@example.org\n';
    const chunk = row.repeat(Math.floor((1024 * 1024) / row.length));
    for (let i = 0; i < 50; i++) writeSync(fd, chunk);
    writeSync(fd, 'Bad Row,31/02/2024,bad@example.org\n');
  } finally {
    closeSync(fd);
  }
}

export const csvCases: HostileCase[] = [
  importing('an empty file', '', /is empty\. Nothing was imported/),
  importing('only a byte-order mark', '\uFEFF', /is empty\. Nothing was imported/),
  importing('only blank lines', '\n\n\n', /is empty|Cannot find/),
  importing('binary bytes', Buffer.from([0x4e, 0x61, 0x6d, 0x65, 0x00, 0x01, 0x02, 0xff, 0x0a]), /contains binary data, so it is not a CSV text file/),
  importing(
    'a spreadsheet workbook (.xlsx)',
    Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 1)]),
    /is a spreadsheet workbook \(\.xlsx or \.ods\), not CSV/,
  ),
  importing('Windows-1252 text (not UTF-8)', Buffer.from('Name,Date joined\nSi\xe2n Jones,01/02/2024\n', 'latin1'), /is not UTF-8 text/),
  importing('no name column', 'Full title,Date joined\nAda,01/02/2024\n', /Cannot find the members' names/),
  importing('no date column', 'Name,Email\nAda Lovelace,ada@example.org\n', /Cannot find the date each member joined/),
  importing('two columns that both look like the name', 'Name,Full name,Date joined\nAda,Ada L,01/02/2024\n', /both look like name/),
  importing('a row with extra values', `${HEADER}Ada Lovelace,01/02/2024,ada@example.org,surplus,more\n`, /:2: .*has 5 values but the header has 3 columns/),
  importing('a row with a missing name', `${HEADER},01/02/2024,ada@example.org\n`, /:2: has no name/),
  importing('a row with a missing date', `${HEADER}Ada Lovelace,,ada@example.org\n`, /:2: .*has no date joined/),
  importing('a row dated 31 February', `${HEADER}Ada Lovelace,31/02/2024,ada@example.org\n`, /:2: .*"31\/02\/2024", which is not a real date/),
  importing('a row dated in the future', `${HEADER}Ada Lovelace,01/01/2999,ada@example.org\n`, /:2: .*2999-01-01, which is in the future/),
  importing('a row dated before the founding', `${HEADER}Ada Lovelace,01/01/2020,ada@example.org\n`, /:2: .*before the group was founded/),
  importing('a row with a bad email', `${HEADER}Ada Lovelace,01/02/2024,not-an-email\n`, /:2: .*does not look right/),
  importing('a row with a control character in the name', `${HEADER}"Ada\u0007Lovelace",01/02/2024,ada@example.org\n`, /:2: .*control character/),
  importing('a row with a line break in the name', `${HEADER}"Ada\nLovelace",01/02/2024,ada@example.org\n`, /:2: .*line break/),
  importing('a row with a name of 10,000 characters', `${HEADER}${'N'.repeat(10_000)},01/02/2024,n@example.org\n`, /:2: .*longer than 200 characters/),
  importing('a row with negative shares', 'Name,Date joined,Shares\nAda Lovelace,01/02/2024,-2\n', /:2: .*cannot be negative/),
  importing('a row with fractional shares', 'Name,Date joined,Shares\nAda Lovelace,01/02/2024,1.5\n', /:2: .*not a fraction/),
  importing('a row with shares above the maximum', 'Name,Date joined,Shares\nAda Lovelace,01/02/2024,7\n', /above the rules' maximum/),
  importing('the same person twice', `${HEADER}Ada Lovelace,01/02/2024,a@example.org\nAda Lovelace,01/02/2024,b@example.org\n`, /:3: repeats row 2/),
  importing('a founder already in the register', `${HEADER}Ada Founder,15/01/2024,ada@example.org\n`, /is already member 1/),
  importing('a quote never closed', `${HEADER}"Ada Lovelace,01/02/2024,ada@example.org\n`, /the file is not valid CSV: a quoted value is never closed/),
  importing('a stray quote mark', `${HEADER}Ada "The Countess" Lovelace,01/02/2024,ada@example.org\n`, /not valid CSV|quote/),
  importing('one good row and one bad (all or nothing)', `${HEADER}Ada Lovelace,01/02/2024,ada@example.org\nBad Date,99/99/2024,b@example.org\n`, /:3: /),
  importing('a 50 MB file', fiftyMegabytes, /import\.csv is 5\d MB, far larger than any register's export; is it the right file\? Nothing was imported/),
  importing('--columns naming a column that is not there', `${HEADER}Ada Lovelace,01/02/2024,ada@example.org\n`, /--columns: the file has no column "Surname"/, 2, [
    '--columns',
    'last-name=Surname',
  ]),
  importing('--columns naming an unknown field', `${HEADER}Ada Lovelace,01/02/2024,ada@example.org\n`, /--columns: "shoe-size=Name" should be FIELD=Column heading/, 2, [
    '--columns',
    'shoe-size=Name',
  ]),
  { name: 'coop member import of a file that does not exist', args: ['member', 'import', 'nowhere.csv'], exit: 1, message: /Cannot read nowhere\.csv \(no such file\)/ },
  { name: 'coop member import of a folder', args: ['member', 'import', 'register'], exit: 1, message: /register is a folder, not a CSV file/ },
];
