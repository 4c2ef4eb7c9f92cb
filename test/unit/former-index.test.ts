import { describe, expect, it } from 'vitest';
import { contactLinesKeepFormer, eventsKeepFormer, formerMatches, formerRows, type FormerRow } from '../../src/core/register/former-index.js';
import type { LedgerEvent } from '../../src/core/ledger/events.js';

const ev = (e: Record<string, unknown>) => ({ seq: 1, date: '2024-01-01', ...e }) as unknown as LedgerEvent;

describe("former members' rows", () => {
  const events = [
    ev({ type: 'admit', member: 1, name: 'Ann Bell', shares: 1 }),
    ev({ type: 'admit', member: 2, name: 'Cy Dunn', shares: 1 }),
    ev({ type: 'rename', member: 2, name: 'Cy  Dunn-Eve' }),
    ev({ type: 'leave', member: 2, date: '2024-03-01', reason: 'resigned', repaid: 1 }),
    ev({ type: 'admit', member: 3, name: 'Fi Gold', shares: 1 }),
  ];
  const { rows, next } = formerRows(events, new Map([[2, 'k2']]), new Map([[2, { email: 'Cy@Example.net', phone: '+44 7700 900123' }]]));

  it('holds each member who left, under their last name, with their details as compared', () => {
    expect(next).toBe(4);
    expect(rows).toEqual([
      { number: 2, name: 'Cy  Dunn-Eve', nameKey: 'cy dunn-eve', left: '2024-03-01', reason: 'resigned', key: 'k2', email: 'cy@example.net', phone: '07700900123' },
    ]);
  });

  const cases: [string, string, string | undefined, string | undefined, string[]][] = [
    ['the same name, spaced and cased otherwise', 'CY DUNN-EVE', undefined, undefined, ['name']],
    ['an earlier name does not count', 'Cy Dunn', undefined, undefined, []],
    ['the email in other case', 'Zed', 'cy@EXAMPLE.net', undefined, ['email']],
    ['the phone in another spelling', 'Zed', undefined, '07700 900 123', ['phone']],
    ['nothing in common', 'Zed', 'zed@example.net', '07700 900999', []],
  ];
  for (const [what, name, email, phone, expected] of cases) {
    it(what, () => expect(formerMatches(rows, name, email, phone).map((m) => m.match)).toEqual(expected));
  }
});

describe('what is added after the rows were kept', () => {
  const cases: [string, Record<string, unknown>[], boolean, boolean][] = [
    ['a new admission', [{ type: 'admit', member: 10, name: 'New', shares: 1 }], false, true],
    ['shares issued', [{ type: 'issue', member: 3, shares: 2 }], false, true],
    ['a departure', [{ type: 'leave', member: 3, reason: 'resigned', repaid: 0 }], false, false],
    ['a change of name', [{ type: 'rename', member: 2, name: 'X' }], false, false],
    ['a renumbering', [{ type: 'renumber', member: 11, from: 10, of: 'k' }], false, false],
    ['an admission of a number already named', [{ type: 'admit', member: 9, name: 'Old', shares: 1 }], false, false],
    ['an admission where two copies write', [{ type: 'admit', member: 10, name: 'New', shares: 1 }], true, false],
  ];
  for (const [what, added, shared, keeps] of cases) {
    it(`${what}: ${keeps ? 'keeps' : 'spoils'} them`, () => expect(eventsKeepFormer(added.map(ev), 10, shared)).toBe(keeps));
  }

  const rows: FormerRow[] = [{ number: 2, name: 'Cy', nameKey: 'cy', left: '2024-03-01', reason: 'resigned', key: 'k2', email: null, phone: null }];
  const isFormer = (member: number | null, key: string | null) => rows.some((r) => r.number === member || (key !== null && r.key === key));
  const lines: [string, unknown[], boolean][] = [
    ['a new member’s details', [{ member: 5, of: 'k5', email: 'e@x.org' }], true],
    ['a former member’s, by number', [{ member: 2, email: 'e@x.org' }], false],
    ['a former member’s, by admission under another number', [{ member: 7, of: 'k2', email: 'e@x.org' }], false],
    ['a number written as text', [{ member: '5', email: 'e@x.org' }], false],
  ];
  for (const [what, added, keeps] of lines) it(`${what}: ${keeps ? 'keeps' : 'spoils'} them`, () => expect(contactLinesKeepFormer(added, isFormer)).toBe(keeps));
});
