// The governing-document templates hold no numbers of their own, print people's text
// literally, and say what each form and kind must say.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CIC_DIVIDEND_CAP_PERCENT, VALID_FORMS, isCompany } from '../../src/core/law.js';
import { JURISDICTIONS, KINDS } from '../../src/core/params.js';
import { renderGoverningDocument } from '../../src/io/render-governing.js';
import { TEMPLATES_DIR } from '../../src/io/render.js';
import { clause, paramsFor } from '../support/governing.js';

const GOVERNING_DIR = join(TEMPLATES_DIR, 'governing');

/** A template's literal text: what is left once Handlebars comments and expressions are removed. */
function literalText(source: string): string {
  return source
    .replace(/\{\{!--[\s\S]*?--\}\}/g, '')
    .replace(/\{\{![\s\S]*?\}\}/g, '')
    .replace(/\{\{[\s\S]*?\}\}/g, '');
}

describe('no numbers in the templates', () => {
  const templates = readdirSync(GOVERNING_DIR).filter((f) => f.endsWith('.hbs'));
  it('finds the three governing templates', () => {
    expect(templates.sort()).toEqual(['association-constitution.md.hbs', 'company-articles.md.hbs', 'society-rules.md.hbs']);
  });
  it.each(templates)('%s has no digit outside a Handlebars expression', (file) => {
    const lines = literalText(readFileSync(join(GOVERNING_DIR, file), 'utf8')).split('\n');
    const withDigits = lines.map((line, i) => `${i + 1}: ${line}`).filter((l) => /[0-9]/.test(l.slice(l.indexOf(':') + 1)));
    expect(withDigits).toEqual([]);
  });
  it('the check itself catches a digit but not one inside an expression or comment', () => {
    expect(/[0-9]/.test(literalText('within {{meetings.notice}} {{!-- s.14 --}}'))).toBe(false);
    expect(/[0-9]/.test(literalText('within 14 clear days'))).toBe(true);
  });
});

describe('people’s text prints literally', () => {
  it('escapes a hostile name and objects instead of obeying them', () => {
    const doc = renderGoverningDocument(
      paramsFor('worker-coop', 'co-operative-society', 'england-wales', (p) => {
        p.group.name = '{{x}} *b* <script> Limited';
        p.group.objects = '# not a heading\n[#] not a clause [link](http://x)';
      }),
    ).content;
    expect(doc).toContain('# {{x}} \\*b\\* \\<script\\> Limited');
    expect(doc).toContain("The society's name is {{x}} \\*b\\* \\<script\\> Limited.");
    expect(doc).not.toContain('<script>');
    expect(doc).toContain('\\# not a heading \\[#\\] not a clause \\[link\\](http://x)');
    expect(doc).not.toMatch(/^## \d+\. not/m);
  });
});

const companies = KINDS.flatMap((kind) => VALID_FORMS[kind].filter(isCompany).map((form) => ({ kind, form })));

describe.each(companies)('$kind as a $form', ({ kind, form }) => {
  it.each(JURISDICTIONS)('states the right to appoint a proxy (%s)', (jurisdiction) => {
    const doc = renderGoverningDocument(paramsFor(kind, form, jurisdiction)).content;
    expect(clause(doc, 'Proxies')).toMatch(/Every member has the right to appoint a proxy, who need not be a member/);
    expect(clause(doc, 'General meetings')).toMatch(/a statement that every member may appoint a proxy/);
  });
});

describe('community interest companies', () => {
  it.each(KINDS.filter((k) => VALID_FORMS[k].includes('cic')))('%s: asset lock, community interest statement, no shares clause', (kind) => {
    const doc = renderGoverningDocument(paramsFor(kind, 'cic')).content;
    expect(clause(doc, 'Community interest statement')).toMatch(/for the benefit of the community, and not for the private gain/);
    const lock = clause(doc, 'Asset lock');
    expect(lock).toMatch(/must not transfer any of its assets other than for full consideration/);
    // A company limited by guarantee has no shares: no clause about issuing them or their dividend cap.
    expect(doc).not.toContain(`${CIC_DIVIDEND_CAP_PERCENT}%`);
    expect(doc).not.toMatch(/issue shares/);
  });
  it('a company limited by guarantee has neither', () => {
    const doc = renderGoverningDocument(paramsFor('community-radio', 'company-limited-by-guarantee')).content;
    expect(clause(doc, 'Community interest statement')).toBeUndefined();
    expect(clause(doc, 'Asset lock')).toBeUndefined();
  });
});

describe('community radio', () => {
  it.each(VALID_FORMS['community-radio'])('as a %s: social gain in the objects, accountability to the community', (form) => {
    const doc = renderGoverningDocument(paramsFor('community-radio', form)).content;
    expect(clause(doc, 'Objects')).toMatch(/social gain/);
    expect(clause(doc, 'Accountability to the community')).toMatch(/Ofcom/);
  });
  it('other kinds have no radio clauses', () => {
    const doc = renderGoverningDocument(paramsFor('arts-project', 'community-benefit-society')).content;
    expect(doc).not.toMatch(/social gain|Ofcom/);
  });
});

describe('kind, form and place change the wording', () => {
  it('a worker co-op’s membership is for its workers, and its assets are commonly owned', () => {
    const doc = renderGoverningDocument(paramsFor('worker-coop', 'co-operative-society')).content;
    expect(clause(doc, 'Becoming a member')).toMatch(/Only people who work for the society may be members/);
    expect(clause(doc, 'Dissolution')).toMatch(/common-ownership enterprise/);
  });
  it('a neighbourhood group’s membership is tied to its area', () => {
    const doc = renderGoverningDocument(
      paramsFor('neighbourhood-group', 'unincorporated-association', 'england-wales', (p) => {
        p.group.area = 'Upper Riverside ward';
      }),
    ).content;
    expect(clause(doc, 'Membership')).toMatch(/real connection to Upper Riverside ward/);
  });
  it('a community benefit society with an asset lock says so; without one it does not', () => {
    const locked = renderGoverningDocument(paramsFor('arts-project', 'community-benefit-society')).content;
    expect(clause(locked, 'Objects')).toMatch(/for the benefit of the community/);
    expect(clause(locked, 'Asset lock')).toMatch(/Restriction on Use of Assets/);
    const open = renderGoverningDocument(
      paramsFor('arts-project', 'community-benefit-society', 'england-wales', (p) => {
        p.dissolution = { rule: 'similar-body', recipient: 'another arts group in the town' };
      }),
    ).content;
    expect(clause(open, 'Asset lock')).toBeUndefined();
    expect(clause(open, 'Dissolution')).toMatch(/another arts group in the town, and never to the members/);
  });
  it('Northern Ireland societies are under the NI Act, GB societies under the 2014 Act', () => {
    const ni = renderGoverningDocument(paramsFor('neighbourhood-group', 'community-benefit-society', 'northern-ireland')).content;
    const gb = renderGoverningDocument(paramsFor('neighbourhood-group', 'community-benefit-society', 'scotland')).content;
    expect(ni).toContain('Co-operative and Community Benefit Societies Act (Northern Ireland) 1969');
    expect(gb).toContain('Co-operative and Community Benefit Societies Act 2014');
    expect(clause(ni, 'Limit on shareholding')).toContain('£100,000');
    expect(clause(gb, 'Limit on shareholding')).toContain('£100,000');
  });
  it('Scots law has standard securities, not mortgages', () => {
    const scots = renderGoverningDocument(paramsFor('worker-coop', 'co-operative-society', 'scotland')).content;
    expect(clause(scots, 'Borrowing and deposits')).toMatch(/standard security/);
    expect(scots).not.toMatch(/mortgage/);
  });
  it('an association warns that the people acting for it can be personally liable', () => {
    const doc = renderGoverningDocument(paramsFor('arts-project', 'unincorporated-association')).content;
    expect(clause(doc, 'What kind of group this is')).toMatch(/personally responsible/);
  });
});
