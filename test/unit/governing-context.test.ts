import { describe, expect, it } from 'vitest';
import { finishClauses, numberClauses, tidyBlankLines } from '../../src/core/documents/clauses.js';
import { governingContext, governingDocumentFile } from '../../src/core/documents/governing.js';
import type { CoopParamsInput, Form, Kind } from '../../src/core/params.js';
import { renderGoverningDocument } from '../../src/io/render-governing.js';
import { renderTemplate } from '../../src/io/render.js';
import { clause, paramsFor } from '../support/governing.js';

describe('governingDocumentFile', () => {
  const cases: [Form, string, string, string][] = [
    ['co-operative-society', 'RULES.md', 'Rules', 'governing/society-rules.md.hbs'],
    ['community-benefit-society', 'RULES.md', 'Rules', 'governing/society-rules.md.hbs'],
    ['company-limited-by-guarantee', 'ARTICLES.md', 'Articles of Association', 'governing/company-articles.md.hbs'],
    ['cic', 'ARTICLES.md', 'Articles of Association', 'governing/company-articles.md.hbs'],
    ['unincorporated-association', 'CONSTITUTION.md', 'Constitution', 'governing/association-constitution.md.hbs'],
  ];
  it.each(cases)('%s → %s', (form, path, title, template) => {
    expect(governingDocumentFile(form)).toEqual({ path, title, template });
  });
});

describe('governingContext states the numbers in plain words', () => {
  it('worker co-op society defaults', () => {
    const c = governingContext(paramsFor('worker-coop', 'co-operative-society'));
    expect(c.meetings.notice).toBe('14 clear days');
    expect(c.meetings.noticeGiven).toBe("14 clear days' notice");
    expect(c.meetings.quorum).toBe('3 members or 25% of the members, whichever is greater');
    expect(c.meetings.specialResolution).toBe('three quarters (75%) of the votes cast');
    expect(c.shares).toEqual({ nominal: '£1', minimum: '1 share', maximum: '1 share', maximumValue: '£1', withdrawable: true, transferable: false });
    expect(c.guarantee).toBeNull();
    expect(c.law.withdrawableCap).toBe('£100,000');
    expect(c.place).toMatchObject({ act: 'Co-operative and Community Benefit Societies Act 2014', registrarShort: 'the FCA' });
    expect(c.board).toMatchObject({ allMembers: true, electedRotation: false, roles: 'chair, secretary and treasurer' });
  });
  it('a fallback vote never makes a special resolution easier to pass', () => {
    const higher = governingContext(
      paramsFor('worker-coop', 'co-operative-society', 'england-wales', (p) => {
        p.decisions = { method: 'consensus', fallbackThreshold: '80%' };
      }),
    );
    expect(higher.decisions.specialFallback).toBe('80% of the votes cast');
    const lower = governingContext(
      paramsFor('worker-coop', 'co-operative-society', 'england-wales', (p) => {
        p.decisions = { method: 'consensus', fallbackThreshold: '60%' };
      }),
    );
    expect(lower.decisions.specialFallback).toBe('three quarters (75%) of the votes cast');
  });
  it('company defaults', () => {
    const c = governingContext(paramsFor('community-radio', 'company-limited-by-guarantee', 'northern-ireland'));
    expect(c.guarantee).toBe('£1');
    expect(c.shares).toBeNull();
    expect(c.meetings.proxies).toEqual({ allowed: true, maxPerHolder: '5 proxies', countTowardsQuorum: true });
    expect(c.meetings.requisition).toBe('5%');
    expect(c.place).toMatchObject({ act: 'Companies Act 2006', registrarShort: 'Companies House', jurisdiction: 'Northern Ireland' });
  });
  it('consensus with a fallback vote', () => {
    const c = governingContext(
      paramsFor('neighbourhood-group', 'unincorporated-association', 'scotland', (p) => {
        p.decisions = { method: 'consensus', fallbackThreshold: '2/3' };
      }),
    );
    expect(c.decisions).toEqual({ majority: false, consensus: true, fallback: 'two thirds of the votes cast', specialFallback: 'two thirds of the votes cast' });
    expect(c.place).toMatchObject({ act: null, registrar: null, deceasedRepresentatives: 'executors' });
  });
});

// One source of truth: change a coop.yml value and the document says the new value, not the old.
interface Change {
  name: string;
  kind: Kind;
  form: Form;
  tweak: (p: CoopParamsInput) => void;
  clause: string;
  now: string;
  before: string;
}

const CHANGES: Change[] = [
  {
    name: 'notice period',
    kind: 'worker-coop',
    form: 'co-operative-society',
    tweak: (p) => {
      p.meetings.noticeClearDays = 21;
    },
    clause: 'General meetings',
    now: "at least 21 clear days' notice",
    before: "at least 14 clear days' notice",
  },
  {
    name: 'special resolution',
    kind: 'worker-coop',
    form: 'co-operative-society',
    tweak: (p) => {
      p.meetings.specialResolution = '2/3';
    },
    clause: 'Meaning of words',
    now: 'two thirds of the votes cast',
    before: 'three quarters (75%)',
  },
  {
    name: 'general-meeting quorum',
    kind: 'arts-project',
    form: 'cic',
    tweak: (p) => {
      p.meetings.quorum = { members: 5, percent: '20%' };
    },
    clause: 'General meetings',
    now: 'The quorum is 5 members or 20% of the members, whichever is greater.',
    before: 'The quorum is 3 members or 10% of the members',
  },
  {
    name: 'board quorum',
    kind: 'neighbourhood-group',
    form: 'unincorporated-association',
    tweak: (p) => {
      p.board.quorum = { members: 4, percent: '2/3' };
    },
    clause: 'Committee meetings',
    now: 'Its quorum is 4 committee members or two thirds of the committee, whichever is greater.',
    before: '2 committee members or 50%',
  },
  {
    name: 'fallback threshold',
    kind: 'neighbourhood-group',
    form: 'community-benefit-society',
    tweak: (p) => {
      p.decisions = { method: 'consensus', fallbackThreshold: '90%' };
    },
    clause: 'Voting at general meetings',
    now: 'if it has 90% of the votes cast',
    before: 'Decisions at general meetings are made by voting',
  },
  {
    // A society's rules cap proxies per holder; a company's articles may not (s.324), so none says a number.
    name: 'proxies per holder',
    kind: 'worker-coop',
    form: 'co-operative-society',
    tweak: (p) => {
      p.meetings.proxies = { allowed: true, maxPerHolder: 2, countTowardsQuorum: false };
    },
    clause: 'Voting at general meetings',
    now: 'Nobody may hold more than 2 proxies',
    before: 'Voting by proxy is not allowed',
  },
  {
    name: 'share value and maximum',
    kind: 'community-radio',
    form: 'community-benefit-society',
    tweak: (p) => {
      p.shares = { nominalPence: 50, minimumHolding: 2, maximumHolding: 1000, withdrawable: true, transferable: false };
    },
    clause: 'Limit on shareholding',
    now: 'No member may hold more than 1,000 shares (worth £500).',
    before: '20,000 shares',
  },
  {
    name: 'guarantee',
    kind: 'arts-project',
    form: 'company-limited-by-guarantee',
    tweak: (p) => {
      p.guaranteePence = 1000;
    },
    clause: "Members' guarantee",
    now: 'pay up to £10 towards',
    before: 'pay up to £1 towards',
  },
  {
    name: 'AGM timing',
    kind: 'neighbourhood-group',
    form: 'unincorporated-association',
    tweak: (p) => {
      p.meetings.agm = { withinMonthsOfYearEnd: 4, maxMonthsBetween: 13 };
      p.group.financialYearEnd = '12-31';
    },
    clause: 'General meetings',
    now: 'within 4 months after the end of each financial year, and never more than 13 months after the last one. The financial year ends on 31 December.',
    before: '15 months',
  },
  {
    name: 'board size',
    kind: 'arts-project',
    form: 'community-benefit-society',
    tweak: (p) => {
      p.board.minSize = 5;
      p.board.maxSize = 9;
    },
    clause: 'The board',
    now: 'at least 5 people and no more than 9 people',
    before: 'no more than 12 people',
  },
];

describe.each(CHANGES)('changing the $name changes the document', (change) => {
  it(`${change.kind} as a ${change.form}`, () => {
    const before = clause(renderGoverningDocument(paramsFor(change.kind, change.form)).content, change.clause);
    const after = clause(renderGoverningDocument(paramsFor(change.kind, change.form, 'england-wales', change.tweak)).content, change.clause);
    expect(before).toContain(change.before);
    expect(after).toContain(change.now);
    expect(after).not.toContain(change.before);
  });
});

describe('numberClauses', () => {
  it('numbers level-two headings and [#] paragraphs, leaving the title alone', () => {
    expect(numberClauses('# T\n## A\n[#] x\n[#] y\n## B\n[#] z')).toBe('# T\n## 1. A\n**1.1** x\n**1.2** y\n## 2. B\n**2.1** z');
  });
  it('does not number a [#] that is not at the start of a line', () => {
    expect(numberClauses('## A\nsee [#] here')).toBe('## 1. A\nsee [#] here');
  });
});

describe('tidyBlankLines', () => {
  it('separates paragraphs that conditional sections left touching, and folds runs of blank lines', () => {
    expect(tidyBlankLines('## A\n[#] x\n[#] y\n\n\n\n## B  \n')).toBe('## A\n\n[#] x\n\n[#] y\n\n## B\n');
  });
});

describe('finishing a governing document', () => {
  it('renderTemplate gives the finished document too, so callers cannot forget the numbering', () => {
    const params = paramsFor('arts-project', 'cic');
    const file = governingDocumentFile(params.group.form);
    const direct = renderTemplate(file.template, governingContext(params));
    expect(direct).toBe(renderGoverningDocument(params).content);
    expect(direct).toMatch(/^## 1\. Meaning of words$/m);
  });
  it('is idempotent', () => {
    const once = finishClauses('## A\n[#] x\n## B\n[#] y\n');
    expect(finishClauses(once)).toBe(once);
  });
});
