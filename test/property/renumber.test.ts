// Property tests for settling membership numbers across writers' streams: whatever each copy
// admitted while apart, and whatever order the streams are listed in, every copy derives the
// same register, every number is held by one member, and no admission is lost.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deriveState } from '../../src/core/ledger/derive.js';
import type { LedgerEvent } from '../../src/core/ledger/events.js';
import { resolveNumbers } from '../../src/core/ledger/renumber.js';
import { orderWriterEvents, type StreamPart } from '../../src/core/ledger/streams.js';

const STREAMS = ['aaaaaaaaaaaa', 'bbbbbbbbbbbb', 'cccccccccccc'];

/** Each stream admits a few members from number 2 up (the founder is 1), dates in March, clocks rising. */
const streamsArb = fc.array(fc.array(fc.record({ day: fc.integer({ min: 1, max: 9 }), shares: fc.integer({ min: 0, max: 3 }) }), { minLength: 0, maxLength: 4 }), {
  minLength: 2,
  maxLength: 3,
});

function settle(admissions: { day: number; shares: number }[][], listOrder: number[]) {
  const founder: LedgerEvent = { seq: 1, date: '2024-01-01', type: 'admit', member: 1, name: 'Founder', shares: 1 };
  const parts: StreamPart[] = listOrder.map((s) => {
    const events: LedgerEvent[] = [];
    let clock = 1;
    (admissions[s] ?? []).forEach((a, k) => {
      const date = `2024-03-0${a.day}`;
      events.push({ seq: ++clock, date, type: 'admit', member: 2 + k, name: `S${s}-${k}`, shares: 1 });
      if (a.shares > 0) events.push({ seq: ++clock, date, type: 'issue', member: 2 + k, shares: a.shares });
    });
    return { stream: STREAMS[s]!, path: `register/${STREAMS[s]}/ledger.jsonl`, events: events.map((e) => ({ ...e })), lines: events.map((_, i) => i + 1) };
  });
  const order = orderWriterEvents(parts, 1);
  const events = [founder, ...order.events];
  const { events: settled } = resolveNumbers(events, (i) => (i === 0 ? '' : order.streams[i - 1]!));
  return deriveState(settled).state;
}

describe('settling numbers across streams', () => {
  it('one register whatever the listing order; numbers unique; every admission and share kept with its member', () => {
    fc.assert(
      fc.property(streamsArb, (admissions) => {
        const ids = admissions.map((_, i) => i);
        const a = settle(admissions, ids);
        const b = settle(admissions, [...ids].reverse());
        const view = (s: ReturnType<typeof settle>) => [...s.members.values()].map((m) => `${m.number}:${m.name}:${m.shares}`).sort();
        expect(view(b)).toEqual(view(a));
        const names = [...a.members.values()].map((m) => m.name);
        expect(names).toHaveLength(1 + admissions.reduce((n, s) => n + s.length, 0));
        for (const [s, list] of admissions.entries()) {
          list.forEach((adm, k) => {
            const m = [...a.members.values()].find((x) => x.name === `S${s}-${k}`);
            expect(m?.shares).toBe(1 + adm.shares);
          });
        }
      }),
      { numRuns: 150 },
    );
  });
});
