// Reading the ledger of amendments (amendments/events.jsonl) and the change that appends to it.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../errors.js';
import { AMENDMENT_EVENTS_FILE, decodeAmendmentEvents, encodeAmendmentEvents, type AmendmentEvent, type NewAmendmentEvent } from '../core/amendments/events.js';
import type { FileChange } from './transaction.js';

/** Every amendment event on record; none for a group that has never amended its rules. */
export function readAmendmentEvents(root: string): AmendmentEvent[] {
  const file = join(root, AMENDMENT_EVENTS_FILE);
  if (!existsSync(file)) return [];
  const { events, problem } = decodeAmendmentEvents(readFileSync(file, 'utf8'));
  if (problem) throw new UserError(`${problem}. Restore the file from git (git checkout -- ${AMENDMENT_EVENTS_FILE}) and try again.`);
  return events;
}

/** The change that appends these events after those already read. */
export function appendAmendmentEvents(existing: readonly AmendmentEvent[], events: readonly NewAmendmentEvent[]): FileChange {
  const last = existing.reduce((m, e) => Math.max(m, e.seq), 0);
  return { path: AMENDMENT_EVENTS_FILE, content: encodeAmendmentEvents(last, events).lines, tracked: true, append: true };
}
