// A society's resolution not to appoint auditors for a year (2014 Act s.84): passed as an
// ordinary resolution, but it fails when too many are against it, counted two ways — a share of
// the votes cast, and a share of all the members entitled to vote, present or not.

import { atLeast, type Fraction } from '../fraction.js';
import { AUDIT_EXEMPTION_AGAINST_MEMBERS, AUDIT_EXEMPTION_AGAINST_VOTES_CAST } from '../law.js';

export interface AuditExemptionOutcome {
  passed: boolean;
  reason: string;
}

/** Whether the exemption resolution stands, given the votes and how many members were entitled to vote. */
export function decideAuditExemption(tally: { for: number; against: number; abstain?: number }, entitledToVote: number): AuditExemptionOutcome {
  const cast = tally.for + tally.against;
  if (cast === 0) return { passed: false, reason: 'No votes were cast, so the resolution was not passed.' };
  if (tally.for <= tally.against) return { passed: false, reason: `${tally.for} of ${cast} votes cast were for: not a majority, so it was not passed.` };
  const castLimit: Fraction = AUDIT_EXEMPTION_AGAINST_VOTES_CAST;
  const memberLimit: Fraction = AUDIT_EXEMPTION_AGAINST_MEMBERS;
  if (atLeast(tally.against, cast, castLimit)) {
    return {
      passed: false,
      reason: `${tally.against} of the ${cast} votes cast were against: ${castLimit.num}% or more of the votes cast, so the exemption fails (2014 Act s.84).`,
    };
  }
  if (entitledToVote > 0 && atLeast(tally.against, entitledToVote, memberLimit)) {
    return {
      passed: false,
      reason: `${tally.against} of the ${entitledToVote} members entitled to vote voted against: ${memberLimit.num}% or more of them, so the exemption fails (2014 Act s.84).`,
    };
  }
  return {
    passed: true,
    reason: `${tally.for} of ${cast} votes cast were for, and fewer than ${castLimit.num}% of the votes cast and ${memberLimit.num}% of the members entitled to vote were against, so it was passed.`,
  };
}
