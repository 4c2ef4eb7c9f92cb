// What every meeting operation starts from: the group's rules, the meeting a reference names,
// and the register as it stood on the meeting's date. Changes go the one way register changes
// do: under the write lock, work out the new record and papers (refusing bad input), then
// write them and commit in one transaction.

import { UserError } from '../errors.js';
import { longDate, parseDate, todayInUk, type IsoDate } from '../core/dates.js';
import { deriveState, type RegisterState } from '../core/ledger/derive.js';
import { entitledVoters, whyNotEntitled, type Voter } from '../core/meetings/entitled.js';
import { RECORD_FILE, describeMeeting, findMeeting, type MeetingRecord, type MeetingType } from '../core/meetings/record.js';
import type { CoopParams } from '../core/params.js';
import type { NoticeMethod } from '../core/ledger/events.js';
import { UsageError } from '../errors.js';
import { findGroupRoot, isGitGroup, ledgerRules, loadParams } from '../io/group.js';
import { openLedger, refuseUnreadable, type Ledger } from '../io/ledger-store.js';
import type { LedgerEvent } from '../core/ledger/events.js';
import { keptTodayRegister, todayRegister } from './today.js';
import { holdVettedRecords, keepWrittenRecords, listMeetings as readMeetings, releaseVettedRecords, type StoredMeeting } from '../io/meetings.js';
import { applyPlan, withWriteLock, type FileChange } from '../io/transaction.js';
import { gitIdentity } from '../io/git.js';
import { withoutIndexing } from '../io/contacts-index.js';
import type { WriteOptions } from './group.js';
import type { Recorded } from './record.js';

/** The register on the meeting date and as it stands now (to explain "joined after the meeting"). */
export interface MeetingRegister {
  atDate: RegisterState;
  /** Derived on first use: only explanations of a refusal need it. */
  readonly latest: RegisterState;
  voters: Voter[];
  entitled: Set<number>;
  /** The board on the meeting date: for rotation and committee meetings. */
  board: Voter[];
  /** Why a number may not vote at the meeting, in words; undefined when it may. */
  whyNot: (n: number) => string | undefined;
  /** How each member took notices on a date (the day the notice was sent): consent given later does not count. */
  noticesOn: (date: IsoDate) => Map<number, NoticeMethod>;
}

/** What the register today is read with: the group's current rules (not those in force at the meeting) and today. */
export interface RegisterNow {
  current: CoopParams;
  today: IsoDate;
  /**
   * Whether today's register, when not yet kept, is derived and kept for the commands after
   * (default yes). Calling a meeting says no: it already pays for papers naming every member and
   * for searching them for contact details, so the first of the meeting's later commands keeps it.
   */
  keep?: boolean;
}

/**
 * The register for a meeting. With `now`, a meeting on or after the ledger's last event (and
 * today after it too) takes today's register from the snapshot (api/today.ts), so the ledger is
 * not decoded: a state depends only on the events dated on or before its day, so with none after
 * the last event every such day has the same register (not yet kept, it is derived and kept for
 * the next command). Otherwise the ledger is decoded and the register derived as at the meeting date.
 */
export function registerFor(root: string, params: CoopParams, type: MeetingType, date: IsoDate, now?: RegisterNow): MeetingRegister {
  const handle = openLedger(root, { cache: true });
  let ledger: Ledger | undefined;
  const events = (): LedgerEvent[] => {
    if (!ledger) {
      ledger = handle.read();
      refuseUnreadable(ledger);
    }
    return ledger.events;
  };
  const group = now ? { root, params: now.current, ledger: handle, today: now.today, founded: now.current.group.founded } : undefined;
  // Not kept (the first command since the register changed): derived from today's events and
  // kept, as status does, so the meeting's later commands (attend, vote, close) need not decode;
  // only for a meeting on or after the last event, the only one that reads it.
  const kept = group
    ? (keptTodayRegister(group) ??
      (now?.keep === false || events().some((e) => e.date > date)
        ? undefined
        : todayRegister({
            ...group,
            rules: ledgerRules(group.params),
            get events() {
              return events();
            },
          })))
    : undefined;
  /** The last event's date, when the snapshot says (null: no events); undefined when not known without decoding. */
  const lastDate = kept?.lastDate;
  /** Whether any event is dated after `from` and on or before `to` (or at all after `from`). */
  const eventsBetween = (from: IsoDate, to?: IsoDate): boolean => {
    if (lastDate !== undefined && (lastDate === null || lastDate <= from)) return false;
    return events().some((e) => e.date > from && (to === undefined || e.date <= to));
  };
  const atDate = kept && lastDate !== undefined && !eventsBetween(date) && !eventsBetween(kept.asOf) ? kept.state : deriveState(events(), { asOf: date }).state;
  // The register on another day is the one on the meeting date while no event falls between
  // the two: derived again only then.
  const stateOn = (day: IsoDate): RegisterState => {
    const [from, to] = day < date ? [day, date] : [date, day];
    return day === date || !eventsBetween(from, to) ? atDate : deriveState(events(), { asOf: day }).state;
  };
  let latest: RegisterState | undefined;
  const voters = entitledVoters(atDate, type, params.board);
  const board = type === 'committee' ? voters : entitledVoters(atDate, 'committee', params.board);
  const entitled = new Set(voters.map((v) => v.number));
  const register: MeetingRegister = {
    atDate,
    get latest() {
      latest ??= eventsBetween(date) ? deriveState(events()).state : atDate;
      return latest;
    },
    voters,
    entitled,
    board,
    whyNot: (n) => whyNotEntitled(n, entitled, atDate, register.latest, type, date),
    noticesOn: (day) => {
      const notices = new Map<number, NoticeMethod>();
      for (const m of stateOn(day).members.values()) notices.set(m.number, m.notices);
      return notices;
    },
  };
  return register;
}

export interface MeetingGroup {
  root: string;
  params: CoopParams;
  today: IsoDate;
}

export interface MeetingChange<T> {
  changes: FileChange[];
  message: string;
  result: T;
}

/** Under the write lock: read the rules, build the change (refusing bad input), apply it as one commit. */
export async function changeMeeting<T>(cwd: string, options: WriteOptions, build: (group: MeetingGroup) => MeetingChange<T> | Promise<MeetingChange<T>>): Promise<T & Recorded> {
  const today = options.today === undefined ? todayInUk() : parseDate(options.today);
  if (!today) throw new UsageError(`The option today "${options.today}" is not a date: write it as YYYY-MM-DD.`);
  const root = findGroupRoot(cwd);
  return withWriteLock(root, async () => {
    // Who commits is asked of git now, as for a register change (api/record.ts): it depends on
    // nothing the change does, and git starts quicker from a process that has not yet read the register.
    const git = isGitGroup(root);
    const identity = git && options.commit !== false ? gitIdentity(root) : undefined;
    identity?.catch(() => {});
    // Records vetted on the way are kept with those written: one write of the snapshot.
    holdVettedRecords(root);
    try {
      const params = await loadParams(root);
      const change = await build({ root, params, today });
      const commit = await applyPlan(root, { changes: change.changes, message: change.message }, { git, commit: options.commit !== false, identity });
      keepWrittenRecords(root, change.changes);
      return { ...change.result, commit };
    } finally {
      releaseVettedRecords();
    }
  });
}

/**
 * changeMeeting for a change whose guard leaves the private store's index unbuilt (a kept one is
 * still used; io/contacts-index.ts, withoutIndexing): calling a meeting.
 */
export function changeMeetingUnindexed<T>(cwd: string, options: WriteOptions, build: (group: MeetingGroup) => MeetingChange<T> | Promise<MeetingChange<T>>): Promise<T & Recorded> {
  return withoutIndexing(() => changeMeeting(cwd, options, build));
}

/** The meeting a reference names, open for changes: refuses closed meetings, whose papers are final. */
export async function openMeeting(root: string, ref: string, doing: string): Promise<StoredMeeting> {
  const meeting = await lookUpMeeting(root, ref);
  if (meeting.closed) {
    const what = describeMeeting(meeting);
    throw new UserError(
      `${what.charAt(0).toUpperCase()}${what.slice(1)} was closed${meeting.closedOn ? ` on ${longDate(meeting.closedOn)}` : ''}: its minutes and papers are final, so coop will not ${doing}. ` +
        'Record any correction in the minutes of the next meeting.',
    );
  }
  return meeting;
}

export async function lookUpMeeting(root: string, ref: string): Promise<StoredMeeting> {
  const found = findMeeting(await readMeetings(root), ref);
  if (typeof found === 'string') throw new UserError(found);
  return found;
}

/** The meeting's record file with its new content. */
export function recordFile(dir: string, record: MeetingRecord): FileChange {
  const { dir: _dir, ...plain } = record as MeetingRecord & { dir?: string };
  void _dir;
  return { path: `${dir}/${RECORD_FILE}`, content: `${JSON.stringify(plain, null, 2)}\n`, tracked: true };
}
