// todayInUk and longDate work without Intl's date data (which costs every command ~50 ms to
// load). They must agree with the time-zone database and Intl's own formatting: checked hour
// by hour around every change of the clocks from 1997 to 2040, and day by day for long dates.

import { describe, expect, it } from 'vitest';
import { addDays, longDate, todayInUk } from '../../src/core/dates.js';

const london = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });
const long = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' });
const HOUR = 3_600_000;

describe('todayInUk', () => {
  it('agrees with the Europe/London time zone each hour of the weeks the clocks change, 1997–2040', () => {
    const wrong: string[] = [];
    for (let year = 1997; year <= 2040; year++) {
      for (const month of [2, 9]) {
        const start = Date.UTC(year, month, 22);
        for (let t = start; t < start + 11 * 24 * HOUR; t += HOUR / 2) {
          const now = new Date(t);
          if (todayInUk(now) !== london.format(now)) wrong.push(now.toISOString());
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('agrees around midnight on days across the year', () => {
    const wrong: string[] = [];
    for (let t = Date.UTC(2024, 0, 1); t < Date.UTC(2027, 0, 1); t += 24 * HOUR) {
      for (const offset of [-HOUR - 1, -HOUR, -1, 0, HOUR - 1, HOUR, 12 * HOUR]) {
        const now = new Date(t + offset);
        if (todayInUk(now) !== london.format(now)) wrong.push(now.toISOString());
      }
    }
    expect(wrong).toEqual([]);
  });

  it('is an hour ahead of UTC in summer only', () => {
    expect(todayInUk(new Date('2026-03-28T23:30:00Z'))).toBe('2026-03-28');
    expect(todayInUk(new Date('2026-06-30T23:30:00Z'))).toBe('2026-07-01');
    expect(todayInUk(new Date('2026-12-31T23:30:00Z'))).toBe('2026-12-31');
  });
});

describe('longDate', () => {
  it('reads each day as Intl’s en-GB long date does, 1990–2040', () => {
    const wrong: string[] = [];
    for (let t = Date.UTC(1990, 0, 1); t < Date.UTC(2041, 0, 1); t += 24 * HOUR) {
      const iso = new Date(t).toISOString().slice(0, 10);
      if (longDate(iso) !== long.format(new Date(t))) wrong.push(iso);
    }
    expect(wrong).toEqual([]);
    expect(longDate('2027-06-10')).toBe('10 June 2027');
  });
});

describe('addDays', () => {
  it('gives the day toISOString would, for every day 1890–2110, years 1–999, and any step', () => {
    const wrong: string[] = [];
    const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
    const starts: number[] = [];
    for (let t = Date.UTC(1890, 0, 1); t < Date.UTC(2111, 0, 1); t += 24 * HOUR) starts.push(t);
    for (const year of [1, 99, 100, 999, 9998]) starts.push(new Date(0).setUTCFullYear(year, 11, 30));
    for (const t of starts) {
      for (const step of [0, 1, -1, 31, -366, 10_000]) {
        const from = iso(t);
        if (addDays(from, step) !== iso(t + step * 24 * HOUR)) wrong.push(`${from} ${step}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
    // Beyond four-digit years, toISOString's own (cut) form, as before.
    expect(addDays('9999-12-31', 1)).toBe('+010000-01');
    expect(() => addDays('not a date', 1)).toThrow(RangeError);
  });
});
