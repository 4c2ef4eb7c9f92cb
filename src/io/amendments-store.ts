// Reading the ledger of amendments (amendments/events.jsonl) and the change that appends to it.
// The schema that decodes it is loaded only when the file exists: most groups have none.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../errors.js';
import type { AmendmentEvent, NewAmendmentEvent } from '../core/amendments/events.js';
import { AMENDMENT_EVENTS_FILE } from '../core/amendments/files.js';
import type { FileChange } from './transaction.js';

/** True when the group has ever proposed an amendment. */
export function hasAmendments(root: string): boolean {
  return existsSync(join(root, AMENDMENT_EVENTS_FILE));
}

/** Every amendment event on record; none for a group that has never amended its rules. */
export async function readAmendmentEvents(root: string): Promise<AmendmentEvent[]> {
  if (!hasAmendments(root)) return [];
  const { decodeAmendmentEvents } = await import('../core/amendments/events.js');
  const { events, problem } = decodeAmendmentEvents(readFileSync(join(root, AMENDMENT_EVENTS_FILE), 'utf8'));
  if (problem) throw new UserError(`${problem}. Restore the file from git (git checkout -- ${AMENDMENT_EVENTS_FILE}) and try again.`);
  return events;
}

/** The change that appends these events after those already read: one JSON line each, keys in a fixed order. */
export function appendAmendmentEvents(existing: readonly AmendmentEvent[], events: readonly NewAmendmentEvent[]): FileChange {
  const last = existing.reduce((m, e) => Math.max(m, e.seq), 0);
  const lines = events.map((e, i) => `${JSON.stringify({ seq: last + i + 1, ...e })}\n`).join('');
  return { path: AMENDMENT_EVENTS_FILE, content: lines, tracked: true, append: true };
}
