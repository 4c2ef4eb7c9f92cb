import { describe, expect, it } from 'vitest';
import { countWritten, lapseDate, requiredAgreements, type Agreement, type WrittenKind } from '../../src/core/resolutions/counting.js';

const SEVENTY_FIVE = { num: 75, den: 100 };
const TWO_THIRDS = { num: 2, den: 3 };

describe('requiredAgreements: a share of ALL eligible members', () => {
  const cases: [string, WrittenKind, number, { num: number; den: number }, number][] = [
    ['ordinary of 4: more than half is 3', 'ordinary', 4, SEVENTY_FIVE, 3],
    ['ordinary of 5: 3', 'ordinary', 5, SEVENTY_FIVE, 3],
    ['ordinary of 1: 1', 'ordinary', 1, SEVENTY_FIVE, 1],
    ['special of 4 at 75%: exactly 3', 'special', 4, SEVENTY_FIVE, 3],
    ['special of 8 at 75%: exactly 6', 'special', 8, SEVENTY_FIVE, 6],
    ['special of 10 at 75%: 8 (7.5 rounds up)', 'special', 10, SEVENTY_FIVE, 8],
    ['special of 3 at two thirds: 2', 'special', 3, TWO_THIRDS, 2],
    ['special of 7 at two thirds: 5', 'special', 7, TWO_THIRDS, 5],
  ];
  it.each(cases)('%s', (_name, kind, eligible, special, needed) => {
    expect(requiredAgreements(kind, eligible, special)).toBe(needed);
  });
});

describe('lapseDate: the circulation date is day one (s.297)', () => {
  it.each([
    ['2026-03-01', 28, '2026-03-28'],
    ['2026-02-10', 28, '2026-03-09'],
    ['2026-12-20', 14, '2027-01-02'],
  ])('circulated %s, %i days: last day %s', (circulated, days, last) => {
    expect(lapseDate(circulated, days)).toBe(last);
  });
});

describe('countWritten', () => {
  const base = { circulated: '2026-03-01', lapses: '2026-03-28', eligible: [1, 2, 3, 4, 5, 6, 7, 8], special: SEVENTY_FIVE };
  const agree = (...pairs: [number, string][]): Agreement[] => pairs.map(([member, date]) => ({ member, date }));
  const cases: [string, WrittenKind, Agreement[], string, { state: string; agreed: number; required: number; passedOn: string | null }][] = [
    [
      'special at exactly 75% passes on the day of the last needed signature',
      'special',
      agree([1, '2026-03-02'], [2, '2026-03-03'], [3, '2026-03-03'], [4, '2026-03-05'], [5, '2026-03-09'], [6, '2026-03-12']),
      '2026-04-30',
      { state: 'passed', agreed: 6, required: 6, passedOn: '2026-03-12' },
    ],
    [
      'special one short of 75% lapses after the 28th day',
      'special',
      agree([1, '2026-03-02'], [2, '2026-03-03'], [3, '2026-03-03'], [4, '2026-03-05'], [5, '2026-03-09']),
      '2026-03-29',
      { state: 'lapsed', agreed: 5, required: 6, passedOn: null },
    ],
    [
      'one short is still open on the 28th day',
      'special',
      agree([1, '2026-03-02'], [2, '2026-03-03'], [3, '2026-03-03'], [4, '2026-03-05'], [5, '2026-03-09']),
      '2026-03-28',
      { state: 'open', agreed: 5, required: 6, passedOn: null },
    ],
    [
      'agreement after the lapse date does not count (s.297(2))',
      'ordinary',
      agree([1, '2026-03-02'], [2, '2026-03-03'], [3, '2026-03-03'], [4, '2026-03-28'], [5, '2026-03-29']),
      '2026-04-02',
      { state: 'lapsed', agreed: 4, required: 5, passedOn: null },
    ],
    [
      'ordinary passes with more than half, agreements recorded out of date order',
      'ordinary',
      agree([7, '2026-03-20'], [1, '2026-03-02'], [2, '2026-03-25'], [3, '2026-03-04'], [4, '2026-03-10']),
      '2026-03-26',
      { state: 'passed', agreed: 5, required: 5, passedOn: '2026-03-25' },
    ],
    [
      'a member not eligible at circulation (joined later) is not counted',
      'ordinary',
      agree([1, '2026-03-02'], [2, '2026-03-03'], [3, '2026-03-03'], [4, '2026-03-04'], [9, '2026-03-05']),
      '2026-03-10',
      { state: 'open', agreed: 4, required: 5, passedOn: null },
    ],
    [
      'a member who left after circulation still counts among the eligible: the number needed does not fall',
      'special',
      // Member 8 left; 7 agreements of the 8 eligible would be needed at 75% of 7, but 6 of 8 still are.
      agree([1, '2026-03-02'], [2, '2026-03-03'], [3, '2026-03-03'], [4, '2026-03-04'], [5, '2026-03-05']),
      '2026-03-10',
      { state: 'open', agreed: 5, required: 6, passedOn: null },
    ],
    [
      'the same member twice counts once',
      'ordinary',
      agree([1, '2026-03-02'], [1, '2026-03-03'], [2, '2026-03-03'], [3, '2026-03-04'], [4, '2026-03-04']),
      '2026-03-10',
      { state: 'open', agreed: 4, required: 5, passedOn: null },
    ],
  ];
  it.each(cases)('%s', (_name, kind, agreements, today, expected) => {
    expect(countWritten({ ...base, kind, agreements }, today)).toEqual({ eligible: 8, ...expected });
  });
});
