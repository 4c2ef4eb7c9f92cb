// The statutory register as at a date: of members (name, address, date entered, date ceased,
// shares held and amount paid, and for a society other property held — 2014 Act s.30(2);
// Companies Act 2006 s.113) and of officers (name, office, date took office, date left). For a
// company, also its registers of directors, secretaries and people with significant control
// (company-registers.ts). Built from the derived state; printed as Markdown, CSV or JSON.

import type { Contact } from '../contacts.js';
import { type Cell, toCsv } from '../csv.js';
import { longDate, type IsoDate } from '../dates.js';
import type { Member, OfficerTerm, RegisterState } from '../ledger/derive.js';
import { escapeMarkdown } from '../markdown.js';
import { formatPounds } from '../numbers.js';
import { isCompany, isSociety } from '../law.js';
import type { OfficerDetails } from '../officer-details.js';
import type { Form } from '../params.js';
import { buildCompanyRegisters, type CompanyRegisters } from './company-registers.js';

/** A member as the register shows them: shares are those held on the date (none once left). */
export interface RegisterMember extends Omit<Member, 'notices' | 'noticesSince'> {
  /** Amount paid on those shares, in pence (shares are issued fully paid). */
  paidPence: number;
  /** Other property held in the group, in pence: loans and deposits (2014 Act s.30(2)(d)). */
  loanPence: number;
  depositPence: number;
  email?: string;
  address?: string;
  phone?: string;
}

export interface RegisterOfficer extends OfficerTerm {
  name: string;
  /** With contacts: the officer's address. */
  address?: string;
}

export interface StatutoryRegister {
  group: string;
  asOf: IsoDate;
  /** Nominal value of one share in pence; null where the group has no shares. */
  sharePence: number | null;
  withContacts: boolean;
  /** The legal form, which decides which registers the law requires; null when not given. */
  form: Form | null;
  members: RegisterMember[];
  officers: RegisterOfficer[];
  /** The board on the date: who holds a seat, since when, elected or co-opted (empty where no seats are recorded). */
  board: BoardMember[];
  /** A company's registers of directors, secretaries and people with significant control. */
  company?: CompanyRegisters;
}

export interface BoardMember {
  member: number;
  name: string;
  since: IsoDate;
  coOpted: boolean;
  /** Offices the board member also holds on the date. */
  offices: string[];
}

export interface RegisterInfo {
  group: string;
  asOf: IsoDate;
  sharePence: number | null;
  form?: Form;
  registeredOffice?: string;
  /** Former members whose contact details were erased (coop member forget), on or before asOf. */
  erased?: ReadonlySet<number>;
  /** The board seat's role word, where the board is elected to seats. */
  boardRole?: string;
}

export function buildRegister(
  state: Pick<RegisterState, 'members' | 'officers' | 'property'>,
  info: RegisterInfo,
  contacts?: ReadonlyMap<number, Contact>,
  details?: ReadonlyMap<number, OfficerDetails>,
): StatutoryRegister {
  const members = [...state.members.values()]
    .sort((a, b) => a.number - b.number)
    .map((m): RegisterMember => {
      // Most members hold no other property: the map is empty in most registers.
      const property = state.property.size === 0 ? undefined : state.property.get(m.number);
      const row: RegisterMember = {
        number: m.number,
        name: m.name,
        joined: m.joined,
        left: m.left,
        leftReason: m.leftReason,
        shares: m.shares,
        paidPence: m.shares * (info.sharePence ?? 0),
        loanPence: property?.loan ?? 0,
        depositPence: property?.deposit ?? 0,
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
    .map((t): RegisterOfficer => {
      const o: RegisterOfficer = { member: t.member, name: state.members.get(t.member)?.name ?? `member ${t.member}`, role: t.role, from: t.from, to: t.to };
      if (contacts) o.address = contacts.get(t.member)?.address ?? '';
      return o;
    })
    .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : a.member - b.member));
  const { form, registeredOffice, erased, boardRole, ...rest } = info;
  if (contacts && erased) for (const m of members) if (erased.has(m.number)) m.address = ERASED;
  const out: StatutoryRegister = { ...rest, withContacts: contacts !== undefined, form: form ?? null, members, officers, board: boardOn(state, boardRole) };
  if (form && isCompany(form)) out.company = buildCompanyRegisters(state, { asOf: info.asOf, registeredOffice: registeredOffice ?? '' }, contacts, details);
  return out;
}

/** The board's seats running at the end of the derived date, in membership-number order. */
function boardOn(state: Pick<RegisterState, 'members' | 'officers'>, role: string | undefined): BoardMember[] {
  if (role === undefined) return [];
  const coOptedRole = `co-opted-${role}`;
  const running = state.officers.filter((t) => t.to === null);
  return running
    .filter((t) => t.role === role || t.role === coOptedRole)
    .map((t) => ({
      member: t.member,
      name: state.members.get(t.member)?.name ?? `member ${t.member}`,
      since: t.from,
      coOpted: t.role === coOptedRole,
      offices: running.filter((o) => o.member === t.member && o.role !== role && o.role !== coOptedRole).map((o) => o.role),
    }))
    .sort((a, b) => a.member - b.member);
}

/** What the register shows where a former member's address was erased after the retention period. */
const ERASED = 'erased after the retention period';

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
  const society = r.form !== null && isSociety(r.form);
  const company = r.company;
  const head = [
    'No.',
    'Name',
    ...(r.withContacts ? ['Address', 'Email'] : []),
    company ? 'Date registered' : 'Date entered',
    'Date ceased',
    ...(shares ? ['Shares held', 'Amount paid'] : []),
    ...(society ? ['Other property (loans, deposits)'] : []),
  ];
  let out = [
    company ? `# Statutory registers: ${cellMd(r.group)}` : `# Register of members and officers: ${cellMd(r.group)}`,
    '',
    `As at ${longDate(r.asOf)} (${r.asOf}).${r.withContacts ? ' Contains personal contact details: keep it private.' : ''}`,
    ...lawLines(r),
    '',
    company ? '## Register of members' : '## Members',
    '',
    '',
  ].join('\n');
  if (r.members.length === 0) out += 'No members on this date.\n';
  else {
    out += tableHead(head);
    for (const m of r.members) {
      let line = `| ${m.number} | ${cell(cellMd(m.name))} |`;
      if (r.withContacts) line += ` ${cellMd(m.address || 'not recorded')} | ${cell(cellMd(m.email ?? ''))} |`;
      line += ` ${m.joined} | ${m.left ? `${m.left} (${m.leftReason})` : ' '} |`;
      if (shares) line += ` ${m.shares} | ${pounds(m.paidPence)} |`;
      if (society) line += ` ${otherProperty(m)} |`;
      out += `${line}\n`;
      if (out.length >= CHUNK_CHARS) {
        yield out;
        out = '';
      }
    }
  }
  yield out + (company ? companyMarkdown(r, company) : officersMarkdown(r)) + boardMarkdown(r);
}

/** Which Act requires what is printed, and where the private particulars are. */
function lawLines(r: StatutoryRegister): string[] {
  const lines: string[] = [];
  if (r.form !== null && isSociety(r.form))
    lines.push('', 'The register of members and officers a registered society keeps (Co-operative and Community Benefit Societies Act 2014 s.30).');
  if (r.company) {
    lines.push(
      '',
      "The registers a company keeps under the Companies Act 2006: of members (s.113), directors (s.162), directors' residential addresses (s.165), secretaries (s.275) and people with significant control (Part 21A).",
    );
  }
  if (!r.withContacts && r.form !== null && (isSociety(r.form) || r.company)) {
    lines.push('', 'Addresses and the other personal particulars the law requires are kept privately, out of git: print them with coop register --with-contacts.');
  }
  return lines;
}

function otherProperty(m: RegisterMember): string {
  if (m.loanPence <= 0 && m.depositPence <= 0) return 'none';
  const parts = [m.loanPence > 0 ? `loan ${pounds(m.loanPence)}` : '', m.depositPence > 0 ? `deposit ${pounds(m.depositPence)}` : ''].filter(Boolean);
  return parts.length === 0 ? 'none' : parts.join('; ');
}

function officersMarkdown(r: StatutoryRegister): string {
  let out = '\n## Officers\n\n';
  const officers = r.officers.map((o) => [cellMd(o.name), `${o.member}`, ...(r.withContacts ? [cellMd(o.address ?? '')] : []), o.role, o.from, o.to ?? '']);
  if (officers.length === 0) out += 'No officers on this date.\n';
  else {
    out += tableHead(['Name', 'Member no.', ...(r.withContacts ? ['Address'] : []), 'Office', 'Took office', 'Left office']);
    for (const row of officers) out += `| ${row.map(cell).join(' | ')} |\n`;
  }
  return out;
}

function companyMarkdown(r: StatutoryRegister, c: CompanyRegisters): string {
  const md = (v: string | undefined) => cell(cellMd(v || (r.withContacts ? 'not recorded' : '')));
  let out = '\n## Register of directors\n\n';
  if (c.directors.length === 0) out += 'No directors on this date.\n';
  else {
    const particulars = ['Service address', 'Country or state of usual residence', 'Nationality', 'Business occupation', 'Date of birth'];
    out += tableHead(['Name', 'Member no.', 'Offices', ...(r.withContacts ? particulars : []), 'Appointed', 'Ceased']);
    for (const d of c.directors) {
      const personal = r.withContacts ? [md(d.serviceAddress), md(d.residence), md(d.nationality), md(d.occupation), md(d.born)] : [];
      out += `| ${cell(cellMd(d.name))} | ${d.member} | ${d.offices.join(', ')} | ${personal.map((p) => `${p} | `).join('')}${d.appointed} | ${cell(d.ceased ?? '')} |\n`;
    }
    if (!r.withContacts)
      out +=
        '\nThe particulars s.163 requires (service address, residence, nationality, occupation, date of birth) are printed with --with-contacts; record them with coop officer details.\n';
  }
  if (r.withContacts) {
    out += "\n## Register of directors' residential addresses\n\n";
    if (c.directors.length === 0) out += 'No directors on this date.\n';
    else {
      out += tableHead(['Name', 'Usual residential address']);
      for (const d of c.directors) out += `| ${cell(cellMd(d.name))} | ${md(d.residentialAddress)} |\n`;
    }
  }
  out += '\n## Register of secretaries\n\n';
  if (c.secretaries.length === 0) out += 'No secretary on this date (a private company need not have one).\n';
  else {
    out += tableHead(['Name', 'Member no.', ...(r.withContacts ? ['Address'] : []), 'Appointed', 'Ceased']);
    for (const s of c.secretaries) out += `| ${cell(cellMd(s.name))} | ${s.member} | ${r.withContacts ? `${md(s.address)} | ` : ''}${s.appointed} | ${cell(s.ceased ?? '')} |\n`;
  }
  out += '\n## Register of people with significant control\n\n';
  if (c.psc.statement) out += `${c.psc.statement}\n`;
  else if (c.psc.people.length === 0) out += 'No members on this date.\n';
  else {
    out += tableHead(['Name', 'Member no.', 'Nature of control', 'Since']);
    for (const p of c.psc.people) out += `| ${cell(cellMd(p.name))} | ${p.member} | ${p.natureOfControl} | ${p.since} |\n`;
    out +=
      "\nEach registrable person's particulars (date of birth, nationality, residence, service and residential address) are the ones in the register of directors where they are a director; otherwise record them with coop officer details.\n";
  }
  out += `\n${c.psc.basis}\n`;
  return out;
}

/** The board's seats on the date, where the board is elected to seats. */
function boardMarkdown(r: StatutoryRegister): string {
  if (r.board.length === 0) return '';
  let out = `\n## Board\n\n${r.board.length} on ${longDate(r.asOf)}.\n\n`;
  out += tableHead(['Name', 'Member no.', 'On the board since', 'Elected or co-opted', 'Also holds']);
  for (const b of r.board) out += `| ${[cellMd(b.name), `${b.member}`, b.since, b.coOpted ? 'co-opted' : 'elected', b.offices.join(', ')].map(cell).join(' | ')} |\n`;
  return out;
}

/** An empty cell is written as one space, so the table's pipes stay apart. */
const cell = (c: string): string => c || ' ';

function tableHead(head: string[]): string {
  return `| ${head.join(' | ')} |\n|${head.map(() => ' --- ').join('|')}|\n`;
}

/** Members, a blank line, then officers: two tables in one sheet, each with its header. */
export function registerCsv(r: StatutoryRegister): string {
  const shares = r.sharePence !== null;
  const society = r.form !== null && isSociety(r.form);
  const rows: Cell[][] = [
    [
      'Membership number',
      'Name',
      ...(r.withContacts ? ['Address', 'Email', 'Phone'] : []),
      'Date entered',
      'Date ceased',
      'Reason ceased',
      ...(shares ? ['Shares held', 'Amount paid (£)'] : []),
      ...(society ? ['Loans (£)', 'Deposits (£)'] : []),
    ],
    ...r.members.map((m) => [
      m.number,
      m.name,
      ...(r.withContacts ? [m.address ?? '', m.email ?? '', m.phone ?? ''] : []),
      m.joined,
      m.left,
      m.leftReason,
      ...(shares ? [m.shares, (m.paidPence / 100).toFixed(2)] : []),
      ...(society ? [(m.loanPence / 100).toFixed(2), (m.depositPence / 100).toFixed(2)] : []),
    ]),
    [],
    ['Officer', 'Membership number', 'Office', 'Took office', 'Left office'],
    ...r.officers.map((o) => [o.name, o.member, o.role, o.from, o.to]),
    ...(r.board.length > 0
      ? [
          [],
          ['Board member', 'Membership number', 'On the board since', 'Elected or co-opted', 'Also holds'],
          ...r.board.map((b) => [b.name, b.member, b.since, b.coOpted ? 'co-opted' : 'elected', b.offices.join(', ')]),
        ]
      : []),
  ];
  const c = r.company;
  if (c) {
    rows.push(
      [],
      [
        'Director',
        'Membership number',
        'Offices',
        ...(r.withContacts ? ['Service address', 'Residence', 'Nationality', 'Occupation', 'Date of birth', 'Residential address'] : []),
        'Appointed',
        'Ceased',
      ],
    );
    for (const d of c.directors) {
      rows.push([
        d.name,
        d.member,
        d.offices.join(' '),
        ...(r.withContacts ? [d.serviceAddress ?? '', d.residence ?? '', d.nationality ?? '', d.occupation ?? '', d.born ?? '', d.residentialAddress ?? ''] : []),
        d.appointed,
        d.ceased,
      ]);
    }
    rows.push([], ['Secretary', 'Membership number', ...(r.withContacts ? ['Address'] : []), 'Appointed', 'Ceased']);
    for (const s of c.secretaries) rows.push([s.name, s.member, ...(r.withContacts ? [s.address ?? ''] : []), s.appointed, s.ceased]);
    rows.push([], ['Person with significant control', 'Membership number', 'Nature of control', 'Since']);
    if (c.psc.statement) rows.push([c.psc.statement]);
    for (const p of c.psc.people) rows.push([p.name, p.member, p.natureOfControl, p.since]);
  }
  return toCsv(rows);
}
