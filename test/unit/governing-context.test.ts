import { describe, expect, it } from 'vitest';
import { governingContext, governingDocumentFile } from '../../src/core/documents/governing.js';
import { numberClauses } from '../../src/core/documents/clauses.js';
import { defaultParams } from '../../src/core/defaults.js';
import { paramsSchema, type Form, type Kind } from '../../src/core/params.js';
import { renderGoverningDocument } from '../../src/io/render-governing.js';

function params(kind: Kind, form: Form, tweak?: (p: ReturnType<typeof defaultParams>) => void) {
  const name = form === 'co-operative-society' || form === 'community-benefit-society' ? 'Test Group Limited' : 'Test Group';
  const input = defaultParams({ kind, form, jurisdiction: 'england-wales', name, founded: '2024-01-15' });
  tweak?.(input);
  return paramsSchema.parse(input);
}

describe('governingDocumentFile', () => {
  const cases: [Form, string, string][] = [
    ['co-operative-society', 'RULES.md', 'Rules'],
    ['community-benefit-society', 'RULES.md', 'Rules'],
    ['company-limited-by-guarantee', 'ARTICLES.md', 'Articles of Association'],
    ['cic', 'ARTICLES.md', 'Articles of Association'],
    ['unincorporated-association', 'CONSTITUTION.md', 'Constitution'],
  ];
  it.each(cases)('%s → %s', (form, path, title) => {
    expect(governingDocumentFile(form)).toMatchObject({ path, title });
  });
});

describe('governingContext', () => {
  it('states the worker co-op defaults in plain words', () => {
    const c = governingContext(params('worker-coop', 'co-operative-society'));
    expect(c.meetings.notice).toBe('14 clear days');
    expect(c.meetings.quorum).toBe('3 members or 25% of the members, whichever is greater');
    expect(c.meetings.specialResolution).toBe('three quarters (75%) of the votes cast');
    expect(c.shares?.nominal).toBe('£1');
    expect(c.law.withdrawableCap).toBe('£100,000');
    expect(c.place.registrarShort).toBe('the FCA');
  });
});

describe('numberClauses', () => {
  it('numbers level-two headings and [#] paragraphs', () => {
    expect(numberClauses('# T\n## A\n[#] x\n[#] y\n## B\n[#] z')).toBe('# T\n## 1. A\n**1.1** x\n**1.2** y\n## 2. B\n**2.1** z');
  });
});

describe('renderGoverningDocument', () => {
  it('renders a company’s articles with the group’s name', () => {
    const doc = renderGoverningDocument(params('community-radio', 'company-limited-by-guarantee'));
    expect(doc.path).toBe('ARTICLES.md');
    expect(doc.content).toContain('## 1. Name');
    expect(doc.content).toContain('Test Group');
  });
});
