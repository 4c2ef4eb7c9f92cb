// Name endings and the legal choices of issue 10, as a table: each answer set is founded or
// refused through the same check `coop new` and `coop check` use, and a refusal names the rule,
// the flag, and a valid name.

import { describe, expect, it } from 'vitest';
import type { Answers } from '../../src/core/found/answers.js';
import { foundingFrom } from '../../src/core/found/to-params.js';
import { paramsSchema } from '../../src/core/params.js';

const SETTING = { dirName: 'g', today: '2026-03-10' };
const FOUNDERS = [{ name: 'Ada' }, { name: 'Ben' }, { name: 'Cai' }];
const CLG = { kind: 'neighbourhood-group', form: 'company-limited-by-guarantee' } as const;
const CIC = { kind: 'arts-project', form: 'cic' } as const;
const CBS = { kind: 'neighbourhood-group', form: 'community-benefit-society' } as const;

const ACCEPTED: [string, Answers][] = [
  ['a company "… Limited"', { ...CLG, name: 'Elm Street Limited' }],
  ['a company "… Ltd"', { ...CLG, name: 'Elm Street Ltd' }],
  ['a company "… Ltd."', { ...CLG, name: 'Elm Street Ltd.' }],
  ['a Welsh company "… Cyf" with the office in Wales', { ...CLG, name: 'Menter Caerdydd Cyf', officeCountry: 'wales' }],
  ['a company with the s.60 exemption', { kind: 'arts-project', form: 'company-limited-by-guarantee', name: 'Riverside Arts', limitedExempt: true }],
  ['a CIC "… c.i.c."', { ...CIC, name: 'Leith Arts c.i.c.' }],
  ['a CIC "… C.I.C."', { ...CIC, name: 'Leith Arts C.I.C.' }],
  ['a CIC "… Community Interest Company"', { ...CIC, name: 'Leith Arts Community Interest Company' }],
  ['a Welsh CIC "… CBC" with the office in Wales', { ...CIC, name: 'Celf Caerdydd CBC', officeCountry: 'wales' }],
  ['a Welsh society "… Cyfyngedig" with the office in Wales', { kind: 'worker-coop', name: 'Pobyddion Cyfyngedig', officeCountry: 'wales' }],
  ['a charitable community benefit society', { ...CBS, name: 'Elm Limited', charitable: true }],
  ['a CIC with a specified asset-locked body', { ...CIC, name: 'Leith Arts CIC', assetLockedBody: 'Leith Community Trust' }],
];

const REFUSED: [string, Answers, string, RegExp][] = [
  ['a company without an ending', { ...CLG, name: 'Elm Street' }, '--name', /Companies Act 2006 s\.59.*try "Elm Street Limited"/],
  ['a Welsh company ending, office in England', { ...CLG, name: 'Menter Caerdydd Cyf' }, '--name', /Welsh "cyf".*--office-country wales.*try "Menter Caerdydd Limited"/],
  [
    'a Welsh CIC ending in Northern Ireland',
    { ...CIC, jurisdiction: 'northern-ireland', name: 'Celf CBC' },
    '--name',
    /2004 Act s\.33\(2\).*Northern Ireland cannot use a Welsh ending; try "Celf CIC"/,
  ],
  ['a CIC "… Limited"', { ...CIC, name: 'Leith Arts Limited' }, '--name', /2004 Act s\.33\): try "Leith Arts CIC"/],
  [
    'an office country outside England and Wales',
    { kind: 'worker-coop', jurisdiction: 'scotland', name: 'Bakers Limited', officeCountry: 'wales' },
    '--office-country',
    /applies only to a group in England and Wales/,
  ],
  ['the exemption for a CIC', { ...CIC, name: 'Leith Arts CIC', limitedExempt: true }, '--limited-exempt', /Only a company limited by guarantee/],
  [
    'the exemption for a worker co-op company',
    { kind: 'worker-coop', form: 'company-limited-by-guarantee', name: 'Bakers', limitedExempt: true },
    '--limited-exempt',
    /bonus.*try "Bakers Limited"/,
  ],
  ['charitable for a company', { ...CLG, name: 'Elm Limited', charitable: true }, '--charitable', /Only a community benefit society/],
  [
    'charitable with the statutory lock',
    { ...CBS, name: 'Elm Limited', charitable: true, dissolution: 'asset-lock' },
    '--dissolution',
    /cannot adopt the statutory asset lock.*SI 2006\/264\), regulation 5/,
  ],
  ['charitable with assets to another co-op', { ...CBS, name: 'Elm Limited', charitable: true, dissolution: 'common-ownership' }, '--dissolution', /must go to charity/],
  ['an asset-locked body for a society', { ...CBS, name: 'Elm Limited', assetLockedBody: 'Trust' }, '--asset-locked-body', /Only a community interest company/],
  ['a CIC recipient without a specified body', { ...CIC, name: 'Leith Arts CIC', dissolutionRecipient: 'Leith Community Trust' }, '--asset-locked-body', /regulation 23/],
];

describe('names and legal choices', () => {
  it('a charitable society choosing similar-body still sends its assets to charity', () => {
    const { founding } = foundingFrom({ founders: FOUNDERS, ...CBS, name: 'Elm Limited', charitable: true, dissolution: 'similar-body' }, SETTING, paramsSchema);
    expect(founding!.params.dissolution.recipient).toMatch(/^one or more charities/);
  });
  it.each(ACCEPTED)('accepts %s', (_name, answers) => {
    expect(foundingFrom({ founders: FOUNDERS, ...answers }, SETTING, paramsSchema).problems).toEqual([]);
  });
  it.each(REFUSED)('refuses %s', (_name, answers, where, message) => {
    const { founding, problems } = foundingFrom({ founders: FOUNDERS, ...answers }, SETTING, paramsSchema);
    expect(founding).toBeUndefined();
    const at = problems.filter((p) => p.where === where);
    expect(at.length, JSON.stringify(problems)).toBeGreaterThan(0);
    expect(at.map((p) => p.message).join('\n')).toMatch(message);
  });
});
