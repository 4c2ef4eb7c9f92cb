// formatNumber and formatPounds write numbers as toLocaleString('en-GB') does, without Intl.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatNumber, formatPounds } from '../../src/core/numbers.js';

const intl = (n: number, min = 0, max = Math.max(min, 3)) => n.toLocaleString('en-GB', { minimumFractionDigits: min, maximumFractionDigits: max });

describe('formatNumber', () => {
  it.each([
    [0, '0'],
    [1, '1'],
    [999, '999'],
    [1000, '1,000'],
    [20000, '20,000'],
    [1234567.891, '1,234,567.891'],
    [-1234.5, '-1,234.5'],
  ])('%d → %s', (n, text) => {
    expect(formatNumber(n)).toBe(text);
    expect(formatNumber(n)).toBe(intl(n));
  });

  it('agrees with toLocaleString for whole numbers, pence and other decimals', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e15, max: 1e15 }), (n) => formatNumber(n) === intl(n)),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), (p) => formatNumber(p / 100, 2, 2) === intl(p / 100, 2, 2)),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 }), (x, a, b) => {
        const [min, max] = a <= b ? [a, b] : [b, a];
        return formatNumber(x, min, max) === intl(x, min, max);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('formatPounds', () => {
  it('writes whole pounds without pence unless asked, and pence always with two places', () => {
    expect(formatPounds(2_000_000)).toBe('£20,000');
    expect(formatPounds(123_450)).toBe('£1,234.50');
    expect(formatPounds(100, { pence: true })).toBe('£1.00');
    expect(formatPounds(4_925_600, { pence: true })).toBe('£49,256.00');
  });
});
