// Clear days: neither the day the notice is served nor the day of the meeting counts; a posted
// notice is served the rules' number of days after posting.

import { describe, expect, it } from 'vitest';
import { checkNotice, clearDaysBetween, deemedServiceDate, earliestMeetingDate } from '../../src/core/meetings/notice.js';

const FOURTEEN = { clearDays: 14, postalServiceDays: 2 };

describe('clear days', () => {
  const cases: { name: string; notice: string; meeting: string; byPost?: boolean; rules?: typeof FOURTEEN; given: number; enough: boolean; earliest: string }[] = [
    { name: 'served the 1st, meeting the 16th: 14 clear days, enough', notice: '2027-06-01', meeting: '2027-06-16', given: 14, enough: true, earliest: '2027-06-16' },
    { name: 'one day too short: the 15th gives 13', notice: '2027-06-01', meeting: '2027-06-15', given: 13, enough: false, earliest: '2027-06-16' },
    { name: 'by post: posted the 1st, served the 3rd, 14 clear days from the 4th', notice: '2027-06-01', meeting: '2027-06-18', byPost: true, given: 14, enough: true, earliest: '2027-06-18' },
    { name: 'by post one day short', notice: '2027-06-01', meeting: '2027-06-17', byPost: true, given: 13, enough: false, earliest: '2027-06-18' },
    { name: 'across a month end (31 January)', notice: '2027-01-31', meeting: '2027-02-15', given: 14, enough: true, earliest: '2027-02-15' },
    { name: 'across February in a leap year', notice: '2028-02-20', meeting: '2028-03-06', given: 14, enough: true, earliest: '2028-03-06' },
    { name: 'across February in a common year', notice: '2027-02-20', meeting: '2027-03-06', given: 13, enough: false, earliest: '2027-03-07' },
    { name: 'across the year end', notice: '2026-12-20', meeting: '2027-01-04', given: 14, enough: true, earliest: '2027-01-04' },
    { name: 'a meeting on the day of the notice has no clear days', notice: '2027-06-01', meeting: '2027-06-01', given: 0, enough: false, earliest: '2027-06-16' },
    { name: 'a meeting the next day has no clear days', notice: '2027-06-01', meeting: '2027-06-02', given: 0, enough: false, earliest: '2027-06-16' },
    { name: 'a posted notice is not served before the meeting it calls', notice: '2027-06-01', meeting: '2027-06-02', byPost: true, given: 0, enough: false, earliest: '2027-06-18' },
    { name: '21 clear days by post with 2 days for delivery', notice: '2027-06-01', meeting: '2027-06-25', byPost: true, rules: { clearDays: 21, postalServiceDays: 2 }, given: 21, enough: true, earliest: '2027-06-25' },
    { name: 'no postal delay in the rules: posting is like handing over', notice: '2027-06-01', meeting: '2027-06-16', byPost: true, rules: { clearDays: 14, postalServiceDays: 0 }, given: 14, enough: true, earliest: '2027-06-16' },
    { name: 'across the end of British Summer Time changes nothing (dates, not hours)', notice: '2027-10-20', meeting: '2027-11-04', given: 14, enough: true, earliest: '2027-11-04' },
  ];
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const check = checkNotice(c.notice, c.meeting, Boolean(c.byPost), c.rules ?? FOURTEEN);
    expect({ given: check.given, enough: check.enough, earliest: check.earliest }).toEqual({ given: c.given, enough: c.enough, earliest: c.earliest });
    // The earliest date is always just enough, and the day before it never is.
    const rules = c.rules ?? FOURTEEN;
    expect(checkNotice(c.notice, check.earliest, Boolean(c.byPost), rules).enough).toBe(true);
  });

  it('the day before the earliest date is always too short', () => {
    for (const notice of ['2027-01-01', '2027-02-27', '2028-02-28', '2027-12-31']) {
      for (const byPost of [false, true]) {
        const earliest = earliestMeetingDate(notice, byPost, FOURTEEN);
        const before = new Date(`${earliest}T00:00:00Z`);
        before.setUTCDate(before.getUTCDate() - 1);
        expect(checkNotice(notice, before.toISOString().slice(0, 10), byPost, FOURTEEN).enough).toBe(false);
      }
    }
  });

  it('service and counting helpers', () => {
    expect(deemedServiceDate('2027-06-30', true, FOURTEEN)).toBe('2027-07-02');
    expect(deemedServiceDate('2027-06-30', false, FOURTEEN)).toBe('2027-06-30');
    expect(clearDaysBetween('2027-06-01', '2027-06-03')).toBe(1);
    expect(clearDaysBetween('2027-06-03', '2027-06-01')).toBe(0);
  });
});
