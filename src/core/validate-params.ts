// Checks of the rules parameters against the law and against each other. Pure: the shape is
// checked by the schema in params.ts first; these are the checks a schema cannot express.

import { formatPounds } from './numbers.js';
import { compareFractions, formatFraction } from './fraction.js';
import {
  COMPANY_CASTING_VOTE_ALLOWED,
  COMPANY_MEMBERS_MAY_APPOINT_PROXIES,
  COMPANY_SHORT_NOTICE_ARTICLES_MAX_PERCENT,
  COMPANY_SHORT_NOTICE_CONSENT_PERCENT,
  COMPANY_MIN_NOTICE_DAYS,
  COMPANY_SPECIAL_RESOLUTION_PERCENT,
  INVALID_FORM_REASONS,
  CBS_ASSET_LOCK_REGULATIONS,
  VALID_FORMS,
  WITHDRAWABLE_SHARE_CAP_PENCE,
  hasShares,
  isCompany,
} from './law.js';
import type { CoopParams } from './params.js';
import { FORM_LABEL, KIND_LABEL, article } from './labels.js';
import { nameProblems } from './legal-name.js';

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export interface Problem {
  /** Where the problem is: a coop.yml key path such as "meetings.noticeClearDays". */
  path: string;
  message: string;
}

const HALF = { num: 1, den: 2 };

/** Explains why a kind cannot take a form, or undefined if the pair is valid. */
export function formRefusal(kind: CoopParams['group']['kind'], form: CoopParams['group']['form']): string | undefined {
  const valid = VALID_FORMS[kind];
  if (valid.includes(form)) return undefined;
  const kindLabel = KIND_LABEL[kind];
  const formLabel = FORM_LABEL[form];
  const reason = INVALID_FORM_REASONS[kind]?.[form] ?? `this form does not suit ${article(kindLabel)} ${kindLabel}.`;
  return `${capitalise(article(kindLabel))} ${kindLabel} cannot be ${article(formLabel)} ${formLabel}: ${reason} Valid forms for ${article(kindLabel)} ${kindLabel} (kind ${kind}): ${valid.join(', ')}.`;
}

/** Every problem with a parsed set of parameters, in coop.yml order. Empty when all is well. */
export function validateParams(p: CoopParams): Problem[] {
  const problems: Problem[] = [];
  const add = (path: string, message: string) => problems.push({ path, message });
  const { group, meetings, board, shares } = p;

  const refusal = formRefusal(group.kind, group.form);
  if (refusal) add('group.form', refusal);

  // Name endings, Welsh endings and the s.60 exemption: src/core/legal-name.ts.
  for (const n of nameProblems(p)) add(n.path, n.message);

  if (p.decisions.method === 'consensus' && !p.decisions.fallbackThreshold) {
    add('decisions.fallbackThreshold', 'A group deciding by consensus needs a fallback vote threshold, for example "75%", for when consensus fails.');
  }
  if (p.decisions.fallbackThreshold && compareFractions(p.decisions.fallbackThreshold, HALF) < 0) {
    add('decisions.fallbackThreshold', 'The fallback vote threshold must be at least a simple majority (50%).');
  }

  if (compareFractions(meetings.specialResolution, HALF) <= 0) {
    add('meetings.specialResolution', `A special resolution must need more than a simple majority; ${formatFraction(meetings.specialResolution)} is not. Most rules use "75%".`);
  }
  if (isCompany(group.form)) {
    if (meetings.noticeClearDays < COMPANY_MIN_NOTICE_DAYS) {
      add(
        'meetings.noticeClearDays',
        `A company must give at least ${COMPANY_MIN_NOTICE_DAYS} clear days' notice of a general meeting (Companies Act 2006 s.307); ${meetings.noticeClearDays} is too short.`,
      );
    }
    if (compareFractions(meetings.specialResolution, { num: COMPANY_SPECIAL_RESOLUTION_PERCENT, den: 100 }) < 0) {
      add('meetings.specialResolution', `A company's special resolution needs at least ${COMPANY_SPECIAL_RESOLUTION_PERCENT}% (Companies Act 2006 s.283).`);
    }
    if (meetings.castingVote && !COMPANY_CASTING_VOTE_ALLOWED) {
      add(
        'meetings.castingVote',
        'A company formed under the Companies Act 2006 cannot give its chair a casting vote at general meetings: set castingVote to false (a tie is lost).',
      );
    }
    if (compareFractions(meetings.shortNoticeConsent, { num: COMPANY_SHORT_NOTICE_CONSENT_PERCENT, den: 100 }) < 0) {
      add(
        'meetings.shortNoticeConsent',
        `A company may hold a general meeting on short notice only with the consent of members holding at least ${COMPANY_SHORT_NOTICE_CONSENT_PERCENT}% of the votes (Companies Act 2006 s.307(5)); ${formatFraction(meetings.shortNoticeConsent)} is too low.`,
      );
    }
    if (compareFractions(meetings.shortNoticeConsent, { num: COMPANY_SHORT_NOTICE_ARTICLES_MAX_PERCENT, den: 100 }) > 0) {
      add(
        'meetings.shortNoticeConsent',
        `A company's articles may require the consent of members holding at most ${COMPANY_SHORT_NOTICE_ARTICLES_MAX_PERCENT}% of the votes for a meeting on short notice (Companies Act 2006 s.307(6)(a)); ${formatFraction(meetings.shortNoticeConsent)} is too high.`,
      );
    }
    if (COMPANY_MEMBERS_MAY_APPOINT_PROXIES && !meetings.proxies.allowed) {
      add('meetings.proxies.allowed', "A company's members have the right to appoint a proxy (Companies Act 2006 s.324): proxies must be allowed.");
    }
  }
  if (!meetings.proxies.allowed && meetings.proxies.maxPerHolder > 0) {
    add('meetings.proxies.maxPerHolder', 'Proxies are not allowed, so the most proxies one person may hold must be 0.');
  }
  if (meetings.proxies.allowed && meetings.proxies.maxPerHolder < 1) {
    add('meetings.proxies.maxPerHolder', 'Proxies are allowed, so one person must be able to hold at least 1.');
  }

  if (board.maxSize < board.minSize) {
    add('board.maxSize', `The board's largest size (${board.maxSize}) is smaller than its smallest (${board.minSize}).`);
  }
  for (const role of ['secretary'] as const) {
    if (!board.roles.includes(role)) add('board.roles', `The officers must include a ${role}: the law expects one to keep the register.`);
  }

  if (hasShares(group.form)) {
    if (!shares) add('shares', `A ${group.form} has members' shares: give the share terms (nominal value, minimum and maximum holding).`);
    else {
      if (shares.maximumHolding < shares.minimumHolding) {
        add('shares.maximumHolding', `The maximum holding (${shares.maximumHolding}) is below the minimum (${shares.minimumHolding}).`);
      }
      const cap = WITHDRAWABLE_SHARE_CAP_PENCE[group.jurisdiction];
      if (shares.withdrawable && shares.maximumHolding * shares.nominalPence > cap) {
        add(
          'shares.maximumHolding',
          `A member may hold at most ${poundsText(cap)} of withdrawable shares in ${jurisdictionName(group.jurisdiction)} (2014 Act s.24; NI 1969 Act); ${shares.maximumHolding} shares of ${poundsText(shares.nominalPence)} is ${poundsText(shares.maximumHolding * shares.nominalPence)}. Largest valid holding: ${Math.floor(cap / shares.nominalPence)} shares.`,
        );
      }
    }
    if (p.guaranteePence !== null) add('guaranteePence', `A ${group.form} is limited by shares, not by guarantee: leave guaranteePence empty (null).`);
  } else {
    if (shares) add('shares', `A ${group.form} has no members' shares in these rules: leave shares empty (null).`);
    if (isCompany(group.form) && p.guaranteePence === null) {
      add('guaranteePence', 'A company limited by guarantee needs each member’s guarantee, for example 100 (£1).');
    }
    if (!isCompany(group.form) && p.guaranteePence !== null) {
      add('guaranteePence', 'Only a company limited by guarantee has a members’ guarantee: leave guaranteePence empty (null).');
    }
  }

  if (group.form === 'cic' && p.dissolution.rule !== 'asset-lock') {
    add('dissolution.rule', 'A CIC has an asset lock: on dissolution its assets go to another asset-locked body, so the rule must be asset-lock.');
  }
  if (group.kind === 'worker-coop' && p.dissolution.rule === 'co-ownership' && group.form !== 'co-operative-society') {
    add('dissolution.rule', 'Sharing assets among members on dissolution (co-ownership) is only offered for a co-operative society.');
  }
  // A charitable society cannot adopt the prescribed restriction (SI 2006/264 reg 5 [S]); its
  // charitable objects and dissolution clause keep its assets for charity instead.
  if (group.charitable && group.form !== 'community-benefit-society') {
    add(
      'group.charitable',
      `Only a community benefit society is offered as charitable here; ${article(FORM_LABEL[group.form])} ${FORM_LABEL[group.form]} is not. Leave --charitable out.`,
    );
  }
  if (group.charitable && group.form === 'community-benefit-society' && p.dissolution.rule === 'asset-lock') {
    add(
      'dissolution.rule',
      `A charitable society cannot adopt the statutory asset lock (${CBS_ASSET_LOCK_REGULATIONS[group.jurisdiction]}, regulation 5): use --dissolution similar-body, which keeps its assets for charitable purposes.`,
    );
  } else if (group.charitable && group.form === 'community-benefit-society' && p.dissolution.rule !== 'similar-body') {
    add('dissolution.rule', 'A charitable society’s remaining assets must go to charity: use --dissolution similar-body, with a charity (or charities) as the recipient.');
  }
  if (p.dissolution.assetLockedBody !== undefined && group.form !== 'cic') {
    add(
      'dissolution.assetLockedBody',
      'Only a community interest company names a specified asset-locked body in its articles. Leave --asset-locked-body out, or give the recipient with --dissolution-recipient.',
    );
  }
  if ((group.form === 'community-benefit-society' || group.form === 'unincorporated-association') && p.dissolution.rule === 'co-ownership') {
    add('dissolution.rule', `A ${group.form}'s assets may not go to its members on dissolution; choose similar-body or asset-lock.`);
  }
  return problems;
}

/** Checks that depend on the founding membership as well as the rules. */
export function validateFounding(p: CoopParams, founders: number, minFounders: number): Problem[] {
  const problems: Problem[] = [];
  if (founders < minFounders) {
    problems.push({
      path: 'founders',
      message: `${capitalise(article(FORM_LABEL[p.group.form]))} ${FORM_LABEL[p.group.form]} needs at least ${minFounders} founding members; ${founders} ${founders === 1 ? 'was' : 'were'} given. Add founders with --founder "Name <email>", one for each.`,
    });
  }
  if (p.meetings.quorum.members > founders) {
    problems.push({
      path: 'meetings.quorum.members',
      message: `The general-meeting quorum (${p.meetings.quorum.members}) is larger than the founding membership (${founders}), so no meeting could ever be quorate. Use at most ${founders}.`,
    });
  }
  if (p.board.style === 'elected-rotation' && p.board.minSize > founders) {
    problems.push({
      path: 'board.minSize',
      message: `The board needs at least ${p.board.minSize} people but there are ${founders} founders. Use a smaller board or add founders.`,
    });
  }
  return problems;
}

export function poundsText(pence: number): string {
  return formatPounds(pence);
}

export function jurisdictionName(j: CoopParams['group']['jurisdiction']): string {
  return { 'england-wales': 'England and Wales', scotland: 'Scotland', 'northern-ireland': 'Northern Ireland' }[j];
}
