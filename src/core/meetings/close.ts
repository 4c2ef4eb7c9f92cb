// Closing a meeting: the quorum and every resolution decided from the attendance and votes on
// record, as the outcome the record keeps and the minutes report.

import type { IsoDate } from '../dates.js';
import { decideMeeting, votersAllowed, type MeetingDecision, type MeetingRules } from './counting.js';
import type { CloseOutcome, MeetingRecord } from './record.js';
import { checkVotesStillFit } from './votes.js';
import { applyConfirmation } from './special-business.js';

/** What closing also needs: the first meetings' outcomes a confirming resolution reads, and the chair. */
export interface CloseExtras {
  /** For each confirming resolution's number, how the resolution it confirms fared (undefined: no record of it). */
  firstStages?: ReadonlyMap<number, { closed: boolean; firstStage: boolean } | undefined>;
  /** The chair's membership number (checked as present by the api). */
  chair?: number;
}

export interface ClosePlan {
  decision: MeetingDecision;
  outcome: CloseOutcome;
  /** The record as closed. */
  record: MeetingRecord;
  /** "quorate, 2 of 3 resolutions passed", for the commit message and the report. */
  summary: string;
  /** Resolutions no vote was recorded on (so not passed, at a quorate meeting). */
  unvoted: number[];
}

export function planClose(meeting: MeetingRecord, entitled: ReadonlySet<number>, rules: MeetingRules, today: IsoDate, extras: CloseExtras = {}): ClosePlan {
  const decision = decideMeeting({ entitled, ...meeting }, rules);
  // A confirming resolution passes only with the first meeting's majority behind it.
  for (const o of decision.outcomes) {
    const confirms = meeting.resolutions.find((r) => r.number === o.number)?.confirms;
    if (o.kind === 'confirmation' && confirms && decision.quorum.met) o.outcome = { ...o.outcome, ...applyConfirmation(o.outcome, extras.firstStages?.get(o.number), confirms) };
  }
  const { quorum, outcomes } = decision;
  checkVotesStillFit(meeting, votersAllowed(decision.assessed));
  const outcome: CloseOutcome = {
    quorum: { required: quorum.required, present: quorum.present, met: quorum.met },
    resolutions: meeting.resolutions.map((r, i) => {
      const o = outcomes[i]!.outcome;
      return {
        number: r.number,
        kind: r.kind,
        text: r.text,
        for: o.tally.for,
        against: o.tally.against,
        abstain: o.tally.abstain,
        passed: o.passed,
        ...(o.firstStage === undefined ? {} : { firstStage: o.firstStage }),
      };
    }),
  };
  const passed = outcome.resolutions.filter((r) => r.passed).length;
  const total = outcome.resolutions.length;
  const summary = quorum.met
    ? `quorate, ${total === 0 ? 'no resolutions' : `${passed} of ${total} ${total === 1 ? 'resolution' : 'resolutions'} passed`}`
    : 'not quorate, adjourned';
  const voted = new Set(meeting.votes.map((v) => v.resolution));
  const unvoted = quorum.met ? meeting.resolutions.filter((r) => !voted.has(r.number)).map((r) => r.number) : [];
  return { decision, outcome, record: { ...meeting, closed: true, closedOn: today, outcome, ...(extras.chair === undefined ? {} : { chair: extras.chair }) }, summary, unvoted };
}
