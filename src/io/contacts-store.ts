// Reading and extending the private contact store (private/contacts.jsonl). Extending it is a
// change like any other: lines appended through applyPlan, untracked, in the same transaction
// as the ledger lines they go with.

import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../errors.js';
import { contactsBytesDecoder, encodeContactLine, joinContacts, type Contact, type ContactLine, type DecodedContacts } from '../core/contacts.js';
import { readLinesInChunks } from './chunked-lines.js';
import { fileMayContain } from './text-search.js';
import type { FileChange } from './transaction.js';
import { CONTACTS_FILE, isGitGroup } from './group.js';

/**
 * The store decoded: every member's details, every value it has held, and its bad lines. With
 * `membersOnly` no member's details are kept, only who has any (`holders`, see contactsFolder).
 */
export function readContactsStore(root: string, membersOnly = false): DecodedContacts & { missing: boolean } {
  const decoder = contactsBytesDecoder(membersOnly);
  const found = readLinesInChunks(join(root, CONTACTS_FILE), decoder.lines);
  return { ...decoder.result(), missing: !found };
}

/**
 * Every member's contact details, joined to the register by admission (keys: membership number
 * → admission key, from admissionKeys); unreadable lines are skipped here (coop check reports
 * them). `missing`: this copy has no private store at all (a fresh clone, say).
 */
export function readContacts(root: string, keys: ReadonlyMap<number, string>): { contacts: Map<number, Contact>; missing: boolean } {
  const store = readContactsStore(root);
  return { contacts: joinContacts(store, keys), missing: store.missing };
}

/**
 * One member's contact details, as readContacts would give them (`key`: their admission key),
 * without decoding the whole store: a line is passed over only when its bytes show it is in
 * coop's own form for another member and not keyed to this admission; every other line (any
 * line in another form, which only JSON.parse can read) is decoded as readContacts decodes it.
 * The store's lines fold member by member, so leaving out other members' lines changes nothing.
 */
export function readMemberContact(root: string, number: number, key: string | undefined): { contact: Contact; missing: boolean } {
  const decoder = contactsBytesDecoder();
  const keyBytes = Buffer.from(key === undefined ? '\n' : `"of":"${key}"`);
  const found = readLinesInChunks(join(root, CONTACTS_FILE), (bytes, from, to) => {
    // The next backslash, "member" and key at or after a point, each found by one native search
    // and reused until passed: a store in coop's form has none of the first and the last only
    // in the member's own lines, so the whole chunk costs a few searches and a loop over lines.
    let slash = -2;
    let named = -2;
    let keyed = -2;
    let start = from;
    while (start < to) {
      let end = bytes.indexOf(0x0a, start);
      if (end === -1 || end >= to) end = to - 1;
      const body = start + MEMBER_PREFIX.length;
      if (slash !== -1 && slash < start) slash = bytes.indexOf(0x5c, start);
      if (named !== -1 && named < body) named = bytes.indexOf(MEMBER_KEY, body);
      if (key !== undefined && keyed !== -1 && keyed < start) keyed = bytes.indexOf(keyBytes, start);
      const other =
        isOtherMember(bytes, start, end, number) && (slash === -1 || slash > end) && (named === -1 || named > end) && (key === undefined || keyed === -1 || keyed > end);
      if (!other) decoder.lines(bytes, start, end + 1);
      start = end + 1;
    }
  });
  const keys = new Map<number, string>(key === undefined ? [] : [[number, key]]);
  return { contact: joinContacts(decoder.result(), keys).get(number) ?? {}, missing: !found };
}

const MEMBER_PREFIX = Buffer.from('{"member":');
const MEMBER_KEY = Buffer.from('member"');

/**
 * True when the line from `start` opens {"member":N, or {"member":N} with N another plain
 * number (the caller also makes sure it holds no escape and names "member" and the key nowhere else).
 */
function isOtherMember(bytes: Buffer, start: number, end: number, number: number): boolean {
  if (end - start < MEMBER_PREFIX.length + 2) return false;
  for (let k = 0; k < MEMBER_PREFIX.length; k++) if (bytes[start + k] !== MEMBER_PREFIX[k]) return false;
  let i = start + MEMBER_PREFIX.length;
  if (bytes[i] === 0x30) return false;
  let n = 0;
  const digits = i;
  for (; i < end && i - digits < 15; i++) {
    const d = bytes[i]! - 0x30;
    if (d < 0 || d > 9) break;
    n = n * 10 + d;
  }
  return i > digits && n !== number && (bytes[i] === 0x2c || bytes[i] === 0x7d);
}

/** What to tell a person asking for contact details in a copy without the private store. */
/** False when the store's text does not hold `text` (lower-case, compared without case): a quick look before decoding it. */
export function contactsMayMention(root: string, text: string): boolean {
  return fileMayContain(join(root, CONTACTS_FILE), text, false);
}

export const MISSING_STORE_NOTE = `${CONTACTS_FILE} is not in this copy of the group (git does not copy it), so no contact details are shown: ask the secretary for it (see the README, "Hand it over").`;

/** Lines added to the store, as a change for applyPlan: appended, so the store is not read or rewritten whole. */
export function contactsChange(root: string, lines: readonly ContactLine[]): FileChange {
  const sep = endsMidLine(join(root, CONTACTS_FILE)) ? '\n' : '';
  return { path: CONTACTS_FILE, content: sep + lines.map(encodeContactLine).join(''), tracked: false, append: true };
}

/** True when the file's last byte is not a line break (an edit by hand that lost the final newline). */
function endsMidLine(path: string): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return false;
  }
  try {
    const size = fstatSync(fd).size;
    if (size === 0) return false;
    const last = Buffer.alloc(1);
    readSync(fd, last, 0, 1, size - 1);
    return last[0] !== 0x0a;
  } finally {
    closeSync(fd);
  }
}

/**
 * Refuses to store contact details where git would pick them up: if someone removed private/
 * from .gitignore, the next `git add -A` would put addresses into history for good.
 */
export async function ensureContactsPrivate(root: string): Promise<void> {
  if (!isGitGroup(root)) return;
  // Loaded here, not with the module: commands that read the store without writing it start no git.
  const { isIgnored } = await import('./git.js');
  if (!(await isIgnored(root, CONTACTS_FILE))) {
    throw new UserError(
      `git does not ignore ${CONTACTS_FILE}, so contact details written there could be committed. ` +
        'Add the line /private/ to the group’s .gitignore, then try again. Nothing was changed.',
    );
  }
}
