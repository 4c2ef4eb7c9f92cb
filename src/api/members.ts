// Admitting members, recording departures, and changing names or contact details.

import { UsageError, UserError } from '../errors.js';
import type { ContactField, ContactLine } from '../core/contacts.js';
import type { IsoDate } from '../core/dates.js';
import { deriveState } from '../core/ledger/derive.js';
import { LEAVE_REASONS, type LeaveReason, type NewEvent } from '../core/ledger/events.js';
import { cleanAddress, cleanEmail, cleanName, cleanPhone, parseEventDate, parseMemberNumber, parsePositiveWhole } from '../core/register/input.js';
import { commitMessages, plural } from '../core/register/messages.js';
import type { GroupContext, WriteOptions } from './group.js';
import { existingMember, noSuchMember } from './guards.js';
import { recordChange, type Recorded } from './record.js';

export interface ContactInput {
  email?: string;
  address?: string;
  phone?: string;
}

export interface AddMemberInput extends ContactInput, WriteOptions {
  name: string;
  /** Date admitted, YYYY-MM-DD or dd/mm/yyyy (default today). */
  joined?: string;
  /** Shares taken on joining (default: the rules' minimum; none where the group has no shares). */
  shares?: number | string;
}

export interface AddedMember {
  number: number;
  name: string;
  joined: IsoDate;
  shares: number;
  /** Which contact details were stored privately (their values are never returned). */
  contacts: ContactField[];
}

/** Checks contact details and turns them into a store line; undefined when none were given. */
export function contactLine(member: number, input: ContactInput, allowRemoval = false): ContactLine | undefined {
  const line: ContactLine = { member };
  const fields: [ContactField, (v: string) => string][] = [
    ['email', cleanEmail],
    ['address', cleanAddress],
    ['phone', cleanPhone],
  ];
  for (const [field, clean] of fields) {
    const value = input[field];
    if (value === undefined) continue;
    if (value.trim() === '') {
      if (allowRemoval) line[field] = null;
      continue;
    }
    line[field] = clean(value);
  }
  return Object.keys(line).length > 1 ? line : undefined;
}

export function contactFields(line: ContactLine | undefined): ContactField[] {
  return line ? (Object.keys(line).filter((k) => k !== 'member' && k !== 'of') as ContactField[]) : [];
}

/** The shares a new member takes: as asked, or the rules' minimum; refused where there are no shares. */
export function admissionShares(group: GroupContext, shares: number | string | undefined): number {
  const rules = group.params.shares;
  if (!rules) {
    if (shares !== undefined && String(shares).trim() !== '' && String(shares).trim() !== '0') {
      throw new UserError(`This group (a ${group.params.group.form}) has no members' shares, so a member cannot take ${shares}. Leave out the shares.`);
    }
    return 0;
  }
  if (shares === undefined || String(shares).trim() === '') return rules.minimumHolding;
  return parsePositiveWhole(shares, 'number of shares');
}

export async function addMember(cwd: string, input: AddMemberInput): Promise<AddedMember & Recorded> {
  return recordChange(cwd, input, (group) => {
    const name = cleanName(input.name);
    const joined = parseEventDate(input.joined, 'date joined', group);
    const shares = admissionShares(group, input.shares);
    const number = group.nextNumber;
    const contact = contactLine(number, input);
    return {
      events: [{ date: joined, type: 'admit', member: number, name, shares }],
      contacts: contact ? [contact] : [],
      message: commitMessages.admit(number, name),
      refusal: `Cannot admit ${name}`,
      result: () => ({ number, name, joined, shares, contacts: contactFields(contact) }),
    };
  });
}

export interface LeaveInput extends WriteOptions {
  date: string;
  reason: LeaveReason | string;
}

export interface MemberLeft {
  number: number;
  name: string;
  left: IsoDate;
  reason: LeaveReason;
  /** Withdrawable shares repaid on leaving. */
  repaid: number;
  /** Offices the member held, which end with the membership. */
  officesEnded: string[];
}

export async function leaveMember(cwd: string, memberNumber: number | string, input: LeaveInput): Promise<MemberLeft & Recorded> {
  const number = parseMemberNumber(memberNumber);
  const reason = input.reason as LeaveReason;
  if (!LEAVE_REASONS.includes(reason)) throw new UsageError(`The reason "${input.reason}" is not one coop knows: use one of ${LEAVE_REASONS.join(', ')}.`);
  return recordChange(cwd, input, (group) => {
    const date = parseEventDate(input.date, 'date of leaving', group);
    if (number >= group.nextNumber) throw new UserError(noSuchMember(group, number));
    const { state } = deriveState(group.events, { asOf: date });
    const m = state.members.get(number);
    if (!m) throw new UserError(`Member ${number} had not been admitted by ${date}, so cannot have left then.`);
    if (m.left !== null) throw new UserError(`Member ${number} (${m.name}) already left on ${m.left}.`);
    const rules = group.params.shares;
    let repaid = 0;
    if (rules && m.shares > 0) {
      if (!rules.withdrawable) {
        throw new UserError(
          `Member ${number} (${m.name}) holds ${plural(m.shares, 'share')}, which the rules make non-withdrawable, so they cannot simply be repaid. ` +
            (rules.transferable
              ? `Transfer them to another member first: coop shares transfer ${number} <to> ${m.shares} --date ${date}. Then record the departure.`
              : 'The rules make them non-transferable too: check the rules (coop.yml shares) with the board before recording the departure.') +
            ' Nothing was changed.',
        );
      }
      repaid = m.shares;
    }
    const officesEnded = state.officers.filter((t) => t.member === number && t.to === null).map((t) => t.role);
    return {
      events: [{ date, type: 'leave', member: number, reason, repaid }],
      message: commitMessages.leave(number, reason),
      refusal: `Cannot record that member ${number} left`,
      result: () => ({ number, name: m.name, left: date, reason, repaid, officesEnded }),
    };
  });
}

export interface UpdateMemberInput extends ContactInput, WriteOptions {
  /** A new name, recorded in the register as a change of name on `date`. */
  name?: string;
  /** When a change of name took effect (default today). */
  date?: string;
}

export interface UpdatedMember {
  number: number;
  name: string;
  renamed: boolean;
  /** Contact fields set or removed (an empty value removes one). */
  contactsChanged: ContactField[];
}

export async function updateMember(cwd: string, memberNumber: number | string, input: UpdateMemberInput): Promise<UpdatedMember & Recorded> {
  const number = parseMemberNumber(memberNumber);
  if (input.name === undefined && input.email === undefined && input.address === undefined && input.phone === undefined) {
    throw new UsageError('Nothing to change: give --name, --email, --address or --phone (an empty value, like --phone "", removes a contact detail).');
  }
  if (input.date !== undefined && input.name === undefined) throw new UsageError('--date is the date of a change of name: give it with --name.');
  return recordChange(cwd, input, (group) => {
    const m = existingMember(group, number);
    const events: NewEvent[] = [];
    let name = m.name;
    if (input.name !== undefined) {
      name = cleanName(input.name);
      if (name === m.name) throw new UserError(`Member ${number} is already called ${name}.`);
      events.push({ date: parseEventDate(input.date, 'date of the change of name', group), type: 'rename', member: number, name });
    }
    const contact = contactLine(number, input, true);
    return {
      events,
      contacts: contact ? [contact] : [],
      message: commitMessages.rename(number, name),
      refusal: `Cannot change member ${number}'s name`,
      result: () => ({ number, name, renamed: events.length > 0, contactsChanged: contactFields(contact) }),
    };
  });
}
