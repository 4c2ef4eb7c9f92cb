import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { deriveState } from '../../src/core/ledger/derive.js';
import type { LedgerEvent } from '../../src/core/ledger/events.js';
import fc from 'fast-check';
import { escapeMarkdown } from '../../src/core/markdown.js';
import { formatPounds } from '../../src/core/numbers.js';
import { buildRegister, pounds, registerCsv, registerMarkdown } from '../../src/core/register/statutory-register.js';

const events: LedgerEvent[] = [
  { seq: 1, date: '2024-01-15', type: 'admit', member: 1, name: 'Ada *Bold* | Pipe', shares: 1 },
  { seq: 2, date: '2024-01-15', type: 'admit', member: 2, name: 'Ben', shares: 3 },
  { seq: 3, date: '2024-01-15', type: 'appoint', member: 1, role: 'secretary' },
  { seq: 4, date: '2025-03-01', type: 'leave', member: 1, reason: 'resigned', repaid: 1 },
  { seq: 5, date: '2025-03-01', type: 'appoint', member: 2, role: 'secretary' },
];
const reg = (asOf: string, contacts?: Map<number, { email?: string; address?: string }>) =>
  buildRegister(deriveState(events, { asOf }).state, { group: 'Fixture Limited', asOf, sharePence: 100 }, contacts);

describe('the statutory register as at a date', () => {
  it('in 2024: both members, Ada the secretary', () => {
    const r = reg('2024-12-31');
    expect(r.members.map((m) => [m.number, m.left, m.shares, m.paidPence])).toEqual([
      [1, null, 1, 100],
      [2, null, 3, 300],
    ]);
    expect(r.officers).toEqual([{ member: 1, name: 'Ada *Bold* | Pipe', role: 'secretary', from: '2024-01-15', to: null }]);
  });
  it('in 2025: Ada has ceased, Ben took over as secretary the same day', () => {
    const r = reg('2025-06-01');
    expect(r.members[0]).toMatchObject({ number: 1, left: '2025-03-01', leftReason: 'resigned', shares: 0 });
    expect(r.officers.map((o) => [o.member, o.from, o.to])).toEqual([
      [1, '2024-01-15', '2025-03-01'],
      [2, '2025-03-01', null],
    ]);
  });
  it('before the founding: empty', () => {
    const r = reg('2024-01-14');
    expect(r.members).toEqual([]);
    expect(registerMarkdown(r)).toMatch(/No members on this date/);
  });
  it('escapes names in Markdown so a table cannot be broken', () => {
    const md = registerMarkdown(reg('2024-12-31'));
    expect(md).toContain('Ada \\*Bold\\* \\| Pipe');
    expect(md).toContain('| 2 | Ben | 2024-01-15 |   | 3 | £3.00 |');
  });
  it('joins contact details back in only when asked', () => {
    expect(registerMarkdown(reg('2024-12-31'))).not.toMatch(/Address/);
    const r = reg('2024-12-31', new Map([[2, { email: 'ben@example.org', address: '1 Road\nTown' }]]));
    expect(r.members[1]).toMatchObject({ email: 'ben@example.org', address: '1 Road\nTown' });
    expect(registerMarkdown(r)).toContain('1 Road Town');
  });
  it('as CSV: members, a blank line, then officers', () => {
    const rows = parse(registerCsv(reg('2025-06-01')), { bom: true, relax_column_count: true, skip_empty_lines: true }) as string[][];
    expect(rows[0]![0]).toBe('Membership number');
    expect(rows[1]).toEqual(['1', 'Ada *Bold* | Pipe', '2024-01-15', '2025-03-01', 'resigned', '0', '0.00']);
    expect(rows[3]![0]).toBe('Officer');
  });
});

describe('amounts in the register', () => {
  it('writes pence as formatPounds does, for every amount a register can hold', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.integer({ min: 0, max: 10_000_000 }),
          fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
          fc.constantFrom(0, 5, 99, 100, 101, 99_999, 100_000, 1e15 - 1, 1e15),
        ),
        (pence) => {
          expect(pounds(pence)).toBe(formatPounds(pence, { pence: true }));
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('escaping names for Markdown', () => {
  /** The four replacements, always applied: what escapeMarkdown must give whether or not it skips them. */
  const always = (text: string) =>
    text
      .replace(/\r\n?|\n|\u2028|\u2029/g, ' ')
      .replace(/[\\`*_[\]<>|~&]/g, (c) => `\\${c}`)
      .replace(/^(\s*)([#+=-])/, '$1\\$2')
      .replace(/^(\s*\d+)([.)])/, '$1\\$2');
  it('gives the same text as applying every replacement, for any text', () => {
    const special = fc.constantFrom(...'\\`*_[]<>|~&\r\n\u2028\u2029 \t#+=-.)0123456789aZ');
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: special }), fc.string({ unit: 'binary' })), (text) => {
        expect(escapeMarkdown(text)).toBe(always(text));
      }),
      { numRuns: 1000 },
    );
  });
});
