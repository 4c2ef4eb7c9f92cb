import { describe, expect, it } from 'vitest';
import { UsageError, UserError } from '../../src/errors.js';
import { cleanAddress, cleanEmail, cleanName, cleanPhone, cleanRole, parseEventDate, parsePositiveWhole } from '../../src/core/register/input.js';
import { planAppend, nextMemberNumber } from '../../src/core/ledger/append.js';
import { summariseEvents } from '../../src/core/ledger/parts.js';
import { decodeLedger, type LedgerEvent } from '../../src/core/ledger/events.js';

describe('whole numbers from flags', () => {
  const refused: [string, RegExp][] = [
    ['abc', /must be a whole number, like 3 \(got "abc"\)/],
    ['-1', /cannot be negative/],
    ['1.5', /not a fraction/],
    ['1e9', /plain digits/],
    ['0', /at least 1/],
    ['', /must be a whole number/],
    ['99999999999999999999', /too large/],
  ];
  for (const [text, message] of refused) {
    it(`refuses "${text}"`, () => {
      expect(() => parsePositiveWhole(text, 'number of shares')).toThrow(UsageError);
      expect(() => parsePositiveWhole(text, 'number of shares')).toThrow(message);
    });
  }
  it('accepts digits with spaces around', () => expect(parsePositiveWhole(' 12 ', 'x')).toBe(12));
  it('accepts a number from a script', () => expect(parsePositiveWhole(3, 'x')).toBe(3));
  it('refuses a fractional number from a script', () => expect(() => parsePositiveWhole(1.5, 'x')).toThrow(UsageError));
});

describe('dates the register records', () => {
  const limits = { today: '2026-06-01', founded: '2024-01-15' };
  it('defaults to today', () => expect(parseEventDate(undefined, 'date', limits)).toBe('2026-06-01'));
  it('reads UK dates', () => expect(parseEventDate('3/2/2025', 'date', limits)).toBe('2025-02-03'));
  it('reads ISO dates', () => expect(parseEventDate('2025-02-03', 'date', limits)).toBe('2025-02-03'));
  it('refuses a date that does not exist', () => expect(() => parseEventDate('31/02/2025', 'date joined', limits)).toThrow(/"31\/02\/2025" is not a date/));
  it('refuses the future', () => expect(() => parseEventDate('2026-06-02', 'date', limits)).toThrow(/in the future \(today is 2026-06-01\)/));
  it('refuses a date before the founding', () => expect(() => parseEventDate('2024-01-14', 'date', limits)).toThrow(/before the group was founded \(2024-01-15\)/));
});

describe('names and contact details', () => {
  it('tidies spaces in a name', () => expect(cleanName('  Siân   Lloyd-Jones ')).toBe('Siân Lloyd-Jones'));
  it('refuses a name with a line break', () => expect(() => cleanName('Ann\nB')).toThrow(UsageError));
  it('refuses an email given as a name, which would be committed', () => expect(() => cleanName('ann@example.org')).toThrow(/email address/));
  it('refuses a number given as a name', () => expect(() => cleanName('12')).toThrow(/no letters/));
  it('takes letters beyond ASCII as letters, and other signs beyond it not', () => {
    expect(cleanName('Σωκράτης')).toBe('Σωκράτης');
    expect(cleanName('Æ 12')).toBe('Æ 12');
    expect(() => cleanName('12 – 34 €')).toThrow(/no letters/);
  });
  it('accepts a loose email', () => expect(cleanEmail(' Ann.B+coop@mail.example.org ')).toBe('Ann.B+coop@mail.example.org'));
  for (const bad of ['ann', 'ann@example', 'ann@@x.org', 'a b@x.org', 'ann@x.']) {
    it(`refuses the email "${bad}"`, () => expect(() => cleanEmail(bad)).toThrow(/@ and a dot after it/));
  }
  it('accepts a phone number with spaces and +', () => expect(cleanPhone('+44 7700  900789')).toBe('+44 7700 900789'));
  it('refuses a phone number without enough digits', () => expect(() => cleanPhone('999')).toThrow(UsageError));
  it('keeps an address’s lines', () => expect(cleanAddress(' 9 Cedar Road \r\n Nottingham ')).toBe('9 Cedar Road\nNottingham'));
  it('takes an office by its plain name', () => expect(cleanRole('Secretary', ['chair', 'secretary'])).toBe('secretary'));
  it('refuses an office the rules do not name, saying where to add it', () => {
    expect(() => cleanRole('vice chair', ['chair', 'secretary'])).toThrow(UserError);
    expect(() => cleanRole('vice chair', ['chair', 'secretary'])).toThrow(/board\.roles in coop\.yml/);
  });
});

describe('appending to the ledger', () => {
  const text = '{"seq":1,"date":"2024-01-15","type":"admit","member":1,"name":"Ada","shares":1}\n{"seq":2,"date":"2024-01-15","type":"admit","member":2,"name":"Ben","shares":1}';
  const { events } = decodeLedger(text);
  const rules = {
    founded: '2024-01-15',
    shares: { minimumHolding: 1, maximumHolding: 1, withdrawable: true, transferable: false, statutoryMaximum: 100000 },
    officersMustBeMembers: true,
  };

  const soFar = (list: readonly LedgerEvent[]) => ({ summary: { lastSeq: Math.max(0, ...list.map((e) => e.seq)), maxMentioned: 2 }, events: () => list });

  it('numbers the new events after the last and writes each as one line', () => {
    const plan = planAppend(soFar(events), [{ date: '2024-02-01', type: 'admit', member: 3, name: 'Cai', shares: 1 }], { rules, today: '2026-01-01' });
    expect(plan.problems).toEqual([]);
    expect(plan.added).toEqual([{ seq: 3, date: '2024-02-01', type: 'admit', member: 3, name: 'Cai', shares: 1 }]);
    expect(decodeLedger(`${text}\n${plan.lines.join('')}`).events).toHaveLength(3);
    expect(plan.lines.every((l) => l.endsWith('\n') && !l.slice(0, -1).includes('\n'))).toBe(true);
  });

  it('reports what a change would break', () => {
    const plan = planAppend(soFar(events), [{ date: '2024-02-01', type: 'issue', member: 1, shares: 1 }], { rules, today: '2026-01-01' });
    expect(plan.problems.map((p) => p.seq)).toEqual([3]);
  });

  it('does not blame a change for problems already there', () => {
    const broken: LedgerEvent[] = [...events, { seq: 3, date: '2024-01-15', type: 'issue', member: 1, shares: 5 }];
    const plan = planAppend(soFar(broken), [{ date: '2024-02-01', type: 'admit', member: 3, name: 'Cai', shares: 1 }], { rules, today: '2026-01-01' });
    expect(plan.problems).toEqual([]);
    const worse = planAppend(soFar(broken), [{ date: '2024-02-01', type: 'issue', member: 2, shares: 1 }], { rules, today: '2026-01-01' });
    expect(worse.problems.map((p) => p.seq)).toEqual([4]);
  });

  it('checks an admission of a number no event names without decoding the ledger', () => {
    const untouchable = {
      summary: { lastSeq: 2, maxMentioned: 2 },
      events: (): LedgerEvent[] => {
        throw new Error('decoded the ledger');
      },
    };
    const plan = planAppend(untouchable, [{ date: '2023-01-01', type: 'admit', member: 3, name: 'Cai', shares: 9 }], { rules, today: '2026-01-01' });
    expect(plan.problems.map((p) => p.message)).toEqual([
      'is dated 2023-01-01, before the group was founded (2024-01-15)',
      "member 3 would hold 9 shares, above the rules' maximum of 1",
    ]);
  });

  it('numbers a new member one past the highest ever given', () => {
    const withDeparture: LedgerEvent[] = [...events, { seq: 3, date: '2024-01-15', type: 'leave', member: 2, reason: 'resigned', repaid: 1 }];
    expect(nextMemberNumber(summariseEvents(withDeparture, []))).toBe(3);
  });
});
