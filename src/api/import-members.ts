// Admitting members from a spreadsheet export, all or nothing: every row is checked (on its
// own, then together with the register by the same derivation every command uses) before
// anything is written, and any problem means nothing is imported.

import { readFileSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { UserError } from '../errors.js';
import type { ContactLine } from '../core/contacts.js';
import type { IsoDate } from '../core/dates.js';
import { deriveState } from '../core/ledger/derive.js';
import type { LedgerEvent, NewEvent } from '../core/ledger/events.js';
import { duplicateKey, mapColumns, readImportRows, rowPlace, type ImportProblem, type ImportRow, type SkippedRow } from '../core/register/csv-import.js';
import { readCsvRows } from '../core/register/csv-read.js';
import { commitMessages } from '../core/register/messages.js';
import { recordChange, type Recorded } from './record.js';
import type { WriteOptions } from './group.js';
import { contactFields } from './members.js';

/**
 * Larger than any real register's export (100,000 members is about 15 MB): a file past this is
 * the wrong file, refused at once rather than after half a minute of checking its rows.
 */
const MAX_BYTES = 32 * 1024 * 1024;

export interface ImportOptions extends WriteOptions {
  /** Which column holds what: "name=Full name,joined=Start date". */
  columns?: string;
  /** Check the file and report what would be imported; write nothing. */
  dryRun?: boolean;
  /** Leave out rows for members already in the register (same name and date joined) instead of refusing the file. */
  skipExisting?: boolean;
}

export interface ImportedMember {
  number: number;
  name: string;
  joined: IsoDate;
  shares: number;
  /** The file line the member's row starts on. */
  line: number;
  /** The row as the spreadsheet numbers it. */
  row: number;
  /** The date the member left, where the file gives one. */
  left: IsoDate | null;
  /** Shares a former member gave up on leaving and is still owed for (no "Shares repaid" in the file). */
  owedShares: number;
  /** Contact details stored privately (names of fields only). */
  contacts: string[];
  /** How notices are served on them: email where the row records consent, post otherwise. */
  notices: 'email' | 'post';
}

export interface ImportResult {
  file: string;
  dryRun: boolean;
  members: ImportedMember[];
  /** Columns the import did not use (notes and the like). */
  ignoredColumns: string[];
  /** Rows left out because their member is already in the register (--skip-existing). */
  skipped: SkippedRow[];
}

/** Reads the file as UTF-8 text, refusing what is not a CSV file with a reason a person can act on. */
export function readCsvFile(file: string, cwd: string): string {
  const path = resolve(cwd, file);
  let size: number;
  try {
    const st = statSync(path);
    if (st.isDirectory()) throw new UserError(`${file} is a folder, not a CSV file. Give the spreadsheet's CSV file. Nothing was imported.`);
    size = st.size;
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new UserError(`Cannot read ${file} (${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as NodeJS.ErrnoException).code}).`);
  }
  if (size > MAX_BYTES) throw new UserError(`${file} is ${Math.round(size / 1024 / 1024)} MB, far larger than any register's export; is it the right file? Nothing was imported.`);
  const bytes = readFileSync(path);
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    throw new UserError(
      `${file} is a spreadsheet workbook (.xlsx or .ods), not CSV. In the spreadsheet choose File › Save As (or Download) › CSV UTF-8, then import that file. Nothing was imported.`,
    );
  }
  if (bytes.includes(0)) throw new UserError(`${file} contains binary data, so it is not a CSV text file. Save it from the spreadsheet as CSV UTF-8. Nothing was imported.`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new UserError(
      `${file} is not UTF-8 text (older Excel saves "CSV" in a Windows code page, which would garble names like Siân). ` +
        'Save it as "CSV UTF-8 (comma delimited)" and import that. Nothing was imported.',
    );
  }
  if (text.replace(/^\uFEFF/, '').trim() === '') throw new UserError(`${file} is empty. Nothing was imported.`);
  return text;
}

export async function importMembers(cwd: string, file: string, options: ImportOptions = {}): Promise<ImportResult & Recorded> {
  const text = readCsvFile(file, cwd);
  const [header, ...records] = readCsvRows(text, file);
  if (!header) throw new UserError(`${file} is empty. Nothing was imported.`);
  const { columns, ignored } = mapColumns(header.cells, options.columns);
  if (records.every((r) => r.cells.every((c) => c.trim() === ''))) throw new UserError(`${file} has a header line but no members. Nothing was imported.`);
  const label = basename(file);

  const recorded = await recordChange(cwd, options, (group) => {
    const existing = new Map<string, number>();
    const usedNumbers = new Set<number>();
    for (const m of deriveState(group.events).state.members.values()) {
      existing.set(duplicateKey(m.name, m.joined), m.number);
      usedNumbers.add(m.number);
    }
    const shareRules = group.params.shares;
    const { rows, problems, skipped } = readImportRows(records, columns, header.cells.length, {
      today: group.today,
      founded: group.founded,
      minimumShares: shareRules ? shareRules.minimumHolding : null,
      existing,
      usedNumbers,
      skipExisting: options.skipExisting,
    });
    if (problems.length > 0) throw new UserError(refusal(file, problems));
    if (rows.length === 0 && skipped.length > 0 && !options.dryRun) {
      throw new UserError(`Every member in ${file} is already in the register (${skipped.length} rows left out). Nothing was imported.`);
    }
    // Numbered in the order they joined (file order within a day), so numbers follow history;
    // a number the file gives (an export of another register) is kept.
    const ordered = rows
      .map((r, i) => ({ r, i }))
      .sort((a, b) => (a.r.joined < b.r.joined ? -1 : a.r.joined > b.r.joined ? 1 : a.i - b.i))
      .map((x) => x.r);
    let next = Math.max(group.nextNumber, ...rows.map((r) => (r.number ?? 0) + 1));
    const events: NewEvent[] = [];
    const contacts: ContactLine[] = [];
    const byNumber = new Map<number, ImportedMember>();
    const members: ImportedMember[] = ordered.map((row: ImportRow) => {
      const number = row.number ?? next++;
      // A member who has left holds no shares now; on admission they held at least the rules'
      // minimum, repaid on leaving where shares are withdrawable.
      const admitted = row.left && shareRules ? Math.max(row.shares, shareRules.minimumHolding) : row.shares;
      events.push({ date: row.joined, type: 'admit', member: number, name: row.name, shares: admitted });
      if (row.notices) events.push({ date: row.notices.since, type: 'notices', member: number, method: row.notices.method });
      const givenUp = row.left && shareRules?.withdrawable ? admitted : 0;
      if (row.left) events.push({ date: row.left.date, type: 'leave', member: number, reason: row.left.reason, repaid: givenUp });
      // Paid as the file records; a member who died is paid through their personal
      // representatives, as no nominee can be recorded by import.
      const paid = givenUp > 0 && row.repaid !== undefined;
      if (paid && shareRules) {
        const payee = row.left?.reason === 'deceased' ? 'representatives' : 'member';
        events.push({ date: row.repaid!, type: 'repay-shares', member: number, pence: givenUp * shareRules.nominalPence, payee });
      }
      const line: ContactLine = { member: number };
      if (row.email) line.email = row.email;
      if (row.address) line.address = row.address;
      if (row.phone) line.phone = row.phone;
      if (Object.keys(line).length > 1) contacts.push(line);
      const member: ImportedMember = {
        number,
        name: row.name,
        joined: row.joined,
        left: row.left?.date ?? null,
        owedShares: paid ? 0 : givenUp,
        shares: row.left ? 0 : row.shares,
        line: row.line,
        row: row.row,
        contacts: contactFields(Object.keys(line).length > 1 ? line : undefined),
        notices: row.notices?.method ?? 'post',
      };
      byNumber.set(number, member);
      return member;
    });
    const where = (e: LedgerEvent) => {
      const m = e.type === 'admit' || e.type === 'leave' || e.type === 'notices' || e.type === 'repay-shares' ? byNumber.get(e.member) : undefined;
      return m ? rowPlace(file, m) : undefined;
    };
    if (options.dryRun) {
      // Checked against the register like a real import, then stopped before anything is written.
      return {
        events,
        message: '',
        refusal: `${file} cannot be imported; these rows would break the group's rules`,
        where,
        result: () => ({ file, dryRun: true, members, ignoredColumns: ignored, skipped }),
        dryRun: true,
      };
    }
    return {
      events,
      contacts,
      message: commitMessages.import(members.length, label),
      refusal: `${file} cannot be imported; these rows would break the group's rules`,
      where,
      result: () => ({ file, dryRun: false, members, ignoredColumns: ignored, skipped }),
    };
  });
  return recorded;
}

function refusal(file: string, problems: readonly ImportProblem[]): string {
  const shown = problems.slice(0, 200);
  return (
    `${file} has ${problems.length === 1 ? 'a row' : `${problems.length} rows`} that cannot be imported; fix ${problems.length === 1 ? 'it' : 'them'} and try again. Nothing was imported.\n` +
    shown.map((p) => `  ${rowPlace(file, p)}: ${p.message}`).join('\n') +
    (problems.length > shown.length ? `\n  … and ${problems.length - shown.length} more` : '')
  );
}
