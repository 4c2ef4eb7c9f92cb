// Issue 18, item 7: shares owed until paid for, a deceased member's nominee, and the offices and
// board places the register shows empty. The pure core, as named scenario tables.

import { describe, expect, it } from 'vitest';
import { vacancyWarnings } from '../../src/core/board/vacancies.js';
import { defaultParams } from '../../src/core/defaults.js';
import { deriveState, type LedgerRules } from '../../src/core/ledger/derive.js';
import { decodeEvent, encodeEvent, type LedgerEvent, type NewEvent } from '../../src/core/ledger/events.js';
import { describeForMember } from '../../src/core/register/history.js';
import { sharesOwed } from '../../src/core/register/shares-owed.js';
import type { CoopParams } from '../../src/core/params.js';

const rules = (withdrawable: boolean): LedgerRules => ({
  founded: '2024-01-01',
  shares: { minimumHolding: 1, maximumHolding: 10, withdrawable, transferable: false, statutoryMaximum: null, nominalPence: 100 },
  officersMustBeMembers: true,
});
const ledger = (...events: NewEvent[]): LedgerEvent[] => events.map((e, i) => ({ seq: i + 1, ...e }) as LedgerEvent);
const admit = (member: number, shares = 1): NewEvent => ({ date: '2024-01-01', type: 'admit', member, name: `Member ${member}`, shares });
const FOUNDERS = [admit(1, 5), admit(2), admit(3)];

describe('shares owed, derived from the ledger', () => {
  const scenarios: { name: string; events: NewEvent[]; withdrawable?: boolean; owed: [member: number, shares: number, since: string][]; problems?: RegExp[] }[] = [
    { name: 'a withdrawal is owed until paid for', events: [...FOUNDERS, { date: '2024-03-01', type: 'withdraw', member: 1, shares: 2 }], owed: [[1, 2, '2024-03-01']] },
    {
      name: 'two withdrawals add up, owed since the first',
      events: [...FOUNDERS, { date: '2024-03-01', type: 'withdraw', member: 1, shares: 2 }, { date: '2024-04-01', type: 'withdraw', member: 1, shares: 1 }],
      owed: [[1, 3, '2024-03-01']],
    },
    {
      name: 'shares given up on leaving are owed to a former member',
      events: [...FOUNDERS, { date: '2024-05-01', type: 'leave', member: 2, reason: 'resigned', repaid: 1 }],
      owed: [[2, 1, '2024-05-01']],
    },
    {
      name: 'a payment settles what was owed',
      events: [
        ...FOUNDERS,
        { date: '2024-05-01', type: 'leave', member: 2, reason: 'resigned', repaid: 1 },
        { date: '2024-06-01', type: 'repay-shares', member: 2, pence: 100, payee: 'member' },
      ],
      owed: [],
    },
    {
      name: 'a payment when nothing is owed is a problem',
      events: [...FOUNDERS, { date: '2024-06-01', type: 'repay-shares', member: 2, pence: 100, payee: 'member' }],
      owed: [],
      problems: [/member 2 is owed nothing for shares on 2024-06-01/],
    },
    {
      name: 'a payment dated before the withdrawal is a problem, and the debt stays',
      events: [...FOUNDERS, { date: '2024-03-01', type: 'withdraw', member: 1, shares: 2 }, { date: '2024-02-01', type: 'repay-shares', member: 1, pence: 200, payee: 'member' }],
      owed: [[1, 2, '2024-03-01']],
      problems: [/owed nothing for shares on 2024-02-01/],
    },
    {
      name: 'a member who dies with non-withdrawable shares: cancelled, nothing owed, no problem',
      withdrawable: false,
      events: [...FOUNDERS, { date: '2024-05-01', type: 'leave', member: 2, reason: 'deceased', repaid: 0 }],
      owed: [],
    },
    {
      name: 'a nominee for a member not recorded as dead is a problem',
      events: [...FOUNDERS, { date: '2024-05-01', type: 'nominee', member: 2, name: 'Pat' }],
      owed: [],
      problems: [/member 2 is not recorded as having died/],
    },
  ];
  it.each(scenarios)('$name', ({ events, withdrawable = true, owed, problems = [] }) => {
    const { state, problems: found } = deriveState(ledger(...events), { rules: rules(withdrawable), today: '2026-01-01' });
    expect(sharesOwed(state, 100).map((o) => [o.member, o.shares, o.since])).toEqual(owed);
    expect(found.map((p) => p.message)).toHaveLength(problems.length);
    for (const [i, p] of problems.entries()) expect(found[i]!.message).toMatch(p);
  });

  it('a member who died is paid through their nominee, or else their representatives', () => {
    const events = ledger(
      ...FOUNDERS,
      { date: '2024-05-01', type: 'leave', member: 2, reason: 'deceased', repaid: 1 },
      { date: '2024-05-01', type: 'nominee', member: 2, name: 'Pat Example' },
      { date: '2024-05-02', type: 'leave', member: 3, reason: 'deceased', repaid: 1 },
    );
    const owed = sharesOwed(deriveState(events).state, 250);
    expect(owed.map((o) => [o.member, o.pence, o.payee, o.nominee])).toEqual([
      [2, 250, 'nominee', 'Pat Example'],
      [3, 250, 'representatives', null],
    ]);
  });

  it('the new events round-trip through the ledger line', () => {
    for (const e of [
      { seq: 7, date: '2024-06-01', type: 'repay-shares', member: 2, pence: 100, payee: 'nominee' },
      { seq: 8, date: '2024-06-01', type: 'nominee', member: 2, name: 'Pat Example' },
    ] as LedgerEvent[])
      expect(decodeEvent(encodeEvent(e))).toEqual(e);
    expect(decodeEvent('{"seq":1,"date":"2024-06-01","type":"repay-shares","member":2,"pence":100,"payee":"cousin"}')).toMatch(/invalid "payee"/);
  });

  it('the history says "to be repaid" until a payment is recorded, and then "paid"', () => {
    expect(describeForMember({ seq: 1, date: '2024-03-01', type: 'withdraw', member: 1, shares: 2 }, 1)).toBe('Withdrew 2 shares (to be repaid)');
    expect(describeForMember({ seq: 1, date: '2024-03-01', type: 'leave', member: 1, reason: 'resigned', repaid: 1 }, 1)).toBe('Left (resigned); 1 share to be repaid');
    expect(describeForMember({ seq: 1, date: '2024-03-01', type: 'repay-shares', member: 1, pence: 80, payee: 'representatives' }, 1)).toBe(
      'Paid £0.80 for their shares, to their personal representatives',
    );
  });
});

describe('vacant offices and a board below its minimum', () => {
  const params = (style: 'all-members' | 'elected-rotation'): CoopParams => {
    const p = defaultParams({ kind: 'worker-coop', form: 'co-operative-society', jurisdiction: 'england-wales', name: 'Fixture Limited', founded: '2024-01-01' });
    p.board.style = style;
    return p as unknown as CoopParams;
  };
  const appoint = (member: number, role: string): NewEvent => ({ date: '2024-01-01', type: 'appoint', member, role });
  const OFFICERS = [appoint(1, 'chair'), appoint(2, 'secretary'), appoint(3, 'treasurer')];
  const scenarios: { name: string; style: 'all-members' | 'elected-rotation'; events: NewEvent[]; warnings: RegExp[] }[] = [
    { name: 'a new group, offices filled, board of three', style: 'elected-rotation', events: [...FOUNDERS, ...OFFICERS], warnings: [] },
    {
      name: 'the secretary leaves the office: vacant, and the board is two',
      style: 'elected-rotation',
      events: [...FOUNDERS, ...OFFICERS, { date: '2024-06-01', type: 'retire', member: 2, role: 'secretary' }],
      warnings: [
        /office of secretary is vacant since 2024-06-01 \(member 2 left the office\): .*coop officer appoint <number> --role secretary/,
        /board has 2 members, fewer than the rules' minimum of 3/,
      ],
    },
    {
      name: 'every member on the board: two members left is too few',
      style: 'all-members',
      events: [...FOUNDERS, ...OFFICERS, { date: '2024-06-01', type: 'leave', member: 3, reason: 'resigned', repaid: 1 }],
      warnings: [/board has 2 members, fewer than the rules' minimum of 3 \(coop\.yml board\.minSize\): admit members/],
    },
    {
      name: 'a seated board member counts once, whatever else they hold',
      style: 'elected-rotation',
      events: [...FOUNDERS, ...OFFICERS, appoint(1, 'board-member'), appoint(2, 'board-member')],
      warnings: [],
    },
  ];
  it.each(scenarios)('$name', ({ style, events, warnings }) => {
    const found = vacancyWarnings(params(style), deriveState(ledger(...events)).state);
    expect(found).toHaveLength(warnings.length);
    for (const [i, w] of warnings.entries()) expect(found[i]).toMatch(w);
  });
});
