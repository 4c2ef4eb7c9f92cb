// Proxies as named scenarios: at a company anyone may be a proxy, with no cap per holder, and a
// show of hands counts each proxy once (s.285); a society or association keeps its rules' limits.

import { describe, expect, it } from 'vitest';
import { defaultParams } from '../../src/core/defaults.js';
import { renderGoverningDocument } from '../../src/io/render-governing.js';
import { planAttendance } from '../../src/core/meetings/attendance.js';
import { assessAttendance, showOfHands, votersAllowed, type Proxy, type ProxyRules } from '../../src/core/meetings/counting.js';
import { parseProxy } from '../../src/core/meetings/input.js';
import type { MeetingRecord } from '../../src/core/meetings/record.js';
import { meetingRules, proxyRules } from '../../src/core/meetings/rules.js';
import { paramsSchema, type Form } from '../../src/core/params.js';

function paramsFor(form: Form, proxies?: { allowed: boolean; maxPerHolder: number; countTowardsQuorum: boolean }) {
  const kind = form === 'unincorporated-association' ? 'neighbourhood-group' : 'community-radio';
  const p = defaultParams({ kind, form, jurisdiction: 'england-wales', name: 'X', founded: '2024-01-01' });
  if (proxies) p.meetings.proxies = proxies;
  return paramsSchema.parse(p);
}

const COMPANY = proxyRules(paramsFor('company-limited-by-guarantee'));
const SOCIETY = proxyRules(paramsFor('community-benefit-society', { allowed: true, maxPerHolder: 2, countTowardsQuorum: true }));
const ASSOCIATION = proxyRules(paramsFor('unincorporated-association', { allowed: true, maxPerHolder: 1, countTowardsQuorum: false }));
const entitled = (n: number) => new Set(Array.from({ length: n }, (_, i) => i + 1));

describe('the proxy rules each form follows', () => {
  it('a company: anyone, no cap, one vote per proxy on a show of hands (whatever coop.yml says of a cap)', () => {
    expect(COMPANY).toMatchObject({ allowed: true, maxPerHolder: null, holderMustBeMember: false, showOfHandsPerProxy: true });
    expect(proxyRules(paramsFor('cic', { allowed: true, maxPerHolder: 1, countTowardsQuorum: true })).maxPerHolder).toBeNull();
  });
  it('a society and an association: members only, capped as the rules say', () => {
    expect(SOCIETY).toMatchObject({ maxPerHolder: 2, holderMustBeMember: true, showOfHandsPerProxy: false });
    expect(ASSOCIATION).toMatchObject({ maxPerHolder: 1, holderMustBeMember: true });
  });
  it('a committee meeting has none', () => {
    expect(meetingRules(paramsFor('company-limited-by-guarantee'), 'committee').proxies.allowed).toBe(false);
  });
  it('the company articles set no cap, and say how a show of hands counts a proxy', () => {
    const text = renderGoverningDocument(paramsFor('company-limited-by-guarantee')).content;
    expect(text).toContain('There is no limit on how many members may appoint the same person.');
    expect(text).not.toMatch(/may hold no more than/);
  });
});

describe('which proxies count', () => {
  const cases: { name: string; rules: ProxyRules; entitled: number; present: number[]; proxies: Proxy[]; counted: number; refused: RegExp[] }[] = [
    { name: 'company: a non-member by name counts', rules: COMPANY, entitled: 10, present: [1, 2], proxies: [{ holder: 'Jane Outsider', member: 7 }], counted: 1, refused: [] },
    {
      name: 'company: one non-member holding for six members, no cap',
      rules: COMPANY,
      entitled: 10,
      present: [1],
      proxies: [3, 4, 5, 6, 7, 8].map((member) => ({ holder: 'Jane Outsider', member })),
      counted: 6,
      refused: [],
    },
    {
      name: 'company: a member holding seven, no cap',
      rules: COMPANY,
      entitled: 10,
      present: [1],
      proxies: [2, 3, 4, 5, 6, 7, 8].map((member) => ({ holder: 1, member })),
      counted: 7,
      refused: [],
    },
    {
      name: 'company: a member present in person does not also vote by proxy',
      rules: COMPANY,
      entitled: 10,
      present: [1, 7],
      proxies: [{ holder: 'Jane Outsider', member: 7 }],
      counted: 0,
      refused: [/member 7 is present in person/],
    },
    {
      name: 'company: one member, two proxies: the first recorded counts',
      rules: COMPANY,
      entitled: 10,
      present: [1],
      proxies: [
        { holder: 'Jane Outsider', member: 7 },
        { holder: 1, member: 7 },
      ],
      counted: 1,
      refused: [/member 7's proxy is already held by Jane Outsider \(not a member\)/],
    },
    {
      name: 'company: a proxy for someone not entitled',
      rules: COMPANY,
      entitled: 5,
      present: [1],
      proxies: [{ holder: 'Jane Outsider', member: 7 }],
      counted: 0,
      refused: [/member 7 is not entitled/],
    },
    {
      name: 'society: a non-member is refused, the rules say proxies are members',
      rules: SOCIETY,
      entitled: 10,
      present: [1],
      proxies: [{ holder: 'Jane Outsider', member: 7 }],
      counted: 0,
      refused: [/Jane Outsider is not a member, and the rules say a proxy must be another member/],
    },
    {
      name: 'society: the rules’ cap of 2 per holder',
      rules: SOCIETY,
      entitled: 10,
      present: [1],
      proxies: [2, 3, 4].map((member) => ({ holder: 1, member })),
      counted: 2,
      refused: [/member 1 already holds 2 proxies, the most the rules allow/],
    },
    {
      name: 'association: a cap of 1, and no outsiders',
      rules: ASSOCIATION,
      entitled: 10,
      present: [1],
      proxies: [
        { holder: 1, member: 2 },
        { holder: 1, member: 3 },
        { holder: 'Sam Friend', member: 4 },
      ],
      counted: 1,
      refused: [/already holds 1 proxy,/, /Sam Friend is not a member/],
    },
  ];
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_n, c) => {
    const a = assessAttendance(entitled(c.entitled), { present: c.present, proxies: c.proxies, apologies: [] }, c.rules);
    expect(a.proxies.length).toBe(c.counted);
    expect(a.refused.length).toBe(c.refused.length);
    for (const [i, re] of c.refused.entries()) expect(a.refused[i]?.reason).toMatch(re);
  });
});

describe('a show of hands at a company (s.285)', () => {
  const cases: { name: string; present: number[]; proxies: Proxy[]; hands: number; poll: number }[] = [
    { name: 'no proxies: one each present', present: [1, 2, 3], proxies: [], hands: 3, poll: 3 },
    { name: 'one proxy for one member: one vote', present: [1, 2], proxies: [{ holder: 'Jane Outsider', member: 5 }], hands: 3, poll: 3 },
    {
      name: 'one proxy for four members: at most one for and one against on a show of hands, four on a poll',
      present: [1, 2],
      proxies: [5, 6, 7, 8].map((member) => ({ holder: 'Jane Outsider', member })),
      hands: 4,
      poll: 6,
    },
    {
      name: 'the same name in other letters is one proxy',
      present: [1],
      proxies: [
        { holder: 'Jane Outsider', member: 5 },
        { holder: 'jane  outsider', member: 6 },
        { holder: 'JANE OUTSIDER', member: 7 },
      ],
      hands: 3,
      poll: 4,
    },
    {
      name: 'a member present who holds a proxy votes in both capacities',
      present: [1, 2],
      proxies: [{ holder: 1, member: 5 }],
      hands: 3,
      poll: 3,
    },
    {
      name: 'two proxies, one holding for one member and one for three',
      present: [1, 2, 3],
      proxies: [{ holder: 'Ann Other', member: 4 }, ...[5, 6, 7].map((member) => ({ holder: 2, member }))],
      hands: 6,
      poll: 7,
    },
  ];
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_n, c) => {
    const a = assessAttendance(entitled(10), { present: c.present, proxies: c.proxies, apologies: [] }, COMPANY);
    expect(showOfHands(a).max).toBe(c.hands);
    expect(votersAllowed(a)).toBe(c.poll);
  });
});

describe('--proxy as typed', () => {
  const good: [string, Proxy][] = [
    ['4=17', { holder: 4, member: 17 }],
    [' Jane Outsider = 7', { holder: 'Jane Outsider', member: 7 }],
    ['Siân O’Neill-Jones=3', { holder: 'Siân O’Neill-Jones', member: 3 }],
    ['Dr. A.  Smith=12', { holder: 'Dr. A. Smith', member: 12 }],
  ];
  it.each(good)('%s', (text, proxy) => expect(parseProxy(text)).toEqual(proxy));
  const bad: [string, RegExp][] = [
    ['jane@example.org=7', /give only the proxy's name .* not recorded: the meeting record is kept in git/],
    ['Jane Outsider, 12 High Street=7', /give only the proxy's name/],
    ['07700 900123=7', /give only the proxy's name/],
    ['=7', /should be HOLDER=MEMBER/],
    ['Jane Outsider=0', /should be HOLDER=MEMBER/],
    ['Jane Outsider', /should be HOLDER=MEMBER/],
    [`${'A'.repeat(101)}=7`, /too long/],
  ];
  it.each(bad)('%s is refused', (text, re) => expect(() => parseProxy(text)).toThrow(re));
});

describe('recording attendance', () => {
  const meeting = { id: '2027-06-10-general', type: 'general', date: '2027-06-10', attendance: { present: [], proxies: [], apologies: [] }, votes: [] } as unknown as MeetingRecord;
  const register = { entitled: entitled(10), whyNot: (n: number) => (n > 10 ? `there is no member ${n} in the register` : undefined) };
  const input = { present: [1, 2], proxies: [{ holder: 'Jane Outsider', member: 7 }], apologies: [] };

  it('a society meeting refuses a non-member proxy, and records nothing', () => {
    const rules = meetingRules(paramsFor('community-benefit-society', { allowed: true, maxPerHolder: 2, countTowardsQuorum: true }), 'general');
    expect(() => planAttendance(meeting, input, register, rules)).toThrow(/nothing was recorded, because\n {2}- proxy Jane Outsider=7: Jane Outsider is not a member/);
  });
  it('a company meeting records one, and --remove by the appointing member takes it off', () => {
    const rules = meetingRules(paramsFor('company-limited-by-guarantee'), 'general');
    const plan = planAttendance(meeting, input, register, rules);
    expect(plan.record.attendance.proxies).toEqual([{ holder: 'Jane Outsider', member: 7 }]);
    expect(plan.quorum.present).toBe(3);
    const removed = planAttendance(plan.record, { present: [], proxies: [], apologies: [], remove: [7] }, register, rules);
    expect(removed.record.attendance.proxies).toEqual([]);
  });
});
