// Property tests for the register's derivation: any ledger the rules allow derives the state a
// simple model predicts, satisfies the register's invariants on every date, and the state on a
// date never depends on anything dated after it. Run counts are modest so the suite stays quick;
// a failure prints the seed and a shrunk ledger to reproduce it.

import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/core/dates.js';
import { deriveState, type LedgerRules, type RegisterState } from '../../src/core/ledger/derive.js';
import { decodeLedger, encodeEvent, type LedgerEvent, type NewEvent } from '../../src/core/ledger/events.js';
import { anyEventAfter, ledgerArb, modelAsOf, type GeneratedLedger } from './ledger-model.js';

const RUNS = 150;
let tried = 0;
afterAll(() => {
  console.log(`property tests: ${tried} generated ledgers checked`);
});

/** fc.assert with the suite's run count, counting every generated case for the summary line. */
function check<T>(arb: fc.Arbitrary<T>, predicate: (value: T) => void, numRuns = RUNS): void {
  fc.assert(
    fc.property(arb, (v) => {
      tried += 1;
      predicate(v);
    }),
    { numRuns },
  );
}

/** The state as plain sorted data, for comparing two derivations. */
function plain(state: RegisterState) {
  return {
    members: [...state.members.values()].sort((a, b) => a.number - b.number),
    officers: [...state.officers].sort((a, b) => a.member - b.member || a.role.localeCompare(b.role) || a.from.localeCompare(b.from)),
  };
}

/** The dates worth looking at: before founding, every event date, the days between, and after the last. */
function interestingDates(ledger: GeneratedLedger): string[] {
  const dates = new Set<string>([addDays(ledger.rules.founded, -1), addDays(ledger.lastDate, 1)]);
  for (const e of ledger.chronological) {
    dates.add(e.date);
    dates.add(addDays(e.date, -1));
  }
  return [...dates].sort();
}

function assertInvariants(state: RegisterState, rules: LedgerRules, events: readonly LedgerEvent[], asOf: string): void {
  const numbers = events.filter((e) => e.type === 'admit').map((e) => e.member);
  expect(new Set(numbers).size).toBe(numbers.length);
  for (const n of numbers) expect(state.nextNumber).toBeGreaterThan(n);
  expect(state.lastSeq).toBe(Math.max(0, ...events.map((e) => e.seq)));
  // No admission is lost: everyone admitted on or before the date is in the register.
  expect(state.members.size).toBe(events.filter((e) => e.type === 'admit' && e.date <= asOf).length);
  for (const m of state.members.values()) {
    expect(m.shares).toBeGreaterThanOrEqual(0);
    expect(m.joined <= asOf).toBe(true);
    if (m.left !== null) {
      expect(m.shares).toBe(0);
      expect(m.left >= m.joined && m.left <= asOf).toBe(true);
    } else if (rules.shares) {
      expect(m.shares).toBeGreaterThanOrEqual(rules.shares.minimumHolding);
      expect(m.shares).toBeLessThanOrEqual(rules.shares.maximumHolding);
      if (rules.shares.statutoryMaximum !== null) expect(m.shares).toBeLessThanOrEqual(rules.shares.statutoryMaximum);
    } else {
      expect(m.shares).toBe(0);
    }
  }
  for (const t of state.officers) {
    expect(t.from <= asOf).toBe(true);
    if (t.to !== null) expect(t.to >= t.from).toBe(true);
    const m = state.members.get(t.member);
    if (t.to === null && m) expect(m.left).toBeNull();
    if (rules.officersMustBeMembers) expect(m).toBeDefined();
  }
  // One holder of each office at a time.
  const open = state.officers.filter((t) => t.to === null).map((t) => t.role);
  expect(new Set(open).size).toBe(open.length);
}

describe('a valid ledger', () => {
  it('derives with no problems, whatever order it was recorded in', () => {
    check(ledgerArb, (ledger) => {
      const { problems } = deriveState(ledger.events, { rules: ledger.rules, today: ledger.lastDate });
      expect(problems).toEqual([]);
    });
  });

  it('derives the state the model predicts, and satisfies the invariants, on every date', () => {
    check(ledgerArb, (ledger) => {
      for (const asOf of interestingDates(ledger)) {
        const { state } = deriveState(ledger.events, { asOf });
        assertInvariants(state, ledger.rules, ledger.events, asOf);
        const model = modelAsOf(ledger, asOf);
        expect(plain(state).members.map(({ number, name, joined, left, shares }) => ({ number, name, joined, left, shares }))).toEqual(
          [...model.members.values()].sort((a, b) => a.number - b.number),
        );
        expect(new Set(state.officers.filter((t) => t.to === null).map((t) => `${t.member}/${t.role}`))).toEqual(model.offices);
      }
    });
  });

  it('derives the same state with and without the rules being checked', () => {
    check(ledgerArb, (ledger) => {
      const checked = deriveState(ledger.events, { rules: ledger.rules, today: ledger.lastDate }).state;
      expect(plain(checked)).toEqual(plain(deriveState(ledger.events).state));
    });
  });

  it('survives being written to the ledger file and read back', () => {
    check(ledgerArb, (ledger) => {
      const text = ledger.events.map((e) => `${encodeEvent(e)}\n`).join('');
      const decoded = decodeLedger(text);
      expect(decoded.problems).toEqual([]);
      expect(decoded.events).toEqual(ledger.events);
    });
  });
});

/** Any event at all, valid or not, dated from `after` + 1 day on. */
/** Inserts extra events among the recorded ones at the given positions and renumbers seq down the file. */
function insertAndRenumber(events: readonly LedgerEvent[], extra: readonly { event: NewEvent; at: number }[]): LedgerEvent[] {
  const out: NewEvent[] = events.map(({ seq: _seq, ...rest }) => rest as NewEvent);
  for (const { event, at } of extra) out.splice(at % (out.length + 1), 0, event);
  return out.map((e, i) => ({ ...e, seq: i + 1 }) as LedgerEvent);
}

describe('the state on a date', () => {
  const withLaterEvents = ledgerArb.chain((ledger) =>
    fc.constantFrom(...interestingDates(ledger)).chain((asOf) =>
      fc.record({
        ledger: fc.constant(ledger),
        asOf: fc.constant(asOf),
        extra: fc.array(fc.record({ event: anyEventAfter(asOf), at: fc.nat() }), { minLength: 1, maxLength: 15 }),
      }),
    ),
  );

  it('never depends on events dated after it, valid or not, wherever they sit in the file', () => {
    check(withLaterEvents, ({ ledger, asOf, extra }) => {
      const before = deriveState(ledger.events, { asOf }).state;
      const mixed = insertAndRenumber(ledger.events, extra);
      const after = deriveState(mixed, { asOf, rules: ledger.rules }).state;
      expect(plain(after)).toEqual(plain(before));
      // Numbers are never reused, whatever the date: later admissions still count.
      const highest = Math.max(0, ...mixed.filter((e) => e.type === 'admit').map((e) => e.member));
      expect(after.nextNumber).toBe(highest + 1);
    });
  });

  it('is the same as the state of the ledger cut off at that date', () => {
    check(
      ledgerArb.chain((ledger) => fc.tuple(fc.constant(ledger), fc.constantFrom(...interestingDates(ledger)))),
      ([ledger, asOf]) => {
        const cut = ledger.events.filter((e) => e.date <= asOf);
        expect(plain(deriveState(ledger.events, { asOf }).state)).toEqual(plain(deriveState(cut).state));
      },
    );
  });
});

describe('any ledger at all, even one full of mistakes', () => {
  const junk = fc.array(anyEventAfter('2023-12-31'), { maxLength: 80 }).map((events) => events.map((e, i) => ({ ...e, seq: i + 1 }) as LedgerEvent));

  it('derives without throwing: holdings never negative, former members hold nothing', () => {
    check(junk, (events) => {
      const { state } = deriveState(events, {
        rules: {
          founded: '2024-01-01',
          shares: { minimumHolding: 1, maximumHolding: 20, withdrawable: true, transferable: true, statutoryMaximum: 15 },
          officersMustBeMembers: true,
        },
        today: '2024-06-01',
      });
      for (const m of state.members.values()) {
        expect(m.shares).toBeGreaterThanOrEqual(0);
        if (m.left !== null) expect(m.shares).toBe(0);
      }
      const admitted = new Set(events.filter((e) => e.type === 'admit').map((e) => e.member));
      expect(state.members.size).toBe(admitted.size);
    });
  });
});

describe('a mistake added to a valid ledger', () => {
  type Mistake = (ledger: GeneratedLedger) => NewEvent | undefined;
  const mistakes: Record<string, Mistake> = {
    'a membership number admitted twice': (l) => {
      const first = l.chronological.find((e) => e.type === 'admit');
      return first && { date: l.lastDate, type: 'admit', member: first.type === 'admit' ? first.member : 1, name: 'Again', shares: l.rules.shares?.minimumHolding ?? 0 };
    },
    'an event before the group was founded': (l) => ({
      date: addDays(l.rules.founded, -1),
      type: 'admit',
      member: 900_000,
      name: 'Early',
      shares: l.rules.shares?.minimumHolding ?? 0,
    }),
    'an event in the future': (l) => ({ date: addDays(l.lastDate, 1), type: 'admit', member: 900_001, name: 'Later', shares: l.rules.shares?.minimumHolding ?? 0 }),
    'someone never admitted leaving': (l) => ({ date: l.lastDate, type: 'leave', member: 900_002, reason: 'resigned', repaid: 0 }),
    'an officer retiring from an office they do not hold': (l) => ({ date: l.lastDate, type: 'retire', member: 900_003, role: 'chair' }),
    'a second holder of an office': (l) => {
      const held = [...modelAsOf(l, l.lastDate).offices][0];
      const m = [...modelAsOf(l, l.lastDate).members.values()].find((x) => x.left === null && !held?.startsWith(`${x.number}/`));
      return held && m ? { date: l.lastDate, type: 'appoint', member: m.number, role: held.split('/')[1]! } : undefined;
    },
    'shares above the maximum': (l) => {
      const m = [...modelAsOf(l, l.lastDate).members.values()].find((x) => x.left === null);
      if (!m || !l.rules.shares) return undefined;
      return { date: l.lastDate, type: 'issue', member: m.number, shares: l.rules.shares.maximumHolding - m.shares + 1 };
    },
    'withdrawing more shares than held': (l) => {
      const m = [...modelAsOf(l, l.lastDate).members.values()].find((x) => x.left === null);
      return m && { date: l.lastDate, type: 'withdraw', member: m.number, shares: m.shares + 1 };
    },
  };

  it.each(Object.keys(mistakes))('%s is reported against its line', (name) => {
    check(
      ledgerArb,
      (ledger) => {
        const mistake = mistakes[name]!(ledger);
        if (!mistake) return;
        const seq = ledger.events.length + 1;
        const events = [...ledger.events, { ...mistake, seq } as LedgerEvent];
        const { problems } = deriveState(events, { rules: ledger.rules, today: ledger.lastDate });
        expect(problems.map((p) => p.seq)).toContain(seq);
      },
      60,
    );
  });
});
