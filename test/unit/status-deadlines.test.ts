import { describe, expect, it } from 'vitest';
import { defaultParams } from '../../src/core/defaults.js';
import { paramsSchema, type Form, type Kind } from '../../src/core/params.js';
import { statutoryDeadlines } from '../../src/core/register/deadlines.js';

function params(kind: Kind, form: Form, founded: string, yearEnd = '03-31') {
  const p = defaultParams({ kind, form, jurisdiction: 'england-wales', name: form.includes('society') ? 'G Limited' : 'G', founded });
  p.group.financialYearEnd = yearEnd;
  return paramsSchema.parse(p);
}

describe('statutory deadlines for each form', () => {
  it('a society: annual return within 7 months of the year end just passed', () => {
    const d = statutoryDeadlines(params('worker-coop', 'co-operative-society', '2024-01-15'), '2026-06-01');
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ due: '2026-10-31' });
    expect(d[0]!.what).toMatch(/FCA for the year ending 31 March 2026/);
    expect(d[0]!.reason).toMatch(/s\.89/);
  });
  it('a society: once that return is past due, the next year’s', () => {
    expect(statutoryDeadlines(params('worker-coop', 'co-operative-society', '2024-01-15'), '2026-11-01')[0]!.due).toBe('2027-10-31');
  });
  it('a society in its first year: the first year end more than six months after founding', () => {
    expect(statutoryDeadlines(params('worker-coop', 'co-operative-society', '2024-01-15'), '2024-02-01')[0]!.due).toBe('2025-10-31');
    expect(statutoryDeadlines(params('worker-coop', 'co-operative-society', '2024-09-01'), '2024-10-01')[0]!.due).toBe('2025-10-31');
  });
  it('a company: confirmation statement 12 months and 14 days on; accounts 9 months after a year end', () => {
    const d = statutoryDeadlines(params('community-radio', 'company-limited-by-guarantee', '2024-01-15'), '2026-06-01');
    const by = Object.fromEntries(d.map((x) => [x.what.split(' ')[0], x.due]));
    expect(by.Confirmation).toBe('2027-01-29');
    expect(by.Accounts).toBe('2026-12-31');
  });
  it('a company whose first year runs over 12 months: 21 months after incorporation or 3 after the year end, the later', () => {
    // Founded 15 January 2024, year end 31 March: the first year runs to 31 March 2025 (14
    // months), so 21 months after incorporation (15 October 2025) — later than 30 June 2025.
    expect(statutoryDeadlines(params('community-radio', 'company-limited-by-guarantee', '2024-01-15'), '2024-06-01').find((x) => x.what.startsWith('Accounts'))!.due).toBe(
      '2025-10-15',
    );
    // Founded 1 August 2024, year end 31 January: the first year end more than six months on is
    // 31 January 2026 (18 months); 21 months after incorporation (1 May 2026) is later than
    // 3 months after it (30 April 2026).
    const d = statutoryDeadlines(params('community-radio', 'company-limited-by-guarantee', '2024-08-01', '01-31'), '2024-09-01');
    expect(d.find((x) => x.what.startsWith('Accounts'))!.due).toBe('2026-05-01');
  });
  it('a company: the next confirmation statement after the first', () => {
    const d = statutoryDeadlines(params('community-radio', 'company-limited-by-guarantee', '2024-01-15'), '2025-02-01');
    expect(d.find((x) => x.what.startsWith('Confirmation'))!.due).toBe('2026-01-29');
  });
  it('a CIC also files its community interest report', () => {
    const d = statutoryDeadlines(params('arts-project', 'cic', '2024-01-15'), '2026-06-01');
    expect(d.map((x) => x.what.split(' ')[0])).toEqual(['Confirmation', 'Accounts', 'Community']);
    expect(d[2]!.due).toBe(d[1]!.due);
  });
  it('an unincorporated association files nothing', () => {
    expect(statutoryDeadlines(params('neighbourhood-group', 'unincorporated-association', '2024-01-15'), '2026-06-01')).toEqual([]);
  });
});
