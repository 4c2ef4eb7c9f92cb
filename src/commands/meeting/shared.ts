// What the meeting commands share: finding the group and the meeting, the register as at the
// meeting date, and applying a change to the meeting's record as one commit.

import { UsageError, UserError } from '../../errors.js';
import { longDate } from '../../core/dates.js';
import { deriveState, type RegisterState } from '../../core/ledger/derive.js';
import { assessAttendance, type AssessedAttendance, type ProxyRules, type QuorumRule } from '../../core/meetings/counting.js';
import { entitledVoters, type Voter } from '../../core/meetings/entitled.js';
import { RECORD_FILE, describeMeeting, findMeeting, type MeetingRecord, type MeetingType } from '../../core/meetings/record.js';
import type { CoopParams } from '../../core/params.js';
import { isGitGroup, readLedger } from '../../io/group.js';
import { listMeetings, type StoredMeeting } from '../../io/meetings.js';
import { applyPlan, type FileChange, type Plan } from '../../io/transaction.js';

export interface CommonOptions {
  /** The folder to run in (tests); the process's working folder otherwise. */
  cwd?: string;
  /** False with --no-commit. */
  commit?: boolean;
  json?: boolean;
}

/** The register on the meeting date and as it stands now (to explain "joined after the meeting"). */
export interface MeetingRegister {
  atDate: RegisterState;
  /** Derived on first use: only explanations of a refusal need it. */
  readonly latest: RegisterState;
  voters: Voter[];
  entitled: Set<number>;
  /** The board on the meeting date: for rotation and committee meetings. */
  board: Voter[];
}

export function registerFor(root: string, params: CoopParams, type: MeetingType, date: string): MeetingRegister {
  const { events } = readLedger(root);
  const atDate = deriveState(events, { asOf: date }).state;
  let latest: RegisterState | undefined;
  const voters = entitledVoters(atDate, type, params.board);
  const board = type === 'committee' ? voters : entitledVoters(atDate, 'committee', params.board);
  return {
    atDate,
    get latest() {
      latest ??= deriveState(events).state;
      return latest;
    },
    voters,
    entitled: new Set(voters.map((v) => v.number)),
    board,
  };
}

/** The quorum rule and proxy rules that apply: the board's at a committee meeting, where there are no proxies. */
export function meetingRules(params: CoopParams, type: MeetingType): { quorum: QuorumRule; proxies: ProxyRules } {
  if (type === 'committee') return { quorum: params.board.quorum, proxies: { allowed: false, maxPerHolder: 0, countTowardsQuorum: false } };
  return { quorum: params.meetings.quorum, proxies: params.meetings.proxies };
}

export function assess(params: CoopParams, meeting: MeetingRecord, register: MeetingRegister): AssessedAttendance {
  return assessAttendance(register.entitled, meeting.attendance, meetingRules(params, meeting.type).proxies);
}

/** The meeting a reference names, open for changes: refuses closed meetings, whose papers are final. */
export function openMeeting(root: string, ref: string, doing: string): StoredMeeting {
  const meeting = lookUp(root, ref);
  if (meeting.closed) {
    throw new UserError(
      `${capitalise(describeMeeting(meeting))} was closed${meeting.closedOn ? ` on ${longDate(meeting.closedOn)}` : ''}: its minutes and papers are final, so coop will not ${doing}. ` +
        'Record any correction in the minutes of the next meeting.',
    );
  }
  return meeting;
}

export function lookUp(root: string, ref: string): StoredMeeting {
  const found = findMeeting(listMeetings(root), ref);
  if (typeof found === 'string') throw new UserError(found);
  return found;
}

export function recordChange(dir: string, record: MeetingRecord): FileChange {
  const { dir: _dir, ...plain } = record as MeetingRecord & { dir?: string };
  void _dir;
  return { path: `${dir}/${RECORD_FILE}`, content: `${JSON.stringify(plain, null, 2)}\n`, tracked: true };
}

export async function apply(root: string, plan: Plan, options: CommonOptions): Promise<void> {
  await applyPlan(root, plan, { git: isGitGroup(root), commit: options.commit !== false });
}

/** A membership number given on the command line. */
export function parseNumber(text: string, what: string): number {
  if (!/^\d{1,9}$/.test(text.trim()) || Number(text) < 1) throw new UsageError(`${what} "${text}" is not a membership number (a whole number from 1).`);
  return Number(text);
}

/** A count of votes given on the command line. */
export function parseCount(text: string | undefined, flag: string): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d{1,9}$/.test(String(text).trim())) throw new UsageError(`${flag} must be a whole number of votes (0 or more), not "${text}".`);
  return Number(text);
}

export function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function print(text: string): void {
  process.stdout.write(`${text}\n`);
}

export function note(text: string): void {
  process.stderr.write(`${text}\n`);
}
