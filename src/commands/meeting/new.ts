// coop meeting new <agm|general|committee>: checks the notice period, then writes the meeting's
// folder (record, notice, agenda, proxy form, attendance sheet, draft minutes, calendar file)
// and commits it as one change.

import { UsageError, UserError } from '../../errors.js';
import { longDate, parseDate, todayInUk } from '../../core/dates.js';
import { formatFraction, ceilOf } from '../../core/fraction.js';
import { MINUTES_KEEP_YEARS } from '../../core/law.js';
import { buildCalendar } from '../../core/meetings/ics.js';
import { checkNotice } from '../../core/meetings/notice.js';
import { paperContext, type PaperContext } from '../../core/meetings/papers.js';
import { quorumRequired } from '../../core/meetings/counting.js';
import {
  MEETINGS_DIR,
  MEETING_TYPES,
  describeMeeting,
  meetingId,
  meetingTitle,
  type MeetingRecord,
  type MeetingType,
  type Resolution,
  type ShortNotice,
} from '../../core/meetings/record.js';
import type { CoopParams } from '../../core/params.js';
import { findGroupRoot } from '../../io/group.js';
import { loadParamsOn } from '../../api/rules-in-force.js';
import { listMeetings } from '../../io/meetings.js';
import { withWriteLock, type FileChange } from '../../io/transaction.js';
import { apply, meetingRules, note, print, recordChange, registerFor, type CommonOptions } from './shared.js';

/** A resolution as typed: cli.ts collects --resolution and --special into one list, in order. */
export interface ResolutionArg {
  kind: 'ordinary' | 'special';
  text: string;
}

export interface MeetingNewOptions extends CommonOptions {
  date: string;
  time: string;
  place: string;
  online?: string;
  noticeDate?: string;
  byPost?: boolean;
  resolution?: (string | ResolutionArg)[];
  special?: (string | ResolutionArg)[];
  shortNotice?: boolean;
  /** A proposed amendment's id: its special resolution is added, in full, after the others. */
  amendment?: string;
  /** The moment the papers are made (the calendar file's DTSTAMP); now when omitted. */
  now?: Date;
}

const MAX_TEXT = 5000;
/** How long the calendar entry lasts: a guess that suits most meetings; people adjust it in their calendar. */
const CALENDAR_MINUTES = 120;

export async function meetingNew(typeArg: string, options: MeetingNewOptions): Promise<void> {
  const type = parseType(typeArg);
  const date = parseDateFlag(options.date, '--date');
  const time = parseTime(options.time);
  const place = requiredText(options.place, '--place', 500);
  const online = options.online === undefined ? null : parseUrl(options.online);
  const noticeDate = options.noticeDate === undefined ? todayInUk() : parseDateFlag(options.noticeDate, '--notice-date');
  const resolutions = parseResolutions(options);
  if (type === 'committee' && resolutions.some((r) => r.kind === 'special')) {
    throw new UsageError('A committee meeting does not pass special resolutions: those are for general meetings. Use --resolution for the board’s proposals.');
  }
  if (type === 'committee' && options.byPost) note('Note: --by-post changes nothing for a committee meeting, which has no notice period in the rules.');

  const root = findGroupRoot(options.cwd ?? process.cwd());
  await withWriteLock(root, async () => {
    // The rules in force on the meeting's date: an amendment registered later does not apply.
    const params = await loadParamsOn(root, date);
    const id = meetingId(date, type);
    const existing = listMeetings(root).find((m) => m.id === id);
    if (existing) {
      throw new UserError(`There is already ${type === 'agm' ? 'an AGM' : `a ${type} meeting`} on ${longDate(date)} (${existing.dir}/). Two meetings of the same type cannot fall on one day; give a different date, or work with the one on record.`);
    }
    if (date < noticeDate) {
      throw new UserError(`The meeting date (${longDate(date)}) is before the notice date (${longDate(noticeDate)}): a meeting is called before it is held. Check --date and --notice-date.`);
    }
    if (date < params.group.founded) {
      throw new UserError(`The meeting date (${longDate(date)}) is before the group was founded (${longDate(params.group.founded)}).`);
    }
    const register = registerFor(root, params, type, date);
    const shortNotice = type === 'committee' ? null : noticeCheck(params, noticeDate, date, Boolean(options.byPost), Boolean(options.shortNotice), register.voters.length);
    const served = type === 'committee' || !options.byPost ? noticeDate : checkNotice(noticeDate, date, true, noticeRules(params)).served;

    const tabled = options.amendment === undefined ? undefined : await (await import('../../api/amendment-meeting.js')).tableAmendment(root, params, options.amendment.trim(), { id, type, noticeDate }, resolutions.length + 1);
    if (tabled) resolutions.push(tabled.resolution);
    const record: MeetingRecord = {
      id,
      type,
      date,
      time,
      place,
      online,
      noticeDate,
      byPost: type !== 'committee' && Boolean(options.byPost),
      served,
      shortNotice,
      resolutions,
      attendance: { present: [], proxies: [], apologies: [] },
      votes: [],
      closed: false,
      closedOn: null,
      outcome: null,
    };
    const rules = meetingRules(params, type);
    const required = quorumRequired(rules.quorum, register.voters.length);
    const context = paperContext({ params, record, voters: register.voters, board: register.board, quorumRequired: required }, MINUTES_KEEP_YEARS);
    const dir = `${MEETINGS_DIR}/${id}`;
    const changes = await papers(dir, record, context, options.now ?? new Date());
    await apply(root, { changes: [recordChange(dir, record), ...changes, ...(tabled ? [tabled.change] : [])], message: `Call ${describeMeeting(record)}${tabled ? ` (amendment ${options.amendment})` : ''}` }, options);

    if (required > register.voters.length) {
      note(`Warning: the quorum is ${required} but only ${register.voters.length} ${type === 'committee' ? 'are on the board' : 'members are entitled to vote'}, so this meeting cannot be quorate as things stand.`);
    }
    if (options.json) {
      print(JSON.stringify({ ...record, dir, files: changes.map((c) => c.path.slice(dir.length + 1)), quorum: { required, entitled: register.voters.length } }, null, 2));
      return;
    }
    report(record, dir, changes, context, params);
  });
}

function noticeRules(params: CoopParams) {
  return { clearDays: params.meetings.noticeClearDays, postalServiceDays: params.meetings.postalServiceDays };
}

/** Refuses too little notice, or records the short-notice consent the rules then require. */
function noticeCheck(params: CoopParams, noticeDate: string, date: string, byPost: boolean, short: boolean, entitled: number): ShortNotice | null {
  const check = checkNotice(noticeDate, date, byPost, noticeRules(params));
  if (check.enough) {
    if (short) note(`Note: --short-notice is not needed: the notice gives ${check.given} clear days, and the rules require ${check.required}. It is not recorded.`);
    return null;
  }
  const consent = params.meetings.shortNoticeConsent;
  if (!short) {
    const served = byPost ? ` (posted on ${longDate(noticeDate)}, so served on ${longDate(check.served)})` : ` (given on ${longDate(noticeDate)})`;
    throw new UserError(
      `Not enough notice: the notice${served} gives ${check.given} clear days before ${longDate(date)}, but the rules require ${check.required} clear days ` +
        `(neither the day the notice is served nor the day of the meeting counts${byPost ? `; a posted notice is served ${params.meetings.postalServiceDays} days after posting` : ''}). ` +
        `The earliest valid date is ${longDate(check.earliest)} (--date ${check.earliest}). ` +
        `To hold it sooner, use --short-notice: the rules then need the consent of at least ${formatFraction(consent)} of the members.`,
    );
  }
  return { required: check.required, given: check.given, consent: formatFraction(consent), consentMembers: ceilOf(entitled, consent), entitledMembers: entitled };
}

async function papers(dir: string, record: MeetingRecord, context: PaperContext, now: Date): Promise<FileChange[]> {
  const { renderTemplate } = await import('../../io/render.js');
  const file = (name: string, content: string): FileChange => ({ path: `${dir}/${name}`, content, tracked: true });
  const out = [
    file('notice.md', renderTemplate('meeting/notice.md.hbs', context)),
    file('agenda.md', renderTemplate('meeting/agenda.md.hbs', context)),
  ];
  if (context.proxies) out.push(file('proxy-form.md', renderTemplate('meeting/proxy-form.md.hbs', context)));
  out.push(file('attendance.md', renderTemplate('meeting/attendance.md.hbs', context)));
  out.push(file('minutes-draft.md', renderTemplate('meeting/minutes-draft.md.hbs', context)));
  out.push(file('meeting.ics', calendar(record, context, now)));
  return out;
}

function calendar(record: MeetingRecord, context: PaperContext, now: Date): string {
  const business = context.agenda.map((a) => {
    const r = a.resolution;
    return r ? `${a.number}. ${r.label} ${r.number}: "${r.text}"` : `${a.number}. ${a.title}`;
  });
  const description = [
    `${meetingTitle(record.type)} of ${context.org}.`,
    ...(record.online ? [`Join online: ${record.online}`] : []),
    '',
    'Business:',
    ...business,
    '',
    `Notice given on ${context.noticeDate}.`,
  ].join('\n');
  const slug = context.org.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'group';
  return buildCalendar({
    uid: `${record.id}.${slug}@create-coop.invalid`,
    stamp: now,
    date: record.date,
    time: record.time,
    durationMinutes: CALENDAR_MINUTES,
    summary: `${meetingTitle(record.type)}: ${context.org}`,
    location: record.place,
    description,
    url: record.online,
  });
}

function report(record: MeetingRecord, dir: string, changes: FileChange[], context: PaperContext, params: CoopParams): void {
  print(`Called ${describeMeeting(record)} at ${record.time}, ${record.place}.`);
  print(`Papers in ${dir}/: ${changes.map((c) => c.path.slice(dir.length + 1)).join(', ')}`);
  if (context.notice) {
    print(
      record.shortNotice
        ? `Short notice: ${record.shortNotice.given} clear days (the rules require ${record.shortNotice.required}); at least ${record.shortNotice.consentMembers} of ${record.shortNotice.entitledMembers} members must consent.`
        : `Notice: ${context.notice.given} clear days (the rules require ${params.meetings.noticeClearDays}).`,
    );
  }
  print(`Quorum: ${context.quorum.required} of the ${context.quorum.entitled} ${record.type === 'committee' ? 'members of the board' : 'members entitled to vote'}.`);
  if (record.resolutions.length > 0) print(`Resolutions: ${record.resolutions.map((r) => `${r.number} (${r.kind})`).join(', ')}.`);
  print(`Next: send the notice${context.proxies ? ' and proxy form' : ''} to every ${record.type === 'committee' ? 'member of the board' : 'member'}; at the meeting, record who came with: coop meeting attend ${record.date} <numbers>`);
}

function parseType(text: string): MeetingType {
  if ((MEETING_TYPES as readonly string[]).includes(text)) return text as MeetingType;
  throw new UsageError(`"${text}" is not a kind of meeting: use agm, general or committee.`);
}

function parseDateFlag(text: string, flag: string): string {
  const date = parseDate(String(text));
  if (!date) throw new UsageError(`${flag} "${text}" is not a real date: write it YYYY-MM-DD, for example 2027-06-10.`);
  return date;
}

function parseTime(text: string): string {
  const m = /^(\d{1,2})[:.](\d{2})$/.exec(String(text).trim());
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) {
    throw new UsageError(`--time "${text}" is not a time: write it on the 24-hour clock as HH:MM, for example 18:30.`);
  }
  return `${m[1]!.padStart(2, '0')}:${m[2]}`;
}

function requiredText(text: string, flag: string, max: number): string {
  const t = String(text ?? '').trim();
  if (t === '') throw new UsageError(`${flag} cannot be empty.`);
  if (t.length > max) throw new UsageError(`${flag} is too long (at most ${max} characters).`);
  return t;
}

function parseUrl(text: string): string {
  const t = String(text).trim();
  let ok = false;
  try {
    const u = new URL(t);
    ok = (u.protocol === 'https:' || u.protocol === 'http:') && !/\s/.test(t);
  } catch {
    ok = false;
  }
  if (!ok) throw new UsageError(`--online "${text}" is not a web link: give the full address, for example https://meet.example.org/agm.`);
  return t;
}

function parseResolutions(options: MeetingNewOptions): Resolution[] {
  const typed = [...(options.resolution ?? []), ...(options.special ?? [])];
  // From the CLI both options hold the same list, in the order typed; called directly, two lists.
  const shared = options.resolution !== undefined && options.resolution === options.special;
  const list: ResolutionArg[] = (shared ? (options.resolution ?? []) : typed).map((r, i) =>
    typeof r === 'string' ? { kind: i < (options.resolution?.length ?? 0) ? 'ordinary' : 'special', text: r } : r,
  );
  return list.map((r, i) => {
    const text = r.text.trim();
    const flag = r.kind === 'special' ? '--special' : '--resolution';
    if (text === '') throw new UsageError(`${flag} cannot be empty: give the resolution’s full text.`);
    if (text.length > MAX_TEXT) throw new UsageError(`${flag} is too long (at most ${MAX_TEXT} characters).`);
    return { number: i + 1, kind: r.kind, text };
  });
}
