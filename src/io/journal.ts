// The transaction journal: what a change in progress has done, written before it touches any
// file of the group, so that a crash at any moment can be undone by the next coop command.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../errors.js';
import { removeFile, removeFolder } from './atomic.js';
import { COOP_DIR } from '../core/layout.js';

export const TXN_DIR = join(COOP_DIR, 'txn');
export const JOURNAL = 'journal.json';

export interface JournalFile {
  path: string;
  /** The new content (or, for an append, the bytes added), staged under TXN_DIR. */
  staged: string;
  /** A hard link to (or copy of) the file as it was; null when there was none, or for an append. */
  backup: string | null;
  tracked: boolean;
  /** For an append: the file's size before it, to cut it back to. */
  appendAt?: number;
}

export interface Journal {
  head: string | null;
  commit: boolean;
  git: boolean;
  message: string;
  files: JournalFile[];
  /** Folders made for new files, outermost first: removed again when the change is undone. */
  dirs: string[];
}

export function journalPath(root: string): string {
  return join(root, TXN_DIR, JOURNAL);
}

/** True when a crashed change is waiting to be undone: readers take the lock and recover first. */
export function needsRecovery(root: string): boolean {
  return existsSync(journalPath(root));
}

/** The journal of a change a crash interrupted, or undefined when there is none. */
export function readJournal(root: string): Journal | undefined {
  const path = journalPath(root);
  if (!existsSync(path)) return undefined;
  try {
    const journal = JSON.parse(readFileSync(path, 'utf8')) as Journal;
    if (!Array.isArray(journal.files) || !Array.isArray(journal.dirs)) throw new Error('not a journal');
    return journal;
  } catch {
    throw new UserError(
      `The change journal ${path} is unreadable, so coop cannot tell how to finish the change it records. ` +
        "Restore the group's folder from a backup or ask for help; nothing was changed.",
    );
  }
}

/** The change is over (done or undone): the journal goes first, then everything staged. */
export function finish(root: string): void {
  removeFile(journalPath(root));
  removeFolder(join(root, TXN_DIR));
}
