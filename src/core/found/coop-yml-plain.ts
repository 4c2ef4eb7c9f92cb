// coop.yml's comments, and its text written without the yaml library: `coop new` writes
// coop.yml once, and loading yaml's Document API (the largest library it would load) cost more
// than the rest of its rendering. coopYmlPlainText writes exactly what coop-yml.ts's yaml
// Document writes (a unit test compares them over every form, kind and jurisdiction) and
// declines (undefined) any value whose YAML form it cannot be sure of; coop new then asks yaml.

import { COMPANY_MIN_NOTICE_DAYS, COMPANY_SPECIAL_RESOLUTION_PERCENT, COMPANY_WRITTEN_RESOLUTION_LAPSE_DAYS, WITHDRAWABLE_SHARE_CAP_PENCE, isCompany } from '../law.js';
import { toPlainParams } from '../defaults.js';
import { BOARD_STYLES, DECISION_METHODS, DISSOLUTION_RULES, ELECTION_METHODS, ELECTION_TIE_BREAKS, FORMS, JURISDICTIONS, KINDS } from '../param-choices.js';
import type { CoopParams } from '../params.js';
import { jurisdictionName, poundsText } from '../validate-params.js';

export type Comment = string | ((p: CoopParams) => string);

/** One comment for every key coop.yml can hold, by its dotted path. */
export const KEY_COMMENTS: Record<string, Comment> = {
  createCoop: "Which create-coop drafted this group's documents (coop fills these in; do not edit).",
  'createCoop.version': 'The create-coop version that founded the group.',
  'createCoop.templateVersion': 'The version of the document templates used, so a later create-coop can offer to upgrade them.',
  group: 'Who the group is.',
  'group.name': (p) =>
    p.group.form === 'co-operative-society' || p.group.form === 'community-benefit-society'
      ? 'The full registered name. A society\'s name ends in "Limited" (or "Cyfyngedig" if the rules state the registered office is in Wales: officeCountry wales).'
      : "The group's full name, as it appears on its governing document and bank account.",
  'group.kind': `What sort of group this is: ${KINDS.join(', ')}.`,
  'group.form': `The legal form: ${FORMS.join(', ')}. Changing it means re-forming the group, not editing this line.`,
  'group.jurisdiction': `Where the group is based and registered: ${JURISDICTIONS.join(', ')}.`,
  'group.objects': 'What the group is for (its "objects"), as the governing document states them.',
  'group.area': 'The area the group serves.',
  'group.registeredOffice': 'The official address where letters to the group are sent.',
  'group.founded': 'The date of the founding meeting, YYYY-MM-DD. The register starts on this date.',
  'group.financialYearEnd': 'The last day of the financial year, MM-DD (03-31 is 31 March).',
  'group.officeCountry':
    'england or wales: the country of England and Wales the governing document states the registered office is in. Only with wales may the name take a Welsh ending (Cyfyngedig, Cyf, CBC).',
  'group.limitedExempt':
    'true: the company claims the exemption from ending its name in "Limited" (Companies Act 2006 s.60; SI 2015/17 reg 3). Its articles must keep every condition of the exemption.',
  'group.charitable':
    'true: a community benefit society with exclusively charitable objects. It cannot adopt the statutory asset lock; its rules keep its assets for charitable purposes instead.',
  membership: 'Who may join.',
  'membership.eligibility': 'Who may become a member, in the words the governing document uses.',
  decisions: 'How members make decisions at general meetings.',
  'decisions.method': `${DECISION_METHODS.join(' or ')}. With consensus, a vote is taken only when consensus fails.`,
  'decisions.fallbackThreshold': 'With consensus: the share of votes cast needed when consensus fails, e.g. 75%. Empty (null) with majority voting.',
  'decisions.writtenResolutions': 'Decisions the members make in writing, without a meeting (coop resolution).',
  'decisions.writtenResolutions.allowed': (p) =>
    `true or false: whether the members may pass resolutions in writing.${isCompany(p.group.form) ? ' A private company may (Companies Act 2006 s.288), except to remove a director or an auditor.' : ''}`,
  'decisions.writtenResolutions.lapseDays': (p) =>
    `Days, counting the day it is sent out, for enough members to agree before a written resolution lapses.${isCompany(p.group.form) ? ` Where the articles set none, the Act sets ${COMPANY_WRITTEN_RESOLUTION_LAPSE_DAYS} (s.297).` : ''}`,
  meetings: 'General meetings: notice, quorum, proxies and votes.',
  'meetings.noticeClearDays': (p) =>
    `Clear days' notice of a general meeting: the day the notice is served and the day of the meeting do not count.${isCompany(p.group.form) ? ` A company must give at least ${COMPANY_MIN_NOTICE_DAYS} (Companies Act 2006 s.307).` : ''}`,
  'meetings.postalServiceDays': 'Days after posting that a posted notice counts as received (2 means 48 hours).',
  'meetings.emailServiceDays': 'Days after sending that a notice by email counts as received (1: the day after), for members who agreed to email.',
  'meetings.shortNoticeConsent': 'Share of members who must agree for a meeting to be held on shorter notice.',
  'meetings.quorum': 'How many members must be present for a general meeting to make decisions: the greater of the two.',
  'meetings.quorum.members': 'A fixed number of members. It cannot be more than the group has.',
  'meetings.quorum.percent': 'A share of the membership, e.g. 10% or 1/10.',
  'meetings.proxies': 'Whether a member who cannot come may send someone to vote for them.',
  'meetings.proxies.allowed': (p) => `true or false.${isCompany(p.group.form) ? " A company's members always have this right (Companies Act 2006 s.324)." : ''}`,
  'meetings.proxies.maxPerHolder': 'The most proxies one person may hold (0 when proxies are not allowed).',
  'meetings.proxies.countTowardsQuorum': 'Whether members voting by proxy count as present for the quorum.',
  'meetings.specialResolution': (p) =>
    `Share of votes cast needed for a special resolution (changing the rules, expelling a member, winding up). Must be more than half${isCompany(p.group.form) ? `; a company needs at least ${COMPANY_SPECIAL_RESOLUTION_PERCENT}% (Companies Act 2006 s.283)` : ''}.`,
  'meetings.castingVote': 'Whether the chair has a second, deciding vote on a tie. false: a tied vote is lost.',
  'meetings.agm': 'When the annual general meeting is held.',
  'meetings.agm.withinMonthsOfYearEnd': 'The AGM is held within this many months after the financial year end.',
  'meetings.agm.maxMonthsBetween': 'The most months allowed between one AGM and the next.',
  board: 'The board (management committee) and officers.',
  'board.style': `${BOARD_STYLES.join(' or ')}: an elected board with one third retiring each year, or every member on the committee.`,
  'board.minSize': 'The fewest people the board may have.',
  'board.maxSize': 'The most people the board may have.',
  'board.quorum': 'How many board members must be present for the board to decide: the greater of the two.',
  'board.quorum.members': 'A fixed number of board members.',
  'board.quorum.percent': 'A share of the board.',
  'board.roles': 'The offices the group fills. It must include a secretary, who keeps the register.',
  'board.officersMustBeMembers': 'Whether officers and board members must be members of the group.',
  'board.coOptedMax': 'The most people the board may co-opt between general meetings; each co-opted member serves until the next AGM (0: none).',
  'board.elections': 'How the board is elected at the annual general meeting.',
  'board.elections.method': `${ELECTION_METHODS.join(' or ')}: each member votes for up to as many candidates as there are seats, or for one candidate only.`,
  'board.elections.tieBreak': `${ELECTION_TIE_BREAKS.join(' or ')}: a tie for the last seat is decided by drawing lots, or by the chair's casting vote.`,
  'board.elections.nominationDeadlineDays': 'Nominations close this many days before the meeting; empty (null) to take them up to the meeting.',
  shares: (p) => (p.shares ? "Members' shares. Each member holds at least the minimum; a share's value does not change." : "Members' shares: none (null) for this form."),
  'shares.nominalPence': 'The value of one share in pence (100 is £1).',
  'shares.minimumHolding': 'Shares each member must hold; founders take this many on joining.',
  'shares.maximumHolding': (p) =>
    `The most shares one member may hold. Withdrawable shares are capped by law at ${poundsText(WITHDRAWABLE_SHARE_CAP_PENCE[p.group.jurisdiction])} a member in ${jurisdictionName(p.group.jurisdiction)}.`,
  'shares.withdrawable': 'true: a member may cash in shares (and is repaid on leaving), as the rules allow.',
  'shares.transferable': 'true: members may transfer shares to each other.',
  guaranteePence: (p) =>
    p.guaranteePence !== null
      ? "Each member's guarantee in pence: what a member promises to pay towards debts if the company is wound up (100 is £1)."
      : "A member's guarantee: none (null); only companies limited by guarantee have one.",
  dissolution: 'What happens to anything left if the group is wound up, after its debts are paid.',
  'dissolution.rule': `${DISSOLUTION_RULES.join(', ')}.`,
  'dissolution.recipient': 'Who receives the remaining assets, in the words the governing document uses.',
  'dissolution.assetLockedBody':
    "A CIC's specified asset-locked body: the charity or CIC its articles name to receive transfers and its remaining assets (Community Interest Company Regulations 2005, Schedule 1 and regulation 23).",
};

export const HEADER = (p: CoopParams) =>
  [
    ` coop.yml: the rules parameters of ${p.group.name}.`,
    '',
    ' This file is the single source of truth for coop: the governing document states these',
    ' numbers, and every check coop makes (quorum, notice, votes, shares) reads them from here.',
    ' Changing a value here does not change the adopted governing document: a change to the',
    ' rules needs a special resolution (and, for a registered society or company, registration',
    ' of the change): propose it with `coop rules amend`, which edits this file only once the',
    ' change takes effect. `coop check` reports a rule edited here without one.',
  ].join('\n');

const WIDTH = 92;

/** Wraps a comment to lines of at most WIDTH characters, each starting with a space. */
export function wrap(text: string): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + word.length + 1 > WIDTH) {
      lines.push(line);
      line = '';
    }
    line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.map((l) => ` ${l}`).join('\n');
}

/**
 * A string whose YAML form is certain: letters, digits and everyday punctuation (no quotes but
 * apostrophes, no backslash, hash or line break), starting with a letter or digit and ending
 * with neither a space nor a colon, with no doubled spaces. yaml writes it plain, unless it
 * holds ": " (then in double quotes, which with no backslash or double quote in it is the text
 * as it is, quoted) or the core schema would read it as a number, bool or null (declined here).
 */
const SAFE = /^[A-Za-z0-9](?:[A-Za-z0-9,.()'’‘\-–—/&£%;:+ ]*[A-Za-z0-9,.()'’‘\-–—/&£%;+])?$/;
const NOT_A_STRING =
  /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;

function scalar(value: unknown): string | undefined {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number') return Number.isSafeInteger(value) ? String(value) : undefined;
  if (typeof value !== 'string' || !SAFE.test(value) || value.includes('  ') || NOT_A_STRING.test(value)) return undefined;
  return value.includes(': ') ? `"${value}"` : value;
}

/** The text of coop.yml exactly as coopYmlText writes it, or undefined where only yaml can be sure. */
export function coopYmlPlainText(params: CoopParams): string | undefined {
  const lines = HEADER(params)
    .split('\n')
    .map((l) => (l ? `#${l}` : ''));
  lines.push('');
  const ok = mapLines(toPlainParams(params) as unknown as Record<string, unknown>, '', 0, params, lines);
  return ok ? `${lines.join('\n')}\n` : undefined;
}

function mapLines(map: Record<string, unknown>, prefix: string, depth: number, params: CoopParams, lines: string[]): boolean {
  const indent = '  '.repeat(depth);
  for (const [key, value] of Object.entries(map)) {
    if (value === undefined) continue;
    if (!/^[A-Za-z][A-Za-z0-9]*$/.test(key)) return false;
    const path = prefix ? `${prefix}.${key}` : key;
    const comment = KEY_COMMENTS[path];
    if (!path.includes('.') && path !== 'createCoop' && comment !== undefined) lines.push('');
    if (comment !== undefined) {
      for (const l of wrap(typeof comment === 'function' ? comment(params) : comment).split('\n')) lines.push(`${indent}#${l}`);
    }
    if (Array.isArray(value)) {
      if (value.length === 0) return false;
      lines.push(`${indent}${key}:`);
      for (const item of value) {
        const text = scalar(item);
        if (text === undefined) return false;
        lines.push(`${indent}  - ${text}`);
      }
    } else if (value !== null && typeof value === 'object') {
      if (Object.values(value).every((v) => v === undefined)) return false;
      lines.push(`${indent}${key}:`);
      if (!mapLines(value as Record<string, unknown>, path, depth + 1, params, lines)) return false;
    } else {
      const text = scalar(value);
      if (text === undefined) return false;
      lines.push(`${indent}${key}: ${text}`);
    }
  }
  return true;
}
