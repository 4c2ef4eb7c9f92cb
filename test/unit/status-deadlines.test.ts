import { describe, expect, it } from 'vitest';
import { defaultParams } from '../../src/core/defaults.js';
import { paramsSchema, type Form, type Kind } from '../../src/core/params.js';
import { agmDueFromFoundingOnly, statutoryDeadlines } from '../../src/core/register/deadlines.js';

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
  it('a society in its first year: the first year end after founding', () => {
    expect(statutoryDeadlines(params('worker-coop', 'co-operative-society', '2024-01-15'), '2024-02-01')[0]!.due).toBe('2024-10-31');
  });
  it('a company: confirmation statement 12 months and 14 days on, first accounts 21 months after incorporation', () => {
    const d = statutoryDeadlines(params('community-radio', 'company-limited-by-guarantee', '2024-01-15'), '2024-06-01');
    const by = Object.fromEntries(d.map((x) => [x.what.split(' ')[0], x.due]));
    expect(by.Confirmation).toBe('2025-01-29');
    // Year end 31 March 2024 + 9 months is 31 December 2024, earlier than 21 months after incorporation.
    expect(by.Accounts).toBe('2025-10-15');
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

describe('the AGM stand-in, from the founding date only', () => {
  it('within the rules’ months of the next year end not yet past', () => {
    expect(agmDueFromFoundingOnly(params('worker-coop', 'co-operative-society', '2024-01-15'), '2026-06-01')).toMatchObject({ due: '2026-09-30' });
    expect(agmDueFromFoundingOnly(params('worker-coop', 'co-operative-society', '2024-01-15'), '2026-10-01')).toMatchObject({ due: '2027-09-30' });
  });
});
