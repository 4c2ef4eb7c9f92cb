// Reading the meetings folder: one folder per meeting, meetings/<YYYY-MM-DD>-<type>/, each
// with its record (meeting.json; a meeting.yml is read too, for records people write by hand).

import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { UserError } from '../errors.js';
import { MEETINGS_DIR, RECORD_FILE, parseRecord, type MeetingRecord } from '../core/meetings/record.js';

export interface StoredMeeting extends MeetingRecord {
  /** The meeting's folder, relative to the group's root: meetings/2027-06-10-agm */
  dir: string;
}

const RECORD_FILES = [RECORD_FILE, 'meeting.yml', 'meeting.yaml'];

/** Every meeting on record, by date then type. A folder without a record is not a meeting. */
export function listMeetings(root: string): StoredMeeting[] {
  const base = join(root, MEETINGS_DIR);
  if (!existsSync(base)) return [];
  const out: StoredMeeting[] = [];
  for (const entry of readdirSync(base, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const dir = `${MEETINGS_DIR}/${entry.name}`;
    const file = RECORD_FILES.find((f) => existsSync(join(root, dir, f)));
    if (!file) continue;
    out.push({ ...readRecord(join(root, dir, file), `${dir}/${file}`), dir });
  }
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.type < b.type ? -1 : a.type > b.type ? 1 : 0));
}

function readRecord(path: string, shown: string): MeetingRecord {
  let raw: unknown;
  try {
    const text = readFileSync(path, 'utf8');
    raw = path.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    throw new UserError(`${shown} cannot be read (${(error as Error).message.split('\n')[0]}). Restore it from git (git checkout -- ${shown}) and try again.`);
  }
  const { record, problem } = parseRecord(raw);
  if (!record) throw new UserError(`${shown} is not a valid meeting record: ${problem}. Restore it from git (git checkout -- ${shown}) and try again.`);
  return record;
}
