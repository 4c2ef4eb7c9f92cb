// What the founding documents (minutes, next steps, the group's README) are rendered from:
// every value, number and date comes from the parameters, the founders or law.ts; the
// templates hold only words.

import { addMonths, longDate } from '../dates.js';
import { BANK_SIGNATORIES } from '../defaults.js';
import { describeFraction } from '../fraction.js';
import { CONTACTS_FILE, LEDGER_FILE, PARAMS_FILE } from '../layout.js';
import {
  ACV_MIN_MEMBERS,
  CBS_ASSET_LOCK_REGULATIONS,
  CHARITY_REGISTRATION_INCOME_PENCE,
  GUARANTEE_AFTER_LEAVING_YEARS,
  MINUTES_KEEP_YEARS,
  NI_FCA_REGISTRAR_SINCE,
  NI_SOCIETY_ANNUAL_RETURN_SOURCE,
  REGISTER_REMOVAL_YEARS,
  WITHDRAWABLE_SHARE_CAP_PENCE,
  hasShares,
  isCompany,
  isSociety,
} from '../law.js';
import { officeInWales } from '../legal-name.js';
import { OFFICER_DETAILS_FILE } from '../officer-details.js';
import type { Form } from '../params.js';
import type { CoopParams } from '../params.js';
import { poundsText } from '../validate-params.js';
import { TEMPLATE_VERSION, VERSION } from '../../version.js';
import type { Founder } from './founders.js';
import { FORM_LABEL, JURISDICTION_LABEL, KIND_LABEL, article, roleTitle } from '../labels.js';
import { registrationFor } from './registration.js';
import { countOf, monthDayText } from '../documents/words.js';
import { firstOfficers, foundingShares } from './register.js';

/** Where the founding files go: one place, so the README, the minutes and the plan agree. */
export const FOUNDING_FILES = {
  params: PARAMS_FILE,
  ledger: LEDGER_FILE,
  contacts: CONTACTS_FILE,
  minutes: 'documents/founding-minutes.md',
  nextSteps: 'documents/next-steps.md',
  readme: 'README.md',
  gitignore: '.gitignore',
  privacy: 'documents/privacy-notice.md',
} as const;

/** What the founders file besides the governing document, by form: under documents/registration/. */
export interface PackFile {
  path: string;
  template: string;
  /** What it is, for the README's table and the next steps. */
  what: string;
}

const PACK_DIR = 'documents/registration';
const pack = (name: string, what: string): PackFile => ({ path: `${PACK_DIR}/${name}.md`, template: `group/documents/registration/${name}.md.hbs`, what });

export function registrationPack(form: CoopParams['group']['form']): PackFile[] {
  if (isSociety(form)) {
    return [
      pack('fca-application', 'the information the FCA’s application to register a new society asks for, drafted from the rules'),
      pack('signature-sheet', 'the sheet on which founding members and the secretary sign the rules for registration'),
    ];
  }
  if (isCompany(form)) {
    return [
      pack('memorandum-of-association', 'the memorandum of association (Companies Act 2006 s.8), for each subscriber to sign'),
      pack('statement-of-guarantee', 'the statement of guarantee (Companies Act 2006 s.11) filed with the application'),
      ...(form === 'cic'
        ? [pack('community-interest-statement', 'the community interest statement the CIC Regulator asks for (form CIC36), drafted from the objects and area')]
        : []),
    ];
  }
  return [];
}

export interface GoverningRef {
  path: string;
  title: string;
}

export function foundingContext(params: CoopParams, founders: readonly Founder[], governing: GoverningRef) {
  const { group, shares, meetings } = params;
  const form = group.form;
  const each = foundingShares(params);
  const officers = firstOfficers(params, founders).map((o) => ({ ...o, title: roleTitle(o.role) }));
  const kindLabel = KIND_LABEL[group.kind];
  const formLabel = FORM_LABEL[form];
  return {
    group: {
      name: group.name,
      kindLabel,
      kindArticle: article(kindLabel),
      formLabel,
      formArticle: article(formLabel),
      jurisdictionName: JURISDICTION_LABEL[group.jurisdiction],
      objects: group.objects,
      area: group.area,
      office: group.registeredOffice,
      founded: group.founded,
      foundedLong: longDate(group.founded),
      yearEnd: monthDayText(group.financialYearEnd),
    },
    is: {
      society: isSociety(form),
      coopSociety: form === 'co-operative-society',
      cbs: form === 'community-benefit-society',
      company: isCompany(form),
      clg: form === 'company-limited-by-guarantee',
      cic: form === 'cic',
      association: form === 'unincorporated-association',
      workerCoop: group.kind === 'worker-coop',
      radio: group.kind === 'community-radio',
      northernIreland: group.jurisdiction === 'northern-ireland',
      scotland: group.jurisdiction === 'scotland',
      shares: hasShares(form) && shares !== null,
      consensus: params.decisions.method === 'consensus',
      proxies: meetings.proxies.allowed,
      electedBoard: params.board.style === 'elected-rotation',
    },
    governing,
    founders: founders.map((f, i) => ({
      number: i + 1,
      name: f.name,
      shares: each,
      paid: shares ? poundsText(each * shares.nominalPence) : '',
    })),
    foundersCount: founders.length,
    officers,
    chair: officers.find((o) => o.role === 'chair') ?? officers[0]!,
    secretary: officers.find((o) => o.role === 'secretary') ?? officers[0]!,
    shares: shares
      ? {
          nominal: poundsText(shares.nominalPence),
          minimum: shares.minimumHolding,
          /** "1 share", "5 shares". */
          minimumText: countOf(shares.minimumHolding, 'share'),
          /** What each founder pays for their shares: "£1". */
          eachPays: poundsText(each * shares.nominalPence),
          maximum: shares.maximumHolding,
          withdrawable: shares.withdrawable,
          transferable: shares.transferable,
        }
      : null,
    guarantee: params.guaranteePence !== null ? poundsText(params.guaranteePence) : null,
    meetings: {
      noticeDays: meetings.noticeClearDays,
      quorumMembers: meetings.quorum.members,
      quorumPercent: describeFraction(meetings.quorum.percent),
      special: describeFraction(meetings.specialResolution),
      agmWithinMonths: meetings.agm.withinMonthsOfYearEnd,
      maxMonthsBetween: meetings.agm.maxMonthsBetween,
    },
    registration: registrationFor(group.kind, form, group.jurisdiction),
    registrationPack: registrationPack(form),
    legal: foundingLegal(params),
    bankSignatories: BANK_SIGNATORIES,
    minutesKeepYears: MINUTES_KEEP_YEARS,
    privacy: privacyFacts(form),
    files: FOUNDING_FILES,
    // Examples in the group's README use the group's own numbers, and run as printed from the
    // founding day: a member joins on it, a meeting is called for two months on.
    example: {
      date: group.founded,
      meetingDate: addMonths(group.founded, 2),
      meetingTime: '18:30',
      nextMember: founders.length + 1,
      shares: each,
    },
    createCoop: { version: VERSION, templateVersion: TEMPLATE_VERSION },
  };
}

export type FoundingContext = ReturnType<typeof foundingContext>;

/** What the privacy notice says of the law behind the register, from the form: the words are the template's. */
function privacyFacts(form: Form) {
  return {
    retentionYears: REGISTER_REMOVAL_YEARS,
    officerDetailsFile: OFFICER_DETAILS_FILE,
    registerLaw: isSociety(form)
      ? 'the Co-operative and Community Benefit Societies Act 2014, section 30'
      : isCompany(form)
        ? 'the Companies Act 2006, sections 113, 162, 165, 275 and Part 21A'
        : '',
    registrar: isSociety(form) ? 'the Financial Conduct Authority' : isCompany(form) ? 'Companies House' : '',
  };
}

/** The legal choices the next steps and registration pack speak to (issue 10). */
function foundingLegal(params: CoopParams) {
  const { group, dissolution } = params;
  const ew = group.jurisdiction === 'england-wales';
  const charitable = group.form === 'community-benefit-society' && group.charitable === true;
  return {
    charitable,
    statutoryLock: group.form === 'community-benefit-society' && !charitable && dissolution.rule === 'asset-lock',
    cbsLockRegulations: CBS_ASSET_LOCK_REGULATIONS[group.jurisdiction],
    /** Charitable society in England and Wales: an exempt charity (HMRC recognition, no Charity Commission registration). */
    exemptCharity: charitable && ew,
    charityScotland: group.jurisdiction === 'scotland',
    charityNorthernIreland: group.jurisdiction === 'northern-ireland',
    charityEnglandWales: ew,
    charityIncomeThreshold: poundsText(CHARITY_REGISTRATION_INCOME_PENCE),
    limitedExempt: group.form === 'company-limited-by-guarantee' && group.limitedExempt === true,
    officeInWales: officeInWales(group),
    assetLockedBody: group.form === 'cic' ? (dissolution.assetLockedBody ?? null) : null,
    // Assets of Community Value are an English scheme (Localism Act 2011 Part 5 Ch 3): a
    // neighbourhood association with its office in England.
    acv: group.kind === 'neighbourhood-group' && group.form === 'unincorporated-association' && ew && !officeInWales(group),
    acvMembers: ACV_MIN_MEMBERS,
    guaranteeAfterLeaving: countOf(GUARANTEE_AFTER_LEAVING_YEARS, 'year'),
    niSociety: isSociety(group.form) && group.jurisdiction === 'northern-ireland',
    niFcaSince: NI_FCA_REGISTRAR_SINCE,
    withdrawableCap: poundsText(WITHDRAWABLE_SHARE_CAP_PENCE[group.jurisdiction]),
    annualReturnSource: group.jurisdiction === 'northern-ireland' ? NI_SOCIETY_ANNUAL_RETURN_SOURCE : 'Co-operative and Community Benefit Societies Act 2014 s.89',
  };
}
