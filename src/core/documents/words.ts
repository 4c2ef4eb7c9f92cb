// Numbers as the governing documents print them. Templates hold no digits: every figure a
// document states is turned into words here, from coop.yml params or law.ts constants.

import { describeFraction, type Fraction } from '../fraction.js';
import { formatNumber } from '../numbers.js';
import { poundsText } from '../validate-params.js';

export { poundsText };

/** "1 member", "3 members", "20,000 shares". */
export function countOf(n: number, singular: string, plural = `${singular}s`): string {
  return `${formatNumber(n)} ${n === 1 ? singular : plural}`;
}

/** "25%" when the fraction is a whole or two-place percentage, otherwise "two thirds" or "2/3". */
export function percentText(f: Fraction): string {
  const pct = (f.num * 100) / f.den;
  if (Number.isInteger(pct * 100)) return `${Number(pct.toFixed(2))}%`;
  return describeFraction(f);
}

/** "three quarters (75%)", "two thirds", "60%": for thresholds, where the words help. */
export { describeFraction as thresholdText };

/** "3 members or 25% of the members, whichever is greater". */
export function quorumText(members: number, percent: Fraction, who: string, whole: string): string {
  return `${countOf(members, who)} or ${percentText(percent)} of ${whole}, whichever is greater`;
}

/** "chair, secretary and treasurer". */
export function listText(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** A coop.yml role ("vice-chair") as people say it ("vice chair"). */
export function roleText(role: string): string {
  return role.replace(/-/g, ' ');
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;

/** "03-31" → "31 March". */
export function monthDayText(monthDay: string): string {
  const [m, d] = monthDay.split('-').map(Number) as [number, number];
  return `${d} ${MONTHS[m - 1] ?? ''}`.trim();
}
