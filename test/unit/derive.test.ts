import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deriveState, inDateOrder, newProblems, sharesIssued, type LedgerRules } from '../../src/core/ledger/derive.js';
import type { LedgerEvent, NewEvent } from '../../src/core/ledger/events.js';

const RULES: LedgerRules = {
  founded: '2024-01-01',
  shares: { minimumHolding: 1, maximumHolding: 10, withdrawable: true, transferable: true, statutoryMaximum: 100 },
  officersMustBeMembers: true,
};
const TODAY = '2026-06-01';

/** Numbers events in the order given (the order they were recorded). */
function ledger(...events: NewEvent[]): LedgerEvent[] {
  return events.map((e, i) => ({ seq: i + 1, ...e }) as LedgerEvent);
}
const admit = (member: number, date: string, name = `Member ${member}`, shares = 1): NewEvent => ({ date, type: 'admit', member, name, shares });

const FOUNDERS = [admit(1, '2024-01-01', 'Ada'), admit(2, '2024-01-01', 'Ben'), admit(3, '2024-01-01', 'Cai')];

describe('deriving the register on a date', () => {
  const scenarios: { name: string; events: NewEvent[]; asOf?: string; expect: (s: ReturnType<typeof deriveState>['state']) => void }[] = [
    {
      name: 'a back-dated admission recorded last counts from its date, with the next number',
      events: [...FOUNDERS, admit(4, '2025-05-01', 'Dee'), admit(5, '2024-06-01', 'Eve')],
      asOf: '2024-12-31',
      expect: (s) => {
        expect([...s.members.keys()].sort()).toEqual([1, 2, 3, 5]);
        expect(s.nextNumber).toBe(6);
      },
    },
    {
      name: 'the same back-dated ledger a year later has everyone',
      events: [...FOUNDERS, admit(4, '2025-05-01', 'Dee'), admit(5, '2024-06-01', 'Eve')],
      asOf: '2025-12-31',
      expect: (s) => expect(s.members.size).toBe(5),
    },
    {
      name: 'before the founding nobody is a member, and numbers still run on',
      events: [...FOUNDERS],
      asOf: '2023-12-31',
      expect: (s) => {
        expect(s.members.size).toBe(0);
        expect(s.nextNumber).toBe(4);
      },
    },
    {
      name: 'a transfer moves shares between members on its date',
      events: [...FOUNDERS, { date: '2024-03-01', type: 'issue', member: 1, shares: 4 }, { date: '2024-04-01', type: 'transfer', from: 1, to: 2, shares: 3 }],
      asOf: '2024-04-01',
      expect: (s) => {
        expect(s.members.get(1)!.shares).toBe(2);
        expect(s.members.get(2)!.shares).toBe(4);
      },
    },
    {
      name: 'the day before the transfer the shares are where they were',
      events: [...FOUNDERS, { date: '2024-03-01', type: 'issue', member: 1, shares: 4 }, { date: '2024-04-01', type: 'transfer', from: 1, to: 2, shares: 3 }],
      asOf: '2024-03-31',
      expect: (s) => expect(s.members.get(1)!.shares).toBe(5),
    },
    {
      name: 'leaving ends membership, repays shares and ends offices',
      events: [...FOUNDERS, { date: '2024-01-01', type: 'appoint', member: 2, role: 'secretary' }, { date: '2025-02-01', type: 'leave', member: 2, reason: 'resigned', repaid: 1 }],
      expect: (s) => {
        const m = s.members.get(2)!;
        expect(m.left).toBe('2025-02-01');
        expect(m.leftReason).toBe('resigned');
        expect(m.shares).toBe(0);
        expect(s.officers).toEqual([{ member: 2, role: 'secretary', from: '2024-01-01', to: '2025-02-01' }]);
        expect(sharesIssued(s)).toBe(2);
      },
    },
    {
      name: 'who was secretary in 2024 and who is now',
      events: [
        ...FOUNDERS,
        { date: '2024-01-01', type: 'appoint', member: 2, role: 'secretary' },
        { date: '2025-01-31', type: 'retire', member: 2, role: 'secretary' },
        { date: '2025-02-01', type: 'appoint', member: 3, role: 'secretary' },
      ],
      asOf: '2024-07-01',
      expect: (s) => expect(s.officers.filter((t) => t.to === null)).toEqual([{ member: 2, role: 'secretary', from: '2024-01-01', to: null }]),
    },
    {
      name: 'a change of name applies from its date',
      events: [...FOUNDERS, { date: '2025-03-01', type: 'rename', member: 1, name: 'Ada Lovelace' }],
      asOf: '2025-02-28',
      expect: (s) => expect(s.members.get(1)!.name).toBe('Ada'),
    },
  ];
  for (const s of scenarios) {
    it(s.name, () => {
      const { state, problems } = deriveState(ledger(...s.events), { asOf: s.asOf, rules: RULES, today: TODAY });
      expect(problems).toEqual([]);
      s.expect(state);
    });
  }
});

describe('the rules each event is checked against', () => {
  const cases: { name: string; events: NewEvent[]; rules?: Partial<LedgerRules>; problem: RegExp }[] = [
    { name: 'an event before the founding', events: [admit(1, '2023-12-31')], problem: /before the group was founded/ },
    { name: 'an event in the future', events: [admit(1, '2026-06-02')], problem: /in the future/ },
    { name: 'a membership number used twice', events: [admit(1, '2024-01-01'), admit(1, '2024-02-01')], problem: /never reused/ },
    { name: 'below the minimum holding', events: [admit(1, '2024-01-01', 'A', 0)], problem: /below the rules' minimum of 1/ },
    {
      name: 'above the maximum holding',
      events: [admit(1, '2024-01-01'), { date: '2024-02-01', type: 'issue', member: 1, shares: 10 }],
      problem: /above the rules' maximum of 10/,
    },
    {
      name: 'above the statutory cap on withdrawable shares',
      events: [admit(1, '2024-01-01', 'A', 6)],
      rules: { shares: { ...RULES.shares!, maximumHolding: 1000, statutoryMaximum: 5 } },
      problem: /statutory cap of 5/,
    },
    {
      name: 'an event for a member who has left',
      events: [
        admit(1, '2024-01-01'),
        { date: '2024-02-01', type: 'leave', member: 1, reason: 'resigned', repaid: 1 },
        { date: '2024-03-01', type: 'issue', member: 1, shares: 1 },
      ],
      problem: /left on 2024-02-01/,
    },
    {
      name: 'an event before the member joined (back-dated wrongly)',
      events: [admit(1, '2024-05-01'), { date: '2024-03-01', type: 'issue', member: 1, shares: 1 }],
      problem: /not been admitted by 2024-03-01/,
    },
    { name: 'withdrawing more than held', events: [admit(1, '2024-01-01', 'A', 2), { date: '2024-02-01', type: 'withdraw', member: 1, shares: 3 }], problem: /cannot withdraw 3/ },
    {
      name: 'withdrawing below the minimum',
      events: [admit(1, '2024-01-01', 'A', 1), { date: '2024-02-01', type: 'withdraw', member: 1, shares: 1 }],
      problem: /below the rules' minimum/,
    },
    {
      name: 'withdrawing non-withdrawable shares',
      events: [admit(1, '2024-01-01', 'A', 2), { date: '2024-02-01', type: 'withdraw', member: 1, shares: 1 }],
      rules: { shares: { ...RULES.shares!, withdrawable: false, statutoryMaximum: null } },
      problem: /non-withdrawable/,
    },
    {
      name: 'transferring non-transferable shares',
      events: [admit(1, '2024-01-01', 'A', 2), admit(2, '2024-01-01'), { date: '2024-02-01', type: 'transfer', from: 1, to: 2, shares: 1 }],
      rules: { shares: { ...RULES.shares!, transferable: false } },
      problem: /non-transferable/,
    },
    {
      name: 'leaving with non-withdrawable shares still held',
      events: [admit(1, '2024-01-01'), { date: '2024-02-01', type: 'leave', member: 1, reason: 'resigned', repaid: 0 }],
      rules: { shares: { ...RULES.shares!, withdrawable: false, statutoryMaximum: null } },
      problem: /transfer them before the member leaves/,
    },
    {
      name: 'leaving with the wrong repayment',
      events: [admit(1, '2024-01-01', 'A', 3), { date: '2024-02-01', type: 'leave', member: 1, reason: 'resigned', repaid: 1 }],
      problem: /held 3 shares on leaving but 1 were repaid/,
    },
    { name: 'shares where the group has none', events: [admit(1, '2024-01-01', 'A', 1)], rules: { shares: null }, problem: /has no shares/ },
    { name: 'an officer who is not a member', events: [admit(1, '2024-01-01'), { date: '2024-01-01', type: 'appoint', member: 2, role: 'chair' }], problem: /not been admitted/ },
    {
      name: 'two holders of one office at once',
      events: [
        admit(1, '2024-01-01'),
        admit(2, '2024-01-01'),
        { date: '2024-01-01', type: 'appoint', member: 1, role: 'chair' },
        { date: '2024-02-01', type: 'appoint', member: 2, role: 'chair' },
      ],
      problem: /office of chair is held by member 1/,
    },
    {
      name: 'leaving an office not held',
      events: [admit(1, '2024-01-01'), { date: '2024-02-01', type: 'retire', member: 1, role: 'chair' }],
      problem: /does not hold the office of chair/,
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const { problems } = deriveState(ledger(...c.events), { rules: { ...RULES, ...c.rules }, today: TODAY });
      expect(problems.map((p) => p.message).join('\n')).toMatch(c.problem);
    });
  }

  it('without rules, nothing is checked', () => {
    expect(deriveState(ledger(admit(1, '2020-01-01', 'A', 0))).problems).toEqual([]);
  });
});

describe('telling a change’s new problems from old ones', () => {
  it('reports only what is new, counting repeats', () => {
    const old = [
      { seq: 3, message: 'a' },
      { seq: 3, message: 'a' },
    ];
    expect(newProblems(old, [...old, { seq: 3, message: 'a' }, { seq: 4, message: 'b' }])).toEqual([
      { seq: 3, message: 'a' },
      { seq: 4, message: 'b' },
    ]);
    expect(newProblems(old, old)).toEqual([]);
  });
});

describe('events in date order', () => {
  it('is the stable sort by date then seq, however the ledger is out of order', () => {
    const event = fc.record({ seq: fc.integer({ min: 1, max: 30 }), date: fc.constantFrom('2024-01-01', '2024-01-02', '2024-02-01', '2025-01-01') });
    fc.assert(
      fc.property(fc.array(event, { maxLength: 40 }), fc.boolean(), (raw, mostlySorted) => {
        const cmp = (x: { date: string; seq: number }, y: { date: string; seq: number }) => (x.date < y.date ? -1 : x.date > y.date ? 1 : x.seq - y.seq);
        // Mostly in order, as a real ledger is, or any order at all.
        const list = mostlySorted ? [...raw.slice(0, -3)].sort(cmp).concat(raw.slice(-3)) : raw;
        const events = list.map((e) => ({ ...e, type: 'admit' }) as unknown as LedgerEvent);
        // Compared by position, so that equal-looking events out of their recorded order would show.
        const at = (list: readonly LedgerEvent[]) => list.map((e) => events.indexOf(e));
        expect(at(inDateOrder(events))).toEqual(at([...events].sort(cmp)));
      }),
      { numRuns: 2000 },
    );
  });
});
