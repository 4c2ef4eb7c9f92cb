// What the meeting's papers say, as plain values for the templates: every number and date here
// comes from coop.yml, the register or the meeting record, so the templates hold none.

import { describeFraction } from '../fraction.js';
import { longDate } from '../dates.js';
import { escapeMarkdown } from '../markdown.js';
import { COMPANY_PROXY_RIGHT_SOURCE, COMPANY_PROXY_SHOW_OF_HANDS_SOURCE, isCompany } from '../law.js';
import type { CoopParams } from '../params.js';
import { buildAgenda, resolutionLabel, type AgendaItem, type AgendaResolution } from './agenda.js';
import { showOfHands, votersAllowed, type AssessedAttendance, type Outcome, type QuorumDecision } from './counting.js';
import { retiringByRotation, type Voter } from './entitled.js';
import { clearDaysBetween } from './notice.js';
import { meetingName, meetingTitle, type MeetingRecord } from './record.js';
import { consentStatement, decideShortNoticeConsent, describeShortNoticeRule, shortNoticeRule } from './short-notice.js';
import { specialBusinessNotes } from './special-business.js';

export interface PaperInput {
  params: CoopParams;
  record: MeetingRecord;
  /** Everyone entitled to vote at the meeting, as at its date. */
  voters: readonly Voter[];
  /** The board on the meeting date, for rotation at an AGM. */
  board: readonly Voter[];
  quorumRequired: number;
  /** Who retires from a board of seats (core/elections/rotation.ts); without it, rotation among the officers. */
  retiring?: readonly Voter[];
}

export interface PaperContext {
  org: string;
  title: string;
  meetingName: string;
  isAgm: boolean;
  isCommittee: boolean;
  date: string;
  time: string;
  place: string;
  online: string | null;
  noticeDate: string;
  postal: { posted: string; served: string; days: number } | null;
  /** How the notice reached the members, by method (records made before per-member service have none). */
  service: { how: string; sent: string; served: string; after: string; count: number; single: boolean }[] | null;
  notice: { given: number; required: number } | null;
  shortNotice: {
    given: number;
    required: number;
    consent: string;
    consentMembers: number;
    entitled: number;
    /** Whose consent the rule needs, and its source. */
    rule: string;
    /** "the consent of 9 of the 10 members …": only once enough consent is on record, else null. */
    consented: string | null;
  } | null;
  agenda: AgendaItem[];
  resolutions: AgendaResolution[];
  hasSpecial: boolean;
  specialThreshold: string;
  /** How this meeting decides, in one statement that every paper prints the same way. */
  decisionRule: string;
  proxies: { max: number; single: boolean; company: boolean; statute: string; countTowardsQuorum: boolean } | null;
  quorum: { required: number; fixed: number; percent: string; entitled: number };
  chair: string;
  capitalChair: string;
  voters: { number: number; name: string; offices: string; notice: string }[];
  keepYears: number;
  /** What the law requires of resolutions it treats specially (special-business.ts), one paragraph each. */
  specialBusiness: string[];
}

/**
 * The attendance sheet's rows for a general meeting (its template's memberRows), one a member
 * entitled to vote: written here, not by an each in the template, because the sheet names every
 * member and the template engine spends several times as long on a row (and its garbage) as this.
 */
export function attendanceRows(voters: PaperContext['voters']): string {
  let rows = '';
  for (const v of voters) rows += `| ${v.number} | ${escapeMarkdown(v.name)} | ${v.notice} | | |\n`;
  return rows;
}

export function quorumNote(type: MeetingRecord['type'], required: number, fixed: number, percent: string, entitled: number): string {
  const who = type === 'committee' ? 'members of the board' : 'members entitled to vote';
  return `At least ${required} must be present: the greater of ${fixed} and ${percent} of the ${entitled} ${who}.`;
}

/**
 * How the meeting decides, as the count in counting.ts applies it: the committee's majority,
 * or the members' majority with any special resolution's threshold, or consensus with its
 * fallback vote (and the vote a special resolution always needs).
 */
export function decisionRule(params: CoopParams, committee: boolean, hasSpecial: boolean): string {
  if (committee) return 'Each proposal is decided by more than half of the votes cast by the members of the board present; abstentions are not votes cast.';
  const special = describeFraction(params.meetings.specialResolution);
  if (params.decisions.method === 'consensus') {
    const fallback = params.decisions.fallbackThreshold;
    return (
      'The meeting decides by consensus. ' +
      (fallback
        ? `Where consensus is blocked, a vote decides: a proposal then needs at least ${describeFraction(fallback)} of the votes cast. `
        : 'Where consensus is blocked, the proposal is not agreed. ') +
      (hasSpecial
        ? `A **special resolution** is marked as such and set out in full; even when agreed by consensus it is passed only by a recorded vote of at least ${special} of the votes cast. `
        : '') +
      'Abstentions are not votes cast.'
    );
  }
  return (
    'An ordinary resolution is passed by more than half of the votes cast. ' +
    (hasSpecial ? `A **special resolution** is marked as such and set out in full; it is passed by at least ${special} of the votes cast. ` : '') +
    'Abstentions are not votes cast.'
  );
}

export function paperContext({ params, record, voters, board, quorumRequired, retiring: seatsRetiring }: PaperInput, keepYears: number): PaperContext {
  const committee = record.type === 'committee';
  const rule = committee ? params.board.quorum : params.meetings.quorum;
  const percent = describeFraction(rule.percent);
  const note = quorumNote(record.type, quorumRequired, rule.members, percent, voters.length);
  const retiring = seatsRetiring ?? (record.type === 'agm' && params.board.style === 'elected-rotation' ? retiringByRotation(board) : []);
  const agenda = buildAgenda({ type: record.type, params, date: record.date, resolutions: record.resolutions, retiring, quorumNote: note });
  const resolutions = record.resolutions.map((r) => ({ number: r.number, special: r.kind === 'special', label: resolutionLabel(record.type, r), text: r.text }));
  const proxiesAllowed = !committee && params.meetings.proxies.allowed;
  // How each member was served, for the attendance sheet: the method and the day, never an address.
  const serviceOf = new Map<number, string>();
  for (const g of record.service ?? []) {
    // One text per group (thousands of members share it), not one per member.
    const how = `${g.method}, ${longDate(g.served)}`;
    for (const n of g.members) serviceOf.set(n, how);
  }
  return {
    org: params.group.name,
    title: meetingTitle(record.type),
    meetingName: meetingName(record.type),
    isAgm: record.type === 'agm',
    isCommittee: committee,
    date: longDate(record.date),
    time: record.time,
    place: record.place,
    online: record.online,
    noticeDate: longDate(record.noticeDate),
    postal: record.byPost && !record.service ? { posted: longDate(record.noticeDate), served: longDate(record.served), days: params.meetings.postalServiceDays } : null,
    service: record.service
      ? record.service.map((g) => {
          const days = g.method === 'email' ? params.meetings.emailServiceDays : params.meetings.postalServiceDays;
          return {
            how: g.method === 'email' ? 'by email, to those who have agreed to receive notices that way,' : 'by post',
            sent: longDate(record.noticeDate),
            served: longDate(g.served),
            after: `${days} ${days === 1 ? 'day' : 'days'}`,
            count: g.members.length,
            single: g.members.length === 1,
          };
        })
      : null,
    notice: committee ? null : { given: clearDaysBetween(record.served, record.date), required: params.meetings.noticeClearDays },
    shortNotice: record.shortNotice ? shortNoticeContext(params, record, voters) : null,
    agenda,
    resolutions,
    hasSpecial: resolutions.some((r) => r.special),
    specialThreshold: describeFraction(params.meetings.specialResolution),
    decisionRule: decisionRule(
      params,
      committee,
      resolutions.some((r) => r.special),
    ),
    proxies: proxiesAllowed
      ? {
          max: params.meetings.proxies.maxPerHolder,
          single: params.meetings.proxies.maxPerHolder === 1,
          company: isCompany(params.group.form),
          statute: COMPANY_PROXY_RIGHT_SOURCE,
          countTowardsQuorum: params.meetings.proxies.countTowardsQuorum,
        }
      : null,
    quorum: { required: quorumRequired, fixed: rule.members, percent, entitled: voters.length },
    chair: params.decisions.method === 'consensus' ? 'facilitator' : 'chair',
    capitalChair: params.decisions.method === 'consensus' ? 'Facilitator' : 'Chair',
    voters: voters.map((v) => ({ number: v.number, name: v.name, offices: v.offices.join(', '), notice: serviceOf.get(v.number) ?? '' })),
    keepYears,
    specialBusiness: specialBusinessNotes(record.resolutions, record.date),
  };
}

/** What the papers say of short notice: the consent the rule needs, and the consent given only once it is on record in full. */
function shortNoticeContext(params: CoopParams, record: MeetingRecord, voters: readonly Voter[]): NonNullable<PaperContext['shortNotice']> {
  const sn = record.shortNotice!;
  const rule = shortNoticeRule(params);
  const decision = decideShortNoticeConsent(
    rule,
    new Set(voters.map((v) => v.number)),
    (sn.consents ?? []).map((c) => c.member),
  );
  return {
    given: sn.given,
    required: sn.required,
    consent: describeFraction(rule.share),
    consentMembers: decision.needed,
    entitled: decision.entitled,
    rule: describeShortNoticeRule(rule),
    consented: decision.enough ? consentStatement(decision, sn.consents ?? []) : null,
  };
}

export interface MinutesInput {
  assessed: AssessedAttendance;
  quorum: QuorumDecision;
  outcomes: { number: number; outcome: Outcome }[];
  names: ReadonlyMap<number, string>;
}

export interface MinutesContext {
  present: { number: number; name: string }[];
  /** The list of those present, one line each, as an each in the template would write it (made here for the reason attendanceRows is). */
  presentList: string;
  /** Each person holding proxies: "4 Dan Member", or "Jane Outsider (not a member)". */
  proxies: { who: string; members: { number: number; name: string }[] }[];
  /** A company: how many votes a show of hands can have (s.285), beside a poll's; null elsewhere or without proxies. */
  showOfHands: { max: number; poll: number; source: string } | null;
  apologies: { number: number; name: string }[];
  notEntitled: number[];
  refused: { holder: number | string; member: number; reason: string }[];
  quorum: QuorumDecision & { countsProxies: boolean };
  resolutions: (AgendaResolution & { for: number; against: number; abstain: number; passed: boolean; reason: string; consensus: string | null })[];
  passedCount: number;
}

/** The decided meeting, for the final minutes. */
export function minutesContext(record: MeetingRecord, input: MinutesInput, countsProxies: boolean, perProxyShowOfHands = false): MinutesContext {
  const name = (n: number) => input.names.get(n) ?? `member ${n}`;
  const hands = showOfHands(input.assessed);
  const outcomeOf = new Map(input.outcomes.map((o) => [o.number, o.outcome]));
  const voteOf = new Map(record.votes.map((v) => [v.resolution, v]));
  const resolutions = record.resolutions.map((r) => {
    const o = outcomeOf.get(r.number);
    const v = voteOf.get(r.number);
    const consensus =
      v?.method === 'consensus' ? `${v.outcome === 'agreed' ? 'Agreed' : 'Blocked'} by consensus${v.standAsides > 0 ? `; ${v.standAsides} stood aside` : ''}.` : null;
    return {
      number: r.number,
      special: r.kind === 'special',
      label: resolutionLabel(record.type, r),
      text: r.text,
      for: o?.tally.for ?? 0,
      against: o?.tally.against ?? 0,
      abstain: o?.tally.abstain ?? 0,
      passed: o?.passed ?? false,
      reason: o?.reason ?? '',
      consensus,
    };
  });
  const present = input.assessed.present;
  const presentSet = new Set(present);
  let presentList = '';
  for (const n of present) presentList += `- ${n} ${escapeMarkdown(name(n))}\n`;
  return {
    present: present.map((n) => ({ number: n, name: name(n) })),
    presentList,
    proxies: hands.holders.map(({ holder, members }) => ({
      who: typeof holder === 'number' ? `${holder} ${name(holder)}` : `${holder} (not a member)`,
      members: members.map((n) => ({ number: n, name: name(n) })),
    })),
    showOfHands: perProxyShowOfHands && hands.holders.length > 0 ? { max: hands.max, poll: votersAllowed(input.assessed), source: COMPANY_PROXY_SHOW_OF_HANDS_SOURCE } : null,
    apologies: record.attendance.apologies.filter((n) => !presentSet.has(n)).map((n) => ({ number: n, name: name(n) })),
    notEntitled: input.assessed.notEntitled,
    refused: input.assessed.refused,
    quorum: { ...input.quorum, countsProxies },
    resolutions,
    passedCount: resolutions.filter((r) => r.passed).length,
  };
}
