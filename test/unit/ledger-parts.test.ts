// The ledger's parts: their names, and how new lines are shared out among them.

import { describe, expect, it } from 'vitest';
import { combineSummaries, distributeLines, isLedgerPart, partNumberOf, partPath, summariseEvents } from '../../src/core/ledger/parts.js';
import type { LedgerEvent } from '../../src/core/ledger/events.js';

describe('part names', () => {
  it.each([
    ['ledger.jsonl', 1],
    ['ledger-2.jsonl', 2],
    ['ledger-10.jsonl', 10],
    ['ledger-1.jsonl', undefined],
    ['ledger-02.jsonl', undefined],
    ['ledger-0.jsonl', undefined],
    ['ledger-2.jsonl.bak', undefined],
    ['old-ledger.jsonl', undefined],
    ['ledger-x.jsonl', undefined],
  ])('%s is part %s', (name, n) => {
    expect(partNumberOf(name)).toBe(n);
  });

  it('names part 1 as the ledger always was, and later parts after it', () => {
    expect([1, 2, 12].map((n) => partPath(n))).toEqual(['register/ledger.jsonl', 'register/ledger-2.jsonl', 'register/ledger-12.jsonl']);
    for (const n of [1, 2, 12]) expect(partNumberOf(partPath(n).slice('register/'.length))).toBe(n);
  });

  it('knows a part by its path, only in register/', () => {
    expect(isLedgerPart('register/ledger.jsonl')).toBe(true);
    expect(isLedgerPart('register/ledger-3.jsonl')).toBe(true);
    expect(isLedgerPart('ledger.jsonl')).toBe(false);
    expect(isLedgerPart('meetings/register/ledger.jsonl')).toBe(false);
    expect(isLedgerPart('register/notes.md')).toBe(false);
  });
});

describe('sharing new lines among the parts', () => {
  const line = (n: number) => `${'x'.repeat(9)}${n}\n`; // 11 bytes each for n < 10

  it('starts part 1 in an empty register', () => {
    expect(distributeLines(undefined, [line(1), line(2)], 100)).toEqual([{ path: 'register/ledger.jsonl', text: line(1) + line(2), append: false }]);
  });

  it('adds to the last part until it is full, then starts new parts of up to the limit', () => {
    const out = distributeLines({ number: 2, size: 20, endsMidLine: false }, [1, 2, 3, 4, 5, 6].map(line), 30);
    expect(out).toEqual([
      { path: 'register/ledger-2.jsonl', text: line(1), append: true },
      { path: 'register/ledger-3.jsonl', text: line(2) + line(3) + line(4), append: false },
      { path: 'register/ledger-4.jsonl', text: line(5) + line(6), append: false },
    ]);
  });

  it('starts a new part at once when the last is already full, and never splits a line', () => {
    const long = `${'y'.repeat(50)}\n`;
    expect(distributeLines({ number: 1, size: 30, endsMidLine: false }, [long, line(1)], 30)).toEqual([
      { path: 'register/ledger-2.jsonl', text: long, append: false },
      { path: 'register/ledger-3.jsonl', text: line(1), append: false },
    ]);
  });

  it('puts back a line break that a hand edit took off the end of the last part', () => {
    expect(distributeLines({ number: 1, size: 5, endsMidLine: true }, [line(1)], 30)).toEqual([{ path: 'register/ledger.jsonl', text: `\n${line(1)}`, append: true }]);
    // A full part keeps its ragged end: the new line starts the next part.
    expect(distributeLines({ number: 1, size: 30, endsMidLine: true }, [line(1)], 30)).toEqual([{ path: 'register/ledger-2.jsonl', text: line(1), append: false }]);
  });

  it('counts bytes, not characters', () => {
    const accented = `${'é'.repeat(10)}\n`; // 21 bytes
    const out = distributeLines({ number: 1, size: 0, endsMidLine: false }, [accented, accented], 21);
    expect(out.map((o) => o.path)).toEqual(['register/ledger.jsonl', 'register/ledger-2.jsonl']);
  });
});

describe('summaries of parts', () => {
  const events: LedgerEvent[] = [
    { seq: 4, date: '2024-01-01', type: 'admit', member: 7, name: 'A', shares: 1 },
    { seq: 5, date: '2024-01-01', type: 'transfer', from: 7, to: 12, shares: 1 },
    { seq: 9, date: '2024-01-02', type: 'issue', member: 3, shares: 1 },
  ];

  it('records the first seq and line, the last seq and the highest numbers admitted and named', () => {
    expect(summariseEvents(events, [2, 3, 5])).toEqual({ events: 3, firstSeq: 4, firstLine: 2, lastSeq: 9, maxAdmitted: 7, maxMentioned: 12 });
    expect(summariseEvents([], [])).toEqual({ events: 0, firstSeq: 0, firstLine: 0, lastSeq: 0, maxAdmitted: 0, maxMentioned: 0 });
  });

  it('combines parts in order, skipping empty ones for the first seq', () => {
    const empty = summariseEvents([], []);
    const a = summariseEvents(events.slice(0, 1), [1]);
    const b = summariseEvents(events.slice(1), [1, 2]);
    expect(combineSummaries([empty, a, b])).toEqual(summariseEvents(events, [1, 1, 2]));
  });
});
