// The statutory register as at a date, and the members' spreadsheet export.

import { existsSync, writeFileSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { UserError } from '../errors.js';
import { toCsv, type Cell } from '../core/csv.js';
import { deriveState } from '../core/ledger/derive.js';
import { parseAsOf } from '../core/register/input.js';
import { buildRegister, type StatutoryRegister } from '../core/register/statutory-register.js';
import { MISSING_STORE_NOTE, readContacts } from '../io/contacts-store.js';
import type { Contact } from '../core/contacts.js';
import { isIgnored } from '../io/git.js';
import { memberAdmissions, openGroup, type CommonOptions, type GroupContext } from './group.js';

export interface RegisterOptions extends CommonOptions {
  /** The date (default today). */
  asOf?: string;
  /** Join the private contact details back in. */
  withContacts?: boolean;
}

function registerOf(group: GroupContext, options: RegisterOptions): StatutoryRegister {
  const asOf = parseAsOf(options.asOf, group.today);
  const { state } = deriveState(group.events, { asOf });
  const sharePence = group.params.shares ? group.params.shares.nominalPence : null;
  let contacts: Map<number, Contact> | undefined;
  if (options.withContacts) {
    const store = readContacts(group.root, memberAdmissions(group));
    if (store.missing) throw new UserError(`${MISSING_STORE_NOTE} Nothing was written.`);
    contacts = store.contacts;
  }
  return buildRegister(state, { group: group.params.group.name, asOf, sharePence }, contacts);
}

export async function registerAsOf(cwd: string, options: RegisterOptions = {}): Promise<StatutoryRegister> {
  return registerOf(await openGroup(cwd, options), options);
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

/** Writes the register of members as a CSV spreadsheet; never overwrites a file. */
export async function exportMembers(cwd: string, file: string, options: ExportOptions = {}): Promise<ExportResult> {
  const group = await openGroup(cwd, options);
  const path = resolve(cwd, file);
  if (existsSync(path)) throw new UserError(`${file} already exists; coop never overwrites a file. Choose another name, or move the old one away first.`);
  const inside = relative(group.root, path);
  if (options.withContacts && group.git && !inside.startsWith(`..${sep}`) && inside !== '..' && !(await isIgnored(group.root, inside))) {
    throw new UserError(
      `${file} is inside the group's git repository, where a file of contact details could be committed. ` +
        'Write it outside the group folder (e.g. ../members.csv), or under private/. Nothing was written.',
    );
  }
  const register = registerOf(group, options);
  const members = register.members.filter((m) => options.all || m.left === null);
  const shares = register.sharePence !== null;
  const rows: Cell[][] = [
    ['Membership number', 'Name', 'Date joined', 'Date left', ...(shares ? ['Shares', 'Amount paid (£)'] : []), ...(register.withContacts ? ['Email', 'Phone', 'Address'] : [])],
    ...members.map((m) => [
      m.number,
      m.name,
      m.joined,
      m.left,
      ...(shares ? [m.shares, (m.paidPence / 100).toFixed(2)] : []),
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
