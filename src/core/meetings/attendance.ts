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
  /** Recorded by mistake: taken off before the rest is added. */
  remove?: number[];
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
  if (input.present.length + input.apologies.length + input.proxies.length + (input.remove?.length ?? 0) === 0) {
    throw new UsageError('Give the membership numbers of those present (e.g. 1-5,8), and any --proxy HOLDER=MEMBER, --apologies <numbers> or --remove <numbers>.');
  }
  const again = (input.remove ?? []).filter((n) => input.present.includes(n) || input.apologies.includes(n));
  if (again.length > 0) throw new UsageError(`Member${again.length > 1 ? 's' : ''} ${again.join(', ')} cannot be both removed and recorded in one go.`);
  const both = input.present.filter((n) => input.apologies.includes(n));
  if (both.length > 0) throw new UsageError(`Member${both.length > 1 ? 's' : ''} ${both.join(', ')} cannot be both present and sending apologies.`);
}

/** The meeting with the new attendance added, or a refusal listing every problem. */
export function planAttendance(meeting: MeetingRecord, input: AttendanceInput, register: AttendanceRegister, rules: MeetingRules): AttendancePlan {
  const present = unique(input.present);
  const apologies = unique(input.apologies);
  const problems: string[] = [];
  const mentioned = unique([...present, ...apologies, ...input.proxies.flatMap((p) => (typeof p.holder === 'number' ? [p.holder, p.member] : [p.member]))]);
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

  const before = withoutRemoved(meeting, input.remove ?? []);
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
  // The same person named twice, or a name given for someone already holding by number, is one proxy.
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

/**
 * The attendance on record less members recorded by mistake (present, apologies, or either end
 * of a proxy). Refused once a vote is recorded: its counts were checked against who was there.
 */
function withoutRemoved(meeting: MeetingRecord, remove: readonly number[]): MeetingRecord['attendance'] {
  const a = meeting.attendance;
  if (remove.length === 0) return a;
  const recorded = new Set<number | string>([...a.present, ...a.apologies, ...a.proxies.flatMap((p) => [p.holder, p.member])]);
  const unknown = remove.filter((n) => !recorded.has(n));
  if (unknown.length > 0) {
    throw new UserError(
      attendanceRefusal(
        meeting,
        unknown.map((n) => `member ${n} is not recorded at this meeting, so there is nothing to remove`),
      ),
    );
  }
  if (meeting.votes.length > 0) {
    throw new UserError(attendanceRefusal(meeting, ['votes are already recorded, and their counts were checked against who was present: attendance can only be added to now']));
  }
  const gone = new Set(remove);
  return {
    present: a.present.filter((n) => !gone.has(n)),
    proxies: a.proxies.filter((p) => !(typeof p.holder === 'number' && gone.has(p.holder)) && !gone.has(p.member)),
    apologies: a.apologies.filter((n) => !gone.has(n)),
  };
}
