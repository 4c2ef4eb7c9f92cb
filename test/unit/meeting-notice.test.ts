// Clear days: neither the day the notice is served nor the day of the meeting counts; a posted
// notice is served the rules' number of days after posting.

import { describe, expect, it } from 'vitest';
import { checkNoticeToMembers, clearDaysBetween, servedOn, type ServiceRules } from '../../src/core/meetings/notice.js';

// Clear days alone: a notice "not by post" counts as served the day it is sent (a rule of 0 days),
// so these rows test the counting of clear days apart from any delay in service.
const FOURTEEN: ServiceRules = { clearDays: 14, postalServiceDays: 2, emailServiceDays: 0 };

/** The old single-method check, as checkNoticeToMembers does it for one member served one way. */
function checkOne(notice: string, meeting: string, byPost: boolean, rules: ServiceRules) {
  return checkNoticeToMembers(notice, meeting, [{ member: 1, method: byPost ? 'post' : 'email' }], rules);
}

describe('clear days', () => {
  const cases: { name: string; notice: string; meeting: string; byPost?: boolean; rules?: ServiceRules; given: number; enough: boolean; earliest: string }[] = [
    { name: 'served the 1st, meeting the 16th: 14 clear days, enough', notice: '2027-06-01', meeting: '2027-06-16', given: 14, enough: true, earliest: '2027-06-16' },
    { name: 'one day too short: the 15th gives 13', notice: '2027-06-01', meeting: '2027-06-15', given: 13, enough: false, earliest: '2027-06-16' },
    {
      name: 'by post: posted the 1st, served the 3rd, 14 clear days from the 4th',
      notice: '2027-06-01',
      meeting: '2027-06-18',
      byPost: true,
      given: 14,
      enough: true,
      earliest: '2027-06-18',
    },
    { name: 'by post one day short', notice: '2027-06-01', meeting: '2027-06-17', byPost: true, given: 13, enough: false, earliest: '2027-06-18' },
    { name: 'across a month end (31 January)', notice: '2027-01-31', meeting: '2027-02-15', given: 14, enough: true, earliest: '2027-02-15' },
    { name: 'across February in a leap year', notice: '2028-02-20', meeting: '2028-03-06', given: 14, enough: true, earliest: '2028-03-06' },
    { name: 'across February in a common year', notice: '2027-02-20', meeting: '2027-03-06', given: 13, enough: false, earliest: '2027-03-07' },
    { name: 'across the year end', notice: '2026-12-20', meeting: '2027-01-04', given: 14, enough: true, earliest: '2027-01-04' },
    { name: 'a meeting on the day of the notice has no clear days', notice: '2027-06-01', meeting: '2027-06-01', given: 0, enough: false, earliest: '2027-06-16' },
    { name: 'a meeting the next day has no clear days', notice: '2027-06-01', meeting: '2027-06-02', given: 0, enough: false, earliest: '2027-06-16' },
    {
      name: 'a posted notice is not served before the meeting it calls',
      notice: '2027-06-01',
      meeting: '2027-06-02',
      byPost: true,
      given: 0,
      enough: false,
      earliest: '2027-06-18',
    },
    {
      name: '21 clear days by post with 2 days for delivery',
      notice: '2027-06-01',
      meeting: '2027-06-25',
      byPost: true,
      rules: { clearDays: 21, postalServiceDays: 2, emailServiceDays: 0 },
      given: 21,
      enough: true,
      earliest: '2027-06-25',
    },
    {
      name: 'no postal delay in the rules: posting is like handing over',
      notice: '2027-06-01',
      meeting: '2027-06-16',
      byPost: true,
      rules: { clearDays: 14, postalServiceDays: 0, emailServiceDays: 0 },
      given: 14,
      enough: true,
      earliest: '2027-06-16',
    },
    {
      name: 'across the end of British Summer Time changes nothing (dates, not hours)',
      notice: '2027-10-20',
      meeting: '2027-11-04',
      given: 14,
      enough: true,
      earliest: '2027-11-04',
    },
  ];
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const check = checkOne(c.notice, c.meeting, Boolean(c.byPost), c.rules ?? FOURTEEN);
    expect({ given: check.given, enough: check.enough, earliest: check.earliest }).toEqual({ given: c.given, enough: c.enough, earliest: c.earliest });
    // The earliest date is always just enough, and the day before it never is.
    const rules = c.rules ?? FOURTEEN;
    expect(checkOne(c.notice, check.earliest, Boolean(c.byPost), rules).enough).toBe(true);
  });

  it('the day before the earliest date is always too short', () => {
    for (const notice of ['2027-01-01', '2027-02-27', '2028-02-28', '2027-12-31']) {
      for (const byPost of [false, true]) {
        const earliest = checkOne(notice, notice, byPost, FOURTEEN).earliest;
        const before = new Date(`${earliest}T00:00:00Z`);
        before.setUTCDate(before.getUTCDate() - 1);
        expect(checkOne(notice, before.toISOString().slice(0, 10), byPost, FOURTEEN).enough).toBe(false);
      }
    }
  });

  it('service and counting helpers', () => {
    expect(servedOn('2027-06-30', 'post', FOURTEEN)).toBe('2027-07-02');
    expect(servedOn('2027-06-30', 'email', FOURTEEN)).toBe('2027-06-30');
    expect(clearDaysBetween('2027-06-01', '2027-06-03')).toBe(1);
    expect(clearDaysBetween('2027-06-03', '2027-06-01')).toBe(0);
  });
});

describe('service member by member: email the day after sending, post after the postal days', () => {
  const RULES = { clearDays: 14, postalServiceDays: 2, emailServiceDays: 1 };
  const email = (...ns: number[]) => ns.map((member) => ({ member, method: 'email' as const }));
  const post = (...ns: number[]) => ns.map((member) => ({ member, method: 'post' as const }));
  const cases: {
    name: string;
    notice: string;
    meeting: string;
    members: { member: number; method: 'email' | 'post' }[];
    given: number;
    enough: boolean;
    earliest: string;
    served: string;
  }[] = [
    {
      name: 'all by email, sent 1 May for 16 May: 13 clear days, refused, 17 May earliest',
      notice: '2025-05-01',
      meeting: '2025-05-16',
      members: email(1, 2, 3),
      given: 13,
      enough: false,
      earliest: '2025-05-17',
      served: '2025-05-02',
    },
    {
      name: 'all by email, sent 1 May for 17 May: just enough',
      notice: '2025-05-01',
      meeting: '2025-05-17',
      members: email(1, 2, 3),
      given: 14,
      enough: true,
      earliest: '2025-05-17',
      served: '2025-05-02',
    },
    {
      name: 'all by post, sent 1 May: served 3 May, 18 May earliest',
      notice: '2025-05-01',
      meeting: '2025-05-17',
      members: post(1, 2),
      given: 13,
      enough: false,
      earliest: '2025-05-18',
      served: '2025-05-03',
    },
    {
      name: 'a mix: the posted members decide, 18 May earliest',
      notice: '2025-05-01',
      meeting: '2025-05-17',
      members: [...email(1, 2), ...post(3)],
      given: 13,
      enough: false,
      earliest: '2025-05-18',
      served: '2025-05-03',
    },
    {
      name: 'a mix on the earliest date is enough for everyone',
      notice: '2025-05-01',
      meeting: '2025-05-18',
      members: [...email(1, 2), ...post(3)],
      given: 14,
      enough: true,
      earliest: '2025-05-18',
      served: '2025-05-03',
    },
    {
      name: 'email across a month end: sent 31 January, served 1 February',
      notice: '2027-01-31',
      meeting: '2027-02-16',
      members: email(1),
      given: 14,
      enough: true,
      earliest: '2027-02-16',
      served: '2027-02-01',
    },
    {
      name: 'email across 28 February in a common year',
      notice: '2027-02-28',
      meeting: '2027-03-16',
      members: email(1),
      given: 14,
      enough: true,
      earliest: '2027-03-16',
      served: '2027-03-01',
    },
    {
      name: 'email sent on a Friday counts the weekend: served Saturday (calendar days, as the rules say)',
      notice: '2027-06-04',
      meeting: '2027-06-20',
      members: email(1),
      given: 14,
      enough: true,
      earliest: '2027-06-20',
      served: '2027-06-05',
    },
    {
      name: 'post over a weekend: posted Friday, served Sunday',
      notice: '2027-06-04',
      meeting: '2027-06-21',
      members: post(1),
      given: 14,
      enough: true,
      earliest: '2027-06-21',
      served: '2027-06-06',
    },
    {
      name: 'email across the clock change (BST ends 31 October 2027): dates, not hours',
      notice: '2027-10-30',
      meeting: '2027-11-14',
      members: email(1),
      given: 13,
      enough: false,
      earliest: '2027-11-15',
      served: '2027-10-31',
    },
    {
      name: 'email across the clock change in spring (BST starts 28 March 2027)',
      notice: '2027-03-27',
      meeting: '2027-04-12',
      members: email(1),
      given: 14,
      enough: true,
      earliest: '2027-04-12',
      served: '2027-03-28',
    },
    {
      name: 'nobody to serve: assumed posted, the slower way',
      notice: '2025-05-01',
      meeting: '2025-05-18',
      members: [],
      given: 14,
      enough: true,
      earliest: '2025-05-18',
      served: '2025-05-03',
    },
  ];
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const check = checkNoticeToMembers(c.notice, c.meeting, c.members, RULES);
    expect({ given: check.given, enough: check.enough, earliest: check.earliest, served: check.served }).toEqual({
      given: c.given,
      enough: c.enough,
      earliest: c.earliest,
      served: c.served,
    });
    expect(checkNoticeToMembers(c.notice, check.earliest, c.members, RULES).enough).toBe(true);
  });

  it('groups the members by how they were served, email first', () => {
    const check = checkNoticeToMembers('2025-05-01', '2025-05-20', [...post(3), ...email(1), ...post(2)], RULES);
    expect(check.service).toEqual([
      { method: 'email', served: '2025-05-02', members: [1] },
      { method: 'post', served: '2025-05-03', members: [3, 2] },
    ]);
  });

  it('the rules’ days decide: email 2 days, post 3', () => {
    const slow = { clearDays: 7, postalServiceDays: 3, emailServiceDays: 2 };
    expect(servedOn('2025-05-01', 'email', slow)).toBe('2025-05-03');
    expect(servedOn('2025-05-01', 'post', slow)).toBe('2025-05-04');
    expect(checkNoticeToMembers('2025-05-01', '2025-05-11', email(1), slow).earliest).toBe('2025-05-11');
  });
});
