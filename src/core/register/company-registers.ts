// A company's registers beyond its register of members: of directors (Companies Act 2006 s.162,
// with the particulars s.163 lists), of directors' residential addresses (s.165), of secretaries
// (s.275, s.277) and of people with significant control (Part 21A). Built from the officer terms
// in the ledger and the private stores; personal particulars appear only with contacts.
//
// Every office in a company's rules is a seat on its board, so every officer is a director;
// the secretary is also the company secretary. Members vote one member, one vote.

import { PSC_NONE_STATEMENT, PSC_THRESHOLD_PERCENT } from '../law.js';
import type { Contact } from '../contacts.js';
import type { IsoDate } from '../dates.js';
import type { RegisterState } from '../ledger/derive.js';
import type { OfficerDetails } from '../officer-details.js';

export interface RegisterDirector {
  member: number;
  name: string;
  /** Offices held, in order of appointment. */
  offices: string[];
  appointed: IsoDate;
  ceased: IsoDate | null;
  /** With contacts: the s.163 particulars; "" where not recorded. */
  serviceAddress?: string;
  residence?: string;
  nationality?: string;
  occupation?: string;
  born?: string;
  /** With contacts: the usual residential address (s.165), the member's contact address. */
  residentialAddress?: string;
}

export interface RegisterSecretary {
  member: number;
  name: string;
  appointed: IsoDate;
  ceased: IsoDate | null;
  /** With contacts: the address for the register (a service address, s.277). */
  address?: string;
}

export interface PscEntry {
  member: number;
  name: string;
  /** The statement of the nature of control (SI 2016/339 Sch 2, voting-rights bands). */
  natureOfControl: string;
  /** The day the present membership, which gives this share of the votes, has stood since. */
  since: IsoDate;
}

export interface PscRegister {
  /** The reg.10 statement where no member holds more than 25% of the votes; null where some do. */
  statement: string | null;
  /** Why the tool reached its answer, and what the board must confirm. */
  basis: string;
  people: PscEntry[];
}

export interface CompanyRegisters {
  directors: RegisterDirector[];
  secretaries: RegisterSecretary[];
  psc: PscRegister;
}

/** The Sch 2 band for a share of the voting rights, in percent. */
function votingBand(percent: number): string {
  if (percent >= 75) return 'holds, directly or indirectly, 75% or more of the voting rights in the company';
  if (percent > 50) return 'holds, directly or indirectly, more than 50% but less than 75% of the voting rights in the company';
  return `holds, directly or indirectly, more than ${PSC_THRESHOLD_PERCENT}% but not more than 50% of the voting rights in the company`;
}

export function buildCompanyRegisters(
  state: Pick<RegisterState, 'members' | 'officers'>,
  info: { asOf: IsoDate; registeredOffice: string },
  contacts?: ReadonlyMap<number, Contact>,
  details?: ReadonlyMap<number, OfficerDetails>,
): CompanyRegisters {
  const name = (n: number) => state.members.get(n)?.name ?? `member ${n}`;
  const byMember = new Map<number, RegisterDirector>();
  const terms = [...state.officers].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : a.member - b.member));
  for (const t of terms) {
    let d = byMember.get(t.member);
    if (!d) {
      d = { member: t.member, name: name(t.member), offices: [], appointed: t.from, ceased: t.to };
      byMember.set(t.member, d);
    } else d.ceased = d.ceased === null || t.to === null ? null : t.to > d.ceased ? t.to : d.ceased;
    if (!d.offices.includes(t.role)) d.offices.push(t.role);
  }
  const directors = [...byMember.values()];
  if (contacts) {
    for (const d of directors) {
      const p = details?.get(d.member) ?? {};
      d.serviceAddress = p.serviceAddress ?? `${info.registeredOffice} (the registered office)`;
      d.residence = p.residence ?? '';
      d.nationality = p.nationality ?? '';
      d.occupation = p.occupation ?? '';
      d.born = p.born ?? '';
      d.residentialAddress = contacts.get(d.member)?.address ?? '';
    }
  }
  const secretaries = terms
    .filter((t) => t.role === 'secretary')
    .map((t): RegisterSecretary => {
      const s: RegisterSecretary = { member: t.member, name: name(t.member), appointed: t.from, ceased: t.to };
      if (contacts) s.address = details?.get(t.member)?.serviceAddress ?? `${info.registeredOffice} (the registered office)`;
      return s;
    });
  return { directors, secretaries, psc: pscRegister(state) };
}

/**
 * With one member, one vote, each of n members holds 100/n% of the votes: more than 25% when
 * there are three members or fewer, and then each is a registrable person. With four or more
 * none is by votes; no member alone appoints the board, so the reg.10 statement fits, provided
 * nobody exercises significant influence or control by other means, which the board confirms.
 */
export function pscRegister(state: Pick<RegisterState, 'members'>): PscRegister {
  const current = [...state.members.values()].filter((m) => m.left === null).sort((a, b) => a.number - b.number);
  let since = '';
  for (const m of state.members.values()) {
    if (m.left === null && m.joined > since) since = m.joined;
    if (m.left !== null && m.left > since) since = m.left;
  }
  const n = current.length;
  const basis =
    'Each member has one vote and the members together elect the board, so no member alone can appoint or remove a majority of the directors. ' +
    `A member is registrable here only by holding more than ${PSC_THRESHOLD_PERCENT}% of the votes, which happens when there are ${Math.floor(100 / PSC_THRESHOLD_PERCENT) - 1} members or fewer. ` +
    'The board must still confirm that nobody exercises significant influence or control over the company by other means (Companies Act 2006 Sch 1A).';
  if (n === 0) return { statement: null, basis, people: [] };
  const percent = 100 / n;
  if (percent <= PSC_THRESHOLD_PERCENT) return { statement: PSC_NONE_STATEMENT, basis, people: [] };
  return { statement: null, basis, people: current.map((m) => ({ member: m.number, name: m.name, natureOfControl: votingBand(percent), since })) };
}
