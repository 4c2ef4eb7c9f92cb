// The shape of what the governing-document templates print: the contract between
// governingContext() and templates/governing/*.hbs. Every string here is final wording, with
// the numbers already turned into words from coop.yml params or law.ts.

import type { PlaceContext } from './place.js';

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
    /** "2 people" and "4 people": an association's holding trustees. */
    holdingTrusteesMin: string;
    holdingTrusteesMaxLand: string;
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
    /** "the day" or "2 days": when a notice sent electronically counts as served ("… after it is sent"). */
    electronicService: string;
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
    proxies: { allowed: boolean /** "5 proxies" */; maxPerHolder: string; countTowardsQuorum: boolean };
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
    /** "2 people"; null when the board may co-opt no one. */
    coOptedMax: string | null;
    /** Each voter votes for up to as many candidates as seats (false: for one only). */
    upToSeats: boolean;
    /** A tie for the last seat is decided by lot (false: by the chair's casting vote). */
    tieByLot: boolean;
    /** "7 days"; null when nominations may be made up to the meeting. */
    nominationDeadline: string | null;
  };
  /** Decisions in writing without a meeting. */
  written: {
    allowed: boolean;
    /** "28 days". */
    lapse: string;
    /** "three quarters (75%)". */
    special: string;
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
  /** What the law prescribes for this form's asset lock, name and members' rights (issue 10). */
  legal: {
    /** A community benefit society with the prescribed restriction on use (not charitable). */
    statutoryLock: boolean;
    /** Any other asset lock the document adopts by its own terms (not a statutory one). */
    plainLock: boolean;
    /** A charitable community benefit society. */
    charitable: boolean;
    /** The regulations that prescribe a community benefit society's restriction on use. */
    cbsLockRegulations: string;
    /** The CIC Regulations' asset-lock and residual-assets provisions. */
    cicLockSource: string;
    cicResidualSource: string;
    /** Where "community" is defined for a CIC: the 2004 Act s.35(5). */
    cicCommunitySource: string;
    /** A CIC's specified asset-locked body (person-supplied: print with {{md …}}), or null. */
    assetLockedBody: string | null;
    /** A company limited by guarantee claiming the exemption from "Limited". */
    limitedExempt: boolean;
    limitedExemptSource: string;
    /** "commerce, art, science, education, religion, charity or any profession". */
    limitedExemptObjects: string;
    /** The governing document states the registered office is in Wales. */
    officeInWales: boolean;
    /** "£5,000" in Great Britain; null in Northern Ireland, where the rules refer to the 1969 Act. */
    nominationMax: string | null;
    nominationSource: string;
    /** "spouse, civil partner, parent, child, brother, sister, nephew or niece". */
    nominationRelatives: string;
    /** Audit exemption limits (2014 Act s.84): null in Northern Ireland (1969 Act s.38A). */
    audit: { turnover: string; assets: string; charityIncome: string } | null;
    /** "20%" and "10%": opposition that defeats a resolution not to audit. */
    auditVotesAgainst: string;
    /** "section 84 of the Act"; NI "section 38A of the Act". */
    auditSection: string;
    auditMembersAgainst: string;
  };
  dissolution: {
    commonOwnership: boolean;
    coOwnership: boolean;
    similarBody: boolean;
    assetLock: boolean;
    /** Person-supplied: print with {{md …}}. */
    recipient: string;
  };
}
