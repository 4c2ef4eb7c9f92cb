// Notice periods in clear days. "Clear days" leave out both the day the notice is served and
// the day of the meeting: served on the 1st, a meeting on the 16th has 14 clear days (2nd–15th).
// A posted notice is served only when the rules deem it delivered (usually 48 hours later).

import { addDays, daysBetween, type IsoDate } from '../dates.js';

export interface NoticeRules {
  /** Clear days the rules require between service and the meeting. */
  clearDays: number;
  /** Days after posting that a posted notice counts as served. */
  postalServiceDays: number;
}

/** Clear days between a service date and a meeting date: neither day counts; never below 0. */
export function clearDaysBetween(served: IsoDate, meeting: IsoDate): number {
  return Math.max(0, daysBetween(served, meeting) - 1);
}

export interface NoticeCheck {
  served: IsoDate;
  /** Clear days the notice gives. */
  given: number;
  required: number;
  enough: boolean;
  /** The earliest valid meeting date for this notice. */
  earliest: IsoDate;
}

/** The one rule of clear days: the meeting needs `clearDays` whole days between the day of service and its own day. */
function noticeFrom(served: IsoDate, meetingDate: IsoDate, clearDays: number): NoticeCheck {
  const given = clearDaysBetween(served, meetingDate);
  return { served, given, required: clearDays, enough: meetingDate > served && given >= clearDays, earliest: addDays(served, clearDays + 1) };
}

/**
 * How a notice reaches a member: by email only where the member agreed to it (the governing
 * documents, and for companies Companies Act 2006 Sch.5 para.6), otherwise by post. Each counts
 * as served the rules' number of days after it is sent (coop.yml meetings.emailServiceDays and
 * postalServiceDays, as the governing document words them); a company's articles may so provide
 * in place of the Act's 48 hours (s.1147(6)).
 */
export type ServiceMethod = 'email' | 'post';

export interface ServiceRules extends NoticeRules {
  /** Days after sending that an emailed notice counts as served. */
  emailServiceDays: number;
}

export function servedOn(sent: IsoDate, method: ServiceMethod, rules: ServiceRules): IsoDate {
  return addDays(sent, method === 'email' ? rules.emailServiceDays : rules.postalServiceDays);
}

/** The members served one way, and the day the notice counts as served on them. */
export interface ServiceGroup {
  method: ServiceMethod;
  served: IsoDate;
  members: number[];
}

export interface MembersNoticeCheck extends NoticeCheck {
  /** One group per method used, email first. */
  service: ServiceGroup[];
}

/**
 * The notice checked member by member: each counts as served by their own method, and the
 * meeting needs the rules' clear days after the last of those days. With nobody to serve, a
 * posted notice is assumed, the slower way.
 */
export function checkNoticeToMembers(
  noticeDate: IsoDate,
  meetingDate: IsoDate,
  members: readonly { member: number; method: ServiceMethod }[],
  rules: ServiceRules,
): MembersNoticeCheck {
  const service: ServiceGroup[] = [];
  for (const method of ['email', 'post'] as const) {
    const list = members.filter((m) => m.method === method).map((m) => m.member);
    if (list.length > 0) service.push({ method, served: servedOn(noticeDate, method, rules), members: list });
  }
  const served = service.reduce<IsoDate>((last, g) => (g.served > last ? g.served : last), service.length > 0 ? noticeDate : servedOn(noticeDate, 'post', rules));
  return { ...noticeFrom(served, meetingDate, rules.clearDays), service };
}
