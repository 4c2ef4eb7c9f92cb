// Short notice: a general meeting held on fewer clear days than the rules require is valid only
// with the members' consent, recorded member by member. Whose consent, and how much of it, is
// decided here and nowhere else: `coop meeting new`, `coop meeting consent`, the notice, the
// minutes and `coop meeting close` all ask these functions.
//
// Every governing document this tool drafts states a short-notice consent (society rules,
// association constitution and company articles alike: "a meeting may be called at shorter
// notice if … agree"), so every form can be called at short notice; a test holds the templates
// to that. Each member has one vote in all of them, so a share of the voting rights is the same
// share of the members.

import { UserError } from '../../errors.js';
import { longDate, type IsoDate } from '../dates.js';
import { ceilOf, compareFractions, describeFraction, type Fraction } from '../fraction.js';
import { COMPANY_SHORT_NOTICE_ARTICLES_MAX_PERCENT, COMPANY_SHORT_NOTICE_CONSENT_PERCENT, COMPANY_SHORT_NOTICE_SOURCE, isCompany } from '../law.js';
import type { CoopParams } from '../params.js';
import { describeMeeting, type MeetingRecord } from './record.js';

export interface ShortNoticeRule {
  /** The share of the members entitled to attend and vote who must agree. */
  share: Fraction;
  /** A company also needs a majority in number (s.307(5)). */
  majorityInNumber: boolean;
  /** Where the rule comes from, for the papers and refusals. */
  source: string;
}

/**
 * A company: the articles' share (coop.yml meetings.shortNoticeConsent), never below the Act's
 * 90% nor above the 95% the Act lets articles set (s.307(6)(a)). A society or association: the
 * share its own rules state, from the same parameter.
 */
export function shortNoticeRule(params: Pick<CoopParams, 'group' | 'meetings'>): ShortNoticeRule {
  const share = params.meetings.shortNoticeConsent;
  if (!isCompany(params.group.form)) return { share, majorityInNumber: false, source: 'the rules' };
  const floor: Fraction = { num: COMPANY_SHORT_NOTICE_CONSENT_PERCENT, den: 100 };
  const ceiling: Fraction = { num: COMPANY_SHORT_NOTICE_ARTICLES_MAX_PERCENT, den: 100 };
  const clamped = compareFractions(share, floor) < 0 ? floor : compareFractions(share, ceiling) > 0 ? ceiling : share;
  return { share: clamped, majorityInNumber: true, source: COMPANY_SHORT_NOTICE_SOURCE };
}

/** How many consents the rule needs of this many members entitled: never fewer than one. */
export function consentsNeeded(rule: ShortNoticeRule, entitled: number): number {
  const byShare = ceilOf(entitled, rule.share);
  const byNumber = rule.majorityInNumber ? Math.floor(entitled / 2) + 1 : 0;
  return Math.max(1, byShare, byNumber);
}

export interface ConsentDecision {
  /** Members entitled to attend and vote who agreed, in number order. */
  agreed: number[];
  entitled: number;
  needed: number;
  enough: boolean;
  /** Consents on record from numbers not entitled on the meeting date (not counted). */
  notCounted: number[];
}

export function decideShortNoticeConsent(rule: ShortNoticeRule, entitled: ReadonlySet<number>, consented: readonly number[]): ConsentDecision {
  const all = [...new Set(consented)].sort((a, b) => a - b);
  const agreed = all.filter((n) => entitled.has(n));
  const needed = consentsNeeded(rule, entitled.size);
  return { agreed, entitled: entitled.size, needed, enough: agreed.length >= needed, notCounted: all.filter((n) => !entitled.has(n)) };
}

/** "at least 90% of the members entitled to attend and vote, and a majority of them in number (Companies Act 2006, …)" */
export function describeShortNoticeRule(rule: ShortNoticeRule): string {
  return `at least ${describeFraction(rule.share)} of the members entitled to attend and vote${rule.majorityInNumber ? ', and a majority of them in number' : ''} (${rule.source})`;
}

/** The members whose consent is on record for a short-notice meeting. */
export function consentsOnRecord(meeting: Pick<MeetingRecord, 'shortNotice'>): number[] {
  return (meeting.shortNotice?.consents ?? []).map((c) => c.member);
}

/** Refuses to close (or otherwise treat as validly held) a short-notice meeting without the consent its rule needs. */
export function checkShortNoticeConsent(meeting: MeetingRecord, entitled: ReadonlySet<number>, rule: ShortNoticeRule): ConsentDecision | null {
  if (!meeting.shortNotice) return null;
  const decision = decideShortNoticeConsent(rule, entitled, consentsOnRecord(meeting));
  if (decision.enough) return decision;
  const what = describeMeeting(meeting);
  throw new UserError(
    `${what.charAt(0).toUpperCase()}${what.slice(1)} was called at short notice (${meeting.shortNotice.given} clear days; the rules require ${meeting.shortNotice.required}), ` +
      `which needs the consent of ${describeShortNoticeRule(rule)}: ${decision.needed} of the ${decision.entitled} members. ` +
      `Consent is recorded from ${decision.agreed.length}${decision.agreed.length > 0 ? ` (members ${decision.agreed.join(', ')})` : ''}. ` +
      `Record the members who agreed with: coop meeting consent ${meeting.id} <numbers>. If they did not agree, the meeting was not validly called: call it again with full notice. Nothing was changed.`,
  );
}

/** A consent as recorded: the member, and the day their agreement was received. */
export interface Consent {
  member: number;
  date: IsoDate;
}

/** The consents on record with these added (each member once, their first date kept) and those removed. */
export function mergeConsents(existing: readonly Consent[], add: readonly number[], remove: readonly number[], date: IsoDate): Consent[] {
  const gone = new Set(remove);
  const out = existing.filter((c) => !gone.has(c.member));
  const have = new Set(out.map((c) => c.member));
  for (const n of add) {
    if (have.has(n) || gone.has(n)) continue;
    out.push({ member: n, date });
    have.add(n);
  }
  return out.sort((a, b) => a.member - b.member);
}

/** "the consent of 9 of the 10 members entitled to attend and vote (members 1, 2, …), received by 3 June 2027" */
export function consentStatement(decision: ConsentDecision, consents: readonly Consent[]): string {
  const last = consents.filter((c) => decision.agreed.includes(c.member)).reduce<IsoDate | null>((a, c) => (a === null || c.date > a ? c.date : a), null);
  return `the consent of ${decision.agreed.length} of the ${decision.entitled} members entitled to attend and vote (members ${decision.agreed.join(', ')})${last ? `, the last received on ${longDate(last)}` : ''}`;
}
