// Counting a written resolution. Who may agree is fixed on the circulation date (the eligible
// members: CA 2006 ss.289–290, and the same rule for societies and associations here); it
// passes on the day the agreements reach the required share of ALL of them (ss.282(2), 283(2),
// 296(4)), and lapses at the end of its period, counting the circulation date as day one (s.297).

import { addDays, type IsoDate } from '../dates.js';
import type { Fraction } from '../fraction.js';

export type WrittenKind = 'ordinary' | 'special';
export type WrittenState = 'open' | 'passed' | 'lapsed';

export interface Agreement {
  member: number;
  /** The day the signed form came back. */
  date: IsoDate;
}

export interface WrittenCount {
  eligible: number;
  /** Effective agreements, up to today (or all of them once passed: later ones change nothing). */
  agreed: number;
  required: number;
  state: WrittenState;
  passedOn: IsoDate | null;
}

/** The last day on which agreement counts: the circulation date is day one of `lapseDays`. */
export function lapseDate(circulated: IsoDate, lapseDays: number): IsoDate {
  return addDays(circulated, lapseDays - 1);
}

/**
 * Agreements needed from `eligible` members: ordinary, more than half; special, at least the
 * fraction (75% for a company). Exact in whole numbers, so 3 of 4 is 75% and passes.
 */
export function requiredAgreements(kind: WrittenKind, eligible: number, special: Fraction): number {
  if (eligible === 0) return 1;
  if (kind === 'ordinary') return Math.floor(eligible / 2) + 1;
  return Math.max(1, Math.ceil((eligible * special.num) / special.den));
}

export interface CountInput {
  kind: WrittenKind;
  eligible: readonly number[];
  circulated: IsoDate;
  lapses: IsoDate;
  agreements: readonly Agreement[];
  special: Fraction;
}

/** The state of a written resolution at the end of `today`. */
export function countWritten(input: CountInput, today: IsoDate): WrittenCount {
  const eligible = new Set(input.eligible);
  const required = requiredAgreements(input.kind, eligible.size, input.special);
  // One agreement a member, the first; none after the lapse date (s.297(2)) or before circulation.
  const first = new Map<number, IsoDate>();
  for (const a of input.agreements) {
    if (!eligible.has(a.member) || a.date < input.circulated || a.date > input.lapses) continue;
    const seen = first.get(a.member);
    if (seen === undefined || a.date < seen) first.set(a.member, a.date);
  }
  const dates = [...first.values()].filter((d) => d <= today).sort();
  const reached = dates.length >= required ? dates[required - 1]! : null;
  const passedOn = reached;
  const state: WrittenState = passedOn ? 'passed' : today > input.lapses ? 'lapsed' : 'open';
  return { eligible: eligible.size, agreed: dates.length, required, state, passedOn };
}
