// Reading and extending the private contact store (private/contacts.jsonl). Extending it is a
// change like any other: new text handed to applyPlan, untracked, in the same transaction as
// the ledger lines it goes with.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../errors.js';
import { decodeContacts, encodeContactLine, type Contact, type ContactLine } from '../core/contacts.js';
import type { FileChange } from './transaction.js';
import { CONTACTS_FILE, isGitGroup } from './group.js';
import { isIgnored } from './git.js';

export function readContactsText(root: string): string {
  const file = join(root, CONTACTS_FILE);
  return existsSync(file) ? readFileSync(file, 'utf8') : '';
}

/** Every member's contact details; unreadable lines are skipped here (coop check reports them). */
export function readContacts(root: string): Map<number, Contact> {
  return decodeContacts(readContactsText(root)).contacts;
}

/** The store with lines added, as a change for applyPlan. */
export function contactsChange(root: string, lines: readonly ContactLine[]): FileChange {
  const text = readContactsText(root);
  const sep = text === '' || text.endsWith('\n') ? '' : '\n';
  return { path: CONTACTS_FILE, content: text + sep + lines.map(encodeContactLine).join(''), tracked: false };
}

/**
 * Refuses to store contact details where git would pick them up: if someone removed private/
 * from .gitignore, the next `git add -A` would put addresses into history for good.
 */
export async function ensureContactsPrivate(root: string): Promise<void> {
  if (!isGitGroup(root)) return;
  if (!(await isIgnored(root, CONTACTS_FILE))) {
    throw new UserError(
      `git does not ignore ${CONTACTS_FILE}, so contact details written there could be committed. ` +
        'Add the line /private/ to the group’s .gitignore, then try again. Nothing was changed.',
    );
  }
}
