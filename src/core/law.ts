// The law's numbers, each once, with its source. See ../shared/domain/uk-facts.md for the
// notes these come from; [V] wording seen in the source, [S] from a reputable summary,
// [U] unconfirmed. Rules parameters that a group chooses live in coop.yml, not here.

import type { Form, Jurisdiction, Kind } from './params.js';

/** Co-operative and Community Benefit Societies Act 2014 s.2 [V] (NI: 1969 Act, same pattern). */
export const SOCIETY_MIN_MEMBERS = 3;

/** An association is two or more people joined for a purpose; a company may have one member (CA 2006 s.7). */
export const MIN_FOUNDERS: Record<Form, number> = {
  'co-operative-society': SOCIETY_MIN_MEMBERS,
  'community-benefit-society': SOCIETY_MIN_MEMBERS,
  'company-limited-by-guarantee': 1,
  cic: 1,
  'unincorporated-association': 2,
};

/** Maximum withdrawable shareholding per member, in pence: 2014 Act s.24 [S]; NI 1969 Act [S]. */
export const WITHDRAWABLE_SHARE_CAP_PENCE: Record<Jurisdiction, number> = {
  'england-wales': 100_000_00,
  scotland: 100_000_00,
  'northern-ireland': 20_000_00,
};

/** Companies Act 2006 s.307: a general meeting of a private company needs at least 14 days' notice [V]. */
export const COMPANY_MIN_NOTICE_DAYS = 14;

/** Companies Act 2006 s.307(5): shorter notice with consent of members holding 90% of votes [V]. */
export const COMPANY_SHORT_NOTICE_CONSENT_PERCENT = 90;

/** Companies Act 2006 s.324: every member of a company may appoint a proxy [V, with s.325 on notices]. */
export const COMPANY_MEMBERS_MAY_APPOINT_PROXIES = true;

/** Companies Act 2006 s.283: a special resolution needs at least 75% [V]. */
export const COMPANY_SPECIAL_RESOLUTION_PERCENT = 75;

/** 2014 Act s.89: annual return and accounts to the FCA within 7 months of the year end [V]. */
export const SOCIETY_ANNUAL_RETURN_MONTHS = 7;

/** Companies Act 2006 s.853A: confirmation statement at least once every 12 months, filed within 14 days [S]. */
export const CONFIRMATION_STATEMENT_MONTHS = 12;
export const CONFIRMATION_STATEMENT_FILING_DAYS = 14;

/** Companies Act 2006 s.442: a private company files accounts within 9 months of its year end [S]. */
export const COMPANY_ACCOUNTS_MONTHS = 9;

/**
 * Companies Act 2006 s.442(3): where a company's first accounting period is longer than 12
 * months, its first accounts are due 21 months after incorporation or 3 months after the
 * accounting reference date, whichever is later [S].
 */
export const COMPANY_FIRST_ACCOUNTS_MONTHS = 21;
export const COMPANY_FIRST_ACCOUNTS_AFTER_YEAR_END_MONTHS = 3;

/** CIC Regulations 2005 reg.26: the community interest report (CIC34) goes with the accounts [S]. */
export const CIC_REPORT_MONTHS = COMPANY_ACCOUNTS_MONTHS;

/** CIC dividend cap: 35% of distributable profits (CIC Regulator) [S]. */
export const CIC_DIVIDEND_CAP_PERCENT = 35;

/** Companies Act 2006 Part 21A: a person with significant control holds over 25% of shares or votes [S]. */
export const PSC_THRESHOLD_PERCENT = 25;

/** Companies Act 2006 s.355 and society practice: keep minutes at least 10 years [V]. */
export const MINUTES_KEEP_YEARS = 10;

/** 2014 Act s.30 [U]: entries for people who left more than 10 years ago may be removed. */
export const REGISTER_REMOVAL_YEARS = 10;

/** Ofcom: community radio licences go only to bodies corporate (Community Radio Order 2004) [V]. */
export const OFCOM_LICENCE_YEARS = 5;

/**
 * A CIC's name ends in "community interest company" or "CIC" (or the Welsh "cwmni buddiant
 * cymunedol" / "CBC"): Companies (Audit, Investigations and Community Enterprise) Act 2004 s.33 [S].
 */
export const CIC_NAME_SUFFIXES = ['community interest company', 'CIC', 'cwmni buddiant cymunedol', 'CBC'] as const;

/**
 * A company formed under the Companies Act 2006 cannot give its chair a casting vote at general
 * meetings (the power survives only for companies whose articles had it before 1 October 2007) [S].
 */
export const COMPANY_CASTING_VOTE_ALLOWED = false;

/** A name suffix the 2014 Act s.10 [V] requires unless exempt. */
export const SOCIETY_NAME_SUFFIXES = ['Limited', 'Cyfyngedig'] as const;

/** Forms that are registered societies under the 2014 Act (or the NI 1969 Act). */
export function isSociety(form: Form): boolean {
  return form === 'co-operative-society' || form === 'community-benefit-society';
}

/** Forms that are companies under the Companies Act 2006. */
export function isCompany(form: Form): boolean {
  return form === 'company-limited-by-guarantee' || form === 'cic';
}

/** Forms with members' share capital. CICs here are limited by guarantee, the usual choice for a community group. */
export function hasShares(form: Form): boolean {
  return isSociety(form);
}

/** Which forms each kind of group may take, and why the others are refused. */
export const VALID_FORMS: Record<Kind, readonly Form[]> = {
  'worker-coop': ['co-operative-society', 'company-limited-by-guarantee'],
  'neighbourhood-group': [
    'unincorporated-association',
    'community-benefit-society',
    'company-limited-by-guarantee',
    'cic',
  ],
  'arts-project': [
    'unincorporated-association',
    'cic',
    'company-limited-by-guarantee',
    'community-benefit-society',
  ],
  'community-radio': ['company-limited-by-guarantee', 'cic', 'community-benefit-society'],
};

export const INVALID_FORM_REASONS: Partial<Record<Kind, Partial<Record<Form, string>>>> = {
  'community-radio': {
    'unincorporated-association':
      'Ofcom grants community radio licences only to bodies corporate (companies or registered societies), never to unincorporated groups (Community Radio Order 2004).',
    'co-operative-society':
      'a community radio station serves a community rather than its members, so it registers as a community benefit society, not a co-operative society; or choose a company limited by guarantee or a CIC.',
  },
  'worker-coop': {
    'community-benefit-society':
      'a worker co-op is run for the mutual benefit of its worker-members, which is a co-operative society (bona fide co-op test, FCA RFCCBS 4.3), not a community benefit society.',
    cic: 'a CIC must not be run mainly for its members, but a worker co-op is; choose a co-operative society or a company limited by guarantee.',
    'unincorporated-association':
      'an unincorporated worker co-op leaves every member personally liable for the business; choose a co-operative society or a company limited by guarantee.',
  },
  'neighbourhood-group': {
    'co-operative-society':
      'a neighbourhood group serves the area rather than trading with its members; choose a community benefit society, an association, a company limited by guarantee or a CIC.',
  },
  'arts-project': {
    'co-operative-society':
      'an arts project open to the community is better as a community benefit society, CIC, company limited by guarantee or association; for artists trading together, use kind worker-coop.',
  },
};

/**
 * Companies Act 2006 s.391(5): a first accounting period runs more than 6 months (and at most
 * 18) from incorporation to the accounting reference date [S]. Used to find a new group's first
 * financial year end, and so when its first AGM falls due.
 */
export const FIRST_ACCOUNTING_PERIOD_MIN_MONTHS = 6;

/** Companies Act 2006 s.324 (and s.325: the notice must say so): every member may appoint a proxy [V]. */
export const COMPANY_PROXY_RIGHT_SOURCE = 'Companies Act 2006, section 324';

/** 2014 Act s.119 [V]: a society may dissolve by an instrument signed by at least 75% of its members. */
export const SOCIETY_DISSOLUTION_INSTRUMENT_PERCENT = 75;

/** Companies Act 2006 s.303 [U]: members with 5% of the votes may require the directors to call a general meeting. */
export const COMPANY_REQUISITION_PERCENT = 5;

/**
 * Not statute: the share of members who may require a general meeting in societies and
 * associations. Model rules use one tenth (uk-facts.md §5) [S].
 */
export const MEMBER_REQUISITION_PERCENT = 10;

/**
 * Not statute: what board style "elected-rotation" means. One third of the elected board
 * members retire at each AGM, as in the worker co-op models (uk-facts.md §5) [S].
 */
export const ROTATION_RETIRING_FRACTION = { num: 1, den: 3 } as const;

/**
 * Insolvency Act 1986 s.74(2)(a) [S]: a company's guarantee binds a member while a member and
 * for 1 year after leaving (a past member is not liable for a winding up a year or more later).
 */
export const GUARANTEE_AFTER_LEAVING_YEARS = 1;

/** Not statute: payments from an association's bank account need 2 signatures (uk-facts.md §3) [S]. */
export const ASSOCIATION_BANK_SIGNATURES = 2;

/**
 * Co-operative and Community Benefit Societies Act 2014 s.84 (NI: 1969 Act s.38A, [S]): a
 * society may resolve at a general meeting not to appoint auditors for a year of account, but
 * the resolution fails if 20% or more of the votes cast, or votes from 10% or more of the
 * members entitled to vote, are against it [V in uk-facts.md §10; the page was not re-opened
 * this session].
 */
export const AUDIT_EXEMPTION_AGAINST_VOTES_CAST = { num: 20, den: 100 } as const;
export const AUDIT_EXEMPTION_AGAINST_MEMBERS = { num: 10, den: 100 } as const;
export const AUDIT_EXEMPTION_SOURCE = 'Co-operative and Community Benefit Societies Act 2014, section 84';
