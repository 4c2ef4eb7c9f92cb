// Calling a meeting: the notice period checked (or the short-notice consent the rules then
// require), the record of the meeting as called, and its calendar entry.

import { UserError } from '../../errors.js';
import { longDate, type IsoDate } from '../dates.js';
import { formatFraction } from '../fraction.js';
import type { CoopParams } from '../params.js';
import { buildCalendar } from './ics.js';
import { checkNoticeToMembers, type ServiceGroup, type ServiceMethod } from './notice.js';
import type { PaperContext } from './papers.js';
import { meetingId, meetingTitle, type MeetingRecord, type ShortNotice } from './record.js';
import { noticeRules } from './rules.js';
import { consentsNeeded, describeShortNoticeRule, mergeConsents, shortNoticeRule } from './short-notice.js';

/** The meeting as called: the record's own fields, whether short notice is sought, and who gets notice. */
export interface CallInput extends Pick<MeetingRecord, 'type' | 'date' | 'time' | 'place' | 'online' | 'noticeDate' | 'byPost' | 'resolutions'> {
  shortNotice: boolean;
  /** Members whose consent to short notice is in hand when the meeting is called (--short-notice-consent). */
  shortNoticeConsents?: number[];
  /** Everyone entitled to notice, and how it reaches them (post for all with --by-post). */
  members: { member: number; method: ServiceMethod }[];
}

/** How long the calendar entry lasts: a guess that suits most meetings; people adjust it in their calendar. */
const CALENDAR_MINUTES = 120;

/** Refuses dates that cannot be right before anything else is worked out. */
export function checkCallDates(input: Pick<CallInput, 'date' | 'noticeDate'>, founded: IsoDate): void {
  if (input.date < input.noticeDate) {
    throw new UserError(
      `The meeting date (${longDate(input.date)}) is before the notice date (${longDate(input.noticeDate)}): a meeting is called before it is held. Check --date and --notice-date.`,
    );
  }
  if (input.date < founded) {
    throw new UserError(`The meeting date (${longDate(input.date)}) is before the group was founded (${longDate(founded)}).`);
  }
}

/** The record of the meeting as called, with notes for the person calling it. */
export function planCall(params: CoopParams, input: CallInput): { record: MeetingRecord; notes: string[] } {
  const notes: string[] = [];
  const committee = input.type === 'committee';
  const check = committee ? null : checkNoticeToMembers(input.noticeDate, input.date, input.members, noticeRules(params));
  const shortNotice = check ? noticeCheck(params, input, check, notes) : null;
  const served = check ? check.served : input.noticeDate;
  const record: MeetingRecord = {
    id: meetingId(input.date, input.type),
    type: input.type,
    date: input.date,
    time: input.time,
    place: input.place,
    online: input.online,
    noticeDate: input.noticeDate,
    byPost: !committee && input.byPost,
    served,
    ...(check ? { service: check.service } : {}),
    shortNotice,
    resolutions: input.resolutions,
    attendance: { present: [], proxies: [], apologies: [] },
    votes: [],
    closed: false,
    closedOn: null,
    outcome: null,
  };
  return { record, notes };
}

/** Refuses too little notice, or records the short-notice consent the rules then require. */
function noticeCheck(params: CoopParams, input: CallInput, check: ReturnType<typeof checkNoticeToMembers>, notes: string[]): ShortNotice | null {
  const { noticeDate, date } = input;
  const entitled = input.members.length;
  const consents = input.shortNoticeConsents ?? [];
  if (check.enough) {
    if (input.shortNotice || consents.length > 0)
      notes.push(`Note: --short-notice is not needed: the notice gives ${check.given} clear days, and the rules require ${check.required}. It is not recorded, nor any consent.`);
    return null;
  }
  const rule = shortNoticeRule(params);
  if (!input.shortNotice && consents.length === 0) {
    throw new UserError(
      `Not enough notice: the notice, sent on ${longDate(noticeDate)}, ${describeService(check.service, params)}, so it gives ${check.given} clear days before ${longDate(date)}; the rules require ${check.required} clear days ` +
        `(neither the day the notice is served nor the day of the meeting counts). ` +
        `The earliest valid date is ${longDate(check.earliest)} (--date ${check.earliest}). ` +
        `To hold it sooner, use --short-notice: it then needs the consent of ${describeShortNoticeRule(rule)}, recorded with --short-notice-consent or coop meeting consent.`,
    );
  }
  const entitledSet = new Set(input.members.map((m) => m.member));
  const strangers = consents.filter((n) => !entitledSet.has(n));
  if (strangers.length > 0) {
    throw new UserError(
      `--short-notice-consent: ${strangers.join(', ')} ${strangers.length === 1 ? 'is not a member' : 'are not members'} entitled to attend and vote on ${longDate(date)}, so cannot consent. Nothing was changed.`,
    );
  }
  return {
    required: check.required,
    given: check.given,
    consent: formatFraction(rule.share),
    consentMembers: consentsNeeded(rule, entitled),
    entitledMembers: entitled,
    consents: mergeConsents([], consents, [], noticeDate),
  };
}

/** "counts as served on 2 May 2025 on the 3 members who agreed to email (1 day after sending) and on 3 May 2025 on the 5 sent it by post (2 days)" */
export function describeService(service: readonly ServiceGroup[], params: CoopParams): string {
  const parts = service.map((g) => {
    const n = g.members.length;
    const who = g.method === 'email' ? `${n === 1 ? 'the 1 member' : `the ${n} members`} who agreed to email` : `${n === 1 ? 'the 1 member' : `the ${n} members`} sent it by post`;
    const days = g.method === 'email' ? params.meetings.emailServiceDays : params.meetings.postalServiceDays;
    return `on ${longDate(g.served)} on ${who} (${days} ${days === 1 ? 'day' : 'days'} after sending)`;
  });
  return `counts as served ${parts.length > 0 ? parts.join(' and ') : 'when posted'}`;
}

/** The meeting's calendar file: when, where, how to join, and the business. */
export function meetingCalendar(record: MeetingRecord, context: PaperContext, now: Date): string {
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
  const slug =
    context.org
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'group';
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
