import { describe, expect, it } from 'vitest';
import { atLeast, ceilOf, describeFraction, formatFraction, moreThan, parseFraction } from '../../src/core/fraction.js';

describe('parseFraction', () => {
  const cases: [string | number, { num: number; den: number } | undefined][] = [
    ['75%', { num: 3, den: 4 }],
    [' 2/3 ', { num: 2, den: 3 }],
    [75, { num: 3, den: 4 }],
    ['66.5%', { num: 133, den: 200 }],
    ['10', { num: 1, den: 10 }],
    ['1/0', undefined],
    ['abc', undefined],
    ['75.123%', undefined],
  ];
  it.each(cases)('%s', (input, expected) => {
    expect(parseFraction(input)).toEqual(expected);
  });
});

describe('threshold arithmetic is exact', () => {
  it('two of three meets two thirds, which 66.67% would not', () => {
    expect(atLeast(2, 3, { num: 2, den: 3 })).toBe(true);
    expect(atLeast(2, 3, parseFraction('66.67%')!)).toBe(false);
  });
  it('exactly half is not more than half', () => {
    expect(moreThan(5, 10, { num: 1, den: 2 })).toBe(false);
    expect(moreThan(6, 10, { num: 1, den: 2 })).toBe(true);
  });
  it('ceilOf rounds a share of members up', () => {
    expect(ceilOf(41, { num: 1, den: 10 })).toBe(5);
    expect(ceilOf(40, { num: 1, den: 10 })).toBe(4);
    expect(ceilOf(0, { num: 1, den: 4 })).toBe(0);
  });
  it('formats and describes', () => {
    expect(formatFraction({ num: 3, den: 4 })).toBe('75%');
    expect(formatFraction({ num: 2, den: 3 })).toBe('2/3');
    expect(describeFraction({ num: 3, den: 4 })).toBe('three quarters (75%)');
    expect(describeFraction({ num: 2, den: 3 })).toBe('two thirds');
  });
});
