// The counting rules of a meeting as named scenarios: each gives who may vote, who came, the
// rules and the votes, and says what the quorum and every resolution must come to.

import { describe, expect, it } from 'vitest';
import { decideMeeting, type AttendanceRecord, type MeetingRules, type ResolutionKind, type VoteRecord } from '../../src/core/meetings/counting.js';
import { parseFraction, type Fraction } from '../../src/core/fraction.js';

const pct = (n: number): Fraction => parseFraction(`${n}%`)!;
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

const BASE: MeetingRules = {
  quorum: { members: 3, percent: pct(10) },
  proxies: { allowed: true, maxPerHolder: 2, countTowardsQuorum: true },
  decisions: { specialResolution: pct(75), castingVote: false, fallbackThreshold: null },
};

interface Scenario {
  name: string;
  /** Members entitled to vote: 1..entitled unless a list is given. */
  entitled: number | number[];
  present: number[];
  proxies?: [holder: number, member: number][];
  rules?: { quorum?: Partial<MeetingRules['quorum']>; proxies?: Partial<MeetingRules['proxies']>; decisions?: Partial<MeetingRules['decisions']> };
  resolutions?: [ResolutionKind, VoteRecord | undefined][];
  expect: { required: number; present: number; met: boolean; passed?: boolean[]; refusedProxies?: number };
}

const vote = (f: number, a: number, ab = 0, castingVote?: 'for' | 'against'): VoteRecord => ({
  method: 'vote',
  for: f,
  against: a,
  abstain: ab,
  ...(castingVote ? { castingVote } : {}),
});
const agreed = (standAsides = 0): VoteRecord => ({ method: 'consensus', outcome: 'agreed', standAsides });
const blocked = (f: number, a: number, ab = 0): VoteRecord => ({ method: 'consensus', outcome: 'blocked', standAsides: 0, fallback: { for: f, against: a, abstain: ab } });
const consensus = { decisions: { fallbackThreshold: pct(75) } };

const scenarios: Scenario[] = [
  // Quorum
  { name: 'the fixed number wins when the percentage is smaller (12 members, 3 or 10%)', entitled: 12, present: [1, 2, 3], expect: { required: 3, present: 3, met: true } },
  { name: 'the percentage wins when it is larger (40 members, 3 or 10% = 4)', entitled: 40, present: [1, 2, 3], expect: { required: 4, present: 3, met: false } },
  { name: 'a percentage quorum rounds up (41 members, 10% = 4.1 → 5)', entitled: 41, present: [1, 2, 3, 4], expect: { required: 5, present: 4, met: false } },
  { name: 'exactly at the quorum is quorate', entitled: 41, present: [1, 2, 3, 4, 5], expect: { required: 5, present: 5, met: true } },
  {
    name: 'one below the quorum decides nothing, however the votes went',
    entitled: 30,
    present: [1, 2],
    resolutions: [
      ['ordinary', vote(2, 0)],
      ['special', vote(2, 0)],
    ],
    expect: { required: 3, present: 2, met: false, passed: [false, false] },
  },
  { name: 'proxies count towards the quorum when the rules say so', entitled: 10, present: [1, 2], proxies: [[1, 5]], expect: { required: 3, present: 3, met: true } },
  {
    name: 'proxies do not count towards the quorum when the rules say not, but still vote',
    entitled: 10,
    present: [1, 2],
    proxies: [[1, 5]],
    rules: { proxies: { countTowardsQuorum: false } },
    expect: { required: 3, present: 2, met: false },
  },
  {
    name: 'a holder who is absent holds no proxies',
    entitled: 10,
    present: [1, 2],
    proxies: [
      [3, 5],
      [3, 6],
    ],
    expect: { required: 3, present: 2, met: false, refusedProxies: 2 },
  },
  {
    name: 'proxies over the most one holder may hold are not counted',
    entitled: 10,
    present: [1, 2],
    proxies: [
      [1, 5],
      [1, 6],
      [1, 7],
    ],
    expect: { required: 3, present: 4, met: true, refusedProxies: 1 },
  },
  {
    name: 'members who joined after the meeting date are not counted',
    entitled: [1, 2],
    present: [1, 2, 7, 8],
    rules: { quorum: { members: 3 } },
    expect: { required: 3, present: 2, met: false },
  },
  { name: 'a member who left before the meeting is not counted', entitled: [1, 2, 4], present: [1, 2, 3], expect: { required: 3, present: 2, met: false } },
  {
    name: 'no proxies at all where the rules do not allow them',
    entitled: 10,
    present: [1, 2],
    proxies: [[1, 5]],
    rules: { proxies: { allowed: false, maxPerHolder: 0 } },
    expect: { required: 3, present: 2, met: false, refusedProxies: 1 },
  },
  {
    name: 'a member present in person is not counted again through their proxy',
    entitled: 10,
    present: [1, 2, 5],
    proxies: [[1, 5]],
    expect: { required: 3, present: 3, met: true, refusedProxies: 1 },
  },
  {
    name: 'one member’s proxy held by two holders counts once',
    entitled: 10,
    present: [1, 2],
    proxies: [
      [1, 5],
      [2, 5],
    ],
    expect: { required: 3, present: 3, met: true, refusedProxies: 1 },
  },
  {
    name: 'a proxy from someone not entitled to vote is refused',
    entitled: [1, 2, 3],
    present: [1, 2],
    proxies: [[1, 9]],
    expect: { required: 3, present: 2, met: false, refusedProxies: 1 },
  },
  { name: 'a number recorded twice counts once', entitled: 10, present: [1, 1, 2, 2], expect: { required: 3, present: 2, met: false } },
  {
    name: 'a board quorum of 2 or 50% of a board of five is three',
    entitled: 5,
    present: [1, 2, 3],
    rules: { quorum: { members: 2, percent: pct(50) }, proxies: { allowed: false, maxPerHolder: 0, countTowardsQuorum: false } },
    expect: { required: 3, present: 3, met: true },
  },
  { name: 'a quorum larger than the membership can never be met', entitled: 2, present: [1, 2], expect: { required: 3, present: 2, met: false } },
  { name: 'ten thousand members, 10%: exactly a thousand present is quorate', entitled: 10_000, present: range(1, 1000), expect: { required: 1000, present: 1000, met: true } },

  // Ordinary resolutions
  {
    name: 'ordinary: more than half of votes cast passes (3 to 2)',
    entitled: 5,
    present: [1, 2, 3, 4, 5],
    resolutions: [['ordinary', vote(3, 2)]],
    expect: { required: 3, present: 5, met: true, passed: [true] },
  },
  {
    name: 'ordinary: a tie is lost (2 to 2)',
    entitled: 5,
    present: [1, 2, 3, 4, 5],
    resolutions: [['ordinary', vote(2, 2, 1)]],
    expect: { required: 3, present: 5, met: true, passed: [false] },
  },
  {
    name: 'ordinary: abstentions are not votes cast (1 for, 0 against, 4 abstain)',
    entitled: 5,
    present: [1, 2, 3, 4, 5],
    resolutions: [['ordinary', vote(1, 0, 4)]],
    expect: { required: 3, present: 5, met: true, passed: [true] },
  },
  {
    name: 'everyone abstains: nothing passes',
    entitled: 5,
    present: [1, 2, 3, 4, 5],
    resolutions: [
      ['ordinary', vote(0, 0, 5)],
      ['special', vote(0, 0, 5)],
    ],
    expect: { required: 3, present: 5, met: true, passed: [false, false] },
  },
  {
    name: 'no vote recorded: not passed',
    entitled: 5,
    present: [1, 2, 3],
    resolutions: [['ordinary', undefined]],
    expect: { required: 3, present: 3, met: true, passed: [false] },
  },
  {
    name: 'tie with a casting vote in the rules, used for: passed',
    entitled: 5,
    present: [1, 2, 3, 4],
    rules: { decisions: { castingVote: true } },
    resolutions: [['ordinary', vote(2, 2, 0, 'for')]],
    expect: { required: 3, present: 4, met: true, passed: [true] },
  },
  {
    name: 'tie with a casting vote recorded but none in the rules: lost',
    entitled: 5,
    present: [1, 2, 3, 4],
    resolutions: [['ordinary', vote(2, 2, 0, 'for')]],
    expect: { required: 3, present: 4, met: true, passed: [false] },
  },
  {
    name: 'tie with a casting vote in the rules but not used: lost',
    entitled: 5,
    present: [1, 2, 3, 4],
    rules: { decisions: { castingVote: true } },
    resolutions: [['ordinary', vote(2, 2)]],
    expect: { required: 3, present: 4, met: true, passed: [false] },
  },
  {
    name: 'tie with the casting vote used against: lost',
    entitled: 5,
    present: [1, 2, 3, 4],
    rules: { decisions: { castingVote: true } },
    resolutions: [['ordinary', vote(2, 2, 0, 'against')]],
    expect: { required: 3, present: 4, met: true, passed: [false] },
  },
  {
    name: 'a casting vote does not touch a vote that is not tied',
    entitled: 5,
    present: [1, 2, 3, 4, 5],
    rules: { decisions: { castingVote: true } },
    resolutions: [['ordinary', vote(2, 3, 0, 'for')]],
    expect: { required: 3, present: 5, met: true, passed: [false] },
  },

  // Special resolutions
  {
    name: 'special 75%: exactly three quarters passes (3 to 1)',
    entitled: 5,
    present: [1, 2, 3, 4],
    resolutions: [['special', vote(3, 1)]],
    expect: { required: 3, present: 4, met: true, passed: [true] },
  },
  {
    name: 'special 75%: 74 of 100 fails',
    entitled: 100,
    present: range(1, 100),
    resolutions: [['special', vote(74, 26)]],
    expect: { required: 10, present: 100, met: true, passed: [false] },
  },
  {
    name: 'special 75%: two thirds is not enough (2 to 1)',
    entitled: 5,
    present: [1, 2, 3],
    resolutions: [['special', vote(2, 1)]],
    expect: { required: 3, present: 3, met: true, passed: [false] },
  },
  {
    name: 'special 2/3: exactly two thirds passes (2 to 1)',
    entitled: 5,
    present: [1, 2, 3],
    rules: { decisions: { specialResolution: { num: 2, den: 3 } } },
    resolutions: [['special', vote(2, 1)]],
    expect: { required: 3, present: 3, met: true, passed: [true] },
  },
  {
    name: 'special 2/3: 60% fails (3 to 2)',
    entitled: 5,
    present: [1, 2, 3, 4, 5],
    rules: { decisions: { specialResolution: { num: 2, den: 3 } } },
    resolutions: [['special', vote(3, 2)]],
    expect: { required: 3, present: 5, met: true, passed: [false] },
  },
  {
    name: 'special: abstentions do not count against (3 for, 1 against, 5 abstain)',
    entitled: 9,
    present: range(1, 9),
    resolutions: [['special', vote(3, 1, 5)]],
    expect: { required: 3, present: 9, met: true, passed: [true] },
  },
  {
    name: 'proxy votes let the votes exceed those present in person and pass',
    entitled: 10,
    present: [1, 2, 3],
    proxies: [
      [1, 4],
      [2, 5],
    ],
    resolutions: [['special', vote(4, 1)]],
    expect: { required: 3, present: 5, met: true, passed: [true] },
  },

  // Consensus
  {
    name: 'consensus agreed passes, with stand-asides',
    entitled: 5,
    present: [1, 2, 3],
    rules: consensus,
    resolutions: [['ordinary', agreed(1)]],
    expect: { required: 3, present: 3, met: true, passed: [true] },
  },
  {
    name: 'consensus blocked: fallback 75% met exactly (3 to 1)',
    entitled: 5,
    present: [1, 2, 3, 4],
    rules: consensus,
    resolutions: [['ordinary', blocked(3, 1)]],
    expect: { required: 3, present: 4, met: true, passed: [true] },
  },
  {
    name: 'consensus blocked: fallback 75% missed (2 to 1)',
    entitled: 5,
    present: [1, 2, 3],
    rules: consensus,
    resolutions: [['ordinary', blocked(2, 1)]],
    expect: { required: 3, present: 3, met: true, passed: [false] },
  },
  {
    name: 'consensus blocked on a special resolution: the stricter of fallback (2/3) and special (75%) applies',
    entitled: 5,
    present: [1, 2, 3],
    rules: { decisions: { fallbackThreshold: { num: 2, den: 3 } } },
    resolutions: [
      ['special', blocked(2, 1)],
      ['ordinary', blocked(2, 1)],
    ],
    expect: { required: 3, present: 3, met: true, passed: [false, true] },
  },
  {
    name: 'consensus blocked with a 50% fallback: a tie is still lost',
    entitled: 5,
    present: [1, 2, 3, 4],
    rules: { decisions: { fallbackThreshold: pct(50) } },
    resolutions: [['ordinary', blocked(2, 2)]],
    expect: { required: 3, present: 4, met: true, passed: [false] },
  },
  {
    name: 'consensus blocked and no fallback in the rules: not passed',
    entitled: 5,
    present: [1, 2, 3],
    resolutions: [['ordinary', blocked(3, 0)]],
    expect: { required: 3, present: 3, met: true, passed: [false] },
  },
  {
    name: 'consensus agreed on a special resolution with no vote recorded: not passed',
    entitled: 5,
    present: [1, 2, 3, 4],
    rules: consensus,
    resolutions: [['special', agreed()]],
    expect: { required: 3, present: 4, met: true, passed: [false] },
  },
  {
    name: 'consensus agreed on a special resolution, confirmed 3 to 1 (75% exactly): passed',
    entitled: 5,
    present: [1, 2, 3, 4],
    rules: consensus,
    resolutions: [['special', { method: 'consensus', outcome: 'agreed', standAsides: 0, fallback: { for: 3, against: 1, abstain: 0 } }]],
    expect: { required: 3, present: 4, met: true, passed: [true] },
  },
  {
    name: 'consensus agreed on a special resolution, confirming vote 2 to 1 (67%): not passed',
    entitled: 5,
    present: [1, 2, 3],
    rules: consensus,
    resolutions: [['special', { method: 'consensus', outcome: 'agreed', standAsides: 0, fallback: { for: 2, against: 1, abstain: 0 } }]],
    expect: { required: 3, present: 3, met: true, passed: [false] },
  },
  {
    name: 'consensus agreed at an inquorate meeting: not passed',
    entitled: 5,
    present: [1, 2],
    rules: consensus,
    resolutions: [['ordinary', agreed()]],
    expect: { required: 3, present: 2, met: false, passed: [false] },
  },
];

function rulesFor(s: Scenario): MeetingRules {
  return {
    quorum: { ...BASE.quorum, ...s.rules?.quorum },
    proxies: { ...BASE.proxies, ...s.rules?.proxies },
    decisions: { ...BASE.decisions, ...s.rules?.decisions },
  };
}

describe('meeting counting rules', () => {
  it('has at least thirty named scenarios', () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(30);
    expect(new Set(scenarios.map((s) => s.name)).size).toBe(scenarios.length);
  });

  it.each(scenarios.map((s) => [s.name, s] as const))('%s', (_name, s) => {
    const entitled = new Set(typeof s.entitled === 'number' ? range(1, s.entitled) : s.entitled);
    const attendance: AttendanceRecord = { present: s.present, proxies: (s.proxies ?? []).map(([holder, member]) => ({ holder, member })), apologies: [] };
    const resolutions = (s.resolutions ?? []).map(([kind], i) => ({ number: i + 1, kind }));
    const votes = (s.resolutions ?? []).flatMap(([, v], i) => (v ? [{ resolution: i + 1, ...v }] : []));
    const decided = decideMeeting({ entitled, attendance, resolutions, votes }, rulesFor(s));
    expect({ required: decided.quorum.required, present: decided.quorum.present, met: decided.quorum.met }).toEqual({
      required: s.expect.required,
      present: s.expect.present,
      met: s.expect.met,
    });
    if (s.expect.passed) expect(decided.outcomes.map((o) => o.outcome.passed)).toEqual(s.expect.passed);
    if (s.expect.refusedProxies !== undefined) expect(decided.assessed.refused).toHaveLength(s.expect.refusedProxies);
    for (const o of decided.outcomes) expect(o.outcome.reason.length).toBeGreaterThan(0);
  });
});

describe('the reasons the minutes give', () => {
  it('names the threshold and the share for a special resolution', () => {
    const d = decideMeeting(
      {
        entitled: new Set([1, 2, 3, 4]),
        attendance: { present: [1, 2, 3, 4], proxies: [], apologies: [] },
        resolutions: [{ number: 1, kind: 'special' }],
        votes: [{ resolution: 1, ...vote(3, 1) }],
      },
      BASE,
    );
    expect(d.outcomes[0]!.outcome.reason).toBe('3 of 4 votes cast were for (75%); it needed at least three quarters (75%) of the votes cast, so it was passed.');
  });
  it('says a tie is lost', () => {
    const d = decideMeeting(
      {
        entitled: new Set([1, 2, 3, 4]),
        attendance: { present: [1, 2, 3, 4], proxies: [], apologies: [] },
        resolutions: [{ number: 1, kind: 'ordinary' }],
        votes: [{ resolution: 1, ...vote(2, 2) }],
      },
      BASE,
    );
    expect(d.outcomes[0]!.outcome.reason).toMatch(/tie is lost/);
  });
  it('says why a proxy is refused', () => {
    const d = decideMeeting(
      { entitled: new Set([1, 2, 3, 4]), attendance: { present: [1], proxies: [{ holder: 3, member: 4 }], apologies: [] }, resolutions: [], votes: [] },
      BASE,
    );
    expect(d.assessed.refused[0]!.reason).toBe('the proxy holder, member 3, is not present');
  });
});
