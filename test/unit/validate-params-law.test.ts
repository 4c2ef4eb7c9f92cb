// Company and CIC rules that validation enforces beyond the founding refusals of issue 2.
import { describe, expect, it } from 'vitest';
import { defaultParams, legalName } from '../../src/core/defaults.js';
import { paramsSchema, type CoopParamsInput, type Form, type Kind } from '../../src/core/params.js';
import { validateParams } from '../../src/core/validate-params.js';

function problemsFor(kind: Kind, form: Form, change: (p: CoopParamsInput) => void): string[] {
  const input = defaultParams({ kind, form, jurisdiction: 'england-wales', name: legalName('Riverside', form), founded: '2026-01-10' });
  change(input);
  return validateParams(paramsSchema.parse(input)).map((p) => `${p.path}: ${p.message}`);
}

describe('law checks on companies and CICs', () => {
  const cases: [string, Kind, Form, (p: CoopParamsInput) => void, RegExp | null][] = [
    ['a CIC named without "CIC"', 'arts-project', 'cic', (p) => (p.group.name = 'Riverside Arts'), /group\.name: .*must end in "community interest company", "CIC" or "c\.i\.c\."/],
    ['a CIC named "… Community Interest Company"', 'arts-project', 'cic', (p) => (p.group.name = 'Riverside Arts Community Interest Company'), null],
    [
      'a CIC with the Welsh ending, office in Wales',
      'arts-project',
      'cic',
      (p) => {
        p.group.name = 'Celf Glan yr Afon CBC';
        p.group.officeCountry = 'wales';
      },
      null,
    ],
    [
      'a CIC with the Welsh ending, office in England',
      'arts-project',
      'cic',
      (p) => (p.group.name = 'Celf Glan yr Afon CBC'),
      /group\.name: .*Welsh "cbc".*office-country wales.*try "Celf Glan yr Afon CIC"/,
    ],
    [
      'a company giving the chair a casting vote',
      'community-radio',
      'company-limited-by-guarantee',
      (p) => (p.meetings.castingVote = true),
      /meetings\.castingVote: .*cannot give its chair a casting vote/,
    ],
    ['a society giving the chair a casting vote', 'worker-coop', 'co-operative-society', (p) => (p.meetings.castingVote = true), null],
    ['a company short-notice consent of 75%', 'community-radio', 'cic', (p) => (p.meetings.shortNoticeConsent = '75%'), /meetings\.shortNoticeConsent: .*at least 90%/],
    ['a company short-notice consent of 95%', 'community-radio', 'cic', (p) => (p.meetings.shortNoticeConsent = '95%'), null],
    [
      'a company short-notice consent of 96%, above what articles may set',
      'community-radio',
      'cic',
      (p) => (p.meetings.shortNoticeConsent = '96%'),
      /meetings\.shortNoticeConsent: .*at most 95%/,
    ],
    ['an association short-notice consent of 75%', 'neighbourhood-group', 'unincorporated-association', (p) => (p.meetings.shortNoticeConsent = '75%'), null],
    [
      'a company without proxies',
      'community-radio',
      'company-limited-by-guarantee',
      (p) => (p.meetings.proxies = { allowed: false, maxPerHolder: 0, countTowardsQuorum: false }),
      /meetings\.proxies\.allowed: .*right to appoint a proxy/,
    ],
  ];
  it.each(cases)('%s', (_name, kind, form, change, expected) => {
    const problems = problemsFor(kind, form, change);
    if (expected)
      expect(
        problems.some((p) => expected.test(p)),
        problems.join('\n'),
      ).toBe(true);
    else expect(problems).toEqual([]);
  });
});
