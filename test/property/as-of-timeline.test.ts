// The timeline kept for the register as at any date (core/register/as-of-timeline.ts) must give,
// for every date, exactly what deriving the ledger as at that date gives: for valid ledgers in
// any recorded order, for ledgers full of mistakes (events on members never admitted or already
// gone, offices held twice, loans repaid that were never lent), and after events are added that
// it judges leave the date as it was.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/core/dates.js';
import { addedLeavePast, buildTimeline, sharesRepaidBy, stateAsOf, type PastState } from '../../src/core/register/as-of-timeline.js';
import { deriveState } from '../../src/core/ledger/derive.js';
import type { LedgerEvent, NewEvent } from '../../src/core/ledger/events.js';
import { anyEventAfter, ledgerArb } from './ledger-model.js';

const RUNS = 120;

/** What the register reads of a state, with the members and officers in the order derivation made them. */
function plain(state: PastState) {
  return {
    members: [...state.members.entries()],
    officers: state.officers,
    property: [...state.property.entries()].sort((a, b) => a[0] - b[0]),
  };
}

function repaidByLoop(events: readonly LedgerEvent[], asOf: string): Map<number, string> {
  const out = new Map<number, string>();
  for (const e of events) if (e.type === 'repay-shares' && e.date <= asOf) out.set(e.member, e.date);
  return out;
}

/** Every date an event has, the day before each, and one before and after them all. */
function datesOf(events: readonly LedgerEvent[]): string[] {
  const dates = new Set<string>(['1999-01-01', '2999-01-01']);
  for (const e of events) {
    dates.add(e.date);
    dates.add(addDays(e.date, -1));
  }
  return [...dates].sort();
}

function sameOnEveryDate(events: readonly LedgerEvent[]): void {
  const timeline = buildTimeline(events);
  expect(timeline).toBeDefined();
  for (const asOf of datesOf(events)) {
    expect(plain(stateAsOf(timeline!, asOf))).toEqual(plain(deriveState(events, { asOf }).state));
    expect(sharesRepaidBy(timeline!, asOf)).toEqual(repaidByLoop(events, asOf));
  }
}

/** Events on members 1–30 that the model's generator does not make: notices, loans, payments for shares, nominees. */
function moreEventsAfter(after: string): fc.Arbitrary<NewEvent> {
  const date = fc.integer({ min: 1, max: 400 }).map((d) => addDays(after, d));
  const member = fc.integer({ min: 1, max: 30 });
  return fc.oneof(
    anyEventAfter(after),
    fc.record({ date, type: fc.constant('notices' as const), member, method: fc.constantFrom('email' as const, 'post' as const) }),
    fc.record({ date, type: fc.constant('lend' as const), member, kind: fc.constantFrom('loan' as const, 'deposit' as const), pence: fc.integer({ min: 1, max: 100_000 }) }),
    fc.record({ date, type: fc.constant('repay' as const), member, kind: fc.constantFrom('loan' as const, 'deposit' as const), pence: fc.integer({ min: 1, max: 100_000 }) }),
    fc.record({ date, type: fc.constant('repay-shares' as const), member, pence: fc.nat({ max: 5_000 }), payee: fc.constant('member' as const) }),
    fc.record({ date, type: fc.constant('leave' as const), member, reason: fc.constant('deceased' as const), repaid: fc.nat({ max: 50 }) }),
    fc.record({ date, type: fc.constant('nominee' as const), member, name: fc.string({ minLength: 1 }) }),
  ) as fc.Arbitrary<NewEvent>;
}

const junk = fc.array(moreEventsAfter('2023-12-31'), { maxLength: 120 }).map((events) => events.map((e, i) => ({ ...e, seq: i + 1 }) as LedgerEvent));

describe('the register as at any date, from the timeline', () => {
  it('is what derivation gives on every date, for a valid ledger in any recorded order', () => {
    fc.assert(
      fc.property(ledgerArb, (ledger) => sameOnEveryDate(ledger.events)),
      { numRuns: RUNS },
    );
  });

  it('is what derivation gives on every date, for a ledger full of mistakes', () => {
    fc.assert(
      fc.property(junk, (events) => sameOnEveryDate(events)),
      { numRuns: RUNS * 2 },
    );
  });

  it('is what derivation gives of the ledger with events added after it was made, whenever it judges them to leave the date as it was', () => {
    const grown = fc
      .tuple(junk, fc.array(moreEventsAfter('2023-12-31'), { minLength: 1, maxLength: 20 }))
      .chain(([events, added]) => fc.tuple(fc.constant(events), fc.constant(added), fc.constantFrom(...datesOf(events))));
    let judged = 0;
    fc.assert(
      fc.property(grown, ([events, added, asOf]) => {
        const timeline = buildTimeline(events)!;
        const all = [...events, ...added.map((e, i) => ({ ...e, seq: events.length + i + 1 }) as LedgerEvent)];
        if (!addedLeavePast(all.slice(events.length), asOf, timeline.maxNumber)) return;
        judged += 1;
        expect(plain(stateAsOf(timeline, asOf))).toEqual(plain(deriveState(all, { asOf }).state));
        expect(sharesRepaidBy(timeline, asOf)).toEqual(repaidByLoop(all, asOf));
      }),
      { numRuns: RUNS * 2 },
    );
    expect(judged).toBeGreaterThan(10);
  });

  it('is not used for a date an added event is dated on or before, nor when one renumbers or admits a number it knows', () => {
    const base: LedgerEvent[] = [{ seq: 1, date: '2024-01-01', type: 'admit', member: 1, name: 'Ann', shares: 1 }];
    const maxNumber = buildTimeline(base)!.maxNumber;
    expect(maxNumber).toBe(1);
    const admit = (member: number, date: string): LedgerEvent => ({ seq: 2, date, type: 'admit', member, name: 'Bo', shares: 1 });
    expect(addedLeavePast([admit(2, '2024-02-01')], '2024-01-31', maxNumber)).toBe(true);
    expect(addedLeavePast([admit(2, '2024-01-31')], '2024-01-31', maxNumber)).toBe(false);
    expect(addedLeavePast([admit(1, '2024-02-01')], '2024-01-31', maxNumber)).toBe(false);
    expect(addedLeavePast([{ seq: 2, date: '2024-02-01', type: 'renumber', member: 1, from: 1, key: 'k' } as unknown as LedgerEvent], '2024-01-31', maxNumber)).toBe(false);
  });
});
