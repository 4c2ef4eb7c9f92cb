// Reading the register of members: who was a member on a date, and one member's story.

import { UserError } from '../errors.js';
import type { Contact } from '../core/contacts.js';
import type { IsoDate } from '../core/dates.js';
import { deriveState, inDateOrder, memberHistory, type RegisterState } from '../core/ledger/derive.js';
import type { EventType, LeaveReason, LedgerEvent, NoticeMethod } from '../core/ledger/events.js';
import { describeForMember } from '../core/register/history.js';
import { sharesOwed, type OwedShares } from '../core/register/shares-owed.js';
import { parseAsOf, registerDay, parseMemberNumber } from '../core/register/input.js';
import { readContacts, readMemberContact } from '../io/contacts-store.js';
import { memberAdmissions, openGroup, type CommonOptions, type GroupContext } from './group.js';
import { noSuchMember } from './guards.js';
import { keepMembers, keptMember, todayOutput, todayRegister } from './today.js';

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
  return memberRows(await openGroup(cwd, options), options);
}

/**
 * The list as printed by `render` (`form` names it: the same form, the same text), for today:
 * kept beside today's register, so a list of 100,000 is printed again without being made.
 */
export async function printedMemberList(cwd: string, options: ListMembersOptions, form: string, render: (rows: MemberRow[]) => string): Promise<string | Uint8Array> {
  const group = await openGroup(cwd, options);
  if (options.asOf !== undefined) return render(memberRows(group, options));
  return todayOutput(group, `member-list-${form}${options.all ? '-all' : ''}`, () => render(memberRows(group, options)));
}

function memberRows(group: GroupContext, options: ListMembersOptions): MemberRow[] {
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

/** What member show says of a member besides their contact details: what today.ts keeps, a line each. */
export type MemberFacts = Omit<MemberDetails, 'contact' | 'contactsMissing'>;

export async function showMember(cwd: string, memberNumber: number | string, options: CommonOptions = {}): Promise<MemberDetails> {
  const number = parseMemberNumber(memberNumber);
  const group = await openGroup(cwd, options);
  const kept = keptMember(group, number, factsOfRow);
  if (kept) {
    const { contact, missing } = readMemberContact(group.root, number, kept.key);
    return withContact(kept.facts, contact, missing);
  }
  const { state } = deriveState(group.events);
  const m = state.members.get(number);
  if (!m) throw new UserError(noSuchMember(group, number));
  const admissions = memberAdmissions(group);
  const { contacts, missing } = readContacts(group.root, admissions);
  const owed = sharesOwed(state, group.params.shares?.nominalPence ?? 0);
  const history = memberHistory(group.events, number).map((e) => ({ date: e.date, type: e.type, text: describeForMember(e, number) }));
  const shown = withContact(memberFacts(state, number, history, owed.find((o) => o.member === number) ?? null), contacts.get(number) ?? {}, missing);
  keepMembers(group, () => everyMembersLine(group.events, state, owed, admissions));
  return shown;
}

function memberFacts(state: RegisterState, number: number, history: MemberFacts['history'], owed: OwedShares | null): MemberFacts {
  const m = state.members.get(number)!;
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
    history,
    sharesOwed: owed,
    nominee: state.nominees.get(number) ?? null,
  };
}

/** The details in the order `member show --json` has always given them. */
function withContact(f: MemberFacts, contact: Contact, contactsMissing: boolean): MemberDetails {
  return {
    number: f.number,
    name: f.name,
    joined: f.joined,
    left: f.left,
    shares: f.shares,
    leftReason: f.leftReason,
    notices: f.notices,
    noticesSince: f.noticesSince,
    offices: f.offices,
    contact,
    contactsMissing,
    history: f.history,
    sharesOwed: f.sharesOwed,
    nominee: f.nominee,
  };
}

/**
 * Every member's line for the snapshot: [number, admission key or null, facts], by number, in
 * one pass over the events (memberHistory's choice of events, member by member).
 */
function* everyMembersLine(events: readonly LedgerEvent[], state: RegisterState, owed: readonly OwedShares[], admissions: ReadonlyMap<number, string>): Generator<string> {
  const histories = new Map<number, MemberFacts['history']>();
  const add = (n: number, e: LedgerEvent) => {
    let h = histories.get(n);
    if (!h) histories.set(n, (h = []));
    h.push({ date: e.date, type: e.type, text: describeForMember(e, n) });
  };
  for (const e of inDateOrder(events)) {
    if (e.type === 'transfer') {
      add(e.from, e);
      if (e.to !== e.from) add(e.to, e);
    } else if ('member' in e) add(e.member, e);
  }
  const owedBy = new Map(owed.map((o) => [o.member, o]));
  const numbers = [...state.members.keys()].sort((a, b) => a - b);
  // One at a time, written as made: 100,000 lines at once were most of a cold run's memory.
  for (const n of numbers) yield JSON.stringify([n, admissions.get(n) ?? null, ...factsRow(memberFacts(state, n, histories.get(n) ?? [], owedBy.get(n) ?? null))]);
}

/** The facts as a row of values (a kept line is a tenth the size with no names repeated). */
function factsRow(f: MemberFacts): unknown[] {
  return [
    f.name,
    f.joined,
    f.left,
    f.shares,
    f.leftReason,
    f.notices,
    f.noticesSince,
    f.offices.map((o) => [o.role, o.from, o.to]),
    f.history.map((h) => [h.date, h.type, h.text]),
    f.sharesOwed,
    f.nominee,
  ];
}

/** The facts of a kept row ([number, key, …factsRow]); undefined when it is not one. */
export function factsOfRow(row: readonly unknown[]): MemberFacts | undefined {
  if (row.length !== 13) return undefined;
  const [number, , name, joined, left, shares, leftReason, notices, noticesSince, offices, history, owed, nominee] = row as [
    number,
    unknown,
    string,
    IsoDate,
    IsoDate | null,
    number,
    LeaveReason | null,
    NoticeMethod,
    IsoDate | null,
    [string, IsoDate, IsoDate | null][],
    [IsoDate, EventType, string][],
    OwedShares | null,
    string | null,
  ];
  if (!Array.isArray(offices) || !Array.isArray(history) || !offices.every(Array.isArray) || !history.every(Array.isArray)) return undefined;
  return {
    number,
    name,
    joined,
    left,
    shares,
    leftReason,
    notices,
    noticesSince,
    offices: offices.map(([role, from, to]) => ({ role, from, to })),
    history: history.map(([date, type, text]) => ({ date, type, text })),
    sharesOwed: owed,
    nominee,
  };
}
