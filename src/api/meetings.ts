// Calling meetings, recording who came and how each resolution was voted, and closing them:
// the same operations as `coop meeting …`, for scripts. Each works out the new record and
// papers in the core (src/core/meetings/) and writes them as one commit; refusals throw
// UserError with the message the command prints.
//
//   import { callMeeting, recordAttendance, recordVote, closeMeeting } from 'create-coop';
//   await callMeeting('./my-coop', { type: 'agm', date: '2027-06-10', time: '18:30', place: 'Hall' });

import { UserError } from '../errors.js';
import { addDays, longDate, yearEndAfter, type IsoDate } from '../core/dates.js';
import { AUDIT_EXEMPTION_AGAINST_MEMBERS, AUDIT_EXEMPTION_AGAINST_VOTES_CAST, AUDIT_EXEMPTION_SOURCE, MINUTES_KEEP_YEARS, isSociety } from '../core/law.js';
import type { CoopParams } from '../core/params.js';
import { nextAgmDue } from '../core/meetings/agm-due.js';
import { checkAttendanceInput, planAttendance } from '../core/meetings/attendance.js';
import { checkCallDates, meetingCalendar, planCall } from '../core/meetings/call.js';
import { planClose } from '../core/meetings/close.js';
import {
  assessAttendance,
  decideResolution,
  quorumRequired,
  showOfHands,
  votersAllowed,
  type AssessedAttendance,
  type Outcome,
  type Proxy,
  type QuorumDecision,
  type RefusedProxy,
  type ResolutionKind,
  type VoteRecord,
} from '../core/meetings/counting.js';
import {
  parseCount,
  parseDateFlag,
  parseMeetingType,
  parseNumberList,
  parseProxy,
  parseResolutionNumber,
  parseResolutions,
  parseTime,
  parseUrl,
  requiredText,
  type ResolutionArg,
} from '../core/meetings/input.js';
import { attendanceRows, minutesContext, paperContext, type PaperContext } from '../core/meetings/papers.js';
import { MEETINGS_DIR, describeMeeting, heldAgmDates, meetingId, type CloseOutcome, type MeetingRecord, type MeetingType, type VoteEntry } from '../core/meetings/record.js';
import { meetingRules } from '../core/meetings/rules.js';
import { checkShortNoticeConsent, shortNoticeRule } from '../core/meetings/short-notice.js';
import { buildVote, checkVote } from '../core/meetings/votes.js';
import { UsageError } from '../errors.js';
import { loadParams, settle, findGroupRoot } from '../io/group.js';
import { listMeetings as readMeetings } from '../io/meetings.js';
import type { FileChange } from '../io/transaction.js';
import type { WriteOptions } from './group.js';
import { changeMeeting, changeMeetingUnindexed, openMeeting, recordFile, registerFor } from './meeting-context.js';
import type { Recorded } from './record.js';
import { electionAtClose, seatRotation } from './elections.js';
import { amendmentOutcomes, tableAmendment } from './amendment-meeting.js';
import { paramsInForce } from './rules-in-force.js';
import { minutesBusiness, parseChair } from './meeting-minutes.js';
import {
  checkSpecialBusinessFlags,
  firstStagesFor,
  specialBusinessNotesAtCall,
  specialBusinessNotesAtClose,
  specialBusinessResolutions,
  type SpecialBusinessInput,
} from './special-business.js';

export type { ResolutionArg } from '../core/meetings/input.js';

export interface CallMeetingInput extends WriteOptions, SpecialBusinessInput {
  /** agm, general or committee. */
  type: MeetingType | string;
  /** YYYY-MM-DD. */
  date: string;
  /** HH:MM, 24-hour, UK time. */
  time: string;
  place: string;
  /** A link for joining online. */
  online?: string;
  /** The date the notice is given (default today). */
  noticeDate?: string;
  byPost?: boolean;
  /** The resolutions, numbered 1, 2, … in this order. */
  resolutions?: ResolutionArg[];
  /** Hold it on short notice, with the consent the rules require. */
  shortNotice?: boolean;
  /** Members whose consent to short notice is in hand: numbers, or lists and ranges such as "1-5,8". */
  shortNoticeConsent?: (number | string)[];
  /** A proposed amendment's id: its special resolution goes on the notice in full, after the others. */
  amendment?: string;
  /** A society: add the resolution not to appoint auditors for the year of account the meeting falls in (2014 Act s.84). */
  auditExemption?: boolean;
  /** The moment the papers are made (the calendar file's DTSTAMP); now when omitted. */
  now?: Date;
}

export interface CalledMeeting {
  record: MeetingRecord;
  /** The meeting's folder: meetings/2027-06-10-agm */
  dir: string;
  /** The papers written, relative to dir. */
  files: string[];
  quorum: { required: number; entitled: number };
  /** Clear days given and required; null at a committee meeting. */
  notice: { given: number; required: number } | null;
  /** Whether a proxy form was written. */
  proxyForm: boolean;
  /** Notes and warnings for the person calling it. */
  notes: string[];
}

export async function callMeeting(cwd: string, input: CallMeetingInput): Promise<CalledMeeting & Recorded> {
  const type = parseMeetingType(input.type);
  const date = parseDateFlag(input.date, '--date');
  const time = parseTime(input.time);
  const place = requiredText(input.place, '--place', 500);
  const online = input.online === undefined ? null : parseUrl(input.online);
  const noticeDate = input.noticeDate === undefined ? undefined : parseDateFlag(input.noticeDate, '--notice-date');
  const typed = input.resolutions ?? [];
  if (type === 'committee' && typed.some((r) => r.kind !== 'ordinary')) {
    throw new UsageError('A committee meeting does not pass special resolutions: those are for general meetings. Use --resolution for the board’s proposals.');
  }
  checkSpecialBusinessFlags(type, input);
  if (type === 'committee' && input.auditExemption) throw new UsageError('--audit-exemption is for a general meeting or AGM of a society, not a committee meeting.');
  const notes: string[] = [];
  if (type === 'committee' && input.byPost) notes.push('Note: --by-post changes nothing for a committee meeting, which has no notice period in the rules.');

  // The store's index, like today's register, is left for the meeting's later commands to keep.
  return changeMeetingUnindexed(cwd, input, async ({ root, params: current, today }) => {
    const given = noticeDate ?? today;
    // The rules in force on the meeting's date: an amendment that takes effect later does not apply.
    const params = await paramsInForce(root, current, date);
    // Resolutions the law treats specially come after those typed (api/special-business.ts).
    const register = registerFor(root, params, type, date, { current, today, keep: false });
    const special = await specialBusinessResolutions(root, params, register, input, { type, date, noticeDate: given });
    const resolutions = parseResolutions([...typed, ...(input.auditExemption ? [auditExemptionResolution(params, date)] : []), ...special]);
    const tabled =
      input.amendment === undefined
        ? undefined
        : await tableAmendment(root, params, input.amendment.trim(), { id: meetingId(date, type), type, noticeDate: given }, resolutions.length + 1);
    if (tabled) resolutions.push(tabled.resolution);
    const existing = (await readMeetings(root)).find((m) => m.type === type && m.date === date);
    if (existing) {
      throw new UserError(
        `There is already ${type === 'agm' ? 'an AGM' : `a ${type} meeting`} on ${longDate(date)} (${existing.dir}/). Two meetings of the same type cannot fall on one day; give a different date, or work with the one on record.`,
      );
    }
    checkCallDates({ date, noticeDate: given }, params.group.founded);
    // Each member is served as they take notices on the day it is sent; --by-post sends it by post to all.
    const methods = register.noticesOn(given);
    const members = register.voters.map((v) => ({ member: v.number, method: input.byPost ? ('post' as const) : (methods.get(v.number) ?? 'post') }));
    const shortNoticeConsents = [...new Set((input.shortNoticeConsent ?? []).flatMap((n) => parseNumberList(n, '--short-notice-consent')))];
    const call = {
      type,
      date,
      time,
      place,
      online,
      noticeDate: given,
      byPost: Boolean(input.byPost),
      shortNotice: Boolean(input.shortNotice),
      shortNoticeConsents,
      resolutions,
      members,
    };
    const { record, notes: callNotes } = planCall(params, call);
    notes.push(...callNotes);
    notes.push(...specialBusinessNotesAtCall(special));
    const required = quorumRequired(meetingRules(params, type).quorum, register.voters.length);
    const context = paperContext(
      { params, record, voters: register.voters, board: register.board, quorumRequired: required, retiring: seatRotation(params, record, register.atDate) },
      MINUTES_KEEP_YEARS,
    );
    const dir = `${MEETINGS_DIR}/${record.id}`;
    const files = await papers(dir, record, context, input.now ?? new Date());
    if (required > register.voters.length) {
      notes.push(
        `Warning: the quorum is ${required} but only ${register.voters.length} ${type === 'committee' ? 'are on the board' : 'members are entitled to vote'}, so this meeting cannot be quorate as things stand.`,
      );
    }
    return {
      changes: [recordFile(dir, record), ...files, ...(tabled ? [tabled.change] : [])],
      message: `Call ${describeMeeting(record)}${tabled ? ` (amendment ${input.amendment})` : ''}`,
      result: {
        record,
        dir,
        files: files.map((c) => c.path.slice(dir.length + 1)),
        quorum: { required, entitled: register.voters.length },
        notice: context.notice,
        proxyForm: context.proxies !== null,
        notes,
      },
    };
  });
}

/** Our wording of the s.84 resolution, for the year of account the meeting falls in (it must be passed within it). */
function auditExemptionResolution(params: CoopParams, date: IsoDate): ResolutionArg {
  if (!isSociety(params.group.form)) {
    throw new UserError(`--audit-exemption is a registered society's resolution (${AUDIT_EXEMPTION_SOURCE}); this group is a ${params.group.form}. Nothing was changed.`);
  }
  const yearEnd = yearEndAfter(params.group.financialYearEnd, addDays(date, -1));
  return {
    kind: 'audit-exemption',
    text: `That the society shall not appoint auditors for the year of account ending ${longDate(yearEnd)}, as ${AUDIT_EXEMPTION_SOURCE} allows. (It fails if ${AUDIT_EXEMPTION_AGAINST_VOTES_CAST.num}% or more of the votes cast, or votes of ${AUDIT_EXEMPTION_AGAINST_MEMBERS.num}% or more of the members entitled to vote, are against it.)`,
  };
}

async function papers(dir: string, record: MeetingRecord, context: PaperContext, now: Date): Promise<FileChange[]> {
  const { renderTemplate } = await import('../io/render.js');
  const file = (name: string, content: string): FileChange => ({ path: `${dir}/${name}`, content, tracked: true });
  const out = [file('notice.md', renderTemplate('meeting/notice.md.hbs', context)), file('agenda.md', renderTemplate('meeting/agenda.md.hbs', context))];
  if (context.proxies) out.push(file('proxy-form.md', renderTemplate('meeting/proxy-form.md.hbs', context)));
  out.push(file('attendance.md', renderTemplate('meeting/attendance.md.hbs', { ...context, memberRows: context.isCommittee ? '' : attendanceRows(context.voters) })));
  out.push(file('minutes-draft.md', renderTemplate('meeting/minutes-draft.md.hbs', context)));
  out.push(file('meeting.ics', meetingCalendar(record, context, now)));
  return out;
}

export interface AttendanceInput extends WriteOptions {
  /** Membership numbers of those present. */
  present?: (number | string)[];
  /** Proxies: { holder, member } or "HOLDER=MEMBER". */
  proxies?: (Proxy | string)[];
  /** Membership numbers of those who sent apologies. */
  apologies?: (number | string)[];
  /** Membership numbers recorded by mistake: taken off the attendance (present, apologies, proxies). */
  remove?: (number | string)[];
}

/** Which meeting a change was made to. */
export interface MeetingRef {
  id: string;
  type: MeetingType;
  date: IsoDate;
}

export interface AttendanceRecorded extends MeetingRef {
  attendance: MeetingRecord['attendance'];
  assessed: AssessedAttendance;
  quorum: QuorumDecision;
  /** Whether the rules allow proxies at this meeting. */
  proxiesAllowed: boolean;
  /** Proxies on record that do not count, with why. */
  unused: RefusedProxy[];
  /** How many may vote: present, and by good proxies. */
  voters: number;
  /** A company with proxies present: the most votes a show of hands can have (s.285); null elsewhere. */
  showOfHands: number | null;
}

export async function recordAttendance(cwd: string, ref: string, input: AttendanceInput): Promise<AttendanceRecorded & Recorded> {
  const wanted = {
    present: [...new Set((input.present ?? []).flatMap((n) => parseNumberList(n, 'Membership number')))],
    apologies: [...new Set((input.apologies ?? []).flatMap((n) => parseNumberList(n, '--apologies')))],
    proxies: (input.proxies ?? []).map((p) => (typeof p === 'string' ? parseProxy(p) : p)),
    remove: [...new Set((input.remove ?? []).flatMap((n) => parseNumberList(n, '--remove')))],
  };
  checkAttendanceInput(wanted);
  return changeMeeting(cwd, input, async ({ root, params: current, today }) => {
    const meeting = await openMeeting(root, ref, 'record attendance');
    const params = await paramsInForce(root, current, meeting.date);
    const register = registerFor(root, params, meeting.type, meeting.date, { current, today });
    const rules = meetingRules(params, meeting.type);
    const plan = planAttendance(meeting, wanted, register, rules);
    return {
      changes: [recordFile(meeting.dir, plan.record)],
      message: `Record attendance at ${describeMeeting(meeting)}`,
      result: {
        id: meeting.id,
        type: meeting.type,
        date: meeting.date,
        attendance: plan.record.attendance,
        assessed: plan.assessed,
        quorum: plan.quorum,
        proxiesAllowed: rules.proxies.allowed,
        unused: plan.unused,
        voters: votersAllowed(plan.assessed),
        showOfHands: rules.proxies.showOfHandsPerProxy && plan.assessed.proxies.length > 0 ? showOfHands(plan.assessed).max : null,
      },
    };
  });
}

export interface VoteInput extends WriteOptions {
  for?: number | string;
  against?: number | string;
  abstain?: number | string;
  /** For a group deciding by consensus. */
  consensus?: 'agreed' | 'blocked';
  standAsides?: number | string;
  /** On a tie, the chair's casting vote, where the rules give one. */
  castingVote?: 'for' | 'against';
}

export interface VoteRecorded extends MeetingRef {
  resolution: number;
  kind: ResolutionKind;
  vote: VoteRecord;
  /** True when this corrected a vote already on record. */
  replaced: boolean;
  /** What the votes decide if the meeting is found quorate when it is closed. */
  outcome: Outcome;
}

export async function recordVote(cwd: string, ref: string, resolution: number | string, input: VoteInput): Promise<VoteRecorded & Recorded> {
  const number = parseResolutionNumber(resolution);
  const counts = {
    for: parseCount(input.for, '--for'),
    against: parseCount(input.against, '--against'),
    abstain: parseCount(input.abstain, '--abstain'),
    standAsides: parseCount(input.standAsides, '--stand-asides'),
  };
  return changeMeeting(cwd, input, async ({ root, params: current, today }) => {
    const meeting = await openMeeting(root, ref, 'record votes');
    const params = await paramsInForce(root, current, meeting.date);
    const target = meeting.resolutions.find((r) => r.number === number);
    if (!target) {
      const list = meeting.resolutions.map((r) => r.number).join(', ');
      const what = describeMeeting(meeting);
      throw new UserError(`${what.charAt(0).toUpperCase()}${what.slice(1)} has no resolution ${number}${list ? `; its resolutions are ${list}` : ' (it has no resolutions)'}.`);
    }
    const vote = buildVote(params.decisions.method, counts, { consensus: input.consensus, castingVote: input.castingVote }, target.kind);
    const register = registerFor(root, params, meeting.type, meeting.date, { current, today });
    const rules = meetingRules(params, meeting.type);
    const assessed = assessAttendance(register.entitled, meeting.attendance, rules.proxies);
    checkVote(meeting, vote, assessed, rules.decisions.castingVote);
    const entry = { resolution: number, ...vote } as VoteEntry;
    const replaced = meeting.votes.some((v) => v.resolution === number);
    const record: MeetingRecord = {
      ...meeting,
      votes: [...meeting.votes.filter((v) => v.resolution !== number), entry].sort((a, b) => a.resolution - b.resolution),
    };
    return {
      changes: [recordFile(meeting.dir, record)],
      message: `Record the vote on resolution ${number} at ${describeMeeting(meeting)}`,
      result: {
        id: meeting.id,
        type: meeting.type,
        date: meeting.date,
        resolution: number,
        kind: target.kind,
        vote,
        replaced,
        outcome: decideResolution(target.kind, vote, rules.decisions, true, register.entitled.size),
      },
    };
  });
}

export interface ClosedMeeting extends MeetingRef {
  dir: string;
  outcome: CloseOutcome;
  /** "quorate, 2 of 3 resolutions passed", or "not quorate, adjourned". */
  summary: string;
  quorum: QuorumDecision;
  /** The final minutes, relative to the group's root. */
  minutes: string;
  notes: string[];
}

/** Decides the quorum and every resolution, writes the final minutes and marks the meeting closed. */
export interface CloseInput extends WriteOptions {
  /** The membership number of the member who chaired the meeting (one of those present). */
  chair?: number | string;
}

export async function closeMeeting(cwd: string, ref: string, options: CloseInput = {}): Promise<ClosedMeeting & Recorded> {
  return changeMeeting(cwd, options, async ({ root, params: current, today }) => {
    const meeting = await openMeeting(root, ref, 'close it again');
    const params = await paramsInForce(root, current, meeting.date);
    // Minutes record what happened: a meeting that has not yet been held has nothing to record.
    if (meeting.date > today) {
      throw new UserError(
        `${describeMeeting(meeting)} is after today (${longDate(today)}), so it has not been held: close it on or after the day it is held. Nothing was changed.`.replace(
          /^./,
          (c) => c.toUpperCase(),
        ),
      );
    }
    const register = registerFor(root, params, meeting.type, meeting.date, { current, today });
    const rules = meetingRules(params, meeting.type);
    // Called at short notice: held validly only with the consent the rules or the Act require, on record.
    checkShortNoticeConsent(meeting, register.entitled, shortNoticeRule(params));
    const plan = planClose(meeting, register.entitled, rules, today, { firstStages: await firstStagesFor(root, meeting) });
    const { assessed, quorum, outcomes } = plan.decision;
    const chair = parseChair(options.chair, meeting, assessed.present);
    if (chair !== undefined) plan.record.chair = chair;
    // Board elections (api/elections.ts): the count, its minutes, and the register of officers in this commit.
    const election = await electionAtClose(root, params, meeting, register.atDate, register.entitled, today, quorum.met);
    if (election.outcome.length > 0) {
      plan.outcome.elections = election.outcome;
      plan.record.outcome = plan.outcome;
    }
    const names = new Map<number, string>();
    for (const m of register.atDate.members.values()) names.set(m.number, m.name);
    const papers = paperContext(
      { params, record: plan.record, voters: register.voters, board: register.board, quorumRequired: quorum.required, retiring: seatRotation(params, meeting, register.atDate) },
      MINUTES_KEEP_YEARS,
    );
    const minutes = minutesContext(plan.record, { assessed, quorum, outcomes, names }, rules.proxies.countTowardsQuorum, rules.proxies.showOfHandsPerProxy === true);
    const { renderTemplate } = await import('../io/render.js');
    const whole = await minutesBusiness(root, meeting, papers, chair === undefined ? undefined : { number: chair, name: names.get(chair) ?? `member ${chair}` });
    const text = renderTemplate('meeting/minutes.md.hbs', { ...papers, minutes, elections: election.minutes, ...whole.context });
    const notes: string[] = [...election.notes, ...whole.notes, ...specialBusinessNotesAtClose(meeting, plan.outcome)];
    const unvoted = plan.unvoted;
    if (unvoted.length > 0)
      notes.push(`Note: no vote was recorded on ${unvoted.length === 1 ? `resolution ${unvoted[0]}, so it was` : `resolutions ${unvoted.join(', ')}, so they were`} not passed.`);
    // An amendment put to this meeting is passed or failed with it, in the same commit.
    const amendments = await amendmentOutcomes(root, params, plan.record);
    for (const a of amendments.decided) {
      notes.push(
        `Amendment ${a.id} ${a.passed ? 'was passed: it takes effect as filing.md in its folder says (coop rules registered, or filed)' : 'failed: the rules stay as they are'}.`,
      );
    }
    const file = `${meeting.dir}/minutes.md`;
    return {
      changes: [{ path: file, content: text, tracked: true }, recordFile(meeting.dir, plan.record), ...election.changes, ...(amendments.change ? [amendments.change] : [])],
      message: `Close ${describeMeeting(meeting)}: ${plan.summary}${election.outcome.length > 0 ? ', board elected' : ''}`,
      result: { id: meeting.id, type: meeting.type, date: meeting.date, dir: meeting.dir, outcome: plan.outcome, summary: plan.summary, quorum, minutes: file, notes },
    };
  });
}

export interface MeetingSummary {
  id: string;
  type: MeetingType;
  date: IsoDate;
  closed: boolean;
  /** Whether it was quorate, once closed. */
  quorate: boolean | null;
}

export interface MeetingList {
  meetings: MeetingSummary[];
  /** When the next AGM is due, and why then. */
  nextAgm: { due: IsoDate; reason: string };
}

export async function listMeetings(cwd: string): Promise<MeetingList> {
  const root = findGroupRoot(cwd);
  await settle(root);
  const params = await loadParams(root);
  const meetings = await readMeetings(root);
  return {
    meetings: meetings.map((m) => ({ id: m.id, type: m.type, date: m.date, closed: m.closed, quorate: m.outcome ? m.outcome.quorum.met : null })),
    nextAgm: nextAgmDue(params, heldAgmDates(meetings)),
  };
}
