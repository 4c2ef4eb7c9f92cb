// The register of officers: appointments and departures from office, dated. Whether an officer
// must be a member, and that an office has one holder at a time, is checked by the derivation.

import { UsageError, UserError } from '../errors.js';
import type { IsoDate } from '../core/dates.js';
import { cleanRole, parseEventDate, parseMemberNumber } from '../core/register/input.js';
import { commitMessages } from '../core/register/messages.js';
import type { WriteOptions } from './group.js';
import { noSuchMember } from './guards.js';
import { recordChange, type Recorded } from './record.js';

export interface OfficeInput extends WriteOptions {
  /** The office, e.g. secretary. An appointment must be to an office the rules name (board.roles). */
  role: string;
  /** YYYY-MM-DD or dd/mm/yyyy (default today). */
  date?: string;
}

export interface OfficeRecorded {
  member: number;
  name: string;
  role: string;
  date: IsoDate;
}

export async function appointOfficer(cwd: string, member: number | string, input: OfficeInput): Promise<OfficeRecorded & Recorded> {
  const number = parseMemberNumber(member);
  return recordChange(cwd, input, (group) => {
    const role = cleanRole(input.role, group.params.board.roles);
    if (number >= group.nextNumber) throw new UserError(noSuchMember(group, number));
    const date = parseEventDate(input.date, 'date of appointment', group);
    return {
      events: [{ date, type: 'appoint', member: number, role }],
      message: commitMessages.appoint(number, role),
      refusal: `Cannot appoint member ${number} as ${role}`,
      result: (_added, { state }) => ({ member: number, name: state.members.get(number)?.name ?? '', role, date }),
    };
  });
}

export async function endOfficerTerm(cwd: string, member: number | string, input: OfficeInput): Promise<OfficeRecorded & Recorded> {
  const number = parseMemberNumber(member);
  // Not checked against the rules' list: an office since dropped from the rules still ends.
  const role = input.role.trim().toLowerCase().replace(/[\s_]+/g, '-');
  if (!/^[a-z][a-z-]{0,39}$/.test(role)) throw new UsageError(`"${input.role}" is not an office name (lower-case words, e.g. secretary).`);
  return recordChange(cwd, input, (group) => {
    if (number >= group.nextNumber) throw new UserError(noSuchMember(group, number));
    const date = parseEventDate(input.date, 'date of leaving office', group);
    return {
      events: [{ date, type: 'retire', member: number, role }],
      message: commitMessages.retire(number, role),
      refusal: `Cannot record that member ${number} left the office of ${role}`,
      result: (_added, { state }) => ({ member: number, name: state.members.get(number)?.name ?? '', role, date }),
    };
  });
}
