// Property tests for planning a change to the ledger. An admission of a number no event names
// yet is checked on its own, without decoding the ledger (that is what keeps `coop member add`
// quick at 100,000 members); every other change is checked against the whole ledger. Either
// way the problems reported must be exactly what comparing the whole ledger before and after
// gives — whatever the ledger held already, mistakes included.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/core/dates.js';
import { planAppend, type LedgerSoFar } from '../../src/core/ledger/append.js';
import { deriveState, newProblems, type LedgerRules } from '../../src/core/ledger/derive.js';
import type { LedgerEvent, NewEvent } from '../../src/core/ledger/events.js';
import { summariseEvents } from '../../src/core/ledger/parts.js';
import { anyEventAfter, ledgerArb } from './ledger-model.js';

const FOUNDED = '2024-01-01';
const TODAY = '2025-03-01';
const RULES: LedgerRules = {
  founded: FOUNDED,
  shares: { minimumHolding: 1, maximumHolding: 20, withdrawable: true, transferable: true, statutoryMaximum: 15 },
  officersMustBeMembers: true,
};

/** What checking the whole ledger before and after the change says the change adds. */
function wholeLedgerVerdict(existing: readonly LedgerEvent[], added: readonly LedgerEvent[], rules: LedgerRules, today: string) {
  const before = deriveState(existing, { rules, today }).problems;
  const after = deriveState([...existing, ...added], { rules, today }).problems;
  return newProblems(before, after);
}

/** The ledger as a change sees it, counting how often its events are decoded. */
function soFar(events: readonly LedgerEvent[]): LedgerSoFar & { decoded: number } {
  const s = summariseEvents(
    events,
    events.map((_, i) => i + 1),
  );
  const view = {
    decoded: 0,
    summary: { lastSeq: s.lastSeq, maxMentioned: s.maxMentioned },
    events: () => {
      view.decoded += 1;
      return events;
    },
  };
  return view;
}

const messy = fc.array(anyEventAfter('2023-12-31'), { maxLength: 60 }).map((events) => events.map((e, i) => ({ ...e, seq: i + 1 }) as LedgerEvent));

/** Admissions numbered from just above the highest number in use, some reused, with any date and holding. */
const admissions = fc.array(fc.record({ offset: fc.integer({ min: -3, max: 3 }), day: fc.integer({ min: -30, max: 500 }), shares: fc.nat({ max: 25 }) }), {
  minLength: 1,
  maxLength: 4,
});

describe('planning a change', () => {
  it('reports for any admission exactly what checking the whole ledger would, even on a ledger full of mistakes', () => {
    fc.assert(
      fc.property(messy, admissions, (events, adds) => {
        const view = soFar(events);
        const base = Math.max(view.summary.maxMentioned, 30);
        const additions: NewEvent[] = adds.map((a, i) => ({
          date: addDays(FOUNDED, a.day),
          type: 'admit',
          member: Math.max(1, base + 1 + a.offset + i),
          name: `New ${i}`,
          shares: a.shares,
        }));
        const plan = planAppend(view, additions, { rules: RULES, today: TODAY });
        expect(plan.added.map((e) => e.seq)).toEqual(additions.map((_, i) => Math.max(0, ...events.map((e) => e.seq)) + i + 1));
        expect(plan.problems).toEqual(wholeLedgerVerdict(events, plan.added, RULES, TODAY));
        // Newcomers alone are checked without the ledger; a reused number needs all of it.
        const newcomers = plan.added.every((e) => e.type === 'admit' && e.member > view.summary.maxMentioned);
        expect(view.decoded > 0).toBe(!newcomers);
      }),
      { numRuns: 300 },
    );
  });

  it('reports for any other change exactly what checking the whole ledger would', () => {
    fc.assert(
      fc.property(messy, fc.array(anyEventAfter('2023-12-31'), { minLength: 1, maxLength: 3 }), (events, additions) => {
        const plan = planAppend(soFar(events), additions, { rules: RULES, today: TODAY });
        expect(plan.problems).toEqual(wholeLedgerVerdict(events, plan.added, RULES, TODAY));
      }),
      { numRuns: 300 },
    );
  });

  it('finds nothing wrong in admitting a newcomer to a valid ledger, and derives the register with them', () => {
    fc.assert(
      fc.property(ledgerArb, (ledger) => {
        const view = soFar(ledger.events);
        const number = view.summary.maxMentioned + 1;
        const shares = ledger.rules.shares?.minimumHolding ?? 0;
        const plan = planAppend(view, [{ date: ledger.lastDate, type: 'admit', member: number, name: 'Newcomer', shares }], { rules: ledger.rules, today: ledger.lastDate });
        expect(plan.problems).toEqual([]);
        expect(view.decoded).toBe(0);
        expect(plan.state.members.get(number)).toMatchObject({ number, joined: ledger.lastDate, shares, left: null });
        expect(plan.state.members.size).toBe(deriveState(ledger.events).state.members.size + 1);
      }),
      { numRuns: 100 },
    );
  });
});
