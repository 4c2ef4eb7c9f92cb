// The statutory register as at a date: of members (name, address, date entered, date ceased,
// shares held and amount paid — 2014 Act s.30; Companies Act 2006 s.113) and of officers
// (name, office, date took office, date left). Built from the derived state; printed as
// Markdown, CSV or JSON.

import type { Contact } from '../contacts.js';
import { type Cell, toCsv } from '../csv.js';
import { longDate, type IsoDate } from '../dates.js';
import type { Member, OfficerTerm, RegisterState } from '../ledger/derive.js';
import { escapeMarkdown } from '../markdown.js';
import { formatPounds } from '../numbers.js';

/** A member as the register shows them: shares are those held on the date (none once left). */
export interface RegisterMember extends Omit<Member, 'notices' | 'noticesSince'> {
  /** Amount paid on those shares, in pence (shares are issued fully paid). */
  paidPence: number;
  email?: string;
  address?: string;
  phone?: string;
}

export interface RegisterOfficer extends OfficerTerm {
  name: string;
}

export interface StatutoryRegister {
  group: string;
  asOf: IsoDate;
  /** Nominal value of one share in pence; null where the group has no shares. */
  sharePence: number | null;
  withContacts: boolean;
  members: RegisterMember[];
  officers: RegisterOfficer[];
}

export function buildRegister(
  state: RegisterState,
  info: { group: string; asOf: IsoDate; sharePence: number | null },
  contacts?: ReadonlyMap<number, Contact>,
): StatutoryRegister {
  const members = [...state.members.values()]
    .sort((a, b) => a.number - b.number)
    .map((m): RegisterMember => {
      const row: RegisterMember = {
        number: m.number,
        name: m.name,
        joined: m.joined,
        left: m.left,
        leftReason: m.leftReason,
        shares: m.shares,
        paidPence: m.shares * (info.sharePence ?? 0),
      };
      const c = contacts?.get(m.number);
      if (contacts) {
        row.address = c?.address ?? '';
        row.email = c?.email ?? '';
        row.phone = c?.phone ?? '';
      }
      return row;
    });
  const officers = state.officers
    .map((t) => ({ member: t.member, name: state.members.get(t.member)?.name ?? `member ${t.member}`, role: t.role, from: t.from, to: t.to }))
    .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : a.member - b.member));
  return { ...info, withContacts: contacts !== undefined, members, officers };
}

/** "£1,234.00". Not toLocaleString with options: that builds a number format per call, seconds for 100,000 members. */
export function pounds(pence: number): string {
  // Whole pence from 0 up (every amount in the register): digits grouped by hand, the same text
  // as formatPounds gives, without its toFixed and regular expressions on each of 100,000 rows.
  if (Number.isSafeInteger(pence) && pence >= 0 && !Object.is(pence, -0) && pence < 1e15) {
    const cents = pence % 100;
    return `£${groupThousands(String((pence - cents) / 100))}.${cents < 10 ? '0' : ''}${cents}`;
  }
  return formatPounds(pence, { pence: true });
}

function groupThousands(digits: string): string {
  if (digits.length <= 3) return digits;
  let out = digits.slice(0, ((digits.length - 1) % 3) + 1);
  for (let i = out.length; i < digits.length; i += 3) out += `,${digits.slice(i, i + 3)}`;
  return out;
}

const cellMd = (value: string): string => escapeMarkdown(value);

/** The register as Markdown, one string (registerMarkdownChunks gives the same text in pieces). */
export function registerMarkdown(r: StatutoryRegister): string {
  let out = '';
  for (const chunk of registerMarkdownChunks(r)) out += chunk;
  return out;
}

/** Rows are gathered into pieces about this long: printed as they are made, none of them lives long. */
const CHUNK_CHARS = 1 << 16;

/**
 * The register as Markdown in pieces, for printing as it is made: at 100,000 members one
 * string of the whole table, and the rows kept for it, were most of the memory `coop register`
 * used and so most of its time.
 */
export function* registerMarkdownChunks(r: StatutoryRegister): Generator<string> {
  const shares = r.sharePence !== null;
  const head = ['No.', 'Name', ...(r.withContacts ? ['Address', 'Email'] : []), 'Date entered', 'Date ceased', ...(shares ? ['Shares held', 'Amount paid'] : [])];
  let out = [
    `# Register of members and officers: ${cellMd(r.group)}`,
    '',
    `As at ${longDate(r.asOf)} (${r.asOf}).${r.withContacts ? ' Contains personal contact details: keep it private.' : ''}`,
    '',
    '## Members',
    '',
    '',
  ].join('\n');
  if (r.members.length === 0) out += 'No members on this date.\n';
  else {
    out += tableHead(head);
    for (const m of r.members) {
      let line = `| ${m.number} | ${cell(cellMd(m.name))} |`;
      if (r.withContacts) line += ` ${cell(cellMd(m.address ?? ''))} | ${cell(cellMd(m.email ?? ''))} |`;
      line += ` ${m.joined} | ${m.left ? `${m.left} (${m.leftReason})` : ' '} |`;
      if (shares) line += ` ${m.shares} | ${pounds(m.paidPence)} |`;
      out += `${line}\n`;
      if (out.length >= CHUNK_CHARS) {
        yield out;
        out = '';
      }
    }
  }
  out += '\n## Officers\n\n';
  const officers = r.officers.map((o) => [cellMd(o.name), `${o.member}`, o.role, o.from, o.to ?? '']);
  if (officers.length === 0) out += 'No officers on this date.\n';
  else {
    out += tableHead(['Name', 'Member no.', 'Office', 'Took office', 'Left office']);
    for (const row of officers) out += `| ${row.map(cell).join(' | ')} |\n`;
  }
  yield out;
}

/** An empty cell is written as one space, so the table's pipes stay apart. */
const cell = (c: string): string => c || ' ';

function tableHead(head: string[]): string {
  return `| ${head.join(' | ')} |\n|${head.map(() => ' --- ').join('|')}|\n`;
}

/** Members, a blank line, then officers: two tables in one sheet, each with its header. */
export function registerCsv(r: StatutoryRegister): string {
  const shares = r.sharePence !== null;
  const rows: Cell[][] = [
    ['Membership number', 'Name', ...(r.withContacts ? ['Address', 'Email', 'Phone'] : []), 'Date entered', 'Date ceased', 'Reason ceased', ...(shares ? ['Shares held', 'Amount paid (£)'] : [])],
    ...r.members.map((m) => [
      m.number,
      m.name,
      ...(r.withContacts ? [m.address ?? '', m.email ?? '', m.phone ?? ''] : []),
      m.joined,
      m.left,
      m.leftReason,
      ...(shares ? [m.shares, (m.paidPence / 100).toFixed(2)] : []),
    ]),
    [],
    ['Officer', 'Membership number', 'Office', 'Took office', 'Left office'],
    ...r.officers.map((o) => [o.name, o.member, o.role, o.from, o.to]),
  ];
  return toCsv(rows);
}
