// The statutory register as at a date, and the members' spreadsheet export.

import { existsSync, writeFileSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { UserError } from '../errors.js';
import { toCsv, type Cell } from '../core/csv.js';
import { boardRules } from '../core/board/rules.js';
import type { IsoDate } from '../core/dates.js';
import { deriveState } from '../core/ledger/derive.js';
import type { PastRegister } from './register-past.js';
import { parseAsOf, registerDay } from '../core/register/input.js';
import { buildRegister, type StatutoryRegister } from '../core/register/statutory-register.js';
import { MISSING_STORE_NOTE, readContacts } from '../io/contacts-store.js';
import type { Contact } from '../core/contacts.js';
import { isCompany } from '../core/law.js';
import { forgottenMembers } from '../core/register/retention.js';
import { readOfficerDetails } from '../io/officer-details-store.js';
import { memberAdmissions, openGroup, type CommonOptions, type GroupContext } from './group.js';
import { paramsInForce } from './rules-in-force.js';
import { todayOutput, todayRegister } from './today.js';

export interface RegisterOptions extends CommonOptions {
  /** The date (default today). */
  asOf?: string;
  /** Join the private contact details back in. */
  withContacts?: boolean;
}

/** The statutory register as `coop register` shows it, for a group already open (print uses it too). */
export async function registerOf(group: GroupContext, options: RegisterOptions): Promise<StatutoryRegister> {
  return (await registerWith(group, options)).register;
}

/** The register, and when each member was last paid for shares by its date (for the export). */
async function registerWith(group: GroupContext, options: RegisterOptions): Promise<{ register: StatutoryRegister; repaid: () => Map<number, IsoDate> }> {
  const day = registerDay(group.today, group.founded);
  const asOf = parseAsOf(options.asOf, day);
  const past = asOf === day ? undefined : await pastRegister(group, asOf);
  const state = past ? past.state : todayRegister(group).state;
  // The register as at a date shows the name and share value in force then (an amendment may have changed them).
  const params = asOf === group.today ? group.params : await paramsInForce(group.root, group.params, asOf);
  const sharePence = params.shares ? params.shares.nominalPence : null;
  const boardRole = boardRules(params).role;
  const { name, form, registeredOffice } = params.group;
  let contacts: Map<number, Contact> | undefined;
  if (options.withContacts) {
    const store = readContacts(group.root, memberAdmissions(group));
    if (store.missing) throw new UserError(`${MISSING_STORE_NOTE} Nothing was written.`);
    contacts = store.contacts;
  }
  const details = options.withContacts && isCompany(form) ? readOfficerDetails(group.root) : undefined;
  const erased = contacts ? forgottenMembers(group.events.filter((e) => e.date <= asOf)) : undefined;
  const register = buildRegister(state, { group: name, asOf, sharePence, form, registeredOffice, erased, boardRole }, contacts, details);
  return { register, repaid: past ? past.repaid : () => repaidFromEvents(group.events, asOf) };
}

/**
 * A past date in a large ledger is read from the timeline kept for every date (api/register-past.ts);
 * a small ledger is derived in less time than that code takes to load.
 */
async function pastRegister(group: GroupContext, asOf: IsoDate): Promise<PastRegister> {
  const kept = group.ledger.summary.events >= timelineEvents() ? (await import('./register-past.js')).timelineRegister(group, asOf) : undefined;
  return kept ?? { state: deriveState(group.events, { asOf }).state, repaid: () => repaidFromEvents(group.events, asOf) };
}

/** From how many events the timeline is used. */
const TIMELINE_EVENTS = 5_000;

function timelineEvents(): number {
  // Test-only, like COOP_TEST_PART_BYTES: lets the suites use the timeline with a few events.
  const given = process.env.COOP_TEST_TIMELINE_EVENTS;
  const n = given ? Number(given) : Number.NaN;
  return Number.isSafeInteger(n) && n >= 0 ? n : TIMELINE_EVENTS;
}

/** When each member was last paid for shares on or before the date: the last such event in file order. */
function repaidFromEvents(events: GroupContext['events'], asOf: IsoDate): Map<number, IsoDate> {
  const paidOn = new Map<number, IsoDate>();
  for (const e of events) if (e.type === 'repay-shares' && e.date <= asOf) paidOn.set(e.member, e.date);
  return paidOn;
}

export async function registerAsOf(cwd: string, options: RegisterOptions = {}): Promise<StatutoryRegister> {
  return registerOf(await openGroup(cwd, options), options);
}

/**
 * The register as printed by `render` (`form` names it), for today and without contact details:
 * kept beside today's register, so 100,000 rows are printed again without being made.
 */
export async function printedRegister(cwd: string, options: RegisterOptions, form: string, render: (register: StatutoryRegister) => string): Promise<string | Uint8Array> {
  const group = await openGroup(cwd, options);
  // Kept only as on today itself: while the founding meeting is ahead the register is as on its
  // day, in the rules then in force, which depend on files the snapshot does not key.
  const today = options.asOf === undefined && !options.withContacts && registerDay(group.today, group.founded) === group.today;
  if (!today) return render(await registerOf(group, options));
  return todayOutput(group, `register-${form}`, async () => render(await registerOf(group, options)));
}

export interface ExportOptions extends RegisterOptions {
  /** Include members who had left by the date. */
  all?: boolean;
}

export interface ExportResult {
  file: string;
  members: number;
  withContacts: boolean;
}

/** Whether git ignores `path`: git's module (and node:child_process) loads only here, not for every read of the register. */
async function ignoredByGit(root: string, path: string): Promise<boolean> {
  const { isIgnored } = await import('../io/git.js');
  return isIgnored(root, path);
}

/** Writes the register of members as a CSV spreadsheet; never overwrites a file. */
export async function exportMembers(cwd: string, file: string, options: ExportOptions = {}): Promise<ExportResult> {
  const group = await openGroup(cwd, options);
  const path = resolve(cwd, file);
  if (existsSync(path)) throw new UserError(`${file} already exists; coop never overwrites a file. Choose another name, or move the old one away first.`);
  const inside = relative(group.root, path);
  if (options.withContacts && group.git && !inside.startsWith(`..${sep}`) && inside !== '..' && !(await ignoredByGit(group.root, inside))) {
    throw new UserError(
      `${file} is inside the group's git repository, where a file of contact details could be committed. ` +
        'Write it outside the group folder (e.g. ../members.csv), or under private/. Nothing was written.',
    );
  }
  const { register, repaid } = await registerWith(group, options);
  const members = register.members.filter((m) => options.all || m.left === null);
  const shares = register.sharePence !== null;
  // When each former member was last paid for shares, so the export imports with what is still owed.
  const paidOn = shares && members.some((m) => m.left !== null) ? repaid() : new Map<number, string>();
  const rows: Cell[][] = [
    [
      'Membership number',
      'Name',
      'Date joined',
      'Date left',
      'Reason left',
      ...(shares ? ['Shares', 'Amount paid (£)', 'Shares repaid'] : []),
      ...(register.withContacts ? ['Email', 'Phone', 'Address'] : []),
    ],
    ...members.map((m) => [
      m.number,
      m.name,
      m.joined,
      m.left,
      m.leftReason,
      ...(shares ? [m.shares, (m.paidPence / 100).toFixed(2), m.left !== null && paidOn.has(m.number) && paidOn.get(m.number)! >= m.left ? paidOn.get(m.number)! : ''] : []),
      ...(register.withContacts ? [m.email ?? '', m.phone ?? '', m.address ?? ''] : []),
    ]),
  ];
  try {
    // 'wx': fails if the file appeared meanwhile, so nothing is ever overwritten.
    writeFileSync(path, toCsv(rows), { flag: 'wx' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UserError(`Cannot write ${file} (${code === 'EEXIST' ? 'it already exists' : code === 'ENOENT' ? 'no such folder' : code}). Nothing was written.`);
  }
  return { file, members: members.length, withContacts: register.withContacts };
}
