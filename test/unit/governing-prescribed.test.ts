// Where the law prescribes what a governing document must contain, a table of the prescribed
// elements per form, each found in every rendered document of that form: every valid kind,
// every jurisdiction, and the options that change the text (issue 10). Also the next steps and
// the registration pack that go with them. Rendered in-process: no CLI runs here.

import { describe, expect, it } from 'vitest';
import type { Answers } from '../../src/core/found/answers.js';
import { foundingContext, registrationPack } from '../../src/core/found/context.js';
import { foundingFrom } from '../../src/core/found/to-params.js';
import { governingDocumentFile } from '../../src/core/documents/governing.js';
import { legalName } from '../../src/core/defaults.js';
import { paramsSchema, type CoopParams, type Form } from '../../src/core/params.js';
import { renderGoverningDocument } from '../../src/io/render-governing.js';
import { renderTemplate } from '../../src/io/render.js';
import { clause } from '../support/governing.js';
import { ALL_JURISDICTIONS, VALID_PAIRS } from '../support/combos.js';

const SETTING = { dirName: 'g', today: '2026-03-10' };
const FOUNDERS = [{ name: 'Ada Lovelace' }, { name: 'Ben Okri' }, { name: 'Cai Jones' }];

function found(answers: Answers): CoopParams {
  const { founding, problems } = foundingFrom({ founders: FOUNDERS, ...answers }, SETTING, paramsSchema);
  expect(problems).toEqual([]);
  return founding!.params;
}

function rules(params: CoopParams): string {
  return renderGoverningDocument(params).content;
}

function nextSteps(params: CoopParams): string {
  const file = governingDocumentFile(params.group.form);
  return renderTemplate('group/documents/next-steps.md.hbs', foundingContext(params, FOUNDERS, { path: file.path, title: file.title }));
}

const pairsOf = (form: Form) => VALID_PAIRS.filter(([, f]) => f === form).map(([kind]) => kind);

/** SI 2006/264 Schedule 1 (NI: SR 2006/258 Schedule), element by element. */
const CBS_RESTRICTION: [string, RegExp][] = [
  ['(1) all assets subject to the restriction', /All of the society's assets are subject to this restriction on their use/],
  ['(2) must not use or deal with its assets except', /must not use or deal with its assets except/],
  ['(2)(a) for the benefit of the community', /directly or indirectly, for a purpose that is for the benefit of the community/],
  ['(2)(b) withdrawable share capital or interest', /value of their withdrawable share capital, or interest on that capital/],
  ['(2)(c) payments on death, intestacy, incapacity', /nomination dies, when a member dies without a will, or to or for a member who lacks mental capacity/],
  ['(2)(d) trustees of bankrupt or sequestrated members', /payment under these rules to the trustee (in bankruptcy|in the sequestration) of a member/],
  ['(2)(e) on dissolution, paying creditors', /dissolved or wound up, to pay its creditors/],
  ['(2)(f)(i) another prescribed society with the restriction', /community benefit society whose assets are subject to this restriction on use and which will apply it/],
  ['(2)(f)(ii) a community interest company', /; a community interest company;/],
  [
    '(2)(f)(iii) a registered social landlord (NI: housing association) with an equivalent restriction',
    /registered (social landlord|housing association) whose assets are subject to an equivalent restriction/,
  ],
  ['(2)(f)(iv) a charity', /or a charity \(including a community benefit society that is a charity\)/],
];

describe('community benefit society: the prescribed restriction on use', () => {
  const cases = pairsOf('community-benefit-society').flatMap((kind) => ALL_JURISDICTIONS.map((jurisdiction) => ({ kind, jurisdiction })));
  it.each(cases)('$kind in $jurisdiction: every element of the Schedule, and the Regulations named', ({ kind, jurisdiction }) => {
    const params = found({ kind, form: 'community-benefit-society', jurisdiction, name: legalName('Elm', 'community-benefit-society') });
    const lock = clause(rules(params), 'Asset lock')!;
    expect(lock).toBeDefined();
    for (const [element, wording] of CBS_RESTRICTION) expect(lock, element).toMatch(wording);
    expect(lock).toContain(jurisdiction === 'northern-ireland' ? '(Northern Ireland) 2006 (SR 2006/258)' : 'Regulations 2006 (SI 2006/264)');
    expect(nextSteps(params)).toMatch(/restriction on the use of assets prescribed by the/);
  });

  it.each(ALL_JURISDICTIONS)('a charitable society in %s has no statutory lock, a charitable dissolution clause and its own next steps', (jurisdiction) => {
    const params = found({ kind: 'neighbourhood-group', form: 'community-benefit-society', jurisdiction, charitable: true, name: 'Elm Limited' });
    expect(params.dissolution.rule).toBe('similar-body');
    const doc = rules(params);
    expect(clause(doc, 'Asset lock')).toBeUndefined();
    expect(doc).not.toMatch(/Restriction on Use of Assets\) Regulations 2006 \(S/);
    expect(clause(doc, 'Charitable assets')).toMatch(/does not adopt the statutory restriction/);
    expect(clause(doc, 'Dissolution')).toMatch(/must be a charity/);
    expect(clause(doc, 'Audit')).toMatch(jurisdiction === 'northern-ireland' ? /section 38A/ : /gross income was no more than £250,000/);
    const steps = nextSteps(params);
    const expected = {
      'england-wales': /exempt charity: it does not register with\s+the Charity Commission\. Apply to HMRC/,
      scotland: /Scottish Charity Register: apply to the Scottish Charity\s+Regulator \(OSCR\)/,
      'northern-ireland': /register with the Charity Commission for Northern Ireland/,
    }[jurisdiction];
    expect(steps).toMatch(expected);
    expect(steps).not.toMatch(/restriction on the use of assets prescribed/);
  });

  it('a co-operative society with an asset lock does not claim a statutory one', () => {
    const doc = rules(found({ kind: 'worker-coop', dissolution: 'asset-lock', name: 'Bakers Limited' }));
    expect(clause(doc, 'Asset lock')).toMatch(/not a statutory restriction/);
    expect(doc).not.toMatch(/SI 2006\/264/);
  });
});

/** SI 2005/1788 Schedule 1 para 1, element by element, and reg 23. */
const CIC_SCHEDULE: [string, RegExp][] = [
  ['names the Regulations it gives effect to', /Community Interest Company Regulations 2005 \(SI 2005\/1788\), regulation 7 and Schedule 1 prescribe/],
  ['1(1) no transfer other than for full consideration', /must not transfer any of its assets other than for full consideration/],
  [
    '1(2)(a) specified body, or another with the Regulator’s consent',
    /to any specified asset-locked body, or \(with the consent of the Regulator\) to any other asset-locked body/,
  ],
  ['1(2)(b) for the benefit of the community, not to an asset-locked body', /for the benefit of the community, other than by way of a transfer of assets to an asset-locked body/],
  ['1(3) other restrictions in the articles still apply', /must comply with any restriction on the transfer of assets for less than full consideration/],
  ['1(4)(a) asset-locked body', /"asset-locked body" means a community interest company, a charity, a Scottish charity, or a body established outside the United Kingdom/],
  ['1(4)(b) community', /"community" is to be read as it is in section 35\(5\)/],
  ['1(4)(c),(e) charity and Scottish charity', /"charity" and "Scottish charity" have the meanings/],
  ['1(4)(d) the Regulator', /"the Regulator" means the Regulator of Community Interest Companies/],
  ['1(4)(f) specified', /"specified" means specified in these articles/],
];

describe('CIC: the provisions of Schedule 1 and regulation 23', () => {
  const cases = pairsOf('cic').flatMap((kind) =>
    ALL_JURISDICTIONS.flatMap((jurisdiction) => [
      { kind, jurisdiction, body: undefined },
      { kind, jurisdiction, body: 'Leith Community Trust' },
    ]),
  );
  it.each(cases)('$kind in $jurisdiction, specified body $body', ({ kind, jurisdiction, body }) => {
    const params = found({ kind, form: 'cic', jurisdiction, name: 'Leith Arts c.i.c.', ...(body ? { assetLockedBody: body } : {}) });
    const doc = rules(params);
    const lock = clause(doc, 'Asset lock')!;
    for (const [element, wording] of CIC_SCHEDULE) expect(lock, element).toMatch(wording);
    // A company limited by guarantee has no shares: no clause about issuing them.
    expect(doc).not.toMatch(/issue shares|dividend cap|35%/);
    const dissolution = clause(doc, 'Dissolution')!;
    expect(dissolution).toMatch(/Community Interest Company Regulations 2005, regulation 23/);
    if (body) {
      expect(lock).toContain(`the specified asset-locked body is ${body}`);
      expect(dissolution).toMatch(new RegExp(`distributed to the specified asset-locked body .*${body}, in the proportions or amounts the Regulator`));
    } else {
      expect(lock).toMatch(/specify no asset-locked body/);
      expect(dissolution).toMatch(/distributed as the Regulator of Community Interest Companies directs/);
      expect(dissolution).not.toMatch(/chosen by the members/);
    }
  });
});

describe('society nominations (2014 Act s.37) and audit (s.84)', () => {
  const societies = VALID_PAIRS.filter(([, f]) => f === 'co-operative-society' || f === 'community-benefit-society');
  const cases = societies.flatMap(([kind, form]) => ALL_JURISDICTIONS.map((jurisdiction) => ({ kind, form, jurisdiction })));
  it.each(cases)('$kind as a $form in $jurisdiction', ({ kind, form, jurisdiction }) => {
    const doc = rules(found({ kind, form, jurisdiction, name: 'Elm Limited' }));
    const nominees = clause(doc, 'Death, insolvency and nominees')!;
    expect(nominees).toMatch(/in writing, signed by the member, and delivered to or sent to the registered office/);
    expect(nominees).toMatch(/officer or employee of the society .* only if that person is the member's spouse, civil partner, parent, child, brother, sister, nephew or niece/);
    expect(nominees).toMatch(/keeps a book at the registered office recording the name of every person nominated/);
    expect(nominees).toMatch(
      jurisdiction === 'northern-ireland'
        ? /limit that the Co-operative and Community Benefit Societies Act \(Northern Ireland\) 1969 sets/
        : /valid only up to £5,000 .*section 37/,
    );
    const audit = clause(doc, 'Audit')!;
    expect(audit).toMatch(
      jurisdiction === 'northern-ireland' ? /section 38A of the Act/ : /turnover was no more than £10,200,000 and its assets were worth no more than £5,100,000/,
    );
    expect(audit).toMatch(/fails if 20% or more of the votes cast, or votes of 10% or more of the members entitled to vote, are cast against it/);
    expect(audit).toMatch(/general meeting held in the financial year it concerns/);
  });
});

describe('Northern Ireland societies: £100,000 and the FCA', () => {
  it.each(VALID_PAIRS.filter(([, f]) => f === 'co-operative-society' || f === 'community-benefit-society'))('%s as a %s', (kind, form) => {
    const params = found({ kind, form, jurisdiction: 'northern-ireland', name: 'Foyle Limited' });
    const doc = rules(params);
    expect(clause(doc, 'Limit on shareholding') ?? '').toMatch(params.shares!.withdrawable ? /currently £100,000/ : /No member may hold more than/);
    expect(doc).toContain('"The registrar" means the Financial Conduct Authority (the FCA)');
    expect(doc).not.toMatch(/currently £20,000|Department for the Economy|Registrar of Credit Unions/);
    const steps = nextSteps(params);
    expect(steps).toMatch(/Apply to register the society with the Financial Conduct Authority/);
    expect(steps).toMatch(/no\s+separate Northern Ireland registrar/);
    expect(steps).toMatch(/to the FCA within\s+7 months/);
  });
});

describe('unincorporated associations: holding trustees, indemnity, charity and community value', () => {
  it.each(pairsOf('unincorporated-association').flatMap((kind) => ALL_JURISDICTIONS.map((j) => [kind, j] as const)))('%s in %s', (kind, jurisdiction) => {
    const params = found({ kind, form: 'unincorporated-association', jurisdiction, name: 'Elm Street Residents' });
    const doc = rules(params);
    expect(clause(doc, 'Holding trustees and property')).toMatch(/held for it by holding trustees.*appointed by the committee/s);
    expect(clause(doc, 'Holding trustees and property')).toMatch(/property passes to the holding trustees then in office/);
    expect(clause(doc, 'Indemnity')).toMatch(/group's funds are used to meet.*committee member, officer and holding trustee/s);
    const steps = nextSteps(params);
    expect(steps).toMatch(
      {
        'england-wales': /register with the Charity\s+Commission for England and Wales once its income is over £5,000/,
        scotland: /OSCR\) before it calls itself a charity, whatever its income/,
        'northern-ireland': /Charity Commission for\s+Northern Ireland, whatever its income/,
      }[jurisdiction],
    );
    const acv = kind === 'neighbourhood-group' && jurisdiction === 'england-wales';
    if (acv) expect(steps).toMatch(/at least 21 of the members are on the electoral register.*Asset of Community\s+Value/s);
    else expect(steps).not.toMatch(/Asset of Community/);
  });
});

describe('community radio: Ofcom’s ongoing duties', () => {
  it.each(VALID_PAIRS.filter(([k]) => k === 'community-radio').map(([, f]) => f))('as a %s', (form) => {
    const steps = nextSteps(found({ kind: 'community-radio', form, name: legalName('Foyle Radio', form) }));
    expect(steps).toMatch(/key commitments in the licence/);
    expect(steps).toMatch(/annual report/);
    expect(steps).toMatch(/limits on income from on-air advertising and sponsorship/);
    expect(steps).toMatch(/tell Ofcom before any change in who controls the licensee/);
  });
});

describe('a company limited by guarantee claiming the s.60 exemption', () => {
  it('states each condition of the exemption in its articles', () => {
    const params = found({ kind: 'arts-project', form: 'company-limited-by-guarantee', limitedExempt: true, name: 'Riverside Arts' });
    const exempt = clause(rules(params), 'Exemption from "Limited"')!;
    expect(exempt).toMatch(/Companies Act 2006 s\.60 and SI 2015\/17 reg 3/);
    expect(exempt).toMatch(/promotion of one or more of commerce, art, science, education, religion, charity or any profession/);
    expect(exempt).toMatch(/require its income to be applied in promoting its objects/);
    expect(exempt).toMatch(/prohibit the payment of dividends, or any return of capital, to its members/);
    expect(exempt).toMatch(/transferred on its winding up either to another body with objects similar to its own or to another body whose objects are the promotion of charity/);
    expect(nextSteps(params)).toMatch(/claim the exemption in the application/);
  });
});

describe('the registration pack', () => {
  const cases: [string, Answers, string[], RegExp[]][] = [
    [
      'a co-operative society',
      { kind: 'worker-coop', name: 'Bakers Limited' },
      ['fca-application', 'signature-sheet'],
      [/bona fide co-operative/, /signed by at least 3 members and the secretary/],
    ],
    [
      'a charitable community benefit society',
      { kind: 'neighbourhood-group', form: 'community-benefit-society', charitable: true, name: 'Elm Limited' },
      ['fca-application', 'signature-sheet'],
      [/Charitable \| yes/, /benefit of the community/],
    ],
    [
      'a company limited by guarantee',
      { kind: 'community-radio', name: 'Foyle Radio Limited' },
      ['memorandum-of-association', 'statement-of-guarantee'],
      [/wishes to form a company under\s+the Companies Act, and agrees to become a member/, /up to \*\*£1\*\*/, /within 1 year after they stop being one/],
    ],
    [
      'a CIC',
      { kind: 'arts-project', name: 'Leith Arts c.i.c.', assetLockedBody: 'Leith Community Trust' },
      ['memorandum-of-association', 'statement-of-guarantee', 'community-interest-statement'],
      [/for the benefit of the community, and not for the\s+private gain/, /Leith Community Trust as the specified asset-locked body/, /The community in the local area/],
    ],
    ['an association', { kind: 'neighbourhood-group', name: 'Elm Street Residents' }, [], []],
  ];
  it.each(cases)('%s', (_name, answers, files, wording) => {
    const params = found(answers);
    const pack = registrationPack(params.group.form);
    expect(pack.map((f) => f.path)).toEqual(files.map((f) => `documents/registration/${f}.md`));
    const file = governingDocumentFile(params.group.form);
    const context = foundingContext(params, FOUNDERS, { path: file.path, title: file.title });
    const text = pack.map((f) => renderTemplate(f.template, context)).join('\n');
    for (const w of wording) expect(text).toMatch(w);
    for (const founder of FOUNDERS) if (pack.length > 0) expect(text).toContain(founder.name);
  });
});
