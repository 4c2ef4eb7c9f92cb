// Recording attendance: who may be recorded at a meeting, and how new names, proxies and
// apologies join what is already on record. Only those entitled to vote on the meeting date
// may be recorded, and proxies only as the rules allow them.

import { UsageError, UserError } from '../../errors.js';
import { assessAttendance, decideQuorum, type AssessedAttendance, type MeetingRules, type Proxy, type QuorumDecision, type RefusedProxy } from './counting.js';
import { unique } from './input.js';
import { describeMeeting, type MeetingRecord } from './record.js';

export interface AttendanceInput {
  present: number[];
  proxies: Proxy[];
  apologies: number[];
}

export interface AttendanceRegister {
  entitled: ReadonlySet<number>;
  /** Why a number may not vote at this meeting, in words. */
  whyNot: (n: number) => string | undefined;
}

export interface AttendancePlan {
  record: MeetingRecord;
  assessed: AssessedAttendance;
  quorum: QuorumDecision;
  /** Proxies on record that do not count (none of them just given). */
  unused: RefusedProxy[];
}

/** Refuses what cannot be given together before anything is read: an empty call, present and absent at once. */
export function checkAttendanceInput(input: AttendanceInput): void {
  if (input.present.length + input.apologies.length + input.proxies.length === 0) {
    throw new UsageError('Give the membership numbers of those present, and any --proxy HOLDER=MEMBER or --apologies <numbers>.');
  }
  const both = input.present.filter((n) => input.apologies.includes(n));
  if (both.length > 0) throw new UsageError(`Member${both.length > 1 ? 's' : ''} ${both.join(', ')} cannot be both present and sending apologies.`);
}

/** The meeting with the new attendance added, or a refusal listing every problem. */
export function planAttendance(meeting: MeetingRecord, input: AttendanceInput, register: AttendanceRegister, rules: MeetingRules): AttendancePlan {
  const present = unique(input.present);
  const apologies = unique(input.apologies);
  const problems: string[] = [];
  const mentioned = unique([...present, ...apologies, ...input.proxies.flatMap((p) => [p.holder, p.member])]);
  for (const n of mentioned) {
    const why = register.entitled.has(n) ? undefined : register.whyNot(n);
    if (why) problems.push(why);
  }
  if (input.proxies.length > 0 && !rules.proxies.allowed) {
    problems.push(
      meeting.type === 'committee'
        ? 'a committee meeting has no proxies: only members of the board present vote'
        : 'the rules do not allow proxies (coop.yml meetings.proxies.allowed is false)',
    );
  }
  if (problems.length > 0) throw new UserError(attendanceRefusal(meeting, problems));

  const before = meeting.attendance;
  const presentAfter = new Set([...before.present, ...present]);
  const lateApology = apologies.filter((n) => presentAfter.has(n));
  if (lateApology.length > 0) {
    throw new UserError(
      attendanceRefusal(
        meeting,
        lateApology.map((n) => `member ${n} is recorded as present, so cannot send apologies`),
      ),
    );
  }
  const known = new Set(before.proxies.map(proxyKey));
  const added = input.proxies.filter((p) => !known.has(proxyKey(p)));
  const attendance: MeetingRecord['attendance'] = {
    present: [...presentAfter].sort((a, b) => a - b),
    proxies: [...before.proxies, ...added],
    // Someone who sent apologies and then came is present, not absent.
    apologies: unique([...before.apologies, ...apologies])
      .filter((n) => !presentAfter.has(n))
      .sort((a, b) => a - b),
  };
  const record: MeetingRecord = { ...meeting, attendance };
  const assessed = assessAttendance(register.entitled, attendance, rules.proxies);
  const refusedNew = assessed.refused.filter((r) => added.some((p) => p.holder === r.holder && p.member === r.member));
  if (refusedNew.length > 0)
    throw new UserError(
      attendanceRefusal(
        meeting,
        refusedNew.map((r) => `proxy ${r.holder}=${r.member}: ${r.reason}`),
      ),
    );
  const quorum = decideQuorum(rules.quorum, register.entitled.size, assessed, rules.proxies.countTowardsQuorum);
  return { record, assessed, quorum, unused: assessed.refused.filter((r) => !refusedNew.includes(r)) };
}

function attendanceRefusal(meeting: MeetingRecord, problems: string[]): string {
  const what = describeMeeting(meeting);
  return `${what.charAt(0).toUpperCase()}${what.slice(1)}: nothing was recorded, because\n${problems.map((p) => `  - ${p}`).join('\n')}`;
}

function proxyKey(p: Proxy): string {
  return `${p.holder}=${p.member}`;
}
