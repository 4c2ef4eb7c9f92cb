// Admitting members, recording departures, and changing names or contact details.

import { UsageError, UserError } from '../errors.js';
import type { ContactField, ContactLine } from '../core/contacts.js';
import type { IsoDate } from '../core/dates.js';
import { deriveState } from '../core/ledger/derive.js';
import { LEAVE_REASONS, type LeaveReason, type NewEvent, type NoticeMethod, type SharePayee } from '../core/ledger/events.js';
import { cleanAddress, cleanEmail, cleanName, cleanPhone, parseEventDate, parseMemberNumber, parseNoticeMethod, parsePositiveWhole } from '../core/register/input.js';
import { isSociety } from '../core/law.js';
import { readContacts } from '../io/contacts-store.js';
import { keepFormerRows, keptFormerRows } from '../io/former-cache.js';
import { formerMatches, formerRows, nameKey } from '../core/register/former-index.js';
import { commitMessages, plural } from '../core/register/messages.js';
import { memberAdmissions, type GroupContext, type WriteOptions } from './group.js';
import { existingMember, noSuchMember } from './guards.js';
import { recordChange, type Recorded } from './record.js';
import type { ExpulsionDecision } from './expulsion.js';

export interface ContactInput {
  email?: string;
  address?: string;
  phone?: string;
}

/** How notices are served on the member: by email only with their consent, given on noticesDate. */
export interface NoticesInput {
  notices?: NoticeMethod | string;
  /** The date the member consented to email (or withdrew it): default the date joined (add) or today (update). */
  noticesDate?: string;
}

export interface AddMemberInput extends ContactInput, NoticesInput, WriteOptions {
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
  notices: NoticeMethod;
  /** The date of the consent to email; null when notices go by post. */
  noticesSince: IsoDate | null;
  /** Former members with the same name, email or phone: a person rejoining keeps a new number. */
  former: FormerMember[];
}

export interface FormerMember {
  number: number;
  name: string;
  left: IsoDate;
  reason: LeaveReason;
  /** What matched: the name, or a stored contact detail (never shown). */
  match: 'name' | 'email' | 'phone';
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
  return line ? (Object.keys(line).filter((k) => k !== 'member' && k !== 'of' && k !== 'at') as ContactField[]) : [];
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
    const events: NewEvent[] = [{ date: joined, type: 'admit', member: number, name, shares }];
    const notices = noticesMethod(input) ?? 'post';
    let noticesSince: IsoDate | null = null;
    if (notices === 'email') {
      if (!contact?.email) throw new UsageError('--notices email needs the email address the member agreed to receive notices at: give --email too.');
      noticesSince = input.noticesDate === undefined ? joined : parseEventDate(input.noticesDate, 'date of consent to notices by email', group);
      events.push({ date: noticesSince, type: 'notices', member: number, method: 'email' });
    }
    const former = formerMembers(group, name, contact);
    return {
      events,
      contacts: contact ? [contact] : [],
      message: commitMessages.admit(number, name),
      refusal: `Cannot admit ${name}`,
      result: () => ({ number, name, joined, shares, contacts: contactFields(contact), notices, noticesSince, former }),
    };
  });
}

/**
 * Former members a new admission may be: the same name, or the same email or phone on record.
 * The register is a ledger, so a person who rejoins gets a new number and the old one keeps its
 * history; this is only to tell the secretary, who may want to check the rules on rejoining.
 * Answered from the rows kept beside the snapshot (io/former-cache.ts) while they stand, else
 * from every event and the store, and the rows kept for the next change.
 */
function formerMembers(group: GroupContext, name: string, contact: ContactLine | undefined): FormerMember[] {
  const email = typeof contact?.email === 'string' ? contact.email : undefined;
  const phone = typeof contact?.phone === 'string' ? contact.phone : undefined;
  const kept = keptFormerRows(group.root, group.ledger.shared, { nameKey: nameKey(name), email, phone });
  if (kept) return formerMatches(kept, name, email, phone);
  const keys = memberAdmissions(group);
  const { rows, next } = formerRows(group.events, keys, readContacts(group.root, keys).contacts);
  keepFormerRows(group.root, rows, next);
  return formerMatches(rows, name, email, phone);
}

export interface LeaveInput extends WriteOptions {
  date: string;
  reason: LeaveReason | string;
  /** For a member who died: the person they nominated (2014 Act s.37), from the book of nominations. */
  nominee?: string;
  /** For an expulsion: the special resolution that decided it, "MEETING:RESOLUTION" (api/expulsion.ts). */
  decision?: string;
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
  /** Shares cancelled on a death where the rules make them non-withdrawable (nothing is owed for them). */
  cancelled: number;
  /** What is owed for the shares given up, and to whom; null when nothing is. */
  owed: { shares: number; pence: number; payee: SharePayee; nominee: string | null } | null;
  /** The nominee recorded for a member who died, or null. */
  nominee: string | null;
  /** Loans and deposits the member still holds, in pence: repaid as the rules say (coop member repay). */
  propertyPence: number;
  /** What the law where the group is calls those who act for someone who died: "personal representatives", "executors". */
  representatives: string;
  /** For an expulsion: the meeting and resolution that decided it, and a warning when its words do not name the member. */
  decision?: ExpulsionDecision;
}

export async function leaveMember(cwd: string, memberNumber: number | string, input: LeaveInput): Promise<MemberLeft & Recorded> {
  const number = parseMemberNumber(memberNumber);
  const reason = input.reason as LeaveReason;
  if (!LEAVE_REASONS.includes(reason)) throw new UsageError(`The reason "${input.reason}" is not one coop knows: use one of ${LEAVE_REASONS.join(', ')}.`);
  if (input.nominee !== undefined && reason !== 'deceased') {
    throw new UsageError('--nominee is the person a member who died nominated to receive their property (2014 Act s.37): give it with --reason deceased.');
  }
  const nominee = input.nominee === undefined ? null : cleanName(input.nominee);
  return recordChange(cwd, input, async (group) => {
    const date = parseEventDate(input.date, 'date of leaving', group);
    if (number >= group.nextNumber) throw new UserError(noSuchMember(group, number));
    const { state } = deriveState(group.events, { asOf: date });
    const m = state.members.get(number);
    if (!m) throw new UserError(`Member ${number} had not been admitted by ${date}, so cannot have left then.`);
    if (m.left !== null) throw new UserError(`Member ${number} (${m.name}) already left on ${m.left}.`);
    if (nominee && !isSociety(group.params.group.form)) {
      throw new UsageError(
        `A nomination under the 2014 Act s.37 is made to a registered society; this group is a ${group.params.group.form}: leave out --nominee. Nothing was changed.`,
      );
    }
    if (reason !== 'expelled' && input.decision !== undefined) throw new UsageError('--decision names the resolution that expelled a member: it goes with --reason expelled.');
    // The expulsion check (with the meeting records it reads) and the wording of who acts for a
    // member who died are loaded only here: member add and update, in the same module, never need them.
    let decision: ExpulsionDecision | undefined;
    if (reason === 'expelled') {
      const { checkExpulsion } = await import('./expulsion.js');
      decision = await checkExpulsion(group.root, { number, name: m.name }, date, input.decision);
    }
    const { placeContext } = await import('../core/documents/place.js');
    const rules = group.params.shares;
    let repaid = 0;
    let cancelled = 0;
    if (rules && m.shares > 0 && !rules.withdrawable && reason === 'deceased') {
      // The dead cannot transfer: the rules' clause on death cancels non-withdrawable shares.
      cancelled = m.shares;
    } else if (rules && m.shares > 0) {
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
    const events: NewEvent[] = [{ date, type: 'leave', member: number, reason, repaid }];
    if (nominee) events.push({ date, type: 'nominee', member: number, name: nominee });
    const payee: SharePayee = reason !== 'deceased' ? 'member' : nominee ? 'nominee' : 'representatives';
    const owed = repaid > 0 ? { shares: repaid, pence: repaid * (rules?.nominalPence ?? 0), payee, nominee } : null;
    const held = state.property.get(number);
    return {
      events,
      message: `${commitMessages.leave(number, reason)}${decision ? ` by resolution ${decision.decision}` : ''}`,
      refusal: `Cannot record that member ${number} left`,
      result: () => ({
        number,
        name: m.name,
        left: date,
        reason,
        repaid,
        officesEnded,
        cancelled,
        owed,
        nominee,
        propertyPence: held ? held.loan + held.deposit : 0,
        representatives: placeContext(group.params.group.form, group.params.group.jurisdiction).deceasedRepresentatives,
        ...(decision ? { decision } : {}),
      }),
    };
  });
}

export interface UpdateMemberInput extends ContactInput, NoticesInput, WriteOptions {
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
  /** How notices are served on them after the change, and since when (null: never recorded, so post). */
  notices: NoticeMethod;
  noticesSince: IsoDate | null;
  noticesChanged: boolean;
}

export async function updateMember(cwd: string, memberNumber: number | string, input: UpdateMemberInput): Promise<UpdatedMember & Recorded> {
  const number = parseMemberNumber(memberNumber);
  if (input.name === undefined && input.email === undefined && input.address === undefined && input.phone === undefined && input.notices === undefined) {
    throw new UsageError('Nothing to change: give --name, --email, --address, --phone or --notices (an empty value, like --phone "", removes a contact detail).');
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
    const renamed = events.length > 0;
    const contact = contactLine(number, input, true);
    const method = noticesMethod(input);
    const emailAfter = contact?.email === null ? undefined : (contact?.email ?? readContacts(group.root, memberAdmissions(group)).contacts.get(number)?.email);
    let notices = m.notices;
    let noticesSince = m.noticesSince;
    if (method !== undefined) {
      if (method === m.notices)
        throw new UserError(`Member ${number} already takes notices by ${method}${m.noticesSince ? ` (since ${m.noticesSince})` : ''}. Nothing was changed.`);
      if (method === 'email' && !emailAfter) {
        throw new UsageError(`Member ${number} has no email address on record: give the address they agreed to receive notices at with --email. Nothing was changed.`);
      }
      notices = method;
      noticesSince = parseEventDate(input.noticesDate, method === 'email' ? 'date of consent to notices by email' : 'date consent to email was withdrawn', group);
      events.push({ date: noticesSince, type: 'notices', member: number, method });
    } else if (m.notices === 'email' && contact?.email === null) {
      throw new UserError(`Member ${number} takes notices by email, so their email address cannot be removed: record --notices post first (or with it). Nothing was changed.`);
    }
    return {
      events,
      contacts: contact ? [contact] : [],
      message: renamed ? commitMessages.rename(number, name) : commitMessages.notices(number, notices),
      refusal: `Cannot change member ${number}'s ${renamed ? 'name' : 'record'}`,
      result: () => ({ number, name, renamed, contactsChanged: contactFields(contact), notices, noticesSince, noticesChanged: method !== undefined }),
    };
  });
}

function noticesMethod(input: NoticesInput): NoticeMethod | undefined {
  if (input.notices === undefined) {
    if (input.noticesDate !== undefined) throw new UsageError('--notices-date is the date of a member’s consent to notices by email: give it with --notices.');
    return undefined;
  }
  return parseNoticeMethod(input.notices);
}
