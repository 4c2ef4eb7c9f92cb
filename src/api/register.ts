// The statutory register as at a date, and the members' spreadsheet export.

import { existsSync, writeFileSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { UserError } from '../errors.js';
import { toCsv, type Cell } from '../core/csv.js';
import { boardRules } from '../core/board/rules.js';
import { deriveState } from '../core/ledger/derive.js';
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
  const day = registerDay(group.today, group.founded);
  const asOf = parseAsOf(options.asOf, day);
  const { state } = asOf === day ? todayRegister(group) : deriveState(group.events, { asOf });
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
  return buildRegister(state, { group: name, asOf, sharePence, form, registeredOffice, erased, boardRole }, contacts, details);
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
  const register = await registerOf(group, options);
  const members = register.members.filter((m) => options.all || m.left === null);
  const shares = register.sharePence !== null;
  // When each former member was last paid for shares, so the export imports with what is still owed.
  const asOf = register.asOf;
  const paidOn = new Map<number, string>();
  if (shares && members.some((m) => m.left !== null)) {
    for (const e of group.events) if (e.type === 'repay-shares' && e.date <= asOf) paidOn.set(e.member, e.date);
  }
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
