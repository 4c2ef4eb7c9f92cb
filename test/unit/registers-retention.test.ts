import { describe, expect, it } from 'vitest';
import { deriveState } from '../../src/core/ledger/derive.js';
import type { LedgerEvent } from '../../src/core/ledger/events.js';
import { pscRegister } from '../../src/core/register/company-registers.js';
import { dueForErasure, retentionEnds, stillNeeded } from '../../src/core/register/retention.js';

const admit = (n: number, date = '2025-01-15'): LedgerEvent => ({ seq: n, date, type: 'admit', member: n, name: `M${n}`, shares: 0 });
const members = (n: number) => Array.from({ length: n }, (_, i) => admit(i + 1));

describe('people with significant control under one member, one vote', () => {
  it.each([
    [1, /75% or more of the voting rights/],
    [2, /more than 25% but not more than 50% of the voting rights/],
    [3, /more than 25% but not more than 50% of the voting rights/],
  ])('%i member(s): each holds over 25% and is registrable', (n, band) => {
    const psc = pscRegister(deriveState(members(n)).state);
    expect(psc.statement).toBeNull();
    expect(psc.people).toHaveLength(n);
    for (const p of psc.people) expect(p.natureOfControl).toMatch(band);
  });
  it('4 members hold exactly 25% each, not more: nobody is registrable, and the reg.10 statement is made', () => {
    const psc = pscRegister(deriveState(members(4)).state);
    expect(psc.people).toEqual([]);
    expect(psc.statement).toMatch(/no registrable person or registrable relevant legal entity/);
  });
  it('a departure back to three members makes them registrable from that day', () => {
    const events = [...members(4), { seq: 5, date: '2025-06-01', type: 'leave', member: 4, reason: 'resigned', repaid: 0 } as LedgerEvent];
    const psc = pscRegister(deriveState(events).state);
    expect(psc.people.map((p) => [p.member, p.since])).toEqual([
      [1, '2025-06-01'],
      [2, '2025-06-01'],
      [3, '2025-06-01'],
    ]);
  });
});

describe('retention of a former member’s details', () => {
  const events: LedgerEvent[] = [
    admit(1, '2010-01-01'),
    admit(2, '2010-01-01'),
    admit(3, '2010-01-01'),
    { seq: 4, date: '2014-02-28', type: 'leave', member: 2, reason: 'resigned', repaid: 0 },
    { seq: 5, date: '2014-02-28', type: 'leave', member: 3, reason: 'resigned', repaid: 0 },
    { seq: 6, date: '2013-01-01', type: 'lend', member: 3, kind: 'loan', pence: 10000 },
  ];
  const { state } = deriveState(events);
  it.each([
    ['ten years after leaving', '2014-02-28', '2024-02-28'],
    ['from 29 February, to 28 February', '2016-02-29', '2026-02-28'],
  ])('ends %s', (_name, left, ends) => {
    expect(retentionEnds(left)).toBe(ends);
  });
  it.each([
    ['a current member', 1, '2030-01-01', /still a member/],
    ['the day before the ten years are up', 2, '2024-02-27', /may be erased from 2024-02-28/],
    ['a former member still owed a loan', 3, '2030-01-01', /loan or deposit/],
  ])('is still needed for %s', (_name, member, today, why) => {
    expect(stillNeeded(state.members.get(member)!, state, today)).toMatch(why);
  });
  it('is over on the day the ten years are up, and check lists only those with details stored and not yet erased', () => {
    expect(stillNeeded(state.members.get(2)!, state, '2024-02-28')).toBeUndefined();
    expect(dueForErasure(state, '2024-02-28', new Set(), () => true).map((d) => d.member)).toEqual([2]);
    expect(dueForErasure(state, '2024-02-28', new Set([2]), () => true)).toEqual([]);
    expect(dueForErasure(state, '2024-02-28', new Set(), () => false)).toEqual([]);
  });
});
