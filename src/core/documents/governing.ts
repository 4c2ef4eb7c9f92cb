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
  AUDIT_EXEMPT_ASSETS_PENCE,
  HOLDING_TRUSTEES_MAX_LAND,
  HOLDING_TRUSTEES_MIN,
  AUDIT_EXEMPT_CHARITY_INCOME_PENCE,
  AUDIT_EXEMPT_TURNOVER_PENCE,
  AUDIT_RESOLUTION_MEMBERS_AGAINST_PERCENT,
  AUDIT_RESOLUTION_VOTES_AGAINST_PERCENT,
  CBS_ASSET_LOCK_REGULATIONS,
  CIC_ASSET_LOCK_SOURCE,
  CIC_RESIDUAL_ASSETS_SOURCE,
  LIMITED_EXEMPT_OBJECTS,
  LIMITED_EXEMPT_SOURCE,
  NOMINATION_MAX_PENCE,
  NOMINATION_OFFICER_RELATIVES,
  NOMINATION_SOURCE,
} from '../law.js';
import { boardRules, writtenRules } from '../board/rules.js';
import { officeInWales } from '../legal-name.js';
import { longDate } from '../dates.js';
import { compareFractions, type Fraction } from '../fraction.js';
import type { CoopParams, Form, Kind } from '../params.js';
import type { GoverningContext } from './governing-context.js';
import { placeContext } from './place.js';

export type { GoverningContext } from './governing-context.js';
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
  const elected = boardRules(params);
  const written = writtenRules(params);
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
    place: placeContext(form, group.jurisdiction, officeInWales(group)),
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
      holdingTrusteesMin: countOf(HOLDING_TRUSTEES_MIN, 'person', 'people'),
      holdingTrusteesMaxLand: countOf(HOLDING_TRUSTEES_MAX_LAND, 'person', 'people'),
      companyAccountsMonths: countOf(COMPANY_ACCOUNTS_MONTHS, 'month'),
      confirmationStatementMonths: countOf(CONFIRMATION_STATEMENT_MONTHS, 'month'),
    },
    meetings: {
      notice: countOf(meetings.noticeClearDays, 'clear day'),
      noticeGiven: `${countOf(meetings.noticeClearDays, 'clear day')}${meetings.noticeClearDays === 1 ? "'s" : "'"} notice`,
      postalService: countOf(meetings.postalServiceDays, 'day'),
      electronicService: meetings.emailServiceDays === 1 ? 'the day' : countOf(meetings.emailServiceDays, 'day'),
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
      coOptedMax: elected.coOptedMax > 0 ? countOf(elected.coOptedMax, 'person', 'people') : null,
      upToSeats: elected.method === 'up-to-seats',
      tieByLot: elected.tieBreak === 'lot',
      nominationDeadline: elected.nominationDeadlineDays === null ? null : countOf(elected.nominationDeadlineDays, 'day'),
    },
    written: { allowed: written.allowed, lapse: countOf(written.lapseDays, 'day'), special: thresholdText(written.special) },
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
    legal: legalContext(params),
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

/** What the law prescribes for the asset lock, the name and members' rights, as the document words it. */
function legalContext(params: CoopParams): GoverningContext['legal'] {
  const { group, dissolution } = params;
  const ni = group.jurisdiction === 'northern-ireland';
  const charitable = group.form === 'community-benefit-society' && group.charitable === true;
  const statutoryLock = group.form === 'community-benefit-society' && !charitable && dissolution.rule === 'asset-lock';
  return {
    statutoryLock,
    plainLock: dissolution.rule === 'asset-lock' && !statutoryLock && group.form !== 'cic',
    charitable,
    cbsLockRegulations: CBS_ASSET_LOCK_REGULATIONS[group.jurisdiction],
    cicLockSource: CIC_ASSET_LOCK_SOURCE,
    cicResidualSource: CIC_RESIDUAL_ASSETS_SOURCE,
    cicCommunitySource: 'section 35(5) of the Companies (Audit, Investigations and Community Enterprise) Act 2004',
    assetLockedBody: group.form === 'cic' ? (dissolution.assetLockedBody ?? null) : null,
    limitedExempt: group.form === 'company-limited-by-guarantee' && group.limitedExempt === true,
    limitedExemptSource: LIMITED_EXEMPT_SOURCE,
    limitedExemptObjects: listText([...LIMITED_EXEMPT_OBJECTS]).replace(/ and ([^ ]+ [^ ]+)$/, ' or $1'),
    officeInWales: officeInWales(group),
    nominationMax: ni ? null : poundsText(NOMINATION_MAX_PENCE),
    nominationSource: ni ? 'the Co-operative and Community Benefit Societies Act (Northern Ireland) 1969' : NOMINATION_SOURCE,
    nominationRelatives: listText([...NOMINATION_OFFICER_RELATIVES]).replace(/ and niece$/, ' or niece'),
    audit: ni
      ? null
      : {
          turnover: poundsText(AUDIT_EXEMPT_TURNOVER_PENCE),
          assets: poundsText(AUDIT_EXEMPT_ASSETS_PENCE),
          charityIncome: poundsText(AUDIT_EXEMPT_CHARITY_INCOME_PENCE),
        },
    auditVotesAgainst: `${AUDIT_RESOLUTION_VOTES_AGAINST_PERCENT}%`,
    auditSection: ni ? 'section 38A of the Act' : 'section 84 of the Act',
    auditMembersAgainst: `${AUDIT_RESOLUTION_MEMBERS_AGAINST_PERCENT}%`,
  };
}
