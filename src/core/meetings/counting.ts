// The counting rules of a meeting, all in one place: who counts as present, which proxies are
// good, whether the meeting is quorate, and whether each resolution passed. Everything that
// decides an outcome (`coop meeting attend`, `vote`, `close`) asks these functions.

import { atLeast, ceilOf, compareFractions, describeFraction, moreThan, type Fraction } from '../fraction.js';
import { decideAuditExemption } from './audit-exemption.js';
import { decideStatutory, isStatutoryKind, type StatutoryKind } from './special-business.js';

export interface QuorumRule {
  /** A fixed number of members… */
  members: number;
  /** …or this share of those entitled to vote, whichever is greater. */
  percent: Fraction;
}

export interface ProxyRules {
  allowed: boolean;
  /** The most proxies one person may hold; null where no cap may be set (a company: s.324). */
  maxPerHolder: number | null;
  countTowardsQuorum: boolean;
  /**
   * Whether a proxy must be a member: a society's rules and an association's constitution say
   * "another member"; a company's member may appoint anyone (s.324). Absent means true.
   */
  holderMustBeMember?: boolean;
  /** A company: a proxy has one vote on a show of hands however many appointed them (s.285). */
  showOfHandsPerProxy?: boolean;
}

export interface Proxy {
  /** Who holds the proxy: a member present, by number, or a person who is not a member, by name. */
  holder: number | string;
  /** The member who appointed them. */
  member: number;
}

/** "member 4", or "Jane Outsider (not a member)". */
export function describeHolder(holder: Proxy['holder']): string {
  return typeof holder === 'number' ? `member ${holder}` : `${holder} (not a member)`;
}

/** One key per person holding proxies: a number, or a name compared without case or extra spaces. */
function holderKey(holder: Proxy['holder']): number | string {
  return typeof holder === 'number' ? holder : holder.trim().replace(/\s+/g, ' ').toLowerCase();
}

export interface AttendanceRecord {
  present: number[];
  proxies: Proxy[];
  apologies: number[];
}

export interface RefusedProxy extends Proxy {
  reason: string;
}

export interface AssessedAttendance {
  /** Members entitled to vote and present in person, each once, in number order. */
  present: number[];
  /** Numbers listed as present who are not entitled to vote at this meeting. */
  notEntitled: number[];
  /** Good proxies, in the order they were recorded. */
  proxies: Proxy[];
  /** Proxies that do not count, with why. */
  refused: RefusedProxy[];
}

/**
 * Sorts a record of attendance into what counts and what does not. `entitled` is everyone who
 * may vote at this meeting: members current on its date, or the board at a committee meeting.
 * Proxies are taken in the order recorded, so the first ones a holder was given are the ones
 * that count when they were given too many.
 */
export function assessAttendance(entitled: ReadonlySet<number>, record: AttendanceRecord, rules: ProxyRules): AssessedAttendance {
  const presentSet = new Set<number>();
  const notEntitled = new Set<number>();
  for (const n of record.present) (entitled.has(n) ? presentSet : notEntitled).add(n);
  const proxies: Proxy[] = [];
  const refused: RefusedProxy[] = [];
  const heldBy = new Map<number, Proxy['holder']>();
  const perHolder = new Map<number | string, number>();
  for (const p of record.proxies) {
    const reason = proxyRefusal(p, entitled, presentSet, heldBy, perHolder, rules);
    if (reason) {
      refused.push({ ...p, reason });
      continue;
    }
    proxies.push(p);
    heldBy.set(p.member, p.holder);
    perHolder.set(holderKey(p.holder), (perHolder.get(holderKey(p.holder)) ?? 0) + 1);
  }
  return {
    present: [...presentSet].sort((a, b) => a - b),
    notEntitled: [...notEntitled].sort((a, b) => a - b),
    proxies,
    refused,
  };
}

function proxyRefusal(
  p: Proxy,
  entitled: ReadonlySet<number>,
  present: ReadonlySet<number>,
  heldBy: ReadonlyMap<number, Proxy['holder']>,
  perHolder: ReadonlyMap<number | string, number>,
  rules: ProxyRules,
): string | undefined {
  if (!rules.allowed) return 'the rules do not allow proxies at this meeting';
  // A named proxy is recorded because they came; only the rules can bar them for not being a member.
  if (typeof p.holder === 'string' && rules.holderMustBeMember !== false) return `${p.holder} is not a member, and the rules say a proxy must be another member`;
  if (p.holder === p.member) return `member ${p.member} cannot hold their own proxy`;
  if (!entitled.has(p.member)) return `member ${p.member} is not entitled to vote at this meeting, so cannot appoint a proxy`;
  if (typeof p.holder === 'number') {
    if (!entitled.has(p.holder)) return `member ${p.holder} is not entitled to vote at this meeting, so cannot hold a proxy`;
    if (!present.has(p.holder)) return `the proxy holder, member ${p.holder}, is not present`;
  }
  if (present.has(p.member)) return `member ${p.member} is present in person, so their proxy is not used`;
  const holder = heldBy.get(p.member);
  if (holder !== undefined) return `member ${p.member}'s proxy is already held by ${describeHolder(holder)}`;
  if (rules.maxPerHolder !== null && (perHolder.get(holderKey(p.holder)) ?? 0) >= rules.maxPerHolder) {
    return `${describeHolder(p.holder)} already holds ${rules.maxPerHolder} ${rules.maxPerHolder === 1 ? 'proxy' : 'proxies'}, the most the rules allow`;
  }
  return undefined;
}

export interface ShowOfHands {
  /** The most votes a show of hands can have: one each present in person, and each proxy's votes (s.285). */
  max: number;
  /** People holding proxies, each with the members they hold for. */
  holders: { holder: Proxy['holder']; members: number[] }[];
}

/**
 * A show of hands at a company (Companies Act 2006 s.285(1)–(2)): each member present has one
 * vote (s.284(2)), and each proxy present one vote however many members appointed them, or one
 * for and one against when appointed by several members told to vote different ways (so at most
 * two). A member who also holds proxies votes in both capacities. On a poll, each appointing
 * member's vote counts (votersAllowed).
 */
export function showOfHands(assessed: AssessedAttendance): ShowOfHands {
  const byHolder = new Map<number | string, { holder: Proxy['holder']; members: number[] }>();
  for (const p of assessed.proxies) {
    const key = holderKey(p.holder);
    const entry = byHolder.get(key);
    if (entry) entry.members.push(p.member);
    else byHolder.set(key, { holder: p.holder, members: [p.member] });
  }
  const holders = [...byHolder.values()];
  return { max: assessed.present.length + holders.reduce((n, h) => n + Math.min(2, h.members.length), 0), holders };
}

/** How many may vote: those present in person, and the members whose good proxies they hold. */
export function votersAllowed(assessed: AssessedAttendance): number {
  return assessed.present.length + assessed.proxies.length;
}

/** The quorum: the greater of the fixed number and the share of those entitled, rounded up. */
export function quorumRequired(rule: QuorumRule, entitledCount: number): number {
  return Math.max(rule.members, ceilOf(entitledCount, rule.percent));
}

export interface QuorumDecision {
  required: number;
  /** Counted towards the quorum: in person, plus proxies where the rules count them. */
  present: number;
  inPerson: number;
  byProxy: number;
  met: boolean;
}

export function decideQuorum(rule: QuorumRule, entitledCount: number, assessed: AssessedAttendance, proxiesCount: boolean): QuorumDecision {
  const required = quorumRequired(rule, entitledCount);
  const inPerson = assessed.present.length;
  const byProxy = assessed.proxies.length;
  const present = inPerson + (proxiesCount ? byProxy : 0);
  return { required, present, inPerson, byProxy, met: present >= required };
}

/** audit-exemption: a society's resolution not to appoint auditors for a year (2014 Act s.84), counted by its own test. */
export type ResolutionKind = 'ordinary' | 'special' | 'audit-exemption' | StatutoryKind;

export interface Tally {
  for: number;
  against: number;
  abstain: number;
}

export type VoteRecord =
  | ({ method: 'vote'; castingVote?: 'for' | 'against' } & Tally)
  | { method: 'consensus'; outcome: 'agreed' | 'blocked'; standAsides: number; fallback?: Tally };

export interface DecisionRules {
  /** Share of votes cast a special resolution needs (at least). */
  specialResolution: Fraction;
  /** Whether the chair has a casting vote on a tie. */
  castingVote: boolean;
  /** With consensus: the share of votes cast the fallback vote needs (at least). */
  fallbackThreshold: Fraction | null;
}

export interface Outcome {
  passed: boolean;
  /** The recorded votes (the chair's casting vote is not among them; the reason names it). */
  tally: Tally;
  /** One sentence for the minutes saying why. */
  reason: string;
  /** The first of two meetings (special-business.ts): whether it reached the first meeting's majority. */
  firstStage?: boolean;
}

const HALF: Fraction = { num: 1, den: 2 };
const NO_VOTES: Tally = { for: 0, against: 0, abstain: 0 };

/**
 * Decides one resolution. Ordinary: more than half the votes cast. Special: at least the rules'
 * share of votes cast. Abstentions are not votes cast; a tie is lost unless the rules give the
 * chair a casting vote and it was used; with no votes cast nothing passes; an inquorate meeting
 * decides nothing.
 */
export function decideResolution(kind: ResolutionKind, vote: VoteRecord | undefined, rules: DecisionRules, quorate: boolean, entitledToVote = 0): Outcome {
  const tally = !vote ? NO_VOTES : vote.method === 'vote' ? { for: vote.for, against: vote.against, abstain: vote.abstain } : (vote.fallback ?? NO_VOTES);
  if (!quorate) return { passed: false, tally, reason: 'The meeting was not quorate, so it could not decide this resolution.' };
  if (!vote) return { passed: false, tally, reason: 'No vote was recorded, so the resolution was not passed.' };
  // The Act counts this one its own way, in votes, however the group usually decides.
  if (kind === 'audit-exemption') {
    if (vote.method === 'consensus' && !vote.fallback)
      return { passed: false, tally, reason: 'A resolution not to appoint auditors is decided by a recorded vote, and none was recorded, so it was not passed.' };
    return { ...decideAuditExemption(tally, entitledToVote), tally };
  }
  // Removing a director, and a society's two-meeting resolutions: the Act's own test, on a recorded vote.
  if (isStatutoryKind(kind)) {
    if (vote.method === 'consensus' && !vote.fallback)
      return { passed: false, tally, reason: 'The Act counts this resolution in votes, and no vote was recorded, so it was not passed.' };
    return { ...decideStatutory(kind, tally, entitledToVote), tally };
  }
  if (vote.method === 'consensus') {
    if (vote.outcome === 'agreed') {
      const asides = vote.standAsides > 0 ? ` (${vote.standAsides} stood aside)` : '';
      // A special resolution is passed only by a counted majority of at least its share of the
      // votes cast (Companies Act 2006 s.283; a society's rules and 2014 Act s.111 alike): agreement
      // without a recorded vote does not pass it.
      if (kind === 'special') {
        if (!vote.fallback) {
          return {
            passed: false,
            tally,
            reason: `Agreed by consensus${asides}, but a special resolution needs a recorded vote of ${describeFraction(rules.specialResolution)} of the votes cast, and none was recorded, so it was not passed.`,
          };
        }
        const decided = decideByThreshold(tally, rules.specialResolution, 'at least', undefined);
        return { passed: decided.passed, tally, reason: `Agreed by consensus${asides}, confirmed by a vote as a special resolution needs. ${decided.reason}` };
      }
      return { passed: true, tally, reason: `Agreed by consensus${asides}.` };
    }
    if (!rules.fallbackThreshold) return { passed: false, tally, reason: 'Consensus was blocked and the rules give no fallback vote.' };
    // A special resolution cannot pass a fallback vote on less than the rules require of it.
    const threshold = kind === 'special' && compareFractions(rules.specialResolution, rules.fallbackThreshold) > 0 ? rules.specialResolution : rules.fallbackThreshold;
    const decided = decideByThreshold(tally, threshold, 'at least', undefined);
    return { passed: decided.passed, tally, reason: `Consensus was blocked, so it went to the fallback vote. ${decided.reason}` };
  }
  const casting = rules.castingVote && tally.for === tally.against && tally.for > 0 ? vote.castingVote : undefined;
  if (kind === 'special') return { ...decideByThreshold(tally, rules.specialResolution, 'at least', casting), tally };
  return { ...decideByThreshold(tally, HALF, 'more than', casting), tally };
}

function decideByThreshold(tally: Tally, threshold: Fraction, test: 'at least' | 'more than', casting: 'for' | 'against' | undefined): { passed: boolean; reason: string } {
  const cast = tally.for + tally.against;
  const need = `${test} ${describeFraction(threshold)} of the votes cast`;
  if (cast === 0) return { passed: false, reason: `No votes were cast (abstentions are not votes cast); it needed ${need}, so it was not passed.` };
  const withCasting = casting ? { for: tally.for + (casting === 'for' ? 1 : 0), cast: cast + 1 } : { for: tally.for, cast };
  // Whatever the threshold, a tie is never a majority: "at least 50%" still needs more for than against.
  const passed =
    (test === 'at least' ? atLeast(withCasting.for, withCasting.cast, threshold) : moreThan(withCasting.for, withCasting.cast, threshold)) &&
    moreThan(withCasting.for, withCasting.cast, HALF);
  const share = `${tally.for} of ${cast} votes cast were for (${percentText(tally.for, cast)})`;
  if (casting) return { passed, reason: `The vote was tied (${share}); the chair gave a casting vote ${casting}, so it was ${passed ? 'passed' : 'not passed'}.` };
  if (tally.for === tally.against) return { passed: false, reason: `The vote was tied (${share}); a tie is lost, so it was not passed.` };
  return { passed, reason: `${capitalise(share)}; it needed ${need}, so it was ${passed ? 'passed' : 'not passed'}.` };
}

function percentText(part: number, whole: number): string {
  return `${Number(((part * 100) / whole).toFixed(1))}%`;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export interface MeetingRules {
  quorum: QuorumRule;
  proxies: ProxyRules;
  decisions: DecisionRules;
}

export interface MeetingToDecide {
  /** Everyone entitled to vote at the meeting, as at its date. */
  entitled: ReadonlySet<number>;
  attendance: AttendanceRecord;
  resolutions: readonly { number: number; kind: ResolutionKind }[];
  votes: readonly ({ resolution: number } & VoteRecord)[];
}

export interface MeetingDecision {
  assessed: AssessedAttendance;
  quorum: QuorumDecision;
  outcomes: { number: number; kind: ResolutionKind; outcome: Outcome }[];
}

/** The whole meeting decided: attendance sorted, quorum, then each resolution in order. */
export function decideMeeting(meeting: MeetingToDecide, rules: MeetingRules): MeetingDecision {
  const assessed = assessAttendance(meeting.entitled, meeting.attendance, rules.proxies);
  const quorum = decideQuorum(rules.quorum, meeting.entitled.size, assessed, rules.proxies.countTowardsQuorum);
  const voteOf = new Map(meeting.votes.map((v) => [v.resolution, v]));
  const outcomes = meeting.resolutions.map((r) => ({
    number: r.number,
    kind: r.kind,
    outcome: decideResolution(r.kind, voteOf.get(r.number), rules.decisions, quorum.met, meeting.entitled.size),
  }));
  return { assessed, quorum, outcomes };
}
