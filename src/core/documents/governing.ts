// The governing document: which file a form gets, and everything its template prints. Pure:
// the context is built from coop.yml params and law.ts, so the rules say exactly the numbers
// that later checks read. Templates hold no numbers of their own.

import {
  ASSOCIATION_BANK_SIGNATURES,
  CIC_DIVIDEND_CAP_PERCENT,
  COMPANY_ACCOUNTS_MONTHS,
  COMPANY_MIN_NOTICE_DAYS,
  COMPANY_REQUISITION_PERCENT,
  COMPANY_SHORT_NOTICE_CONSENT_PERCENT,
  CONFIRMATION_STATEMENT_MONTHS,
  GUARANTEE_AFTER_LEAVING_YEARS,
  MEMBER_REQUISITION_PERCENT,
  MINUTES_KEEP_YEARS,
  ROTATION_RETIRING_FRACTION,
  SOCIETY_ANNUAL_RETURN_MONTHS,
  SOCIETY_DISSOLUTION_INSTRUMENT_PERCENT,
  SOCIETY_MIN_MEMBERS,
  WITHDRAWABLE_SHARE_CAP_PENCE,
  isCompany,
  isSociety,
} from '../law.js';
import { longDate } from '../dates.js';
import { compareFractions, type Fraction } from '../fraction.js';
import type { CoopParams, Form, Kind } from '../params.js';
import { placeContext, type PlaceContext } from './place.js';
import { countOf, listText, monthDayText, percentText, poundsText, quorumText, roleText, thresholdText } from './words.js';

export interface GoverningDocumentFile {
  /** Where the document goes in the group's repository: "RULES.md". */
  path: string;
  /** What people call it: "Rules". */
  title: string;
  /** The template under templates/: "governing/society-rules.md.hbs". */
  template: string;
}

const FILES: Record<Form, GoverningDocumentFile> = {
  'co-operative-society': { path: 'RULES.md', title: 'Rules', template: 'governing/society-rules.md.hbs' },
  'community-benefit-society': { path: 'RULES.md', title: 'Rules', template: 'governing/society-rules.md.hbs' },
  'company-limited-by-guarantee': { path: 'ARTICLES.md', title: 'Articles of Association', template: 'governing/company-articles.md.hbs' },
  cic: { path: 'ARTICLES.md', title: 'Articles of Association', template: 'governing/company-articles.md.hbs' },
  'unincorporated-association': { path: 'CONSTITUTION.md', title: 'Constitution', template: 'governing/association-constitution.md.hbs' },
};

export function governingDocumentFile(form: Form): GoverningDocumentFile {
  return FILES[form];
}

const KIND_LABELS: Record<Kind, string> = {
  'worker-coop': 'worker co-operative',
  'neighbourhood-group': 'neighbourhood group',
  'arts-project': 'community arts project',
  'community-radio': 'community radio station',
};

const FORM_LABELS: Record<Form, string> = {
  'co-operative-society': 'co-operative society',
  'community-benefit-society': 'community benefit society',
  'company-limited-by-guarantee': 'company limited by guarantee',
  cic: 'community interest company limited by guarantee',
  'unincorporated-association': 'unincorporated association',
};

/**
 * Everything a governing-document template prints. Person-supplied text (group.name,
 * objects, area, registeredOffice, eligibility, dissolution.recipient) is raw here: templates
 * print it through {{md …}}. Every other string is our own wording and prints as it is.
 * Values that do not apply to the form are null or false, never missing (templates are strict).
 */
export interface GoverningContext {
  document: { title: string; path: string };
  group: {
    name: string;
    objects: string;
    area: string;
    registeredOffice: string;
    eligibility: string;
    /** "worker co-operative", "community radio station". */
    kindLabel: string;
    /** "co-operative society", "company limited by guarantee". */
    formLabel: string;
    /** "15 January 2024". */
    founded: string;
    /** "31 March". */
    financialYearEnd: string;
  };
  kind: { workerCoop: boolean; neighbourhoodGroup: boolean; artsProject: boolean; communityRadio: boolean };
  form: {
    society: boolean;
    coopSociety: boolean;
    benefitSociety: boolean;
    company: boolean;
    /** A company limited by guarantee that is not a CIC. */
    guaranteeCompany: boolean;
    cic: boolean;
    association: boolean;
  };
  place: PlaceContext;
  law: {
    /** "3 members": a society's legal minimum. */
    societyMinMembers: string;
    /** "£100,000": most a member may hold in withdrawable shares here. */
    withdrawableCap: string;
    /** "14 clear days": a company's legal minimum notice. */
    companyMinNotice: string;
    /** "90%": members' consent a company needs for shorter notice. */
    companyShortNoticeConsent: string;
    /** "35%": the CIC dividend cap. */
    cicDividendCap: string;
    /** "7 months": a society's annual return deadline. */
    annualReturnMonths: string;
    /** "10 years". */
    minutesKeepYears: string;
    /** "75%": members who must sign a society's instrument of dissolution. */
    dissolutionInstrumentConsent: string;
    /** "1 year": how long a company's guarantee lasts after a member leaves. */
    guaranteeAfterLeaving: string;
    /** "2 people": who must sign for an association's payments. */
    bankSignatures: string;
    /** "9 months": a company's accounts deadline (and a CIC's community interest report). */
    companyAccountsMonths: string;
    /** "12 months": most time between a company's confirmation statements. */
    confirmationStatementMonths: string;
  };
  meetings: {
    /** "14 clear days". */
    notice: string;
    /** "14 clear days' notice". */
    noticeGiven: string;
    /** "2 days": when a posted notice counts as served. */
    postalService: string;
    /** "90% of the members": who may agree to shorter notice. */
    shortNoticeConsent: string;
    /** "3 members or 25% of the members, whichever is greater". */
    quorum: string;
    /** "three quarters (75%) of the votes cast". */
    specialResolution: string;
    /** "more than half of the votes cast". */
    ordinaryResolution: string;
    castingVote: boolean;
    /** "6 months": AGM within this of the year end. */
    agmWithin: string;
    /** "15 months": most time between AGMs. */
    agmMaxBetween: string;
    /** "10%": the share of members (companies: of votes) who may require a general meeting. */
    requisition: string;
    proxies: { allowed: boolean; /** "5 proxies" */ maxPerHolder: string; countTowardsQuorum: boolean };
  };
  decisions: {
    majority: boolean;
    consensus: boolean;
    /** With consensus: "three quarters (75%) of the votes cast"; null with majority voting. */
    fallback: string | null;
    /**
     * With consensus: what a special resolution needs when it goes to the fallback vote, the
     * higher of the fallback and special-resolution thresholds, so falling back never makes a
     * special resolution easier to pass. Null with majority voting.
     */
    specialFallback: string | null;
  };
  board: {
    electedRotation: boolean;
    allMembers: boolean;
    /** "3 people". */
    minSize: string;
    /** "12 people". */
    maxSize: string;
    /** "2 board members or 50% of the board, whichever is greater" (directors; committee members). */
    quorum: string;
    /** "chair, secretary and treasurer". */
    roles: string;
    roleList: string[];
    /** "one third". */
    rotationFraction: string;
    officersMustBeMembers: boolean;
  };
  /** Null for forms without members' shares. */
  shares: {
    /** "£1". */
    nominal: string;
    /** "1 share". */
    minimum: string;
    /** "20,000 shares". */
    maximum: string;
    /** "£20,000". */
    maximumValue: string;
    withdrawable: boolean;
    transferable: boolean;
  } | null;
  /** Each member's guarantee for companies: "£1"; null otherwise. */
  guarantee: string | null;
  dissolution: {
    commonOwnership: boolean;
    coOwnership: boolean;
    similarBody: boolean;
    assetLock: boolean;
    /** Person-supplied: print with {{md …}}. */
    recipient: string;
  };
}

/** What each form calls one member of its board, and the board as a whole. */
const BOARD_MEMBER: Record<Form, [string, string]> = {
  'co-operative-society': ['board member', 'the board'],
  'community-benefit-society': ['board member', 'the board'],
  'company-limited-by-guarantee': ['director', 'the directors'],
  cic: ['director', 'the directors'],
  'unincorporated-association': ['committee member', 'the committee'],
};

export function governingContext(params: CoopParams): GoverningContext {
  const { group, meetings, board, shares, decisions, dissolution } = params;
  const form = group.form;
  const file = governingDocumentFile(form);
  const company = isCompany(form);
  const fallback = decisions.method === 'consensus' ? decisions.fallbackThreshold : null;
  return {
    document: { title: file.title, path: file.path },
    group: {
      name: group.name,
      objects: group.objects,
      area: group.area,
      registeredOffice: group.registeredOffice,
      eligibility: params.membership.eligibility,
      kindLabel: KIND_LABELS[group.kind],
      formLabel: FORM_LABELS[form],
      founded: longDate(group.founded),
      financialYearEnd: monthDayText(group.financialYearEnd),
    },
    kind: {
      workerCoop: group.kind === 'worker-coop',
      neighbourhoodGroup: group.kind === 'neighbourhood-group',
      artsProject: group.kind === 'arts-project',
      communityRadio: group.kind === 'community-radio',
    },
    form: {
      society: isSociety(form),
      coopSociety: form === 'co-operative-society',
      benefitSociety: form === 'community-benefit-society',
      company,
      guaranteeCompany: form === 'company-limited-by-guarantee',
      cic: form === 'cic',
      association: form === 'unincorporated-association',
    },
    place: placeContext(form, group.jurisdiction),
    law: {
      societyMinMembers: countOf(SOCIETY_MIN_MEMBERS, 'member'),
      withdrawableCap: poundsText(WITHDRAWABLE_SHARE_CAP_PENCE[group.jurisdiction]),
      companyMinNotice: countOf(COMPANY_MIN_NOTICE_DAYS, 'clear day'),
      companyShortNoticeConsent: `${COMPANY_SHORT_NOTICE_CONSENT_PERCENT}%`,
      cicDividendCap: `${CIC_DIVIDEND_CAP_PERCENT}%`,
      annualReturnMonths: countOf(SOCIETY_ANNUAL_RETURN_MONTHS, 'month'),
      minutesKeepYears: countOf(MINUTES_KEEP_YEARS, 'year'),
      dissolutionInstrumentConsent: `${SOCIETY_DISSOLUTION_INSTRUMENT_PERCENT}%`,
      guaranteeAfterLeaving: countOf(GUARANTEE_AFTER_LEAVING_YEARS, 'year'),
      bankSignatures: countOf(ASSOCIATION_BANK_SIGNATURES, 'person', 'people'),
      companyAccountsMonths: countOf(COMPANY_ACCOUNTS_MONTHS, 'month'),
      confirmationStatementMonths: countOf(CONFIRMATION_STATEMENT_MONTHS, 'month'),
    },
    meetings: {
      notice: countOf(meetings.noticeClearDays, 'clear day'),
      noticeGiven: `${countOf(meetings.noticeClearDays, 'clear day')}${meetings.noticeClearDays === 1 ? "'s" : "'"} notice`,
      postalService: countOf(meetings.postalServiceDays, 'day'),
      shortNoticeConsent: `${percentText(meetings.shortNoticeConsent)} of the members`,
      quorum: quorumText(meetings.quorum.members, meetings.quorum.percent, 'member', 'the members'),
      specialResolution: `${thresholdText(meetings.specialResolution)} of the votes cast`,
      ordinaryResolution: 'more than half of the votes cast',
      castingVote: meetings.castingVote,
      agmWithin: countOf(meetings.agm.withinMonthsOfYearEnd, 'month'),
      agmMaxBetween: countOf(meetings.agm.maxMonthsBetween, 'month'),
      requisition: `${company ? COMPANY_REQUISITION_PERCENT : MEMBER_REQUISITION_PERCENT}%`,
      proxies: {
        allowed: meetings.proxies.allowed,
        maxPerHolder: countOf(meetings.proxies.maxPerHolder, 'proxy', 'proxies'),
        countTowardsQuorum: meetings.proxies.countTowardsQuorum,
      },
    },
    decisions: {
      majority: decisions.method === 'majority',
      consensus: decisions.method === 'consensus',
      fallback: fallback ? `${thresholdText(fallback)} of the votes cast` : null,
      specialFallback: fallback ? `${thresholdText(higherOf(fallback, meetings.specialResolution))} of the votes cast` : null,
    },
    board: {
      electedRotation: board.style === 'elected-rotation',
      allMembers: board.style === 'all-members',
      minSize: countOf(board.minSize, 'person', 'people'),
      maxSize: countOf(board.maxSize, 'person', 'people'),
      quorum: quorumText(board.quorum.members, board.quorum.percent, BOARD_MEMBER[form][0], BOARD_MEMBER[form][1]),
      roles: listText(board.roles.map(roleText)),
      roleList: board.roles.map(roleText),
      rotationFraction: thresholdText(ROTATION_RETIRING_FRACTION),
      officersMustBeMembers: board.officersMustBeMembers,
    },
    shares: shares
      ? {
          nominal: poundsText(shares.nominalPence),
          minimum: countOf(shares.minimumHolding, 'share'),
          maximum: countOf(shares.maximumHolding, 'share'),
          maximumValue: poundsText(shares.maximumHolding * shares.nominalPence),
          withdrawable: shares.withdrawable,
          transferable: shares.transferable,
        }
      : null,
    guarantee: params.guaranteePence === null ? null : poundsText(params.guaranteePence),
    dissolution: {
      commonOwnership: dissolution.rule === 'common-ownership',
      coOwnership: dissolution.rule === 'co-ownership',
      similarBody: dissolution.rule === 'similar-body',
      assetLock: dissolution.rule === 'asset-lock',
      recipient: dissolution.recipient,
    },
  };
}


function higherOf(a: Fraction, b: Fraction): Fraction {
  return compareFractions(a, b) >= 0 ? a : b;
}
