// A meeting's machine-readable record, meetings/<YYYY-MM-DD>-<type>/meeting.json: what was
// called, who came, how each resolution was voted, and, once closed, what was decided. The
// papers are rendered from it; the record, not the papers, is what later commands read.

import { longDate, type IsoDate } from '../dates.js';
import type { AttendanceRecord, ResolutionKind, VoteRecord } from './counting.js';
import type { ServiceGroup } from './notice.js';
import type { Confirms, DirectorRemoval } from './special-business.js';

export const MEETING_TYPES = ['agm', 'general', 'committee'] as const;
export type MeetingType = (typeof MEETING_TYPES)[number];

export { MEETINGS_DIR, MEETING_RECORD_FILE as RECORD_FILE } from '../layout.js';

export interface Resolution {
  number: number;
  kind: ResolutionKind;
  text: string;
  /** A resolution to remove a company director (special-business.ts). */
  director?: DirectorRemoval;
  /** A second meeting's resolution confirming one passed at the first (special-business.ts). */
  confirms?: Confirms;
}

export type VoteEntry = { resolution: number } & VoteRecord;

export interface ShortNotice {
  /** Clear days the rules require, and the clear days given. */
  required: number;
  given: number;
  /** The share of members whose consent the rules require, as written in coop.yml ("90%"). */
  consent: string;
  /** How many members that is, of those entitled to attend on the meeting date. */
  consentMembers: number;
  entitledMembers: number;
  /** Who agreed to the short notice, and when (core/meetings/short-notice.ts); absent in older records. */
  consents?: { member: number; date: IsoDate }[];
}

export interface CloseOutcome {
  quorum: { required: number; present: number; met: boolean };
  resolutions: { number: number; kind: ResolutionKind; text: string; for: number; against: number; abstain: number; passed: boolean; firstStage?: boolean }[];
  /** Board elections decided at the meeting (core/elections); absent where none was held. */
  elections?: ElectionOutcome[];
}

/** `coop meeting close --json`'s "elections" entries, as the README documents them. */
export interface ElectionOutcome {
  seats: number;
  candidates: { member: number; name: string; votes: number | null; elected: boolean }[];
}

/** A nomination for election to the board at this meeting. */
export interface Nomination {
  member: number;
  proposer: number | null;
  seconder: number | null;
  /** The day the nomination was received. */
  date: IsoDate;
  /** A board member retiring at this meeting who stands again. */
  retiring: boolean;
}

/** The count of a board election, as recorded by coop meeting elect. */
export interface ElectionEntry {
  seats: number;
  votes: { member: number; votes: number }[];
  /** Who won a tie for the last seat, by lot or the chair's casting vote. */
  tieWinners: number[];
}

export interface MeetingRecord {
  id: string;
  type: MeetingType;
  date: IsoDate;
  /** Start time, 24-hour, UK time. */
  time: string;
  place: string;
  online: string | null;
  noticeDate: IsoDate;
  byPost: boolean;
  /** The day the notice counts as served on the last member it reaches (later than noticeDate when emailed or posted). */
  served: IsoDate;
  /**
   * How the notice reached the members entitled to it, by method: who, and the day it counts as
   * served on them. Absent from records made before per-member service, and for committees.
   */
  service?: ServiceGroup[];
  shortNotice: ShortNotice | null;
  resolutions: Resolution[];
  attendance: AttendanceRecord;
  votes: VoteEntry[];
  closed: boolean;
  closedOn: IsoDate | null;
  outcome: CloseOutcome | null;
  /** Board elections: absent in records made before they existed. */
  nominations?: Nomination[];
  election?: ElectionEntry | null;
  /** Who chaired the meeting (a member present), as coop meeting close --chair records. */
  chair?: number;
}

export function meetingId(date: IsoDate, type: MeetingType): string {
  return `${date}-${type}`;
}

/** "the AGM", "the general meeting", "the committee meeting" */
export function meetingName(type: MeetingType): string {
  return type === 'agm' ? 'the AGM' : `the ${type} meeting`;
}

/** "Annual General Meeting", for headings. */
export function meetingTitle(type: MeetingType): string {
  return { agm: 'Annual General Meeting', general: 'General Meeting', committee: 'Committee Meeting' }[type];
}

/** "the AGM on 10 June 2027": how commit messages and errors name a meeting. */
export function describeMeeting(m: Pick<MeetingRecord, 'type' | 'date'>): string {
  return `${meetingName(m.type)} on ${longDate(m.date)}`;
}

export type MeetingRef = { date: IsoDate; type?: MeetingType };

/** True for a YYYY-MM-DD that names a day of the calendar (no zod here: see record-schema.ts). */
function isRealDate(text: string): boolean {
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

/** Reads "2027-06-10" or "2027-06-10-agm"; undefined when it is neither. */
export function parseMeetingRef(text: string): MeetingRef | undefined {
  const m = /^(\d{4}-\d{2}-\d{2})(?:-([a-z]+))?$/.exec(text.trim());
  if (!m?.[1] || !isRealDate(m[1])) return undefined;
  if (m[2] === undefined) return { date: m[1] };
  return (MEETING_TYPES as readonly string[]).includes(m[2]) ? { date: m[1], type: m[2] as MeetingType } : undefined;
}

/** Finds the one meeting a reference means, or says why there is none or more than one. */
export function findMeeting<T extends Pick<MeetingRecord, 'id' | 'type' | 'date'>>(meetings: readonly T[], text: string): T | string {
  const ref = parseMeetingRef(text);
  if (!ref) {
    return `"${text}" is not a meeting: give its date (2027-06-10), or its date and type (2027-06-10-agm) when two fall on one day.`;
  }
  const matches = meetings.filter((m) => m.date === ref.date && (ref.type === undefined || m.type === ref.type));
  const one = matches[0];
  if (matches.length === 1 && one) return one;
  if (matches.length > 1) {
    return `There is more than one meeting on ${longDate(ref.date)}: ${matches.map((m) => m.id).join(', ')}. Say which, for example ${matches[0]!.id}.`;
  }
  const what = ref.type === 'agm' ? 'an AGM' : ref.type ? `a ${ref.type} meeting` : 'a meeting';
  const recent = meetings.slice(-10).map((m) => m.id);
  const known =
    recent.length > 0
      ? ` Meetings on record: ${recent.join(', ')}${meetings.length > recent.length ? ' (the latest ten)' : ''}.`
      : ' No meetings have been called yet: call one with coop meeting new.';
  return `There is no record of ${what} on ${longDate(ref.date)}.${known}`;
}

/** Dates of AGMs that were held and quorate: the ones the next AGM is counted from. */
export function heldAgmDates(meetings: readonly Pick<MeetingRecord, 'type' | 'date' | 'closed' | 'outcome'>[]): IsoDate[] {
  return meetings.filter((m) => m.type === 'agm' && m.closed && m.outcome?.quorum.met === true).map((m) => m.date);
}
