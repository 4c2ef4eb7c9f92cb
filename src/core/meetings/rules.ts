// Which of the group's rules apply at a meeting: the quorum, the proxy rules and how a
// resolution is decided, read from coop.yml once so every command counts the same way.

import type { CoopParams } from '../params.js';
import { isCompany } from '../law.js';
import type { DecisionRules, MeetingRules, ProxyRules } from './counting.js';
import type { ServiceRules } from './notice.js';
import type { MeetingType } from './record.js';

/** The rules of a meeting of this type: the board's quorum at a committee meeting, where there are no proxies. */
export function meetingRules(params: CoopParams, type: MeetingType): MeetingRules {
  const decisions = decisionRules(params);
  if (type === 'committee') return { quorum: params.board.quorum, proxies: { allowed: false, maxPerHolder: 0, countTowardsQuorum: false }, decisions };
  return { quorum: params.meetings.quorum, proxies: proxyRules(params), decisions };
}

/**
 * Proxies as the law and the governing document have them. A company's member may appoint any
 * person, member or not, and no cap on how many one person holds may stand in the way
 * (Companies Act 2006 s.324); a society's rules and an association's constitution say a proxy
 * is another member, and cap how many each holds (coop.yml meetings.proxies.maxPerHolder).
 */
export function proxyRules(params: CoopParams): ProxyRules {
  const p = params.meetings.proxies;
  if (isCompany(params.group.form))
    return { allowed: p.allowed, maxPerHolder: null, countTowardsQuorum: p.countTowardsQuorum, holderMustBeMember: false, showOfHandsPerProxy: true };
  return { allowed: p.allowed, maxPerHolder: p.maxPerHolder, countTowardsQuorum: p.countTowardsQuorum, holderMustBeMember: true, showOfHandsPerProxy: false };
}

export function decisionRules(params: CoopParams): DecisionRules {
  return { specialResolution: params.meetings.specialResolution, castingVote: params.meetings.castingVote, fallbackThreshold: params.decisions.fallbackThreshold };
}

export function noticeRules(params: CoopParams): ServiceRules {
  return { clearDays: params.meetings.noticeClearDays, postalServiceDays: params.meetings.postalServiceDays, emailServiceDays: params.meetings.emailServiceDays };
}
