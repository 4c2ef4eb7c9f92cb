// Consent to short notice: whose, and how much of it, for each form; recorded member by member.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultParams } from '../../src/core/defaults.js';
import { formatFraction } from '../../src/core/fraction.js';
import { paramsSchema, type Form } from '../../src/core/params.js';
import { checkShortNoticeConsent, consentsNeeded, decideShortNoticeConsent, mergeConsents, shortNoticeRule, type ShortNoticeRule } from '../../src/core/meetings/short-notice.js';
import type { MeetingRecord } from '../../src/core/meetings/record.js';
import { ROOT } from '../support/cli.js';

function paramsFor(form: Form, consent: string) {
  const kind = form === 'unincorporated-association' ? 'neighbourhood-group' : form === 'cic' ? 'community-radio' : 'worker-coop';
  const p = defaultParams({ kind, form, jurisdiction: 'england-wales', name: 'X', founded: '2024-01-01' });
  p.meetings.shortNoticeConsent = consent;
  return paramsSchema.parse(p);
}

const members = (n: number) => new Set(Array.from({ length: n }, (_, i) => i + 1));
const first = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe('the rule each form follows', () => {
  const cases: { name: string; form: Form; consent: string; share: string; majority: boolean }[] = [
    { name: 'a company at the Act’s 90%', form: 'company-limited-by-guarantee', consent: '90%', share: '90%', majority: true },
    { name: 'a company whose articles say 95%', form: 'cic', consent: '95%', share: '95%', majority: true },
    { name: 'a company whose articles say more than 95%: the Act’s ceiling', form: 'company-limited-by-guarantee', consent: '100%', share: '95%', majority: true },
    { name: 'a society: its own rules’ share', form: 'co-operative-society', consent: '75%', share: '75%', majority: false },
    { name: 'an association: its own constitution’s share', form: 'unincorporated-association', consent: '2/3', share: '2/3', majority: false },
  ];
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_n, c) => {
    const rule = shortNoticeRule(paramsFor(c.form, c.consent));
    expect(formatFraction(rule.share)).toBe(c.share);
    expect(rule.majorityInNumber).toBe(c.majority);
  });
});

describe('how many must agree', () => {
  const company: ShortNoticeRule = { share: { num: 90, den: 100 }, majorityInNumber: true, source: 'Act' };
  const company95: ShortNoticeRule = { share: { num: 95, den: 100 }, majorityInNumber: true, source: 'Act' };
  const society75: ShortNoticeRule = { share: { num: 3, den: 4 }, majorityInNumber: false, source: 'rules' };
  const society40: ShortNoticeRule = { share: { num: 2, den: 5 }, majorityInNumber: false, source: 'rules' };
  const cases: { name: string; rule: ShortNoticeRule; entitled: number; agreed: number; needed: number; enough: boolean }[] = [
    { name: 'company of 10: 9 is exactly 90%, enough', rule: company, entitled: 10, agreed: 9, needed: 9, enough: true },
    { name: 'company of 10: 8 is short', rule: company, entitled: 10, agreed: 8, needed: 9, enough: false },
    { name: 'company of 3: 90% rounds up to all 3', rule: company, entitled: 3, agreed: 2, needed: 3, enough: false },
    { name: 'company of 21: 19 (90.5%), 18 (85.7%) is short', rule: company, entitled: 21, agreed: 19, needed: 19, enough: true },
    { name: 'company of 20 with 95% articles: 19 exactly', rule: company95, entitled: 20, agreed: 19, needed: 19, enough: true },
    { name: 'company of 20 with 95% articles: 18 is short', rule: company95, entitled: 20, agreed: 18, needed: 19, enough: false },
    { name: 'company of 1: the one member', rule: company, entitled: 1, agreed: 1, needed: 1, enough: true },
    { name: 'society of 8 at 75%: 6 exactly', rule: society75, entitled: 8, agreed: 6, needed: 6, enough: true },
    { name: 'society of 8 at 75%: 5 is short', rule: society75, entitled: 8, agreed: 5, needed: 6, enough: false },
    { name: 'a low share still needs a majority in number only at a company: society of 10 at 40%', rule: society40, entitled: 10, agreed: 4, needed: 4, enough: true },
    { name: 'the same share at a company would need a majority in number', rule: { ...society40, majorityInNumber: true }, entitled: 10, agreed: 5, needed: 6, enough: false },
    { name: 'nobody entitled: never enough, one consent at least is needed', rule: society75, entitled: 0, agreed: 0, needed: 1, enough: false },
  ];
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_n, c) => {
    const d = decideShortNoticeConsent(c.rule, members(c.entitled), first(c.agreed));
    expect({ needed: d.needed, enough: d.enough, agreed: d.agreed.length }).toEqual({ needed: c.needed, enough: c.enough, agreed: c.agreed });
    expect(consentsNeeded(c.rule, c.entitled)).toBe(c.needed);
  });

  it('counts each member once, and not those who are not entitled on the meeting date', () => {
    const d = decideShortNoticeConsent(society75, members(4), [2, 2, 1, 9, 3]);
    expect(d.agreed).toEqual([1, 2, 3]);
    expect(d.notCounted).toEqual([9]);
    expect(d.enough).toBe(true);
  });
});

describe('recording consents', () => {
  it('adds each member once with the first date, removes those taken off, in number order', () => {
    const before = [{ member: 3, date: '2027-06-01' }];
    expect(mergeConsents(before, [1, 3, 2], [], '2027-06-02')).toEqual([
      { member: 1, date: '2027-06-02' },
      { member: 2, date: '2027-06-02' },
      { member: 3, date: '2027-06-01' },
    ]);
    expect(mergeConsents(before, [4], [3], '2027-06-02')).toEqual([{ member: 4, date: '2027-06-02' }]);
  });

  const meeting = (consents: number[]): MeetingRecord =>
    ({
      id: '2027-06-10-general',
      type: 'general',
      date: '2027-06-10',
      shortNotice: { required: 14, given: 5, consent: '90%', consentMembers: 3, entitledMembers: 3, consents: consents.map((member) => ({ member, date: '2027-06-01' })) },
    }) as MeetingRecord;
  const rule: ShortNoticeRule = { share: { num: 90, den: 100 }, majorityInNumber: true, source: 'Companies Act 2006, section 307(5) and (6)' };

  it('refuses a short-notice meeting without enough consent, saying how many of how many', () => {
    expect(() => checkShortNoticeConsent(meeting([1, 2]), members(3), rule)).toThrow(
      /needs the consent of at least 90% .*: 3 of the 3 members\. Consent is recorded from 2 \(members 1, 2\)/,
    );
    expect(() => checkShortNoticeConsent(meeting([]), members(3), rule)).toThrow(/coop meeting consent 2027-06-10-general <numbers>/);
  });

  it('passes one with enough, and a meeting on full notice', () => {
    expect(checkShortNoticeConsent(meeting([1, 2, 3]), members(3), rule)?.enough).toBe(true);
    expect(checkShortNoticeConsent({ ...meeting([]), shortNotice: null }, members(3), rule)).toBeNull();
  });
});

describe('the governing documents', () => {
  // Every form may be called at short notice only because every document says so, with its share.
  it.each(['society-rules.md.hbs', 'association-constitution.md.hbs', 'company-articles.md.hbs'])('%s states a short-notice consent from coop.yml', (file) => {
    const text = readFileSync(join(ROOT, 'templates', 'governing', file), 'utf8');
    expect(text).toMatch(/shorter notice if \{\{meetings\.shortNoticeConsent\}\} agree/);
  });
});
