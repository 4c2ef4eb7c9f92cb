// Resolutions the law treats specially, each counted by its own statutory test: removing a
// company director (special notice, an ordinary resolution at a meeting), and a society's
// amalgamation, transfer of engagements or conversion (two meetings, the second confirming the
// first within the Act's window). The numbers are in law.ts; this file applies them.

import { UserError } from '../../errors.js';
import { addDays, addMonths, longDate, type IsoDate } from '../dates.js';
import { atLeast, moreThan, type Fraction } from '../fraction.js';
import {
  CONFIRMATION_MAJORITY,
  CONFIRMATION_MAX_MONTHS,
  CONFIRMATION_MIN_DAYS,
  CONVERSION_FIRST_MEETING,
  CONVERSION_SOURCE,
  CONVERSION_TURNOUT,
  DIRECTOR_PROTEST_SOURCE,
  DIRECTOR_REMOVAL_SOURCE,
  MERGER_FCA_COPY_DAYS,
  MERGER_FIRST_MEETING,
  MERGER_SOURCE,
  SPECIAL_NOTICE_CLEAR_DAYS,
  SPECIAL_NOTICE_SOURCE,
  WRITTEN_RESOLUTION_EXCLUDED_SOURCE,
} from '../law.js';
import { escapeMarkdown } from '../markdown.js';
import { clearDaysBetween } from './notice.js';

/** The kinds counted here: each is a ResolutionKind too. */
export const STATUTORY_KINDS = ['director-removal', 'merger', 'conversion', 'confirmation'] as const;
export type StatutoryKind = (typeof STATUTORY_KINDS)[number];
/** The two kinds a second meeting must confirm. */
export type TwoMeetingKind = 'merger' | 'conversion';

export function isStatutoryKind(kind: string): kind is StatutoryKind {
  return (STATUTORY_KINDS as readonly string[]).includes(kind);
}

export function isTwoMeetingKind(kind: string): kind is TwoMeetingKind {
  return kind === 'merger' || kind === 'conversion';
}

/** The director a removal resolution names, and when the company received special notice of it. */
export interface DirectorRemoval {
  member: number;
  name: string;
  specialNotice: IsoDate;
  /** The director made written representations that go out with the notice (s.169(3)). */
  representations: boolean;
}

/** Which resolution, at which earlier meeting, a confirming resolution confirms. */
export interface Confirms {
  meeting: string;
  date: IsoDate;
  resolution: number;
  kind: TwoMeetingKind;
}

export function statutoryLabel(kind: StatutoryKind): string {
  return {
    'director-removal': 'Ordinary resolution on special notice',
    merger: 'Special resolution, first of two meetings',
    conversion: 'Special resolution, first of two meetings',
    confirmation: 'Confirming resolution',
  }[kind];
}

// ---- Special notice (Companies Act 2006 s.312 with s.360) ----

/**
 * Refuses a removal the dates do not allow: special notice must reach the company at least the
 * Act's clear days before the meeting, and before the notice of the meeting goes out (the members
 * are told of the resolution with it, s.312(3)). Returns the clear days given.
 */
export function checkSpecialNotice(received: IsoDate, noticeDate: IsoDate, meetingDate: IsoDate): number {
  if (received > noticeDate) {
    throw new UserError(
      `Special notice of the resolution to remove a director was received on ${longDate(received)}, after the notice of the meeting (${longDate(noticeDate)}): ` +
        `the members must be told of the resolution with the notice of the meeting (${SPECIAL_NOTICE_SOURCE}). Give the notice on or after the day special notice was received (--notice-date). Nothing was changed.`,
    );
  }
  const given = clearDaysBetween(received, meetingDate);
  if (given < SPECIAL_NOTICE_CLEAR_DAYS) {
    const earliest = addDays(received, SPECIAL_NOTICE_CLEAR_DAYS + 1);
    throw new UserError(
      `Not enough special notice: it was received on ${longDate(received)}, ${given} clear days before ${longDate(meetingDate)}; ` +
        `a resolution to remove a director needs special notice to the company at least ${SPECIAL_NOTICE_CLEAR_DAYS} clear days before the meeting (${SPECIAL_NOTICE_SOURCE}; neither the day it is received nor the day of the meeting counts). ` +
        `The earliest valid date is ${longDate(earliest)} (--date ${earliest}). Nothing was changed.`,
    );
  }
  return given;
}

// ---- The two meetings (2014 Act ss.111 and 113) ----

/** The days a confirming meeting may be held on: from 14 days after the first to one month after it. */
export function confirmationWindow(firstMeeting: IsoDate): { from: IsoDate; to: IsoDate } {
  return { from: addDays(firstMeeting, CONFIRMATION_MIN_DAYS), to: addMonths(firstMeeting, CONFIRMATION_MAX_MONTHS) };
}

export function checkConfirmationDate(firstMeeting: IsoDate, second: IsoDate, kind: TwoMeetingKind): void {
  const { from, to } = confirmationWindow(firstMeeting);
  if (second < from || second > to) {
    throw new UserError(
      `A resolution passed at the first meeting on ${longDate(firstMeeting)} must be confirmed at a second general meeting held at least ${CONFIRMATION_MIN_DAYS} days and no more than ${CONFIRMATION_MAX_MONTHS} month after it ` +
        `(${sourceOf(kind)}): between ${longDate(from)} and ${longDate(to)}, not ${longDate(second)}. Nothing was changed.`,
    );
  }
}

function sourceOf(kind: TwoMeetingKind): string {
  return kind === 'merger' ? MERGER_SOURCE : CONVERSION_SOURCE;
}

export interface Tally {
  for: number;
  against: number;
  abstain: number;
}

export interface StatutoryOutcome {
  passed: boolean;
  reason: string;
  /** At the first of two meetings: whether it reached the Act's first-meeting majority (it is passed only once confirmed). */
  firstStage?: boolean;
}

/**
 * Decides a statutory resolution on its recorded votes. "Those who vote" are the votes for and
 * against: an abstention is not a vote, and a tie is never a majority. No casting vote counts:
 * the Act's majorities are of members voting, and a company's chair has none (law.ts).
 */
export function decideStatutory(kind: StatutoryKind, tally: Tally, entitledToVote: number): StatutoryOutcome {
  const cast = tally.for + tally.against;
  const share = `${tally.for} of the ${cast} ${cast === 1 ? 'member' : 'members'} voting voted for`;
  if (cast === 0)
    return { passed: false, reason: 'No votes were cast (abstentions are not votes), so it was not passed.', ...(isTwoMeetingKind(kind) ? { firstStage: false } : {}) };
  const majority = (f: Fraction, test: 'at least' | 'more than') => (test === 'at least' ? atLeast(tally.for, cast, f) : moreThan(tally.for, cast, f)) && tally.for > tally.against;
  switch (kind) {
    case 'director-removal': {
      const passed = majority({ num: 1, den: 2 }, 'more than');
      return {
        passed,
        reason: `${capital(share)}; removing a director needs more than half of the votes cast (an ordinary resolution, ${DIRECTOR_REMOVAL_SOURCE}), so it was ${passed ? 'passed' : 'not passed'}.`,
      };
    }
    case 'merger':
    case 'conversion': {
      const need = kind === 'merger' ? MERGER_FIRST_MEETING : CONVERSION_FIRST_MEETING;
      const enough = majority(need, 'at least');
      const turnout = kind === 'conversion' ? atLeast(cast, entitledToVote, CONVERSION_TURNOUT) : true;
      const needText = `at least ${fractionWords(need)} of the members voting${kind === 'conversion' ? `, with at least ${fractionWords(CONVERSION_TURNOUT)} of the ${entitledToVote} members entitled to vote voting` : ''}`;
      const firstStage = enough && turnout;
      const why = !enough ? '' : !turnout ? ` Only ${cast} of the ${entitledToVote} members entitled to vote voted.` : '';
      return {
        passed: false,
        firstStage,
        reason: firstStage
          ? `${capital(share)}, ${needText} as ${sourceOf(kind)} requires at the first meeting. It is not yet passed: it becomes a special resolution only when confirmed by more than half of the members voting at a second general meeting held ${CONFIRMATION_MIN_DAYS} days to ${CONFIRMATION_MAX_MONTHS} month after this one.`
          : `${capital(share)}; it needed ${needText} (${sourceOf(kind)}), so it was not passed.${why}`,
      };
    }
    case 'confirmation': {
      const passed = majority(CONFIRMATION_MAJORITY, 'more than');
      return { passed, reason: `${capital(share)}; confirming needs more than half of the members voting, so it was ${passed ? 'confirmed' : 'not confirmed'}.` };
    }
  }
}

/**
 * A confirming resolution passes only if the resolution it confirms reached its first-meeting
 * majority: the vote at the second meeting alone is not enough.
 */
export function applyConfirmation(
  outcome: { passed: boolean; reason: string },
  first: { closed: boolean; firstStage: boolean } | undefined,
  confirms: Confirms,
): { passed: boolean; reason: string } {
  const at = `resolution ${confirms.resolution} of the general meeting on ${longDate(confirms.date)}`;
  if (!first) return { passed: false, reason: `${outcome.reason} But there is no record of ${at}, so nothing was confirmed.` };
  if (!first.firstStage) return { passed: false, reason: `${outcome.reason} But ${at} did not reach the majority the first meeting needs, so there was nothing to confirm.` };
  if (!outcome.passed) return { passed: false, reason: `${outcome.reason} So ${at} was not passed.` };
  return {
    passed: true,
    reason: `${outcome.reason} So ${at} is passed as a special resolution (${sourceOf(confirms.kind)}).${confirms.kind === 'merger' ? ` Send the FCA a copy, signed by the chair of this meeting and countersigned by the secretary, within ${MERGER_FCA_COPY_DAYS} days; it takes effect only once registered.` : ''}`,
  };
}

// ---- What the papers say about them ----

/** One paragraph per such resolution, for the notice and the minutes. */
export function specialBusinessNotes(resolutions: readonly { number: number; kind: string; director?: DirectorRemoval; confirms?: Confirms }[], meetingDate: IsoDate): string[] {
  const out: string[] = [];
  for (const r of resolutions) {
    if (r.kind === 'director-removal' && r.director) {
      // Names go into Markdown papers as they are printed: escaped here, as the md helper would.
      const d = { ...r.director, name: escapeMarkdown(r.director.name) };
      out.push(
        `Resolution ${r.number} is to remove ${d.name} (member ${d.member}) from office as a director, by ordinary resolution at this meeting (${DIRECTOR_REMOVAL_SOURCE}; it cannot be passed as a written resolution, ${WRITTEN_RESOLUTION_EXCLUDED_SOURCE}). ` +
          `Special notice of the intention to move it was received by the company on ${longDate(d.specialNotice)}, ${clearDaysBetween(d.specialNotice, meetingDate)} clear days before the meeting (at least ${SPECIAL_NOTICE_CLEAR_DAYS} are required: ${SPECIAL_NOTICE_SOURCE}). ` +
          `${d.name} is entitled to a copy of the special notice, to be heard on the resolution at the meeting, and to make written representations (${DIRECTOR_PROTEST_SOURCE}).` +
          (d.representations ? ` ${d.name} has made written representations: a copy goes with this notice to every member.` : ''),
      );
    }
    if (isTwoMeetingKind(r.kind)) {
      const { from, to } = confirmationWindow(meetingDate);
      const first =
        r.kind === 'merger'
          ? `at least ${fractionWords(MERGER_FIRST_MEETING)} of the members voting`
          : `at least ${fractionWords(CONVERSION_FIRST_MEETING)} of the members voting, with at least ${fractionWords(CONVERSION_TURNOUT)} of the members entitled to vote voting`;
      out.push(
        `Resolution ${r.number} is proposed as a special resolution under ${sourceOf(r.kind)}. At this meeting it needs ${first}. ` +
          `It is passed only when confirmed by more than half of the members voting at a second general meeting held between ${longDate(from)} and ${longDate(to)}.`,
      );
    }
    if (r.kind === 'confirmation' && r.confirms) {
      out.push(
        `Resolution ${r.number} is to confirm resolution ${r.confirms.resolution} of the general meeting on ${longDate(r.confirms.date)} (${sourceOf(r.confirms.kind)}). ` +
          `It is confirmed if more than half of the members voting vote for it, and becomes a special resolution only if it reached the first meeting’s majority there.`,
      );
    }
  }
  return out;
}

function fractionWords(f: Fraction): string {
  if (f.num === 2 && f.den === 3) return 'two thirds';
  if (f.den === 100) return `${f.num}%`;
  return `${f.num}/${f.den}`;
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
