// Expelling a member is a decision of the members: every governing document coop writes says a
// member may be expelled only by special resolution at a general meeting (after being told of the
// proposal and heard). Recording an expulsion therefore names that decision, and this checks the
// record bears it out before the register says "expelled".

import { longDate, type IsoDate } from '../dates.js';
import type { MeetingRecord } from './record.js';

/** "2025-06-20:2" or "2025-06-20-general:2": the meeting, and the resolution's number there. */
export function parseDecisionRef(text: string): { meeting: string; resolution: number } | undefined {
  const m = /^\s*(\d{4}-\d{2}-\d{2}(?:-[a-z]+)?)\s*:\s*(\d{1,4})\s*$/.exec(text);
  if (!m?.[1] || !m[2] || Number(m[2]) < 1) return undefined;
  return { meeting: m[1], resolution: Number(m[2]) };
}

/**
 * Why the named resolution does not support expelling this member on this date, or undefined
 * when it does: a special resolution, at a general meeting or AGM that is closed, passed, on or
 * before the day the membership ends.
 */
export function expulsionProblem(meeting: MeetingRecord, resolution: number, leaveDate: IsoDate): string | undefined {
  const where = `resolution ${resolution} of ${meeting.id}`;
  if (meeting.type === 'committee') return `${meeting.id} is a committee meeting: only the members, by special resolution at a general meeting, can expel a member`;
  const r = meeting.resolutions.find((x) => x.number === resolution);
  if (!r) return `${meeting.id} has no resolution ${resolution}`;
  if (r.kind !== 'special') return `${where} is not a special resolution, and the rules allow expulsion only by special resolution`;
  if (!meeting.closed || !meeting.outcome) return `${meeting.id} is not closed yet, so ${where} has not been decided: close the meeting first`;
  const o = meeting.outcome.resolutions.find((x) => x.number === resolution);
  if (!o?.passed) return `${where} was not passed`;
  if (meeting.date > leaveDate) return `${where} was passed on ${longDate(meeting.date)}, after ${longDate(leaveDate)}, the date given for the expulsion`;
  return undefined;
}

/** A warning when the resolution's words do not name the member: the secretary may have given the wrong one. */
export function expulsionNamesMember(text: string, member: number, name: string): boolean {
  const t = text.toLowerCase();
  return t.includes(name.toLowerCase()) || new RegExp(`\\b${member}\\b`).test(t);
}
