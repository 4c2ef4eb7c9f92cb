import { describe, expect, it } from 'vitest';
import { defaultParams } from '../../src/core/defaults.js';
import { paramsSchema, type Form, type Kind } from '../../src/core/params.js';
import { defaultFilingPeriod, monthsAfterS443, periodEnd, reviewPeriod, statutoryDeadlines } from '../../src/core/register/deadlines.js';
import type { FilingRecord } from '../../src/core/register/filings.js';
import type { Filing } from '../../src/core/ledger/events.js';

function params(kind: Kind, form: Form, founded: string, yearEnd = '03-31', jurisdiction: 'england-wales' | 'northern-ireland' = 'england-wales') {
  const p = defaultParams({ kind, form, jurisdiction, name: form.includes('society') ? 'G Limited' : 'G', founded });
  p.group.financialYearEnd = yearEnd;
  return paramsSchema.parse(p);
}

const record = (registered: string | null, filed: [Filing, string][] = []): FilingRecord => ({
  registered: registered ? { date: registered, number: '' } : null,
  filed: filed.map(([filing, period]) => ({ filing, period, date: period })),
});
const due = (d: ReturnType<typeof statutoryDeadlines>, filing: Filing) => d.find((x) => x.filing === filing)!.due;

describe('periods of months (the corresponding-date rule)', () => {
  it.each([
    ['12 months beginning 15 Jan 2025', '2025-01-15', 12, '2026-01-14'],
    ['beginning 1 Jan', '2025-01-01', 12, '2025-12-31'],
    ['beginning 29 Feb in a leap year: to the end of February', '2024-02-29', 12, '2025-02-28'],
    ['beginning 1 Mar before a leap February', '2023-03-01', 12, '2024-02-29'],
    ['one month beginning 31 Jan', '2025-01-31', 1, '2025-02-28'],
    ['one month beginning 31 Jan in a leap year', '2024-01-31', 1, '2024-02-29'],
  ])('%s', (_name, start, months, end) => {
    expect(periodEnd(start, months)).toBe(end);
  });
});

describe('months after a date for filing accounts (s.443)', () => {
  it.each([
    ['31 March + 9: 31 December', '2026-03-31', 9, '2026-12-31'],
    ['30 June + 6: 31 December, not 30th (the EN example)', '2026-06-30', 6, '2026-12-31'],
    ['30 April + 9: 31 January', '2026-04-30', 9, '2027-01-31'],
    ['28 Feb (a month end) + 9: 30 November', '2025-02-28', 9, '2025-11-30'],
    ['29 Feb (leap month end) + 3: 31 May', '2024-02-29', 3, '2024-05-31'],
    ['15 January + 9: 15 October', '2025-01-15', 9, '2025-10-15'],
    ['30 May (not a month end) + 9: 28 Feb', '2025-05-30', 9, '2026-02-28'],
  ])('%s', (_name, date, months, end) => {
    expect(monthsAfterS443(date, months)).toBe(end);
  });
});

describe('confirmation statement (s.853A)', () => {
  const company = params('community-radio', 'company-limited-by-guarantee', '2025-01-10');
  it.each([
    ['incorporated 15 Jan 2025: due 28 Jan 2026', '2025-01-15', [], '2026-01-28'],
    ['incorporated 29 Feb 2024: period ends 28 Feb 2025, due 14 Mar 2025', '2024-02-29', [], '2025-03-14'],
    ['incorporated 31 Dec 2024: period ends 30 Dec 2025, due 13 Jan 2026', '2024-12-31', [], '2026-01-13'],
    ['after the first statement, confirming to the period end: the next year', '2025-01-15', [['confirmation-statement', '2026-01-14']], '2027-01-28'],
    ['a statement made early (1 Oct 2025) starts the next period the day after', '2025-01-15', [['confirmation-statement', '2025-10-01']], '2026-10-15'],
  ] as [string, string, [Filing, string][], string][])('%s', (_name, registered, filed, expected) => {
    expect(due(statutoryDeadlines(company, record(registered, filed)), 'confirmation-statement')).toBe(expected);
  });
  it('the review period runs on from the registration, not the founding meeting', () => {
    expect(reviewPeriod('2025-01-15', null)).toEqual({ from: '2025-01-15', to: '2026-01-14' });
    // A missed year stays the one due: the latest statement, not today, moves it on.
    expect(reviewPeriod('2024-01-15', '2025-01-14')).toEqual({ from: '2025-01-15', to: '2026-01-14' });
  });
});

describe('accounts (s.442)', () => {
  it.each([
    ['first period over 12 months: 9 months from the first anniversary (later)', '2024-01-15', '03-31', [], '2025-10-15'],
    ['first period over 12 months: 3 months after the year end when later', '2024-08-01', '01-31', [], '2026-05-01'],
    ['first period of exactly 12 months: 9 months after the year end', '2025-04-01', '03-31', [], '2026-12-31'],
    ['first period under 12 months: 9 months after the year end', '2025-07-01', '03-31', [], '2026-12-31'],
    ['year end 30 June: 31 March (month end to month end)', '2024-12-01', '06-30', [], '2026-03-31'],
    ['after the first accounts, the next year', '2024-01-15', '03-31', [['accounts', '2025-03-31']], '2026-12-31'],
  ] as [string, string, string, [Filing, string][], string][])('%s', (_name, registered, yearEnd, filed, expected) => {
    const company = params('community-radio', 'company-limited-by-guarantee', registered, yearEnd);
    expect(due(statutoryDeadlines(company, record(registered, filed)), 'accounts')).toBe(expected);
  });
  it('a CIC’s report is due with its accounts, and moves on only when itself filed', () => {
    const cic = params('arts-project', 'cic', '2024-01-15');
    const d = statutoryDeadlines(cic, record('2024-01-15', [['accounts', '2025-03-31']]));
    expect(d.map((x) => x.filing)).toEqual(['confirmation-statement', 'accounts', 'cic-report']);
    expect(due(d, 'cic-report')).toBe('2025-10-15');
    expect(due(d, 'accounts')).toBe('2026-12-31');
  });
});

describe('society annual return (2014 Act s.89; NI 1969 Act)', () => {
  it.each([
    ['registered 15 Jan 2024, year end 31 March: the first year end over six months on is 2025', '2024-01-15', [], '2025-10-31'],
    ['registered 1 Sep 2024: first year end 31 March 2025 is more than six months on', '2024-09-01', [], '2025-10-31'],
    ['registered 1 Nov 2024: 31 March 2025 is under six months on, so 2026', '2024-11-01', [], '2026-10-31'],
    ['after the first return, the next year end', '2024-01-15', [['annual-return', '2025-03-31']], '2026-10-31'],
  ] as [string, string, [Filing, string][], string][])('%s', (_name, registered, filed, expected) => {
    const society = params('worker-coop', 'co-operative-society', '2024-01-01');
    expect(due(statutoryDeadlines(society, record(registered, filed)), 'annual-return')).toBe(expected);
  });
  it('names the Northern Ireland Act for a society there', () => {
    const d = statutoryDeadlines(params('worker-coop', 'co-operative-society', '2024-01-15', '03-31', 'northern-ireland'), record('2024-01-15'));
    expect(d[0]!.reason).toMatch(/1969/);
  });
});

describe('before registration is recorded', () => {
  it('counts from the founding date and says so', () => {
    const d = statutoryDeadlines(params('community-radio', 'company-limited-by-guarantee', '2025-01-15'));
    expect(due(d, 'confirmation-statement')).toBe('2026-01-28');
    for (const x of d) expect(x.reason).toMatch(/coop registered --date/);
  });
  it('an unincorporated association files nothing', () => {
    expect(statutoryDeadlines(params('neighbourhood-group', 'unincorporated-association', '2024-01-15'))).toEqual([]);
  });
});

describe('the period a filing covers when none is given', () => {
  const company = params('community-radio', 'company-limited-by-guarantee', '2025-01-15');
  it('a confirmation statement confirms to the day it is made, within the review period', () => {
    expect(defaultFilingPeriod(company, record('2025-01-15'), 'confirmation-statement', '2025-12-01')).toBe('2025-12-01');
    expect(defaultFilingPeriod(company, record('2025-01-15'), 'confirmation-statement', '2026-01-20')).toBe('2026-01-14');
  });
  it('accounts cover the year end now due', () => {
    expect(defaultFilingPeriod(company, record('2025-01-15'), 'accounts', '2026-09-01')).toBe('2026-03-31');
  });
});
