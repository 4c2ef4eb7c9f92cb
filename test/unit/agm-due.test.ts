import { describe, expect, it } from 'vitest';
import { nextAgmDue } from '../../src/core/meetings/agm-due.js';
import { heldAgmDates } from '../../src/core/meetings/record.js';

const params = (founded: string, financialYearEnd: string, within = 6, between = 15) => ({
  group: { founded, financialYearEnd } as never,
  meetings: { agm: { withinMonthsOfYearEnd: within, maxMonthsBetween: between } } as never,
});

describe('next AGM due', () => {
  const cases: { name: string; founded: string; yearEnd: string; held: string[]; within?: number; between?: number; due: string; reason: RegExp }[] = [
    {
      name: 'after a late AGM in September, six months from the year end comes first',
      founded: '2020-01-01',
      yearEnd: '03-31',
      held: ['2027-09-20'],
      due: '2028-09-30',
      reason: /within 6 months of the financial year end \(31 March 2028\)/,
    },
    {
      name: 'after an AGM in June, 15 months between comes first',
      founded: '2020-01-01',
      yearEnd: '03-31',
      held: ['2027-06-10'],
      due: '2028-09-10',
      reason: /no more than 15 months after the last AGM \(10 June 2027\)/,
    },
    {
      name: 'an April AGM with a December year end: six months after the year end',
      founded: '2020-01-01',
      yearEnd: '12-31',
      held: ['2027-04-20'],
      due: '2028-06-30',
      reason: /31 December 2027/,
    },
    {
      name: 'with a 12-month gap rule, the gap comes first',
      founded: '2020-01-01',
      yearEnd: '03-31',
      held: ['2027-06-10'],
      between: 12,
      due: '2028-06-10',
      reason: /no more than 12 months after the last AGM \(10 June 2027\)/,
    },
    {
      name: 'the latest of several AGMs counts, in any order',
      founded: '2020-01-01',
      yearEnd: '03-31',
      held: ['2027-09-20', '2025-06-01', '2026-06-05'],
      due: '2028-09-30',
      reason: /31 March 2028/,
    },
    {
      name: 'a new group: within 6 months of its first year end more than 6 months after founding',
      founded: '2024-01-15',
      yearEnd: '03-31',
      held: [],
      due: '2025-09-30',
      reason: /first AGM.*31 March 2025/,
    },
    { name: 'a new group founded well before its year end', founded: '2024-04-01', yearEnd: '03-31', held: [], due: '2025-09-30', reason: /first AGM/ },
    {
      name: 'month-end clamping: 31 August year end plus 6 months is the end of February',
      founded: '2020-01-01',
      yearEnd: '08-31',
      held: ['2027-01-10'],
      due: '2028-02-29',
      reason: /31 August 2027/,
    },
  ];
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_n, c) => {
    const due = nextAgmDue(params(c.founded, c.yearEnd, c.within, c.between), c.held);
    expect(due.due).toBe(c.due);
    expect(due.reason).toMatch(c.reason);
  });

  it('only AGMs that were held and quorate count as held', () => {
    const m = (type: 'agm' | 'general', date: string, closed: boolean, met: boolean | null) => ({
      type,
      date,
      closed,
      outcome: met === null ? null : { quorum: { required: 3, present: met ? 3 : 1, met }, resolutions: [] },
    });
    expect(
      heldAgmDates([m('agm', '2025-06-01', true, true), m('agm', '2026-06-01', true, false), m('agm', '2027-06-01', false, null), m('general', '2027-07-01', true, true)]),
    ).toEqual(['2025-06-01']);
  });
});
