// What a refused date was probably meant to be: the words a secretary sees when a date is wrong.

import { describe, expect, it } from 'vitest';
import { explainBadDate, parseDate } from '../../src/core/dates.js';

const cases: [name: string, text: string, expected: string | undefined][] = [
  ['31 February, ISO', '2026-02-31', '31 February 2026 does not exist (February 2026 has 28 days)'],
  ['31 February, UK order', '31/02/2026', '31 February 2026 does not exist (February 2026 has 28 days)'],
  ['29 February in a leap year is real, so 30 is the one refused', '30/02/2028', '30 February 2028 does not exist (February 2028 has 29 days)'],
  ['29 February outside a leap year', '29/02/2027', '29 February 2027 does not exist (February 2027 has 28 days)'],
  ['31 April', '31/04/2024', '31 April 2024 does not exist (April 2024 has 30 days)'],
  ['day 0', '2026-03-00', '0 March 2026 does not exist (March 2026 has 31 days)'],
  ['American order: month and day swapped', '03/13/2026', 'there is no month 13; if you meant 13 March 2026, write 2026-03-13 or 13/03/2026 (day first)'],
  ['ISO with month and day swapped', '2026-13-03', 'there is no month 13; if you meant 13 March 2026, write 2026-03-13 or 13/03/2026 (day first)'],
  ['a month that cannot be a day either', '2026-40-03', 'there is no month 40'],
  ['month 0 is no swapped date', '2026-00-05', 'there is no month 0'],
  ['one-digit month and day', '2026-2-3', 'write the month and day with two digits each: 2026-02-03'],
  ['words are not shaped like a date', 'next tuesday', undefined],
  ['a date and time', '2024-03-01T10:00', undefined],
];

describe('explainBadDate', () => {
  it.each(cases)('%s', (_name, text, expected) => {
    expect(parseDate(text)).toBeUndefined();
    expect(explainBadDate(text)).toBe(expected);
  });

  it('has nothing to say of a real date', () => {
    expect(explainBadDate('29/02/2028')).toBeUndefined();
    expect(explainBadDate('2026-12-31')).toBeUndefined();
  });
});
