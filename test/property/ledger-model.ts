// A model of the register, used to generate ledgers that are valid by construction. Each
// generated "step" is a handful of random numbers; the builder reads them against the model's
// current state to pick an event that the rules allow (a share issue only up to the maximum,
// a withdrawal only of withdrawable shares, …). Steps shrink well, so a failing case reduces
// to a short ledger. The model keeps a snapshot after every date, which is the oracle for the
// register "as of" that date.
//
// Events are generated in the order they take effect, then recorded (given seq numbers) in a
// shuffled order, as back-dated entries are: a later line may take effect earlier. Events on
// one date keep their order, since derivation breaks date ties by seq.

import fc from 'fast-check';
import { addDays } from '../../src/core/dates.js';
import type { LedgerRules } from '../../src/core/ledger/derive.js';
import type { LedgerEvent, LeaveReason, NewEvent } from '../../src/core/ledger/events.js';

export const ROLES = ['chair', 'secretary', 'treasurer', 'membership-secretary'] as const;
const REASONS: LeaveReason[] = ['resigned', 'expelled', 'deceased', 'ineligible', 'other'];
/** Officers who are not members (allowed when the rules do not require members) get numbers from here. */
export const OUTSIDER_BASE = 1_000_000;

export interface ModelMember {
  number: number;
  name: string;
  joined: string;
  left: string | null;
  shares: number;
}

export interface ModelState {
  members: Map<number, ModelMember>;
  /** Open offices as "member/role". */
  offices: Set<string>;
}

export interface Step {
  kind: number;
  a: number;
  b: number;
  c: number;
  /** Days after the previous event (0 keeps the same date). */
  gap: number;
}

export interface GeneratedLedger {
  rules: LedgerRules;
  /** In the order they take effect. */
  chronological: NewEvent[];
  /** As recorded: seq 1, 2, 3 … in file order. */
  events: LedgerEvent[];
  /** The model's state at the end of each date that has events. */
  snapshots: Map<string, ModelState>;
  lastDate: string;
}

export const rulesArb: fc.Arbitrary<LedgerRules> = fc
  .record({
    founded: fc.constantFrom('2019-03-01', '2024-01-15', '2024-02-28'),
    hasShares: fc.boolean(),
    min: fc.integer({ min: 0, max: 3 }),
    span: fc.integer({ min: 0, max: 25 }),
    withdrawable: fc.boolean(),
    transferable: fc.boolean(),
    capSlack: fc.option(fc.integer({ min: 0, max: 30 }), { nil: undefined }),
    officersMustBeMembers: fc.boolean(),
  })
  .map((r) => ({
    founded: r.founded,
    shares: r.hasShares
      ? {
          minimumHolding: r.min,
          maximumHolding: r.min + r.span,
          withdrawable: r.withdrawable,
          transferable: r.transferable,
          // The statutory cap applies only to withdrawable shares; it may sit below the rules' maximum.
          statutoryMaximum: r.withdrawable && r.capSlack !== undefined ? r.min + r.capSlack : null,
        }
      : null,
    officersMustBeMembers: r.officersMustBeMembers,
  }));

export const stepsArb: fc.Arbitrary<Step[]> = fc.array(
  fc.record({
    kind: fc.nat({ max: 99 }),
    a: fc.nat({ max: 1000 }),
    b: fc.nat({ max: 1000 }),
    c: fc.nat({ max: 1000 }),
    gap: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 60 })),
  }),
  { minLength: 3, maxLength: 60, size: 'medium' },
);

function cloneState(s: ModelState): ModelState {
  return { members: new Map([...s.members].map(([k, m]) => [k, { ...m }])), offices: new Set(s.offices) };
}

function pick<T>(items: readonly T[], n: number): T | undefined {
  return items.length === 0 ? undefined : items[n % items.length];
}

/** Builds a valid ledger from rules and steps; steps whose event the rules do not allow are skipped. */
export function buildLedger(rules: LedgerRules, steps: readonly Step[], order: readonly number[]): GeneratedLedger {
  const state: ModelState = { members: new Map(), offices: new Set() };
  const chronological: NewEvent[] = [];
  const snapshots = new Map<string, ModelState>();
  const shares = rules.shares;
  const top = shares ? Math.min(shares.maximumHolding, shares.statutoryMaximum ?? Infinity) : 0;
  const min = shares?.minimumHolding ?? 0;
  let date = rules.founded;
  let nextNumber = 1;

  for (const step of steps) {
    const next = addDays(date, step.gap);
    if (next !== date) snapshots.set(date, cloneState(state));
    date = next;
    const event = chooseEvent(step);
    if (event) chronological.push(event);
  }
  snapshots.set(date, cloneState(state));

  function chooseEvent(step: Step): NewEvent | undefined {
    const current = [...state.members.values()].filter((m) => m.left === null);
    const kind = step.kind;
    // Admissions are the most common event, so that ledgers grow enough to be interesting.
    if (kind < 30 || current.length === 0) {
      if (shares && min > top) return undefined;
      const holding = shares ? min + (step.a % (top - min + 1)) : 0;
      const m: ModelMember = { number: nextNumber++, name: `Member ${step.b}`, joined: date, left: null, shares: holding };
      state.members.set(m.number, m);
      return { date, type: 'admit', member: m.number, name: m.name, shares: holding };
    }
    if (kind < 42) {
      const m = pick(current, step.a)!;
      if (!shares || m.shares >= top) return undefined;
      const k = 1 + (step.b % (top - m.shares));
      m.shares += k;
      return { date, type: 'issue', member: m.number, shares: k };
    }
    if (kind < 52) {
      const m = pick(current, step.a)!;
      if (!shares?.withdrawable || m.shares <= min) return undefined;
      const k = 1 + (step.b % (m.shares - min));
      m.shares -= k;
      return { date, type: 'withdraw', member: m.number, shares: k };
    }
    if (kind < 62) {
      const from = pick(current, step.a)!;
      const to = pick(
        current.filter((m) => m !== from),
        step.b,
      );
      if (!shares?.transferable || !to) return undefined;
      const room = Math.min(from.shares - min, top - to.shares);
      if (room < 1) return undefined;
      const k = 1 + (step.c % room);
      from.shares -= k;
      to.shares += k;
      return { date, type: 'transfer', from: from.number, to: to.number, shares: k };
    }
    if (kind < 72) {
      const m = pick(current, step.a)!;
      // Shares that cannot be withdrawn must be transferred away first; with a minimum above
      // zero they never can be, so such a member stays (the rules would refuse the leaving).
      if (shares && !shares.withdrawable && m.shares > 0) return undefined;
      const repaid = shares?.withdrawable ? m.shares : 0;
      m.shares = 0;
      m.left = date;
      for (const o of [...state.offices]) if (o.startsWith(`${m.number}/`)) state.offices.delete(o);
      return { date, type: 'leave', member: m.number, reason: pick(REASONS, step.b)!, repaid };
    }
    if (kind < 80) {
      const m = pick(current, step.a)!;
      m.name = `Renamed ${step.b}`;
      return { date, type: 'rename', member: m.number, name: m.name };
    }
    if (kind < 92) {
      const role = pick(ROLES, step.b)!;
      const outsider = !rules.officersMustBeMembers && step.c % 4 === 0;
      const number = outsider ? OUTSIDER_BASE + (step.a % 5) : pick(current, step.a)!.number;
      const key = `${number}/${role}`;
      // One holder of each office at a time.
      if ([...state.offices].some((o) => o.endsWith(`/${role}`))) return undefined;
      state.offices.add(key);
      return { date, type: 'appoint', member: number, role };
    }
    const office = pick([...state.offices].sort(), step.a);
    if (!office) return undefined;
    state.offices.delete(office);
    const [member, role] = office.split('/') as [string, string];
    return { date, type: 'retire', member: Number(member), role };
  }

  return { rules, chronological, events: record(chronological, order), snapshots, lastDate: date };
}

/**
 * Gives events their seq numbers in a shuffled recording order: `order` holds a random
 * priority per event; the slots a date's events occupy go to them in the order they take effect.
 */
export function record(chronological: readonly NewEvent[], order: readonly number[]): LedgerEvent[] {
  const slots = chronological.map((_, i) => i).sort((x, y) => (order[x] ?? x) - (order[y] ?? y) || x - y);
  // slots[k] = index of the event recorded k-th, before fixing same-date order.
  const byDate = new Map<string, number[]>();
  slots.forEach((eventIndex, k) => {
    const d = chronological[eventIndex]!.date;
    byDate.set(d, [...(byDate.get(d) ?? []), k]);
  });
  const recorded: LedgerEvent[] = new Array(chronological.length);
  for (const [d, positions] of byDate) {
    const sameDate = chronological.map((e, i) => ({ e, i })).filter(({ e }) => e.date === d);
    positions.forEach((k, j) => {
      recorded[k] = { ...sameDate[j]!.e, seq: k + 1 } as LedgerEvent;
    });
  }
  return recorded;
}

/** The model's state at the end of a date: the snapshot of the latest event date on or before it. */
export function modelAsOf(ledger: GeneratedLedger, asOf: string): ModelState {
  let best: ModelState = { members: new Map(), offices: new Set() };
  let bestDate = '';
  for (const [d, s] of ledger.snapshots) if (d <= asOf && d >= bestDate) [best, bestDate] = [s, d];
  return best;
}

export const ledgerArb: fc.Arbitrary<GeneratedLedger> = fc
  .tuple(rulesArb, stepsArb, fc.array(fc.nat({ max: 10_000 }), { minLength: 60, maxLength: 60 }))
  .map(([rules, steps, order]) => buildLedger(rules, steps, order));

/** Any event at all after a date, valid or not: members 1–30, any type, any count. */
export function anyEventAfter(after: string): fc.Arbitrary<NewEvent> {
  const date = fc.integer({ min: 1, max: 400 }).map((d) => addDays(after, d));
  const member = fc.integer({ min: 1, max: 30 });
  const count = fc.integer({ min: 1, max: 50 });
  return fc.oneof(
    fc.record({ date, type: fc.constant('admit' as const), member, name: fc.string({ minLength: 1 }), shares: fc.nat({ max: 50 }) }),
    fc.record({ date, type: fc.constant('leave' as const), member, reason: fc.constant('resigned' as const), repaid: fc.nat({ max: 50 }) }),
    fc.record({ date, type: fc.constant('rename' as const), member, name: fc.string({ minLength: 1 }) }),
    fc.record({ date, type: fc.constant('issue' as const), member, shares: count }),
    fc.record({ date, type: fc.constant('withdraw' as const), member, shares: count }),
    fc.record({ date, type: fc.constant('transfer' as const), from: member, to: member, shares: count }),
    fc.record({ date, type: fc.constant('appoint' as const), member, role: fc.constantFrom(...ROLES) }),
    fc.record({ date, type: fc.constant('retire' as const), member, role: fc.constantFrom(...ROLES) }),
  ) as fc.Arbitrary<NewEvent>;
}
