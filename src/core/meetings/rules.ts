// Which of the group's rules apply at a meeting: the quorum, the proxy rules and how a
// resolution is decided, read from coop.yml once so every command counts the same way.

import type { CoopParams } from '../params.js';
import type { DecisionRules, MeetingRules } from './counting.js';
import type { ServiceRules } from './notice.js';
import type { MeetingType } from './record.js';

/** The rules of a meeting of this type: the board's quorum at a committee meeting, where there are no proxies. */
export function meetingRules(params: CoopParams, type: MeetingType): MeetingRules {
  const decisions = decisionRules(params);
  if (type === 'committee') return { quorum: params.board.quorum, proxies: { allowed: false, maxPerHolder: 0, countTowardsQuorum: false }, decisions };
  return { quorum: params.meetings.quorum, proxies: params.meetings.proxies, decisions };
}

export function decisionRules(params: CoopParams): DecisionRules {
  return { specialResolution: params.meetings.specialResolution, castingVote: params.meetings.castingVote, fallbackThreshold: params.decisions.fallbackThreshold };
}

export function noticeRules(params: CoopParams): ServiceRules {
  return { clearDays: params.meetings.noticeClearDays, postalServiceDays: params.meetings.postalServiceDays, emailServiceDays: params.meetings.emailServiceDays };
}
