// Contact details across officers: each officer's copy keeps its own private store (git never
// carries it), so details recorded on one laptop reach another only by hand — as a sealed file
// (io/contacts-crypto.ts) that `coop contacts export` writes and `coop contacts import` merges.
// Details travel keyed to the member's admission (core/ledger/admission.ts), so they join the
// same person on every copy whatever number that person holds there; where both copies have
// details for a member, the newer ones are kept.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { UserError } from '../errors.js';
import { CONTACT_FIELDS, joinContacts, type Contact, type ContactLine } from '../core/contacts.js';
import { contactsChange, ensureContactsPrivate, readContactsStore } from '../io/contacts-store.js';
import { seal, unseal } from '../io/contacts-crypto.js';
import { isGitGroup, CONTACTS_FILE } from '../io/group.js';
import { isIgnored } from '../io/git.js';
import { applyPlan, withWriteLock } from '../io/transaction.js';
import { memberAdmissions, openGroup, readGroup } from './group.js';

interface Entry extends Contact {
  /** The admission's key: the member on every copy. */
  of: string;
  /** The number the exporting copy knows them by (for messages only). */
  member: number;
  /** When the details were last written on the exporting copy, if known. */
  at: string | null;
}

export interface ExportResult {
  file: string;
  members: number;
  /** Set when the file is inside the group's folder where git would pick it up. */
  warning?: string;
}

export async function exportContacts(cwd: string, options: { to: string; passphrase: string }): Promise<ExportResult> {
  const group = await openGroup(cwd);
  const store = readContactsStore(group.root);
  if (store.missing) throw new UserError(`${CONTACTS_FILE} is not in this copy, so there are no contact details to export. Nothing was written.`);
  const file = resolve(cwd, options.to);
  if (existsSync(file)) throw new UserError(`${options.to} exists already: coop does not overwrite it. Choose another name, or remove it first. Nothing was written.`);
  const keys = memberAdmissions(group);
  const contacts = joinContacts(store, keys);
  const entries: Entry[] = [];
  for (const [member, contact] of contacts) {
    const of = keys.get(member);
    if (of === undefined || Object.keys(contact).length === 0) continue;
    entries.push({ of, member, ...contact, at: store.keyed.get(of)?.at ?? null });
  }
  writeFileSync(file, seal(JSON.stringify({ group: group.params.group.name, entries }), options.passphrase), { mode: 0o600, flag: 'wx' });
  const result: ExportResult = { file, members: entries.length };
  const inside = relative(group.root, file);
  if (isGitGroup(group.root) && !inside.startsWith('..') && !isAbsolute(inside) && !(await isIgnored(group.root, inside))) {
    result.warning = `${inside} is inside the group's folder and git does not ignore it: never commit it. Move it out of the folder (to a USB stick, say), or add it to .gitignore.`;
  }
  return result;
}

export interface ImportResult {
  /** Members whose details came from the file. */
  added: number;
  /** Members whose details here were older, and were replaced. */
  updated: number;
  /** Members whose details here are as new or newer, and were kept. */
  kept: number;
  /** Members this copy's register does not have yet (sync first, then import again). */
  unknown: number;
}

export async function importContacts(cwd: string, options: { file: string; passphrase: string }): Promise<ImportResult> {
  const path = resolve(cwd, options.file);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new UserError(`${options.file} cannot be read (${(error as NodeJS.ErrnoException).code}). Nothing was changed.`);
  }
  const plain = unseal(text, options.passphrase, options.file);
  const entries = parseEntries(plain, options.file);
  const opened = await openGroup(cwd);
  return withWriteLock(opened.root, async () => {
    const group = await readGroup(opened.root);
    const keys = memberAdmissions(group);
    const numberOf = new Map<string, number>();
    for (const [n, key] of keys) numberOf.set(key, n);
    const store = readContactsStore(group.root);
    const here = joinContacts(store, keys);
    const result: ImportResult = { added: 0, updated: 0, kept: 0, unknown: 0 };
    const lines: ContactLine[] = [];
    for (const e of entries) {
      const member = numberOf.get(e.of);
      if (member === undefined) {
        result.unknown += 1;
        continue;
      }
      const mine = here.get(member) ?? {};
      if (CONTACT_FIELDS.every((f) => mine[f] === e[f])) continue;
      const hasMine = CONTACT_FIELDS.some((f) => mine[f] !== undefined);
      const mineAt = store.keyed.get(e.of)?.at;
      // Newer wins; details without a time (written before coop kept one) lose to any with one.
      const newer = e.at !== null && (mineAt === undefined || e.at > mineAt);
      if (hasMine && !newer) {
        result.kept += 1;
        continue;
      }
      const line: ContactLine = { member, of: e.of };
      for (const f of CONTACT_FIELDS) line[f] = e[f] ?? null;
      if (e.at !== null) line.at = e.at;
      lines.push(line);
      if (hasMine) result.updated += 1;
      else result.added += 1;
    }
    if (lines.length > 0) {
      await ensureContactsPrivate(group.root);
      await applyPlan(group.root, { changes: [contactsChange(group.root, lines)], message: '' }, { git: group.git, commit: false });
    }
    return result;
  });
}

function parseEntries(plain: string, shown: string): Entry[] {
  let data: { entries?: unknown };
  try {
    data = JSON.parse(plain) as { entries?: unknown };
  } catch {
    data = {};
  }
  if (!Array.isArray(data.entries)) throw new UserError(`${shown} opened, but holds no contact details coop can read. Nothing was changed.`);
  const out: Entry[] = [];
  for (const raw of data.entries as Record<string, unknown>[]) {
    if (typeof raw?.of !== 'string' || !Number.isSafeInteger(raw.member)) continue;
    const e: Entry = { of: raw.of, member: raw.member as number, at: typeof raw.at === 'string' ? raw.at : null };
    for (const f of CONTACT_FIELDS) if (typeof raw[f] === 'string' && (raw[f] as string).trim() !== '') e[f] = raw[f] as string;
    out.push(e);
  }
  return out;
}
