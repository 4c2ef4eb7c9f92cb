// An admission's key (core/ledger/admission.ts) joins every private contact line to its member,
// and groups' contact stores already hold keys: the key of an admission must never change.
// These were worked out by the first form of the hash (of the fields joined into one string).

import { describe, expect, it } from 'vitest';
import { admissionKey } from '../../src/core/ledger/admission.js';

describe('admission keys', () => {
  const cases: [name: string, stream: string, member: number, date: string, person: string, key: string][] = [
    ['a writer stream, an accented name', '3f0a9c2b7d11', 112403, '2026-02-11', 'Mairéad Martin', '01d22357a15d3e'],
    ['the first ledger, a name beyond Latin-1', '', 42, '2020-01-01', 'Zoë 李 O\u2019Neill', '121f0a0fc7fa6f'],
  ];
  for (const [name, stream, member, date, person, key] of cases) {
    it(`keeps its value: ${name}`, () => {
      expect(admissionKey(stream, { member, date, name: person })).toBe(key);
    });
  }

  it('tells apart admissions that differ in any one field, or only where one field ends', () => {
    const base = { member: 7, date: '2024-05-01', name: 'Sam Jones' };
    const keys = new Set([
      admissionKey('', base),
      admissionKey('aaaaaaaaaaaa', base),
      admissionKey('', { ...base, member: 8 }),
      admissionKey('', { ...base, date: '2024-05-02' }),
      admissionKey('', { ...base, name: 'Sam Jonas' }),
      admissionKey('7', { ...base, member: 0 }),
    ]);
    expect(keys.size).toBe(6);
  });
});
