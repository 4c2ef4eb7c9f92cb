// The snapshot's keying rules (src/io/snapshot.ts): which entries must keep a hash, and the
// JSON form of the derived register, which must give back exactly what was derived or refuse.

import { describe, expect, it } from 'vitest';
import { decodeJson, encodeJson, isRacy, RACY_MS } from '../../src/io/snapshot.js';

const NOW = Date.UTC(2026, 10, 30, 12, 0, 0);
const ns = (ms: number, extraNs = 0) => BigInt(ms) * 1_000_000n + BigInt(extraNs);

describe('an entry keeps its hash while its file time is too recent to prove anything', () => {
  const cases: [string, bigint, boolean][] = [
    ['written long ago', ns(NOW - 60_000), false],
    ['written just outside the window', ns(NOW - RACY_MS - 1), false],
    ['written at the window’s edge, to the nanosecond', ns(NOW - RACY_MS, 1), true],
    ['written a moment before the entry was made', ns(NOW - 5), true],
    ['written in the same millisecond', ns(NOW, 999_999), true],
    ['dated in the future (a clock set wrong)', ns(NOW + 3_600_000), true],
  ];
  for (const [what, mtime, racy] of cases) {
    it(`${what}: ${racy ? 'hash kept' : 'size and time alone'}`, () => {
      expect(isRacy(mtime, NOW)).toBe(racy);
    });
  }
});

describe('the derived register as JSON', () => {
  it('gives back Maps, arrays and plain values exactly', () => {
    const state = {
      members: new Map([
        [1, { number: 1, name: 'Ada', left: null, shares: 5 }],
        [2, { number: 2, name: 'Ben “Q”', left: '2025-01-01', shares: 0 }],
      ]),
      officers: [{ member: 1, role: 'chair', from: '2024-01-15', to: null }],
      property: new Map<number, unknown>(),
      nextNumber: 3,
    };
    const back = decodeJson(JSON.parse(JSON.stringify(encodeJson(state))));
    expect(back).toEqual(state);
    expect((back as typeof state).members).toBeInstanceOf(Map);
  });

  it('writes a Map of like records by rows, and one of records unlike (or in another key order) by pairs, giving back each exactly', () => {
    const like = new Map([
      [1, { a: 1, b: 'x' }],
      [2, { a: 2, b: 'y' }],
    ]);
    const unlike = new Map<number, Record<string, number>>([
      [1, { a: 1, b: 2 }],
      [2, { b: 2, a: 1 }],
    ]);
    const rows = encodeJson(like) as { $rows?: unknown };
    expect(rows.$rows).toEqual([
      ['a', 'b'],
      [1, 1, 'x'],
      [2, 2, 'y'],
    ]);
    expect(encodeJson(unlike)).toHaveProperty('$map');
    const back = decodeJson(JSON.parse(JSON.stringify(encodeJson(unlike)))) as typeof unlike;
    expect(back).toEqual(unlike);
    expect(Object.keys(back.get(2)!)).toEqual(['b', 'a']);
    expect(decodeJson(JSON.parse(JSON.stringify(rows)))).toEqual(like);
  });

  const refused: [string, unknown][] = [
    ['an undefined field (JSON would drop it)', { a: undefined }],
    ['minus zero (JSON gives back zero)', { a: -0 }],
    ['a number JSON cannot hold', { a: Number.NaN }],
    ['a Set', { a: new Set([1]) }],
    ['a Date', { a: new Date(0) }],
    ['a field named like the Map marker', { $map: [] }],
    ['a field named like the rows marker', { $rows: [] }],
  ];
  for (const [what, value] of refused) {
    it(`refuses ${what}: nothing is kept rather than something different`, () => {
      expect(encodeJson(value)).toBeUndefined();
    });
  }
});
