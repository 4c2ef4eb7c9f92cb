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

/**
 * Maximum withdrawable shareholding per member, in pence: 2014 Act s.24 [S]. Northern Ireland
 * too since 6 April 2018: the Credit Unions and Co-operative and Community Benefit Societies Act
 * (NI) 2016 raised the 1969 Act's cap to £100,000 and limited it to withdrawable shares [S].
 * No cap on non-withdrawable shares, nor for a member that is itself a registered society.
 */
export const WITHDRAWABLE_SHARE_CAP_PENCE: Record<Jurisdiction, number> = {
  'england-wales': 100_000_00,
  scotland: 100_000_00,
  'northern-ireland': 100_000_00,
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

/**
 * Companies Act 2006 s.853A [V]: a confirmation statement is due before the end of 14 days after
 * the end of each review period; the first review period is the 12 months beginning with the
 * day of incorporation, each later one the 12 months beginning with the day after the last
 * ended, or after the confirmation date of a statement delivered early (s.853A(5)–(6) as the
 * Explanatory Notes to the 2015 Act, paras 610–612, describe them [S]).
 */
export const CONFIRMATION_STATEMENT_MONTHS = 12;
export const CONFIRMATION_STATEMENT_FILING_DAYS = 14;

/** Companies Act 2006 s.442(2)(a) [V]: a private company files accounts within 9 months of its year end. */
export const COMPANY_ACCOUNTS_MONTHS = 9;

/**
 * Companies Act 2006 s.442(3) [V]: where a private company's first accounting reference period
 * is longer than 12 months, its first accounts are due 9 months from the first anniversary of
 * incorporation or 3 months after the end of that period, whichever last expires.
 */
export const COMPANY_FIRST_ANNIVERSARY_MONTHS = 12;
export const COMPANY_FIRST_ACCOUNTS_AFTER_YEAR_END_MONTHS = 3;

/**
 * Companies Act 2006 s.443 [S, from the Explanatory Notes para 689]: months counted from the last
 * day of a month end on the last day of the month reached (6 months from 30 June is 31 December),
 * reversing Dodds v Walker for filing periods. Other months are counted to the corresponding date.
 */
export const ACCOUNTS_PERIOD_MONTH_END_RULE = true;

/** CIC Regulations 2005 reg.26: the community interest report (CIC34) goes with the accounts [S]. */
export const CIC_REPORT_MONTHS = COMPANY_ACCOUNTS_MONTHS;

/** CIC dividend cap: 35% of distributable profits (CIC Regulator) [S]. */
export const CIC_DIVIDEND_CAP_PERCENT = 35;

/**
 * Companies Act 2006 Part 21A, Sch 1A [S]; the statements of nature of control in the Register of
 * People with Significant Control Regulations 2016 (SI 2016/339) Sch 2 [V] ("more than 25% but not
 * more than 50% of the voting rights"): a person with significant control holds more than 25%.
 */
export const PSC_THRESHOLD_PERCENT = 25;

/**
 * SI 2016/339 reg.10 [V]: where a company knows or has reasonable cause to believe there is no
 * registrable person or registrable relevant legal entity, its PSC register must say so, in
 * these words; reg.9(2): and note the date if that ceases to be true.
 */
export const PSC_NONE_STATEMENT =
  'The company knows or has reasonable cause to believe that there is no registrable person or registrable relevant legal entity in relation to the company.';

/** Companies Act 2006 s.355 and society practice: keep minutes at least 10 years [V]. */
export const MINUTES_KEEP_YEARS = 10;

/**
 * How long a former member's entry, with their address, is kept. Companies Act 2006 s.121 [S]:
 * an entry for a former member may be removed 10 years after they ceased to be a member. The
 * 2014 Act s.30(2) [V] lists a society's entries but no removal was found in it [U]: coop keeps
 * a society's entries at least as long, the safer reading.
 */
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
  'neighbourhood-group': ['unincorporated-association', 'community-benefit-society', 'company-limited-by-guarantee', 'cic'],
  'arts-project': ['unincorporated-association', 'cic', 'company-limited-by-guarantee', 'community-benefit-society'],
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

// --- Written resolutions (Companies Act 2006 Part 13 Chapter 2, ss.288–300) ---

/** s.282(2) [V]: a written ordinary resolution needs a simple majority of the total voting rights of eligible members. */
export const WRITTEN_ORDINARY_SOURCE = 'Companies Act 2006, section 282(2)';
/** s.283(2) [V]: a written special resolution needs not less than 75% of the total voting rights of eligible members. */
export const WRITTEN_SPECIAL_SOURCE = 'Companies Act 2006, section 283(2)';
/**
 * s.297(1) [V]: a proposed written resolution lapses if not passed before the end of the period
 * in the articles or, if none, 28 days beginning with the circulation date (the circulation date
 * is day 1); s.297(2): agreement signified after that is ineffective.
 */
export const COMPANY_WRITTEN_RESOLUTION_LAPSE_DAYS = 28;
export const WRITTEN_LAPSE_SOURCE = 'Companies Act 2006, section 297';
/**
 * s.288(2) [V]: a resolution under s.168 removing a director, or under s.510 removing an auditor,
 * before the end of their term may not be passed as a written resolution.
 */
export const WRITTEN_RESOLUTION_EXCLUDED_SOURCE = 'Companies Act 2006, section 288(2)';
/** s.289 [V]: eligible members are those entitled to vote on the circulation date (s.290 [V]: the day copies are first sent). */
export const WRITTEN_ELIGIBILITY_SOURCE = 'Companies Act 2006, sections 289 and 290';
/** Where the Act deals with written resolutions, as the papers cite it. */
export const WRITTEN_RESOLUTIONS_SOURCE = 'Chapter 2 of Part 13 of the Companies Act 2006 (sections 288 to 300)';
// ---- Amending the governing document (coop rules amend) ----

/**
 * Companies Act 2006 s.30(1): a copy of every special resolution goes to the registrar "within
 * 15 days after it is passed" [V, legislation.gov.uk]; s.26(1): a copy of the articles as
 * amended "not later than 15 days after the amendment takes effect" [V, the Act's text]. A
 * company amends its articles by special resolution (s.21) and the amendment takes effect when
 * passed; failing to file is an offence but does not undo it [S].
 */
export const COMPANY_AMENDMENT_FILING_DAYS = 15;
export const COMPANY_AMENDMENT_SOURCE = 'Companies Act 2006, sections 21, 26 and 30';

/**
 * Co-operative and Community Benefit Societies Act 2014 s.16: an amendment of a registered
 * society's rules is not valid until the FCA has registered it [S]; s.15: one that raises a
 * member's financial obligations binds them only with their written consent [V].
 */
export const SOCIETY_AMENDMENT_SOURCE = 'Co-operative and Community Benefit Societies Act 2014, section 16';

/**
 * Companies (Audit, Investigations and Community Enterprise) Act 2004 s.32: a CIC's change to
 * the objects in its articles does not take effect until the registrar registers it, which
 * needs the Regulator's confirmation that the company still meets the community interest
 * test; the resolution goes with a form CIC14 [S].
 */
export const CIC_OBJECTS_SOURCE = 'Companies (Audit, Investigations and Community Enterprise) Act 2004, section 32';
// ---- Governing documents a registrar accepts (issue 10) ----

/**
 * 2014 Act s.37(4) [V]: a nomination of a member's property in the society is valid up to
 * £5,000 at the member's death; s.37(2) in writing, signed, delivered to the registered office;
 * s.37(3) an officer or employee only if the nominator's spouse, civil partner, parent, child,
 * brother, sister, nephew or niece; s.37(5) the society keeps a book of nominations. The NI 1969
 * Act has its own nomination sections (ss.21 to 23) [S]: the NI rules refer to "the Act" for the figure.
 */
export const NOMINATION_MAX_PENCE = 5_000_00;
export const NOMINATION_SOURCE = 'Co-operative and Community Benefit Societies Act 2014, section 37';
/**
 * On a member's death (2014 Act ss.37 to 40): property nominated under s.37 goes to the nominee,
 * up to NOMINATION_MAX_PENCE (s.37(4) [V]); the society transfers it or pays its value once it
 * has proof of the death (s.39) [S]; anything else goes to the personal representatives (in
 * Scotland, executors), or, where small and not nominated, to those who appear entitled (s.40) [S].
 */
export const DEATH_PROPERTY_SOURCE = 'Co-operative and Community Benefit Societies Act 2014, sections 37 to 40';
/** s.37(3) [V], in the Act's order. */
export const NOMINATION_OFFICER_RELATIVES = ['spouse', 'civil partner', 'parent', 'child', 'brother', 'sister', 'nephew', 'niece'] as const;

/**
 * 2014 Act s.84 [V, uk-facts]: a society may resolve not to appoint auditors for a year if its
 * turnover and assets in the preceding year were within these limits (gross income for a
 * charitable society), unless the resolution is opposed by 20% or more of the votes cast or
 * by 10% or more of the members entitled to vote. NI: the 1969 Act s.38A sets its own limits.
 */
export const AUDIT_EXEMPT_TURNOVER_PENCE = 10_200_000_00;
export const AUDIT_EXEMPT_ASSETS_PENCE = 5_100_000_00;
export const AUDIT_EXEMPT_CHARITY_INCOME_PENCE = 250_000_00;
export const AUDIT_RESOLUTION_VOTES_AGAINST_PERCENT = 20;
export const AUDIT_RESOLUTION_MEMBERS_AGAINST_PERCENT = 10;

/**
 * The prescribed restriction on use of a community benefit society's assets: the Community
 * Benefit Societies (Restriction on Use of Assets) Regulations 2006 (SI 2006/264) reg 2 and
 * Schedule 1 [V]; NI: the Regulations (Northern Ireland) 2006 (SR 2006/258) Schedule [V]. The
 * Schedule's elements, each of which the rules' asset-lock clause gives effect to (a test finds each):
 * (1) all assets subject to the restriction; (2)(a) use for the benefit of the community;
 * (b) paying withdrawable share capital or interest on it; (c) payments on a nominator's death,
 * intestacy or mental incapacity; (d) payments to trustees of bankrupt (sequestrated) members;
 * (e) on dissolution or winding up, paying creditors; (f) transfers to (i) another prescribed
 * society with the restriction, (ii) a CIC, (iii) a registered social landlord (NI: registered
 * housing association) with an equivalent restriction, (iv) a charity. Regulation 5 prescribes
 * the societies that may adopt it: not charities or registered social landlords [S].
 */
export const CBS_ASSET_LOCK_REGULATIONS: Record<Jurisdiction, string> = {
  'england-wales': 'Community Benefit Societies (Restriction on Use of Assets) Regulations 2006 (SI 2006/264)',
  scotland: 'Community Benefit Societies (Restriction on Use of Assets) Regulations 2006 (SI 2006/264)',
  'northern-ireland': 'Community Benefit Societies (Restriction on Use of Assets) Regulations (Northern Ireland) 2006 (SR 2006/258)',
};

/**
 * The Community Interest Company Regulations 2005 (SI 2005/1788) reg 7 and Schedule 1 [V]: the
 * provisions a CIC limited by guarantee without a share capital must have. Para 1(1) no transfer
 * of assets other than for full consideration; 1(2)(a) except to a specified asset-locked body,
 * or with the Regulator's consent to another asset-locked body; 1(2)(b) or for the benefit of
 * the community other than to an asset-locked body; 1(3) any other restriction in the articles
 * still applies; 1(4) the defined terms. Reg 23 [V]: residual assets on a winding up go to the
 * asset-locked body the articles specify, in the proportions the Regulator directs, or as the
 * Regulator directs where none is specified (or it is not an asset-locked body, or it objects).
 */
export const CIC_ASSET_LOCK_SOURCE = 'Community Interest Company Regulations 2005 (SI 2005/1788), regulation 7 and Schedule 1';
export const CIC_RESIDUAL_ASSETS_SOURCE = 'Community Interest Company Regulations 2005, regulation 23';

/**
 * Companies Act 2006 s.59 [V]: a private limited company's name ends "limited" or "ltd."; a
 * Welsh company's may end "cyfyngedig" or "cyf.". s.60 and the Company, Limited Liability
 * Partnership and Business (Names and Trading Disclosures) Regulations 2015 (SI 2015/17) reg 3
 * [V]: a private company limited by guarantee is exempt while its objects are the promotion or
 * regulation of commerce, art, science, education, religion, charity or any profession, and its
 * articles require its income to be applied in promoting its objects, prohibit dividends or any
 * return of capital to members, and send its assets on winding up to a body with similar objects
 * or a charity. s.59(4): none of this applies to CICs (2004 Act s.33 instead).
 */
export const COMPANY_NAME_ENDINGS = ['limited', 'ltd', 'ltd.'] as const;
export const COMPANY_WELSH_NAME_ENDINGS = ['cyfyngedig', 'cyf', 'cyf.'] as const;
export const COMPANY_NAME_SOURCE = 'Companies Act 2006 s.59';
export const LIMITED_EXEMPT_SOURCE = 'Companies Act 2006 s.60 and SI 2015/17 reg 3';
export const LIMITED_EXEMPT_OBJECTS = ['commerce', 'art', 'science', 'education', 'religion', 'charity', 'any profession'] as const;

/**
 * Companies (Audit, Investigations and Community Enterprise) Act 2004 s.33 [V via uk-facts]: a
 * CIC's name ends "community interest company" or "c.i.c."; a Welsh CIC's may end "cwmni buddiant
 * cymunedol" or "c.b.c."; Sch 6 and the names regulations accept "CIC" and "C.I.C." as the
 * same ending (case and full stops are disregarded) [S].
 */
export const CIC_NAME_ENDINGS = ['community interest company', 'cic', 'c.i.c.'] as const;
export const CIC_WELSH_NAME_ENDINGS = ['cwmni buddiant cymunedol', 'cbc', 'c.b.c.'] as const;

/** 2014 Act s.10(2) [V]: "limited", or "cyfyngedig" only if the rules state the registered office is in Wales. */
export const SOCIETY_WELSH_NAME_ENDING = 'Cyfyngedig';

/**
 * Northern Ireland societies: the 1969 Act s.48 as amended [S] sets the annual return within 7
 * months of the year end, and the FCA is the registrar since 6 April 2018 (the 2016 NI Act;
 * SR 2006/258 reg 2 now defines "the Registrar" as the FCA [V]).
 */
export const NI_FCA_REGISTRAR_SINCE = '6 April 2018';
export const NI_SOCIETY_ANNUAL_RETURN_SOURCE = 'Co-operative and Community Benefit Societies Act (Northern Ireland) 1969 s.48';

/**
 * Charities Act 2011 s.30 [S]: a charity in England and Wales must register with the Charity
 * Commission once its income exceeds £5,000 a year (exempt and excepted charities aside).
 * Scotland: every charity registers with OSCR (Charities and Trustee Investment (Scotland) Act
 * 2005) [S]; Northern Ireland: every charity registers with the CCNI when called forward [S].
 */
export const CHARITY_REGISTRATION_INCOME_PENCE = 5_000_00;

/**
 * Localism Act 2011 s.89 and the Assets of Community Value (England) Regulations 2012 reg 5 [S]:
 * an unincorporated body may nominate an asset of community value if at least 21 of its members
 * are registered as local government electors in the local authority's area (or a neighbouring one).
 */
export const ACV_MIN_MEMBERS = 21;

/**
 * An association's holding trustees: at least 2, so that nobody holds the group's property alone
 * (a practice, not statute); land in England and Wales is held by no more than 4 trustees
 * (Trustee Act 1925 s.34(2)) [S].
 */
export const HOLDING_TRUSTEES_MIN = 2;
export const HOLDING_TRUSTEES_MAX_LAND = 4;
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

/**
 * Short notice at a company (Companies Act 2006 s.307(4)–(6) [V], legislation.gov.uk): a general
 * meeting may be called at shorter notice if agreed by a majority in number of the members
 * entitled to attend and vote, together holding at least the requisite percentage of the total
 * voting rights: 90% for a private company, or a higher figure its articles set, not above 95%
 * (s.307(6)(a)). A public company needs 95% (s.307(6)(b)), and its AGM the agreement of all the
 * members (s.337(2)) [V]; every company this tool founds is private (limited by guarantee), so
 * those two are stated here and not applied.
 */
export const COMPANY_SHORT_NOTICE_ARTICLES_MAX_PERCENT = 95;
export const COMPANY_SHORT_NOTICE_SOURCE = 'Companies Act 2006, section 307(5) and (6)';

/**
 * Proxies at a company (Companies Act 2006 [V], legislation.gov.uk): a member may appoint any
 * other person as proxy, member or not (s.324(1)), so the articles cannot confine proxies to
 * members or cap how many one person holds. On a show of hands every proxy present has one
 * vote however many members appointed them (s.285(1)), but one vote for and one against when
 * appointed by several members told to vote different ways (s.285(2), as substituted by SI
 * 2009/1632 reg 3); on a poll a proxy exercises each appointing member's votes (s.285(3)).
 */
export const COMPANY_PROXY_SHOW_OF_HANDS_SOURCE = 'Companies Act 2006, section 285';
export const COMPANY_PROXY_ANY_PERSON_SOURCE = 'Companies Act 2006, section 324(1)';
// ---- Resolutions the law treats specially (issue 11 item 4): removing a director, society mergers ----

/**
 * Companies Act 2006 s.168(1)–(2) [V, summaries; s.288(2) V]: members may remove a director by
 * ordinary resolution at a meeting, of which special notice is required; it cannot be a written
 * resolution (s.288(2)). s.312(1) [S, and s.360 V]: special notice is notice of the intention to
 * move it given to the company at least 28 days before the meeting, a period counted in clear days
 * (s.360(2) [V, legislation.gov.uk]: leaving out the day of the meeting and the day the notice is
 * received). s.312(3): the members are told of the resolution with the notice of the meeting.
 */
export const SPECIAL_NOTICE_CLEAR_DAYS = 28;
export const DIRECTOR_REMOVAL_SOURCE = 'Companies Act 2006, section 168';
export const SPECIAL_NOTICE_SOURCE = 'Companies Act 2006, sections 312 and 360';
/**
 * s.169 [V, betterregulation.com copy of the Act]: the company sends the director a copy of the
 * notice forthwith; the director may be heard on it at the meeting, and may make written
 * representations, which the notice of the resolution mentions and which go to every member.
 */
export const DIRECTOR_PROTEST_SOURCE = 'Companies Act 2006, section 169';

/**
 * Co-operative and Community Benefit Societies Act 2014 ss.109–111 [V, legislation.gov.uk, as
 * enacted]: an amalgamation of societies, or a transfer of engagements to another society, is by
 * a special resolution that s.111(2) defines: passed at a general meeting by at least two thirds
 * of the eligible members who vote, and confirmed by over half of those who vote at a second
 * general meeting held at least 14 days, and no more than one month, from the day of the first
 * [the window V in s.113(2)(f), the same words in s.111 per the Bill, S]. s.111(5)–(7) [V, the
 * Bill]: a copy signed by the chair of the second meeting and countersigned by the secretary goes
 * to the FCA within 14 days of confirmation; it takes effect only once registered.
 */
export const MERGER_FIRST_MEETING = { num: 2, den: 3 } as const;
export const MERGER_SOURCE = 'Co-operative and Community Benefit Societies Act 2014, section 111';
/**
 * 2014 Act ss.112–113 [V, legislation.gov.uk]: converting into a company, amalgamating with one
 * or transferring engagements to one is by a special resolution that s.113(2) defines: at least 75%
 * of the eligible members who vote, with at least 50% of the eligible members voting, then
 * confirmed as under s.111 within the same window.
 */
export const CONVERSION_FIRST_MEETING = { num: 75, den: 100 } as const;
export const CONVERSION_TURNOUT = { num: 50, den: 100 } as const;
export const CONVERSION_SOURCE = 'Co-operative and Community Benefit Societies Act 2014, section 113';
/** ss.111(2)(c)–(f) and 113(2)(d)–(f) [V]: the confirming meeting's majority and its window. */
export const CONFIRMATION_MAJORITY = { num: 1, den: 2 } as const;
export const CONFIRMATION_MIN_DAYS = 14;
export const CONFIRMATION_MAX_MONTHS = 1;
/** s.111(5) [V, the Bill as passed]: the copy to the FCA within 14 days from confirmation. */
export const MERGER_FCA_COPY_DAYS = 14;
