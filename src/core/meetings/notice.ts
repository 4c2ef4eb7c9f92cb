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

/** The day the notice counts as served: the day it is given, or later when it is posted. */
export function deemedServiceDate(noticeDate: IsoDate, byPost: boolean, rules: NoticeRules): IsoDate {
  return byPost ? addDays(noticeDate, rules.postalServiceDays) : noticeDate;
}

/** Clear days between a service date and a meeting date: neither day counts; never below 0. */
export function clearDaysBetween(served: IsoDate, meeting: IsoDate): number {
  return Math.max(0, daysBetween(served, meeting) - 1);
}

/** The first date a meeting can be held on with a notice given on noticeDate. */
export function earliestMeetingDate(noticeDate: IsoDate, byPost: boolean, rules: NoticeRules): IsoDate {
  return addDays(deemedServiceDate(noticeDate, byPost, rules), rules.clearDays + 1);
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

export function checkNotice(noticeDate: IsoDate, meetingDate: IsoDate, byPost: boolean, rules: NoticeRules): NoticeCheck {
  const served = deemedServiceDate(noticeDate, byPost, rules);
  const given = clearDaysBetween(served, meetingDate);
  return {
    served,
    given,
    required: rules.clearDays,
    enough: meetingDate > served && given >= rules.clearDays,
    earliest: earliestMeetingDate(noticeDate, byPost, rules),
  };
}
