// Reading the meetings folder: one folder per meeting, meetings/<YYYY-MM-DD>-<type>/, each
// with its record (meeting.json; a meeting.yml is read too, for records people write by hand).
//
// A record is vetted against its schema (zod, and yaml for a hand-written one) the first time
// it is read; the snapshot (snapshot.ts) keeps it under the hash of its text, so while the text
// is the same later commands take it as vetted without loading either library.

import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../errors.js';
import { MEETINGS_DIR, RECORD_FILE, type MeetingRecord } from '../core/meetings/record.js';
import { conflictMarkerLine, conflictMarkersMessage } from '../core/conflict-markers.js';
import { hashBytes, keepMeetingRecords, snapshotMeetingRecord } from './snapshot.js';

export interface StoredMeeting extends MeetingRecord {
  /** The meeting's folder, relative to the group's root: meetings/2027-06-10-agm */
  dir: string;
}

const RECORD_FILES = [RECORD_FILE, 'meeting.yml', 'meeting.yaml'];

/** Every meeting on record, by date then type. A folder without a record is not a meeting. */
export async function listMeetings(root: string): Promise<StoredMeeting[]> {
  const base = join(root, MEETINGS_DIR);
  if (!existsSync(base)) return [];
  const out: StoredMeeting[] = [];
  const learned: Vetted = {};
  for (const entry of readdirSync(base, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const dir = `${MEETINGS_DIR}/${entry.name}`;
    const file = RECORD_FILES.find((f) => existsSync(join(root, dir, f)));
    if (!file) continue;
    const shown = `${dir}/${file}`;
    let text: Buffer;
    try {
      text = readFileSync(join(root, shown));
    } catch (error) {
      throw unreadable(shown, error);
    }
    const hash = hashBytes(text);
    let record = snapshotMeetingRecord(root, shown, hash, () => text.toString('utf8'));
    if (!record) {
      record = await vetRecord(text.toString('utf8'), shown);
      learned[shown] = { hash, record };
    }
    out.push({ ...record, dir });
  }
  if (held?.root === root) Object.assign(held.records, learned);
  else keepMeetingRecords(root, learned);
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.type < b.type ? -1 : a.type > b.type ? 1 : 0));
}

type Vetted = Record<string, { hash: string; record: MeetingRecord; written?: boolean }>;

/** Records vetted while a meeting change is worked out: kept with the ones it writes, in one write of the snapshot. */
let held: { root: string; records: Vetted } | undefined;

/**
 * For a meeting change: records vetted from now on are held, and kept (in the snapshot) with the
 * records the change writes by keepWrittenRecords, or by releaseVettedRecords when it writes none.
 * One write of the snapshot instead of two.
 */
export function holdVettedRecords(root: string): void {
  held = { root, records: {} };
}

/** Keeps whatever records are still held (a change that failed, or wrote no record). */
export function releaseVettedRecords(): void {
  const h = held;
  held = undefined;
  if (h) keepMeetingRecords(h.root, h.records);
}

/**
 * After a change wrote meeting records: keeps them in the snapshot as vetted, so the next
 * command need not load zod to read what coop itself just wrote from a vetted record. Kept
 * under the hash of the text written, so a record changed on disk since is vetted afresh.
 */
export function keepWrittenRecords(root: string, changes: readonly { path: string; content: string | Uint8Array }[]): void {
  const written: Vetted = held?.root === root ? held.records : {};
  held = undefined;
  for (const change of changes) {
    if (!change.path.startsWith(`${MEETINGS_DIR}/`) || !change.path.endsWith(`/${RECORD_FILE}`) || typeof change.content !== 'string') continue;
    try {
      written[change.path] = { hash: hashBytes(Buffer.from(change.content, 'utf8')), record: JSON.parse(change.content) as MeetingRecord, written: true };
    } catch {
      // Not JSON: left to be vetted when next read.
    }
  }
  keepMeetingRecords(root, written);
}

function unreadable(shown: string, error: unknown): UserError {
  return new UserError(`${shown} cannot be read (${(error as Error).message.split('\n')[0]}). Restore it from git (git checkout -- ${shown}) and try again.`);
}

async function vetRecord(text: string, shown: string): Promise<MeetingRecord> {
  // Left by a merge committed unsettled (one under way is refused before any read: merge-guard.ts).
  const marker = conflictMarkerLine(text);
  if (marker !== undefined) throw new UserError(conflictMarkersMessage([{ path: shown, line: marker }], false));
  let raw: unknown;
  try {
    raw = shown.endsWith('.json') ? JSON.parse(text) : (await import('yaml')).parse(text);
  } catch (error) {
    throw unreadable(shown, error);
  }
  const { parseRecord } = await import('../core/meetings/record-schema.js');
  const { record, problem } = parseRecord(raw);
  if (!record) throw new UserError(`${shown} is not a valid meeting record: ${problem}. Restore it from git (git checkout -- ${shown}) and try again.`);
  return record;
}
