// The 2014 Act s.14 (NI: 1969 Act Sch.1) lists what a registered society's rules must provide
// for; the FCA counts 15 matters by splitting item 9. Every valid society, in every
// jurisdiction and with both the default and the alternative options, must cover each one
// under a stable heading with the wording that does the job.

import { describe, expect, it } from 'vitest';
import { VALID_FORMS, isSociety } from '../../src/core/law.js';
import { JURISDICTIONS, KINDS, type CoopParams } from '../../src/core/params.js';
import { renderGoverningDocument } from '../../src/io/render-governing.js';
import { alternativeOptions, clause, paramsFor } from '../support/governing.js';

interface Matter {
  item: string;
  matter: string;
  /** Headings of the clauses that cover it; each must be present. */
  headings: string[];
  /** What the clauses must say, given the group's params. */
  wording: (p: CoopParams) => RegExp[];
}

const MATTERS: Matter[] = [
  { item: '1', matter: 'name', headings: ['Name'], wording: (p) => [new RegExp(`The society's name is ${p.group.name}\\.`)] },
  { item: '2', matter: 'objects', headings: ['Objects'], wording: () => [/The society's objects are /] },
  {
    item: '3',
    matter: 'registered office',
    headings: ['Registered office'],
    wording: (p) => [new RegExp(`registered office is in ${p.group.jurisdiction === 'northern-ireland' ? 'Northern Ireland' : 'Great Britain'}\\. Its address is `)],
  },
  { item: '4', matter: 'terms of admission of members', headings: ['Becoming a member'], wording: () => [/Membership is open to /, /To apply, /, /body corporate/] },
  {
    item: '5',
    matter: 'meetings, voting, and making, altering and rescinding rules',
    headings: ['General meetings', 'Voting at general meetings', 'Changing these rules'],
    wording: () => [/annual general meeting within /, /Each member has one vote/, /change, add to or cancel any of these rules by special resolution/],
  },
  {
    item: '6',
    matter: 'appointment and removal of the board and officers; their powers and remuneration',
    headings: ['The board', 'Powers of the board', 'Officers', 'Pay and expenses'],
    wording: () => [/The board manages the society's business/, /The board appoints .* and may remove them/, /not paid for serving/],
  },
  {
    item: '7',
    matter: 'maximum interest in shares',
    headings: ['Limit on shareholding'],
    wording: (p) => [new RegExp(`No member may hold more than ${p.shares!.maximumHolding.toLocaleString('en-GB')} share`)],
  },
  { item: '8', matter: 'borrowing and deposits', headings: ['Borrowing and deposits'], wording: () => [/The board may borrow money/, /limit/, /security/, /deposits/] },
  {
    item: '9a',
    matter: 'transfer of shares',
    headings: ['Transferring shares'],
    wording: (p) => [p.shares!.transferable ? /may transfer shares .* written transfer/ : /Shares cannot be transferred/],
  },
  { item: '9b', matter: 'withdrawal of shares', headings: ['Withdrawing shares'], wording: (p) => [p.shares!.withdrawable ? /may withdraw shares/ : /Shares cannot be withdrawn/] },
  { item: '10', matter: 'audit of accounts', headings: ['Audit'], wording: () => [/auditor/, /annual return/] },
  {
    item: '11',
    matter: 'withdrawal of members; claims of representatives of deceased and bankrupt members; nominees',
    headings: ['Leaving the society', 'Death, insolvency and nominees'],
    wording: (p) =>
      p.group.jurisdiction === 'scotland'
        ? [/A member may leave at any time/, /nominate/, /executors/, /estate sequestrated, their trustee in the sequestration/]
        : [/A member may leave at any time/, /nominate/, /personal representatives/, /made bankrupt, their trustee in bankruptcy/],
  },
  { item: '12', matter: 'application of profits', headings: ['Use of profits'], wording: () => [/surplus/] },
  { item: '13', matter: 'custody and use of the seal', headings: ['Seal'], wording: () => [/common seal/, /secretary keeps it/] },
  { item: '14', matter: 'investment of funds', headings: ['Investment of funds'], wording: () => [/may invest money/] },
];

describe('the s.14 table', () => {
  it('lists the FCA’s 15 matters', () => {
    expect(MATTERS.map((m) => m.item)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9a', '9b', '10', '11', '12', '13', '14']);
  });
});

const societies = KINDS.flatMap((kind) => VALID_FORMS[kind].filter(isSociety).map((form) => ({ kind, form })));

describe.each(
  societies.flatMap(({ kind, form }) =>
    JURISDICTIONS.flatMap((j) => [
      { kind, form, jurisdiction: j, options: 'default options' },
      { kind, form, jurisdiction: j, options: 'alternative options' },
    ]),
  ),
)('$kind as a $form in $jurisdiction, $options', ({ kind, form, jurisdiction, options }) => {
  const params = paramsFor(kind, form, jurisdiction, options === 'alternative options' ? alternativeOptions : undefined);
  const rules = renderGoverningDocument(params).content;
  it.each(MATTERS)('covers s.14 matter $item: $matter', (matter) => {
    const text = matter.headings
      .map((h) => {
        const body = clause(rules, h);
        expect(body, `clause "${h}"`).toBeDefined();
        return body!;
      })
      .join('\n');
    for (const wording of matter.wording(params)) expect(text).toMatch(wording);
  });
});

it('includes the society pairs the issue names', () => {
  expect(societies).toContainEqual({ kind: 'worker-coop', form: 'co-operative-society' });
  expect(societies).toContainEqual({ kind: 'community-radio', form: 'community-benefit-society' });
});
