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
export interface RegisterMember extends Member {
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
  return formatPounds(pence, { pence: true });
}

const cellMd = (value: string): string => escapeMarkdown(value);

export function registerMarkdown(r: StatutoryRegister): string {
  const shares = r.sharePence !== null;
  const head = ['No.', 'Name', ...(r.withContacts ? ['Address', 'Email'] : []), 'Date entered', 'Date ceased', ...(shares ? ['Shares held', 'Amount paid'] : [])];
  const rows = r.members.map((m) => [
    String(m.number),
    cellMd(m.name),
    ...(r.withContacts ? [cellMd(m.address ?? ''), cellMd(m.email ?? '')] : []),
    m.joined,
    m.left ? `${m.left} (${m.leftReason})` : '',
    ...(shares ? [String(m.shares), pounds(m.paidPence)] : []),
  ]);
  const officers = r.officers.map((o) => [cellMd(o.name), `${o.member}`, o.role, o.from, o.to ?? '']);
  return [
    `# Register of members and officers: ${cellMd(r.group)}`,
    '',
    `As at ${longDate(r.asOf)} (${r.asOf}).${r.withContacts ? ' Contains personal contact details: keep it private.' : ''}`,
    '',
    '## Members',
    '',
    ...(rows.length > 0 ? table(head, rows) : ['No members on this date.']),
    '',
    '## Officers',
    '',
    ...(officers.length > 0 ? table(['Name', 'Member no.', 'Office', 'Took office', 'Left office'], officers) : ['No officers on this date.']),
    '',
  ].join('\n');
}

function table(head: string[], rows: string[][]): string[] {
  return [`| ${head.join(' | ')} |`, `|${head.map(() => ' --- ').join('|')}|`, ...rows.map((r) => `| ${r.map((c) => c || ' ').join(' | ')} |`)];
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
