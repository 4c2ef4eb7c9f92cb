// Resolutions the law treats specially, each statutory test at its edges: removing a company
// director (special notice in clear days, a majority at the meeting), a society's merger and
// conversion (the first meeting's majority and turnout, the confirming meeting's window and
// majority), what the draft minutes carry into the final ones, and what an expulsion needs.

import { describe, expect, it } from 'vitest';
import { decideResolution, type DecisionRules, type VoteRecord } from '../../src/core/meetings/counting.js';
import { readDraftNotes } from '../../src/core/meetings/draft-notes.js';
import { expulsionProblem, parseDecisionRef } from '../../src/core/meetings/expulsion.js';
import type { MeetingRecord } from '../../src/core/meetings/record.js';
import { applyConfirmation, checkConfirmationDate, checkSpecialNotice, confirmationWindow, decideStatutory, type StatutoryKind } from '../../src/core/meetings/special-business.js';

const decisions: {
  name: string;
  kind: StatutoryKind;
  for: number;
  against: number;
  abstain?: number;
  entitled?: number;
  passed: boolean;
  firstStage?: boolean;
  because: RegExp;
}[] = [
  { name: 'removal: 3 to 2 is a majority', kind: 'director-removal', for: 3, against: 2, passed: true, because: /more than half/ },
  { name: 'removal: a tie is lost (no casting vote)', kind: 'director-removal', for: 2, against: 2, passed: false, because: /not passed/ },
  { name: 'removal: abstentions are not votes', kind: 'director-removal', for: 1, against: 0, abstain: 9, passed: true, because: /1 of the 1 member voting/ },
  { name: 'merger: exactly two thirds (4 of 6) reaches the first stage', kind: 'merger', for: 4, against: 2, passed: false, firstStage: true, because: /It is not yet passed/ },
  { name: 'merger: just below two thirds (199 of 300) does not', kind: 'merger', for: 199, against: 101, passed: false, firstStage: false, because: /needed at least two thirds/ },
  { name: 'merger: 200 of 300 does', kind: 'merger', for: 200, against: 100, passed: false, firstStage: true, because: /confirmed by more than half/ },
  { name: 'merger: no votes, nothing', kind: 'merger', for: 0, against: 0, abstain: 4, passed: false, firstStage: false, because: /No votes were cast/ },
  {
    name: 'conversion: 75% with exactly half voting reaches the first stage',
    kind: 'conversion',
    for: 15,
    against: 5,
    entitled: 40,
    passed: false,
    firstStage: true,
    because: /not yet passed/,
  },
  {
    name: 'conversion: 75% with one short of half voting does not',
    kind: 'conversion',
    for: 15,
    against: 4,
    entitled: 40,
    passed: false,
    firstStage: false,
    because: /Only 19 of the 40/,
  },
  { name: 'conversion: just below 75% does not', kind: 'conversion', for: 74, against: 26, entitled: 100, passed: false, firstStage: false, because: /needed at least 75%/ },
  {
    name: 'conversion: abstainers do not count as voting for turnout',
    kind: 'conversion',
    for: 9,
    against: 0,
    abstain: 5,
    entitled: 20,
    passed: false,
    firstStage: false,
    because: /Only 9 of the 20/,
  },
  { name: 'confirmation: more than half', kind: 'confirmation', for: 3, against: 2, passed: true, because: /so it was confirmed/ },
  { name: 'confirmation: a tie is not over half', kind: 'confirmation', for: 2, against: 2, passed: false, because: /not confirmed/ },
];

describe('statutory resolutions: each majority at its edge', () => {
  it.each(decisions.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const r = decideStatutory(c.kind, { for: c.for, against: c.against, abstain: c.abstain ?? 0 }, c.entitled ?? 100);
    expect(r.passed).toBe(c.passed);
    expect(r.firstStage).toBe(c.firstStage);
    expect(r.reason).toMatch(c.because);
  });
});

const rules: DecisionRules = { specialResolution: { num: 3, den: 4 }, castingVote: true, fallbackThreshold: { num: 2, den: 3 } };
const viaCounting: { name: string; kind: StatutoryKind; vote: VoteRecord; quorate?: boolean; passed: boolean; because: RegExp }[] = [
  {
    name: 'consensus agreed without a vote does not remove a director',
    kind: 'director-removal',
    vote: { method: 'consensus', outcome: 'agreed', standAsides: 0 },
    passed: false,
    because: /no vote was recorded/,
  },
  {
    name: 'consensus confirmed by a vote counts the vote by the Act',
    kind: 'director-removal',
    vote: { method: 'consensus', outcome: 'agreed', standAsides: 1, fallback: { for: 4, against: 1, abstain: 0 } },
    passed: true,
    because: /more than half/,
  },
  {
    name: 'the chair’s casting vote does not break a tie on removal',
    kind: 'director-removal',
    vote: { method: 'vote', for: 2, against: 2, abstain: 0, castingVote: 'for' },
    passed: false,
    because: /not passed/,
  },
  {
    name: 'an inquorate meeting decides nothing',
    kind: 'confirmation',
    vote: { method: 'vote', for: 5, against: 0, abstain: 0 },
    quorate: false,
    passed: false,
    because: /not quorate/,
  },
];

describe('counting.ts sends each statutory kind to its own test', () => {
  it.each(viaCounting.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const o = decideResolution(c.kind, c.vote, rules, c.quorate ?? true, 10);
    expect(o.passed).toBe(c.passed);
    expect(o.reason).toMatch(c.because);
  });
});

const notice: { name: string; received: string; noticeDate: string; meeting: string; ok: boolean; because?: RegExp }[] = [
  { name: 'exactly 28 clear days (received 25 May, meeting 23 June)', received: '2025-05-25', noticeDate: '2025-05-26', meeting: '2025-06-23', ok: true },
  {
    name: '27 clear days is one short, naming the earliest date',
    received: '2025-05-25',
    noticeDate: '2025-05-26',
    meeting: '2025-06-22',
    ok: false,
    because: /27 clear days.*23 June 2025/,
  },
  { name: 'received the day the notice goes out is in time for it', received: '2025-05-26', noticeDate: '2025-05-26', meeting: '2025-06-30', ok: true },
  {
    name: 'received after the notice went out: refused',
    received: '2025-05-27',
    noticeDate: '2025-05-26',
    meeting: '2025-07-30',
    ok: false,
    because: /after the notice of the meeting/,
  },
  { name: 'across a month end and a clock change (received 1 March, meeting 30 March)', received: '2025-03-01', noticeDate: '2025-03-01', meeting: '2025-03-30', ok: true },
  { name: 'February in a leap year: 28 clear days from 1 February 2028 is 1 March', received: '2028-02-01', noticeDate: '2028-02-01', meeting: '2028-03-01', ok: true },
  { name: '… and 29 February is a day short', received: '2028-02-01', noticeDate: '2028-02-01', meeting: '2028-02-29', ok: false, because: /27 clear days/ },
];

describe('special notice: 28 clear days to the company (CA 2006 ss.312, 360)', () => {
  it.each(notice.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const run = () => checkSpecialNotice(c.received, c.noticeDate, c.meeting);
    if (c.ok) expect(run()).toBeGreaterThanOrEqual(28);
    else expect(run).toThrow(c.because);
  });
});

const windows: { name: string; first: string; from: string; to: string }[] = [
  { name: 'mid-month', first: '2025-06-20', from: '2025-07-04', to: '2025-07-20' },
  { name: 'a month end clamps to the shorter month', first: '2025-01-31', from: '2025-02-14', to: '2025-02-28' },
  { name: 'a leap February', first: '2028-01-31', from: '2028-02-14', to: '2028-02-29' },
  { name: 'across the year end', first: '2025-12-20', from: '2026-01-03', to: '2026-01-20' },
];

describe('the confirming meeting’s window: 14 days to one month after the first', () => {
  it.each(windows.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expect(confirmationWindow(c.first)).toEqual({ from: c.from, to: c.to });
    expect(() => checkConfirmationDate(c.first, c.from, 'merger')).not.toThrow();
    expect(() => checkConfirmationDate(c.first, c.to, 'conversion')).not.toThrow();
    const before = new Date(Date.parse(`${c.from}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    const after = new Date(Date.parse(`${c.to}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    expect(() => checkConfirmationDate(c.first, before, 'merger')).toThrow(/no more than 1 month/);
    expect(() => checkConfirmationDate(c.first, after, 'merger')).toThrow(/section 111/);
  });
});

describe('a confirmation stands only on a first stage reached', () => {
  const confirms = { meeting: '2025-06-20-general', date: '2025-06-20', resolution: 1, kind: 'merger' as const };
  const cases: { name: string; voted: boolean; first: { closed: boolean; firstStage: boolean } | undefined; passed: boolean; because: RegExp }[] = [
    { name: 'confirmed, first stage reached: passed, with the FCA copy due', voted: true, first: { closed: true, firstStage: true }, passed: true, because: /within 14 days/ },
    { name: 'confirmed, but the first meeting fell short', voted: true, first: { closed: true, firstStage: false }, passed: false, because: /nothing to confirm/ },
    { name: 'not confirmed', voted: false, first: { closed: true, firstStage: true }, passed: false, because: /was not passed/ },
    { name: 'no record of the first meeting', voted: true, first: undefined, passed: false, because: /no record/ },
  ];
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const r = applyConfirmation({ passed: c.voted, reason: 'Counted.' }, c.first, confirms);
    expect(r.passed).toBe(c.passed);
    expect(r.reason).toMatch(c.because);
  });
});

const PRISTINE = [
  '# Minutes (draft): General Meeting',
  '',
  '- **Chair:** ______________________',
  '- **In attendance (not voting):** ______________________',
  '',
  '## 1. Welcome',
  '',
  'Notes: ______________________________________________',
  '',
  '## 2. Resolution 1 (ordinary resolution)',
  '',
  'Ordinary resolution 1: “To open a bank account”',
  '',
  'For: ______ Against: ______ Abstain: ______ Result: ______________',
  '',
  '## 3. Other business',
  '',
  'Notes: ______________________________________________',
  '',
  'Signed as a correct record: ______________________ (chair)  Date: ______________',
].join('\n');

const drafts: { name: string; edit: (s: string) => string; expect: (n: ReturnType<typeof readDraftNotes>) => void }[] = [
  {
    name: 'untouched: nothing to carry',
    edit: (s) => s,
    expect: (n) => expect([n.items.size, n.other.length, n.tallies.length, n.chair, n.inAttendance]).toEqual([0, 0, 0, null, null]),
  },
  {
    name: 'a filled Notes line goes under its item, without the label',
    edit: (s) => s.replace('Notes: ______________________________________________', 'Notes: Opened at 19:05.'),
    expect: (n) => expect(n.items.get(1)).toEqual(['Opened at 19:05.']),
  },
  {
    name: 'lines added under an item are kept in order',
    edit: (s) => s.replace('## 3. Other business\n', '## 3. Other business\n\nThe date of the summer fair was set.\n- Flyers: Ben\n'),
    expect: (n) => expect(n.items.get(3)).toEqual(['The date of the summer fair was set.', '- Flyers: Ben']),
  },
  {
    name: 'the chair and those in attendance written in the header',
    edit: (s) => s.replace('- **Chair:** ______________________', '- **Chair:** Ada').replace('(not voting):** ______________________', '(not voting):** Gil'),
    expect: (n) => expect([n.chair, n.inAttendance]).toEqual(['Ada', 'Gil']),
  },
  {
    name: 'a written tally is left out and reported',
    edit: (s) => s.replace('For: ______ Against: ______ Abstain: ______ Result: ______________', 'For: 5 Against: 1 Abstain: ______ Result: passed'),
    expect: (n) => expect([n.items.size, n.tallies]).toEqual([0, ['item 2: For: 5 Against: 1 Abstain: Result: passed']]),
  },
  {
    name: 'a new heading and text after the signature line go to the other notes',
    edit: (s) => `${s}\n\n## Actions\n\n- Cai to book the hall\n`,
    expect: (n) => expect(n.other).toEqual(['## Actions', '- Cai to book the hall']),
  },
  {
    name: 'a reworded heading is kept under its item',
    edit: (s) => s.replace('## 1. Welcome', '## 1. Welcome and introductions'),
    expect: (n) => expect(n.items.get(1)).toEqual(['(Heading in the draft: 1. Welcome and introductions)']),
  },
  {
    name: 'a signed signature line is not a note',
    edit: (s) => s.replace('Signed as a correct record: ______________________ (chair)', 'Signed as a correct record: A. Founder (chair)'),
    expect: (n) => expect(n.items.size).toBe(0),
  },
  {
    name: 'Windows line endings read the same',
    edit: (s) => s.replace('Notes: ______________________________________________', 'Notes: Quick.').replace(/\n/g, '\r\n'),
    expect: (n) => expect(n.items.get(1)).toEqual(['Quick.']),
  },
];

describe('the draft minutes: what was written, found and placed', () => {
  it.each(drafts.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    c.expect(readDraftNotes(c.edit(PRISTINE), PRISTINE));
  });
});

const meeting = (over: Partial<MeetingRecord>): MeetingRecord =>
  ({
    id: '2025-06-20-general',
    type: 'general',
    date: '2025-06-20',
    resolutions: [
      { number: 1, kind: 'ordinary', text: 'To thank the volunteers' },
      { number: 2, kind: 'special', text: 'That member 4 be expelled' },
    ],
    closed: true,
    outcome: {
      quorum: { required: 3, present: 4, met: true },
      resolutions: [
        { number: 1, kind: 'ordinary', text: '', for: 4, against: 0, abstain: 0, passed: true },
        { number: 2, kind: 'special', text: '', for: 3, against: 1, abstain: 0, passed: true },
      ],
    },
    ...over,
  }) as MeetingRecord;

describe('an expulsion needs a passed special resolution at a general meeting, on or before the day', () => {
  const cases: { name: string; m: MeetingRecord; resolution: number; leave: string; problem: RegExp | undefined }[] = [
    { name: 'passed special resolution, expelled the next day', m: meeting({}), resolution: 2, leave: '2025-06-21', problem: undefined },
    { name: 'the same day', m: meeting({}), resolution: 2, leave: '2025-06-20', problem: undefined },
    { name: 'an ordinary resolution', m: meeting({}), resolution: 1, leave: '2025-06-21', problem: /not a special resolution/ },
    { name: 'a resolution that does not exist', m: meeting({}), resolution: 3, leave: '2025-06-21', problem: /no resolution 3/ },
    { name: 'dated before the meeting', m: meeting({}), resolution: 2, leave: '2025-06-19', problem: /after 19 June 2025/ },
    { name: 'the meeting is not closed', m: meeting({ closed: false, outcome: null }), resolution: 2, leave: '2025-06-21', problem: /not closed yet/ },
    { name: 'a committee meeting', m: meeting({ type: 'committee', id: '2025-06-20-committee' }), resolution: 2, leave: '2025-06-21', problem: /committee meeting/ },
    {
      name: 'a special resolution that failed',
      m: meeting({
        outcome: {
          quorum: { required: 3, present: 4, met: true },
          resolutions: [{ number: 2, kind: 'special', text: '', for: 2, against: 2, abstain: 0, passed: false }],
        },
      }),
      resolution: 2,
      leave: '2025-06-21',
      problem: /was not passed/,
    },
  ];
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const p = expulsionProblem(c.m, c.resolution, c.leave);
    if (c.problem) expect(p).toMatch(c.problem);
    else expect(p).toBeUndefined();
  });

  it('reads a decision as MEETING:RESOLUTION', () => {
    expect(parseDecisionRef('2025-06-20:2')).toEqual({ meeting: '2025-06-20', resolution: 2 });
    expect(parseDecisionRef(' 2025-06-20-general : 12 ')).toEqual({ meeting: '2025-06-20-general', resolution: 12 });
    expect(parseDecisionRef('2025-06-20')).toBeUndefined();
    expect(parseDecisionRef('2025-06-20:0')).toBeUndefined();
  });
});
