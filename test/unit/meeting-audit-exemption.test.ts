// The audit-exemption resolution (2014 Act s.84): it fails if 20% or more of the votes cast,
// or 10% or more of the members entitled to vote, are against; each edge tried exactly.

import { describe, expect, it } from 'vitest';
import { decideAuditExemption } from '../../src/core/meetings/audit-exemption.js';

const cases: { name: string; for: number; against: number; abstain?: number; entitled: number; passed: boolean; because: RegExp }[] = [
  { name: 'exactly 20% of votes cast against (8 to 2): fails', for: 8, against: 2, entitled: 100, passed: false, because: /20% or more of the votes cast/ },
  { name: 'just below 20% of votes cast against (9 to 2, 18.2%): passes', for: 9, against: 2, entitled: 100, passed: true, because: /so it was passed/ },
  { name: '19.9% against (801 to 199): passes', for: 801, against: 199, entitled: 10_000, passed: true, because: /so it was passed/ },
  { name: '20.0% against (800 to 200): fails', for: 800, against: 200, entitled: 10_000, passed: false, because: /votes cast/ },
  {
    name: 'exactly 10% of the members entitled against (2 of 20), only 1/11 of votes cast: fails',
    for: 20,
    against: 2,
    entitled: 20,
    passed: false,
    because: /10% or more of them/,
  },
  { name: 'just below 10% of the members (2 of 21) and below 20% of votes cast: passes', for: 20, against: 2, entitled: 21, passed: true, because: /so it was passed/ },
  {
    name: 'abstentions are not votes cast: 8 for, 2 against, 10 abstaining still fails at 20%',
    for: 8,
    against: 2,
    abstain: 10,
    entitled: 100,
    passed: false,
    because: /votes cast/,
  },
  { name: 'none against: passes', for: 5, against: 0, entitled: 40, passed: true, because: /so it was passed/ },
  { name: 'no votes cast: not passed', for: 0, against: 0, abstain: 3, entitled: 40, passed: false, because: /No votes were cast/ },
  { name: 'a tie is no majority: not passed', for: 3, against: 3, entitled: 40, passed: false, because: /not a majority/ },
];

describe('audit exemption: the 20%/10% test at its edges', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const r = decideAuditExemption({ for: c.for, against: c.against, abstain: c.abstain ?? 0 }, c.entitled);
    expect(r.passed).toBe(c.passed);
    expect(r.reason).toMatch(c.because);
  });
});
