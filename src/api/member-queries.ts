// Reading the register of members: who was a member on a date, and one member's story.

import { UserError } from '../errors.js';
import type { Contact } from '../core/contacts.js';
import type { IsoDate } from '../core/dates.js';
import { deriveState, memberHistory } from '../core/ledger/derive.js';
import type { EventType, LeaveReason, NoticeMethod } from '../core/ledger/events.js';
import { describeForMember } from '../core/register/history.js';
import { sharesOwed, type OwedShares } from '../core/register/shares-owed.js';
import { parseAsOf, registerDay, parseMemberNumber } from '../core/register/input.js';
import { readContacts } from '../io/contacts-store.js';
import { memberAdmissions, openGroup, type CommonOptions } from './group.js';
import { noSuchMember } from './guards.js';
import { todayRegister } from './today.js';

/** One line of `coop member list --json`: a shape scripts rely on. */
export interface MemberRow {
  number: number;
  name: string;
  joined: IsoDate;
  left: IsoDate | null;
  shares: number;
}

export interface ListMembersOptions extends CommonOptions {
  /** The date (default today). */
  asOf?: string;
  /** Include members who had left by then. */
  all?: boolean;
}

export async function listMembers(cwd: string, options: ListMembersOptions = {}): Promise<MemberRow[]> {
  const group = await openGroup(cwd, options);
  const day = registerDay(group.today, group.founded);
  const asOf = parseAsOf(options.asOf, day);
  const { state } = asOf === day ? todayRegister(group) : deriveState(group.events, { asOf });
  const rows: MemberRow[] = [];
  for (const m of state.members.values()) {
    if (m.left !== null && !options.all) continue;
    rows.push({ number: m.number, name: m.name, joined: m.joined, left: m.left, shares: m.shares });
  }
  return rows.sort((a, b) => a.number - b.number);
}

export interface MemberDetails extends MemberRow {
  leftReason: LeaveReason | null;
  /** How notices are served on them: email only with their consent (noticesSince its date); post otherwise. */
  notices: NoticeMethod;
  noticesSince: IsoDate | null;
  /** Offices held, past and present. */
  offices: { role: string; from: IsoDate; to: IsoDate | null }[];
  /** Private contact details (from private/contacts.jsonl; never committed). */
  contact: Contact;
  /** True when this copy has no private store (a fresh clone): `contact` is then empty for want of it. */
  contactsMissing: boolean;
  history: { date: IsoDate; type: EventType; text: string }[];
  /** Shares withdrawn or given up on leaving, not yet paid for; null when nothing is owed. */
  sharesOwed: OwedShares | null;
  /** For a member who died, the nominee recorded (2014 Act s.37), or null. */
  nominee: string | null;
}

export async function showMember(cwd: string, memberNumber: number | string, options: CommonOptions = {}): Promise<MemberDetails> {
  const number = parseMemberNumber(memberNumber);
  const group = await openGroup(cwd, options);
  const { state } = deriveState(group.events);
  const m = state.members.get(number);
  if (!m) throw new UserError(noSuchMember(group, number));
  const { contacts, missing } = readContacts(group.root, memberAdmissions(group));
  return {
    number: m.number,
    name: m.name,
    joined: m.joined,
    left: m.left,
    shares: m.shares,
    leftReason: m.leftReason,
    notices: m.notices,
    noticesSince: m.noticesSince,
    offices: state.officers.filter((t) => t.member === number).map((t) => ({ role: t.role, from: t.from, to: t.to })),
    contact: contacts.get(number) ?? {},
    contactsMissing: missing,
    history: memberHistory(group.events, number).map((e) => ({ date: e.date, type: e.type, text: describeForMember(e, number) })),
    sharesOwed: sharesOwed(state, group.params.shares?.nominalPence ?? 0).find((o) => o.member === number) ?? null,
    nominee: state.nominees.get(number) ?? null,
  };
}
