// The rule that settles a membership number two copies gave out (core/ledger/renumber.ts):
// named scenarios, each a merged ledger as every copy reads it, with the stream of each event.

import { describe, expect, it } from 'vitest';
import { admissionKey } from '../../src/core/ledger/admission.js';
import { deriveState } from '../../src/core/ledger/derive.js';
import type { LedgerEvent, NewEvent } from '../../src/core/ledger/events.js';
import { owedRenumbers, resolveNumbers } from '../../src/core/ledger/renumber.js';

type Row = [stream: string, event: NewEvent];

const A = 'aaaaaaaaaaaa';
const B = 'bbbbbbbbbbbb';
const C = 'cccccccccccc';
const founders: Row[] = [
  ['', { date: '2026-01-01', type: 'admit', member: 1, name: 'Ann Founder', shares: 1 }],
  ['', { date: '2026-01-01', type: 'admit', member: 2, name: 'Ben Founder', shares: 1 }],
];
const admit = (stream: string, member: number, name: string, date = '2026-03-01'): Row => [stream, { date, type: 'admit', member, name, shares: 1 }];
const issue = (stream: string, member: number, shares: number): Row => [stream, { date: '2026-03-02', type: 'issue', member, shares }];
const key = (stream: string, member: number, name: string, date = '2026-03-01') => admissionKey(stream, { member, name, date });
const renumber = (stream: string, of: string, from: number, to: number): Row => [stream, { date: '2026-03-05', type: 'renumber', member: to, from, of }];

function settle(rows: Row[]) {
  const events = rows.map(([, e], i) => ({ seq: i + 1, ...e }) as LedgerEvent);
  const r = resolveNumbers(events, (i) => rows[i]![0]);
  const { state, problems } = deriveState(r.events, {
    rules: {
      founded: '2026-01-01',
      shares: { minimumHolding: 1, maximumHolding: 100, withdrawable: true, transferable: true, statutoryMaximum: null },
      officersMustBeMembers: false,
    },
  });
  const members = [...state.members.values()].map((m) => `${m.number} ${m.name} ${m.shares}`).sort();
  return { ...r, members, problems: problems.map((p) => p.message), nextNumber: state.nextNumber };
}

describe('membership numbers two copies gave out', () => {
  const cases: { name: string; rows: Row[]; members: string[]; moved: [string, number, number][] }[] = [
    {
      name: 'no clash: nothing changes',
      rows: [...founders, admit(A, 3, 'Cat'), admit(B, 4, 'Dafydd')],
      members: ['1 Ann Founder 1', '2 Ben Founder 1', '3 Cat 1', '4 Dafydd 1'],
      moved: [],
    },
    {
      name: 'the earlier date keeps the number, whatever the order read',
      rows: [...founders, admit(A, 3, 'Cat', '2026-03-09'), admit(B, 3, 'Dafydd Jones', '2026-03-01')],
      members: ['1 Ann Founder 1', '2 Ben Founder 1', '3 Dafydd Jones 1', '4 Cat 1'],
      moved: [['Cat', 3, 4]],
    },
    {
      name: 'same date: the one read first (clock, then writer id) keeps it; own-stream references follow the member',
      rows: [...founders, admit(A, 3, 'Cat'), admit(B, 3, 'Dafydd Jones'), issue(A, 3, 2), issue(B, 3, 5)],
      members: ['1 Ann Founder 1', '2 Ben Founder 1', '3 Cat 3', '4 Dafydd Jones 6'],
      moved: [['Dafydd Jones', 3, 4]],
    },
    {
      name: 'three copies each gave 3: the later two take 4 and 5 in order',
      rows: [...founders, admit(A, 3, 'Cat'), admit(B, 3, 'Dafydd'), admit(C, 3, 'Efa')],
      members: ['1 Ann Founder 1', '2 Ben Founder 1', '3 Cat 1', '4 Dafydd 1', '5 Efa 1'],
      moved: [
        ['Dafydd', 3, 4],
        ['Efa', 3, 5],
      ],
    },
    {
      name: 'a copy gave a number the first ledger (the stream with most admissions) holds: the later admission moves',
      rows: [...founders, admit('', 3, 'Cat', '2026-02-01'), admit(A, 3, 'Dafydd'), admit(A, 4, 'Efa')],
      members: ['1 Ann Founder 1', '2 Ben Founder 1', '3 Cat 1', '4 Efa 1', '5 Dafydd 1'],
      moved: [['Dafydd', 3, 5]],
    },
    {
      name: 'the clash is between two copies that admitted fewer than a third (most admissions in one copy)',
      rows: [admit(C, 1, 'Ann'), admit(C, 2, 'Ben'), admit(C, 3, 'Cat'), admit(A, 4, 'Dafydd'), admit(B, 4, 'Efa', '2026-02-01')],
      members: ['1 Ann 1', '2 Ben 1', '3 Cat 1', '4 Efa 1', '5 Dafydd 1'],
      moved: [['Dafydd', 4, 5]],
    },
    {
      name: 'one stream only: nothing to settle, the events come back as they are',
      rows: [admit(A, 1, 'Ann'), admit(A, 2, 'Ben'), issue(A, 2, 3)],
      members: ['1 Ann 1', '2 Ben 4'],
      moved: [],
    },
    {
      name: 'recorded twice (two copies settled it meanwhile): moved once',
      rows: [...founders, admit(A, 3, 'Cat'), admit(B, 3, 'Dafydd'), renumber(A, key(B, 3, 'Dafydd'), 3, 4), renumber(C, key(B, 3, 'Dafydd'), 3, 4)],
      members: ['1 Ann Founder 1', '2 Ben Founder 1', '3 Cat 1', '4 Dafydd 1'],
      moved: [['Dafydd', 3, 4]],
    },
    {
      name: 'after its writer recorded the move, "3" in its stream means Cat',
      rows: [...founders, admit(A, 3, 'Cat'), admit(B, 3, 'Dafydd'), issue(B, 3, 1), renumber(B, key(B, 3, 'Dafydd'), 3, 4), issue(B, 3, 7)],
      members: ['1 Ann Founder 1', '2 Ben Founder 1', '3 Cat 8', '4 Dafydd 2'],
      moved: [['Dafydd', 3, 4]],
    },
    {
      name: 'a recorded number is kept: a later admission of it elsewhere moves on',
      rows: [...founders, admit(A, 3, 'Cat'), admit(B, 3, 'Dafydd'), renumber(A, key(B, 3, 'Dafydd'), 3, 4), admit(C, 4, 'Efa', '2026-03-09')],
      members: ['1 Ann Founder 1', '2 Ben Founder 1', '3 Cat 1', '4 Dafydd 1', '5 Efa 1'],
      moved: [
        ['Dafydd', 3, 4],
        ['Efa', 4, 5],
      ],
    },
    {
      name: 'a recorded number is kept even against an admission dated earlier (told once, not twice)',
      rows: [...founders, admit(A, 3, 'Cat'), admit(B, 3, 'Dafydd'), renumber(A, key(B, 3, 'Dafydd'), 3, 4), admit(C, 4, 'Efa', '2026-02-01')],
      members: ['1 Ann Founder 1', '2 Ben Founder 1', '3 Cat 1', '4 Dafydd 1', '5 Efa 1'],
      moved: [
        ['Dafydd', 3, 4],
        ['Efa', 4, 5],
      ],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const r = settle(c.rows);
      expect(r.members).toEqual(c.members);
      expect(r.problems).toEqual([]);
      expect(r.renumbered.map((m) => [m.name, m.admitted, m.now])).toEqual(c.moved);
    });
  }

  it('gives the same register whichever order the streams are read in (as long as each stream keeps its order)', () => {
    const rows = [...founders, admit(A, 3, 'Cat'), issue(A, 3, 2), admit(B, 3, 'Dafydd'), issue(B, 3, 5)];
    const other = [...founders, admit(B, 3, 'Dafydd'), issue(B, 3, 5), admit(A, 3, 'Cat'), issue(A, 3, 2)];
    // Dates equal: the order decides, so move Cat a day later to make the rule bite by date.
    const dated = (rs: Row[]) => rs.map(([s, e]): Row => [s, e.type === 'admit' && e.name === 'Cat' ? { ...e, date: '2026-03-02' } : e]);
    expect(settle(dated(rows)).members).toEqual(settle(dated(other)).members);
    expect(settle(dated(rows)).members).toEqual(['1 Ann Founder 1', '2 Ben Founder 1', '3 Dafydd 6', '4 Cat 3']);
  });

  it('says what each copy owes: news for an unrecorded move, a silent record for the admitting copy', () => {
    const moved = settle([...founders, admit(A, 3, 'Cat'), admit(B, 3, 'Dafydd')]).renumbered;
    expect(owedRenumbers(moved, C)).toMatchObject({ owed: [{ name: 'Dafydd' }], news: [{ name: 'Dafydd' }] });
    const recorded = settle([...founders, admit(A, 3, 'Cat'), admit(B, 3, 'Dafydd'), renumber(C, key(B, 3, 'Dafydd'), 3, 4)]).renumbered;
    expect(owedRenumbers(recorded, A)).toEqual({ owed: [], news: [] });
    expect(owedRenumbers(recorded, B)).toMatchObject({ owed: [{ name: 'Dafydd' }], news: [] });
    const acked = settle([...founders, admit(A, 3, 'Cat'), admit(B, 3, 'Dafydd'), renumber(C, key(B, 3, 'Dafydd'), 3, 4), renumber(B, key(B, 3, 'Dafydd'), 3, 4)]).renumbered;
    expect(owedRenumbers(acked, B)).toEqual({ owed: [], news: [] });
  });

  it('gives no renumbered number again', () => {
    expect(settle([...founders, admit(A, 3, 'Cat'), admit(B, 3, 'Dafydd'), renumber(A, key(B, 3, 'Dafydd'), 3, 4)]).nextNumber).toBe(5);
  });
});
