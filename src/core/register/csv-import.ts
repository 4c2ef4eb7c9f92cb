// From a spreadsheet's rows to members to admit: find which column holds what (by the header
// names spreadsheets commonly use, or as told with --columns), then check every row, collecting
// every problem with its line so the secretary can fix the file in one go.

import { UsageError, UserError } from '../../errors.js';
import { parseDate, type IsoDate } from '../dates.js';
import { LEAVE_REASONS, type LeaveReason, type NoticeMethod } from '../ledger/events.js';
import { cleanAddress, cleanEmail, cleanName, cleanPhone, parseNoticeMethod, parsePositiveWhole } from './input.js';
import type { CsvRow } from './csv-read.js';

export const IMPORT_FIELDS = [
  'number',
  'name',
  'first-name',
  'last-name',
  'email',
  'phone',
  'address',
  'postcode',
  'joined',
  'left',
  'left-reason',
  'repaid',
  'shares',
  'notices',
  'notices-since',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Header names recognised for each field, compared without case, spaces or punctuation. */
const HEADER_NAMES: Record<ImportField, string[]> = {
  // coop's own export writes "Membership number", "Date left" and "Reason left", so an export
  // imported into a new group keeps numbers and departures.
  number: ['membershipnumber', 'membernumber', 'memberno', 'membershipno'],
  name: ['name', 'fullname', 'membername', 'membersname', 'nameofmember'],
  'first-name': ['firstname', 'forename', 'forenames', 'givenname', 'firstnames'],
  'last-name': ['lastname', 'surname', 'familyname'],
  email: ['email', 'emailaddress', 'mail'],
  phone: ['phone', 'telephone', 'mobile', 'phonenumber', 'telephonenumber', 'mobilenumber', 'tel', 'mobilephone'],
  address: ['address', 'postaladdress', 'homeaddress', 'streetaddress'],
  postcode: ['postcode', 'postalcode', 'zip', 'zipcode'],
  joined: ['datejoined', 'joined', 'startdate', 'membershipdate', 'joiningdate', 'dateofadmission', 'admitted', 'dateadmitted', 'joindate', 'membersince'],
  shares: ['shares', 'noofshares', 'numberofshares', 'sharesheld', 'shareholding'],
  left: ['dateleft', 'left', 'dateceased', 'leavingdate', 'dateofleaving'],
  'left-reason': ['reasonleft', 'reasonceased', 'reasonforleaving'],
  repaid: ['sharesrepaid', 'repaid', 'daterepaid', 'sharesrepaidon', 'repaidon'],
  notices: ['notices', 'noticesby', 'noticeby', 'noticemethod', 'emailconsent', 'consenttoemail', 'emailnotices', 'noticesbyemail'],
  'notices-since': ['noticessince', 'consentdate', 'emailconsentdate', 'dateofconsent', 'consentgiven', 'consentedon'],
};

const squash = (text: string): string => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

export type ColumnMap = Partial<Record<ImportField, number>>;

/** Which column holds what. `override` is --columns: "name=Full name,joined=Start date". */
export function mapColumns(header: readonly string[], override?: string): { columns: ColumnMap; ignored: string[] } {
  const columns: ColumnMap = {};
  const squashed = header.map(squash);
  if (override !== undefined && override.trim() !== '') {
    for (const part of override.split(',')) {
      const eq = part.indexOf('=');
      const key = squash(eq === -1 ? part : part.slice(0, eq));
      const field = IMPORT_FIELDS.find((f) => squash(f) === key);
      if (eq === -1 || !field) {
        throw new UsageError(`--columns: "${part.trim()}" should be FIELD=Column heading, with FIELD one of ${IMPORT_FIELDS.join(', ')}.`);
      }
      const wanted = part.slice(eq + 1).trim();
      const index = squashed.indexOf(squash(wanted));
      if (index === -1) throw new UsageError(`--columns: the file has no column "${wanted}". Its columns are: ${header.join(', ')}.`);
      columns[field] = index;
    }
  }
  const claimed = new Set(Object.values(columns));
  for (const field of IMPORT_FIELDS) {
    if (columns[field] !== undefined) continue;
    const matches = squashed.map((h, i) => (HEADER_NAMES[field].includes(h) && !claimed.has(i) ? i : -1)).filter((i) => i >= 0);
    if (matches.length > 1) {
      throw new UserError(
        `Columns ${matches.map((i) => `"${header[i]}"`).join(' and ')} both look like ${field}: say which to use with --columns "${field}=${header[matches[0]!]}".`,
      );
    }
    if (matches.length === 1) {
      columns[field] = matches[0]!;
      claimed.add(matches[0]!);
    }
  }
  if (columns.name === undefined && (columns['first-name'] === undefined || columns['last-name'] === undefined)) {
    throw new UserError(
      `Cannot find the members' names: no column is headed "Name" or "Full name" (or "First name" and "Last name"). ` +
        `The file's columns are: ${header.join(', ')}. Say which column holds the name with --columns "name=…".`,
    );
  }
  if (columns.joined === undefined) {
    throw new UserError(
      `Cannot find the date each member joined: no column is headed "Date joined", "Joined" or "Start date". ` +
        `The file's columns are: ${header.join(', ')}. Say which with --columns "joined=…", or add such a column.`,
    );
  }
  const used = new Set(Object.values(columns));
  return { columns, ignored: header.filter((h, i) => !used.has(i) && h.trim() !== '') };
}

export interface ImportRow {
  line: number;
  /** The row as the spreadsheet numbers it. */
  row: number;
  /** The membership number the file gives, kept on import; undefined: the next free number. */
  number?: number;
  name: string;
  joined: IsoDate;
  left?: { date: IsoDate; reason: LeaveReason };
  /** The date a former member was paid for the shares they gave up on leaving, where the file says so. */
  repaid?: IsoDate;
  shares: number;
  email?: string;
  address?: string;
  phone?: string;
  /** Present when the row records consent to notices by email, with the date it was given. */
  notices?: { method: NoticeMethod; since: IsoDate };
}

export interface ImportLimits {
  today: IsoDate;
  founded: IsoDate;
  /** The rules' minimum holding, taken when a row gives no shares; null: the group has no shares. */
  minimumShares: number | null;
  /** Members already in the register by duplicateKey (name and date joined), to catch a file imported twice. */
  existing: ReadonlyMap<string, number>;
  /** Membership numbers already used in the register (by anyone, past or present). */
  usedNumbers: ReadonlySet<number>;
  /** Rows for members already in the register are left out rather than refused (--skip-existing). */
  skipExisting?: boolean;
}

/** A row the file holds that could not be imported, placed as the secretary will look for it. */
export interface ImportProblem {
  line: number;
  row: number;
  /** The name the row gives, where it gives one. */
  name?: string;
  message: string;
}

/** A row left out because its member is already in the register (with --skip-existing). */
export interface SkippedRow {
  row: number;
  name: string;
  member: number;
}

/** "row 6 (Tom Smith), members.csv:7": the spreadsheet's row and the person first, then the file line. */
export function rowPlace(file: string, p: { row: number; line: number; name?: string }): string {
  return `row ${p.row}${p.name ? ` (${p.name})` : ''}, ${file}:${p.line}`;
}

/**
 * The apostrophe our own export puts before a cell a spreadsheet would read as a formula
 * ("'+44 7700 900789"), taken off again so that an export imports as it was.
 */
function unguard(text: string): string {
  return /^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}

export const duplicateKey = (name: string, joined: IsoDate): string => `${name.toLowerCase()}|${joined}`;

/** Checks every row. Rows whose cells are all empty (spreadsheet padding) are skipped. */
export function readImportRows(
  rows: readonly CsvRow[],
  columns: ColumnMap,
  width: number,
  limits: ImportLimits,
): { rows: ImportRow[]; problems: ImportProblem[]; skipped: SkippedRow[] } {
  const out: ImportRow[] = [];
  const problems: ImportProblem[] = [];
  const skipped: SkippedRow[] = [];
  const seen = new Map<string, number>();
  const numbersSeen = new Map<number, number>();
  for (const row of rows) {
    if (row.cells.every((c) => c.trim() === '')) continue;
    const wrong: string[] = [];
    const cell = (field: ImportField): string => {
      const i = columns[field];
      return i === undefined ? '' : unguard((row.cells[i] ?? '').trim());
    };
    const attempt = <T>(fn: () => T): T | undefined => {
      try {
        return fn();
      } catch (error) {
        if (error instanceof UserError) wrong.push(error.message);
        else throw error;
        return undefined;
      }
    };
    if (row.cells.slice(width).some((c) => c.trim() !== '')) {
      wrong.push(`has ${row.cells.length} values but the header has ${width} columns: is there a comma in a value that is not in quotes?`);
    }
    const rawName = columns.name !== undefined ? cell('name') : `${cell('first-name')} ${cell('last-name')}`.trim();
    const name = rawName === '' ? (wrong.push('has no name'), undefined) : attempt(() => cleanName(rawName));

    let joined: IsoDate | undefined;
    const rawDate = cell('joined');
    if (rawDate === '') wrong.push('has no date joined');
    else {
      joined = parseDate(rawDate);
      if (!joined) wrong.push(`has date joined "${rawDate}", which is not a real date written dd/mm/yyyy or YYYY-MM-DD`);
      else if (joined > limits.today) wrong.push(`has date joined ${joined}, which is in the future`);
      else if (joined < limits.founded) wrong.push(`has date joined ${joined}, before the group was founded (${limits.founded})`);
    }

    let shares = limits.minimumShares ?? 0;
    const rawShares = cell('shares');
    if (rawShares !== '') {
      if (limits.minimumShares === null) {
        if (rawShares !== '0') wrong.push(`gives ${rawShares} shares, but this group has no members' shares`);
      } else if (rawShares === '0' && cell('left') !== '') {
        // A member who has left holds no shares now (an export shows 0): admitted with the minimum.
      } else {
        const n = attempt(() => parsePositiveWhole(rawShares, 'number of shares'));
        if (n !== undefined) shares = n;
      }
    }

    let number: number | undefined;
    const rawNumber = cell('number');
    if (rawNumber !== '') {
      number = attempt(() => parsePositiveWhole(rawNumber, 'membership number'));
      if (number !== undefined) {
        const twice = numbersSeen.get(number);
        if (twice !== undefined) wrong.push(`gives membership number ${number}, as row ${twice} does: each member has a number of their own`);
        else numbersSeen.set(number, row.row);
      }
    }

    let left: ImportRow['left'];
    const rawLeft = cell('left');
    if (rawLeft !== '') {
      const date = parseDate(rawLeft);
      const rawReason = cell('left-reason').toLowerCase();
      const reason = rawReason === '' ? 'other' : (LEAVE_REASONS as readonly string[]).includes(rawReason) ? (rawReason as LeaveReason) : undefined;
      if (!date) wrong.push(`has date left "${rawLeft}", which is not a real date written dd/mm/yyyy or YYYY-MM-DD`);
      else if (date > limits.today) wrong.push(`has date left ${date}, which is in the future`);
      else if (joined !== undefined && date < joined) wrong.push(`has date left ${date}, before the date joined (${joined})`);
      if (reason === undefined) wrong.push(`gives "${cell('left-reason')}" as the reason left: use one of ${LEAVE_REASONS.join(', ')}`);
      if (date && reason) left = { date, reason };
    }

    // A former member's shares: "yes" (paid when they left) or the date they were paid; empty or
    // "no" leaves them owed, as a departure alone says (coop shares repay records it later).
    let repaid: IsoDate | undefined;
    const rawRepaid = cell('repaid');
    const said = rawRepaid.toLowerCase();
    if (rawRepaid !== '' && !['no', 'n', 'false'].includes(said)) {
      const date = ['yes', 'y', 'true'].includes(said) ? left?.date : parseDate(rawRepaid);
      if (rawLeft === '') wrong.push(`says shares repaid ("${rawRepaid}") but gives no date left: only a member who has left is paid for their shares`);
      else if (!date && left) wrong.push(`has shares repaid "${rawRepaid}": write yes, no, or the date paid as dd/mm/yyyy or YYYY-MM-DD`);
      else if (date && date > limits.today) wrong.push(`has shares repaid on ${date}, which is in the future`);
      else if (date && left && date < left.date) wrong.push(`has shares repaid on ${date}, before the date left (${left.date})`);
      else repaid = date;
    }

    const contact: Pick<ImportRow, 'email' | 'address' | 'phone'> = {};
    if (cell('email') !== '') contact.email = attempt(() => cleanEmail(cell('email')));
    if (cell('phone') !== '') contact.phone = attempt(() => cleanPhone(cell('phone')));
    const address = [cell('address'), cell('postcode')].filter(Boolean);
    if (address.length > 0) {
      // The postcode goes on the address's last line, or a line of its own if the address has several.
      const joinedAddress = address.length === 2 && address[0]!.includes('\n') ? address.join('\n') : address.join(', ');
      contact.address = attempt(() => cleanAddress(joinedAddress));
    }

    // Notices go by post unless the row records the member's consent to email (and an address for it).
    let notices: ImportRow['notices'];
    if (cell('notices') !== '') {
      const method = attempt(() => parseNoticeMethod(cell('notices')));
      if (method === 'email') {
        if (cell('email') === '') wrong.push('takes notices by email but gives no email address');
        const rawSince = cell('notices-since');
        const since = rawSince === '' ? joined : parseDate(rawSince);
        if (!since) wrong.push(`has consent date "${rawSince}", which is not a real date written dd/mm/yyyy or YYYY-MM-DD`);
        else if (since > limits.today) wrong.push(`has consent date ${since}, which is in the future`);
        else if (joined !== undefined && since < joined) wrong.push(`has consent date ${since}, before the member joined (${joined})`);
        else notices = { method, since };
      }
    }

    if (name !== undefined && joined !== undefined) {
      const key = duplicateKey(name, joined);
      const already = limits.existing.get(key);
      if (already !== undefined && limits.skipExisting && (number === undefined || number === already)) {
        skipped.push({ row: row.row, name, member: already });
        continue;
      }
      if (already !== undefined) {
        wrong.push(
          `${name}, joined ${joined}, is already member ${already}: remove the row if it is the same person, or import with --skip-existing to leave out rows already in the register`,
        );
      } else if (number !== undefined && limits.usedNumbers.has(number)) {
        wrong.push(`gives membership number ${number}, which the register already uses: numbers are never reused, so leave the cell empty for the next free number`);
      }
      const earlier = seen.get(key);
      if (earlier !== undefined) wrong.push(`repeats row ${earlier} (${name}, joined ${joined})`);
      else seen.set(key, row.row);
    }

    const place = { line: row.line, row: row.row, ...(name !== undefined ? { name } : rawName !== '' ? { name: rawName } : {}) };
    if (wrong.length > 0) problems.push({ ...place, message: wrong.join('; ') });
    else {
      out.push({
        ...place,
        name: name!,
        joined: joined!,
        shares,
        ...(number !== undefined ? { number } : {}),
        ...(left ? { left } : {}),
        ...(repaid ? { repaid } : {}),
        ...contact,
        ...(notices ? { notices } : {}),
      });
    }
  }
  return { rows: out, problems, skipped };
}
