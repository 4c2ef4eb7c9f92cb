// The pure core of amendments: the schedule of changes, the rules in force on a date, what an
// amendment may not do, and a hand edit to coop.yml told apart from a registered amendment.

import { describe, expect, it } from 'vitest';
import { applyChanges, paramsInput, type ParamChange } from '../../src/core/amendments/changes.js';
import type { AmendmentEvent } from '../../src/core/amendments/events.js';
import { deriveAmendments, rulesInForce } from '../../src/core/amendments/history.js';
import { proposeRules } from '../../src/core/amendments/propose.js';
import { applySchedule, scheduleOfChanges } from '../../src/core/amendments/schedule.js';
import { unamendedEdits } from '../../src/core/amendments/unamended.js';
import { defaultParams, legalName } from '../../src/core/defaults.js';
import { paramsSchema, type CoopParams, type Form, type Kind } from '../../src/core/params.js';

const DOC = `# Rules

## 1. Name

**1.1** The name is Test Limited.

## 2. Meetings

**2.1** Notice is 14 clear days.

**2.2** The quorum is 3 members or 25% of the members.

## 3. Money

**3.1** Members hold one share.
`;

describe('scheduleOfChanges', () => {
  const cases: { name: string; next: string; expected: { ref: string; title: string; current: string | null; proposed: string | null }[] }[] = [
    { name: 'no change gives an empty schedule', next: DOC, expected: [] },
    {
      name: 'one paragraph changed: that paragraph, numbered as now',
      next: DOC.replace('25%', '10%'),
      expected: [
        { ref: '2.2', title: 'Meetings', current: '**2.2** The quorum is 3 members or 25% of the members.', proposed: '**2.2** The quorum is 3 members or 10% of the members.' },
      ],
    },
    {
      name: 'two paragraphs in two clauses',
      next: DOC.replace('14 clear', '21 clear').replace('one share', 'two shares'),
      expected: [
        { ref: '2.1', title: 'Meetings', current: '**2.1** Notice is 14 clear days.', proposed: '**2.1** Notice is 21 clear days.' },
        { ref: '3.1', title: 'Money', current: '**3.1** Members hold one share.', proposed: '**3.1** Members hold two shares.' },
      ],
    },
    {
      name: 'a paragraph added to a clause: the whole clause, before and after',
      next: DOC.replace('of the members.\n', 'of the members.\n\n**2.3** Proxies count.\n'),
      expected: [
        {
          ref: '2',
          title: 'Meetings',
          current: '**2.1** Notice is 14 clear days.\n\n**2.2** The quorum is 3 members or 25% of the members.',
          proposed: '**2.1** Notice is 14 clear days.\n\n**2.2** The quorum is 3 members or 25% of the members.\n\n**2.3** Proxies count.',
        },
      ],
    },
    {
      name: 'a clause removed, the next renumbered: only the removal',
      next: DOC.replace('## 3. Money\n\n**3.1** Members hold one share.\n', ''),
      expected: [{ ref: '3', title: 'Money', current: '**3.1** Members hold one share.', proposed: null }],
    },
    {
      name: 'a clause added before another: the addition, not the renumbering',
      next: DOC.replace('## 2. Meetings', '## 2. Board\n\n**2.1** There is a board.\n\n## 3. Meetings')
        .replace(/\*\*2\.([12])\*\* (Notice|The quorum)/g, '**3.$1** $2')
        .replace('## 3. Money\n\n**3.1**', '## 4. Money\n\n**4.1**'),
      expected: [{ ref: '2', title: 'Board', current: null, proposed: '**2.1** There is a board.' }],
    },
  ];
  for (const c of cases) it(c.name, () => expect(scheduleOfChanges(DOC, c.next)).toEqual(c.expected));

  it('is made in a document with the group’s own wording elsewhere, and an edited paragraph is kept and reported', () => {
    const schedule = scheduleOfChanges(DOC, DOC.replace('25%', '10%').replace('14 clear', '21 clear'));
    const groups = DOC.replace('Members hold one share.', 'Members hold one share, paid in full.').replace('Notice is 14 clear days.', 'Notice is 14 clear days, by email.');
    const { text, kept } = applySchedule(groups, schedule);
    expect(text).toContain('paid in full');
    expect(text).toContain('10% of the members');
    expect(text).toContain('Notice is 14 clear days, by email.');
    expect(kept.map((e) => e.ref)).toEqual(['2.1']);
  });
});

function params(kind: Kind, form: Form, tweak: (p: ReturnType<typeof defaultParams>) => void = () => undefined): CoopParams {
  const p = defaultParams({ kind, form, jurisdiction: 'england-wales', name: legalName('Test', form), founded: '2024-01-15' });
  tweak(p);
  return paramsSchema.parse(p);
}

const QUORUM: ParamChange[] = [{ path: 'meetings.quorum.percent', from: '25%', to: '10%' }];
const NOTICE: ParamChange[] = [{ path: 'meetings.noticeClearDays', from: 14, to: 21 }];
const ev = (seq: number, date: string, type: string, amendment: string, extra: Record<string, unknown> = {}) => ({ seq, date, type, amendment, ...extra }) as AmendmentEvent;
const passed = (seq: number, date: string, id: string) => ev(seq, date, 'passed', id, { meeting: null, for: 3, against: 0, abstain: 0 });

describe('rulesInForce', () => {
  const society = params('worker-coop', 'co-operative-society');
  const company = params('community-radio', 'company-limited-by-guarantee');
  const registered = [ev(1, '2025-03-01', 'proposed', 'a', { changes: QUORUM }), passed(2, '2025-04-10', 'a'), ev(3, '2025-05-01', 'registered', 'a')];
  const today = paramsInput({ ...society, meetings: { ...society.meetings, quorum: { ...society.meetings.quorum, percent: { num: 1, den: 10 } } } });
  const cases: {
    name: string;
    form: Form;
    events: AmendmentEvent[];
    today: ReturnType<typeof paramsInput>;
    date: string;
    path: (p: ReturnType<typeof paramsInput>) => unknown;
    expected: unknown;
  }[] = [
    {
      name: 'society: the day before registration, the old quorum',
      form: 'co-operative-society',
      events: registered,
      today,
      date: '2025-04-30',
      path: (p) => p.meetings.quorum.percent,
      expected: '25%',
    },
    {
      name: 'society: passed but not registered is not in force',
      form: 'co-operative-society',
      events: registered,
      today,
      date: '2025-04-20',
      path: (p) => p.meetings.quorum.percent,
      expected: '25%',
    },
    {
      name: 'society: on the registration date, the new quorum',
      form: 'co-operative-society',
      events: registered,
      today,
      date: '2025-05-01',
      path: (p) => p.meetings.quorum.percent,
      expected: '10%',
    },
    {
      name: 'company: passed but not yet filed is in force from the meeting',
      form: 'company-limited-by-guarantee',
      events: [ev(1, '2025-03-01', 'proposed', 'b', { changes: NOTICE }), passed(2, '2025-04-10', 'b')],
      today: paramsInput(company),
      date: '2025-04-11',
      path: (p) => p.meetings.noticeClearDays,
      expected: 21,
    },
    {
      name: 'company: before the meeting, the old notice',
      form: 'company-limited-by-guarantee',
      events: [ev(1, '2025-03-01', 'proposed', 'b', { changes: NOTICE }), passed(2, '2025-04-10', 'b')],
      today: paramsInput(company),
      date: '2025-04-09',
      path: (p) => p.meetings.noticeClearDays,
      expected: 14,
    },
    {
      name: 'two amendments of one key: the one in force between them',
      form: 'co-operative-society',
      events: [
        ...registered,
        ev(4, '2025-06-01', 'proposed', 'c', { changes: [{ path: 'meetings.quorum.percent', from: '10%', to: '5%' }] }),
        passed(5, '2025-07-01', 'c'),
        ev(6, '2025-08-01', 'registered', 'c'),
      ],
      today: applyChanges(today, [{ path: 'meetings.quorum.percent', from: '10%', to: '5%' }]),
      date: '2025-07-15',
      path: (p) => p.meetings.quorum.percent,
      expected: '10%',
    },
  ];
  for (const c of cases) {
    it(c.name, () => expect(c.path(rulesInForce(c.today, deriveAmendments(c.events, c.form), c.date))).toEqual(c.expected));
  }

  it('a company’s passed amendment must be filed within 15 days of the meeting', () => {
    const [a] = deriveAmendments([ev(1, '2025-03-01', 'proposed', 'b', { changes: NOTICE }), passed(2, '2025-04-10', 'b')], 'company-limited-by-guarantee');
    expect(a).toMatchObject({ status: 'passed', fileBy: '2025-04-25', effective: '2025-04-10', applied: false });
  });

  it('a CIC’s new objects wait for registration (the Regulator), not the meeting', () => {
    const changes = [{ path: 'group.objects', from: 'old', to: 'new' }];
    const [a] = deriveAmendments([ev(1, '2025-03-01', 'proposed', 'd', { changes }), passed(2, '2025-04-10', 'd'), ev(3, '2025-06-02', 'filed', 'd')], 'cic');
    expect(a).toMatchObject({ effective: '2025-06-02', status: 'in force' });
  });
});

describe('proposeRules refuses what coop new would', () => {
  const cases: { name: string; current: CoopParams; answers: Record<string, unknown>; where: string; says: string }[] = [
    { name: 'a CIC removing its asset lock', current: params('community-radio', 'cic'), answers: { dissolution: 'similar-body' }, where: '--dissolution', says: 'asset-lock' },
    { name: 'a society’s name without "Limited"', current: params('worker-coop', 'co-operative-society'), answers: { name: 'Test Workers' }, where: '--name', says: 'Limited' },
    {
      name: 'a company’s notice below 14 days',
      current: params('community-radio', 'company-limited-by-guarantee'),
      answers: { noticeDays: 10 },
      where: '--notice-days',
      says: 's.307',
    },
    {
      name: 'a special resolution at a bare majority',
      current: params('worker-coop', 'co-operative-society'),
      answers: { specialThreshold: '50%' },
      where: '--special-threshold',
      says: 'more than a simple majority',
    },
    {
      name: 'shares for a form without them',
      current: params('neighbourhood-group', 'unincorporated-association'),
      answers: { maxShares: 5 },
      where: '--max-shares',
      says: 'no members',
    },
    { name: 'no change at all', current: params('worker-coop', 'co-operative-society'), answers: { noticeDays: 14 }, where: 'coop rules amend', says: 'no change' },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const { proposal, problems } = proposeRules(c.current, c.answers);
      expect(proposal).toBeUndefined();
      expect(problems.find((p) => p.where === c.where)?.message).toContain(c.says);
    });
  }

  it('gives the changes, each with its value before and after, as coop.yml writes them', () => {
    const { proposal } = proposeRules(params('worker-coop', 'co-operative-society'), { quorumPercent: '20%', noticeDays: 21 });
    expect(proposal?.changes).toEqual([
      { path: 'meetings.noticeClearDays', from: 14, to: 21 },
      { path: 'meetings.quorum.percent', from: '25%', to: '20%' },
    ]);
  });
});

describe('unamendedEdits', () => {
  const founded = params('worker-coop', 'co-operative-society');
  const edited = params('worker-coop', 'co-operative-society', (p) => {
    p.meetings.quorum.percent = '10%';
  });
  it('reports a hand edit with the command that makes it lawful', () => {
    const [problem, ...rest] = unamendedEdits(founded, edited, []);
    expect(rest).toEqual([]);
    expect(problem?.message).toContain('coop rules amend --quorum-percent 10%');
  });
  it('accepts the same change once an amendment carrying it is registered', () => {
    const amendments = deriveAmendments(
      [ev(1, '2025-03-01', 'proposed', 'a', { changes: QUORUM }), passed(2, '2025-04-10', 'a'), ev(3, '2025-05-01', 'registered', 'a')],
      'co-operative-society',
    );
    expect(unamendedEdits(founded, edited, amendments)).toEqual([]);
  });
  it('still reports it while the amendment is only passed', () => {
    const amendments = deriveAmendments([ev(1, '2025-03-01', 'proposed', 'a', { changes: QUORUM }), passed(2, '2025-04-10', 'a')], 'co-operative-society');
    expect(unamendedEdits(founded, edited, amendments)).toHaveLength(1);
  });
});
