import { describe, expect, it } from 'vitest';
import { QUESTIONS, setAnswer, type Answers } from '../../src/core/found/answers.js';
import { checkFounder, founderListProblems, parseFounderSpec } from '../../src/core/found/founders.js';
import { foundingFrom, paramsInputFrom } from '../../src/core/found/to-params.js';
import { FORMS, KINDS, paramsSchema } from '../../src/core/params.js';
import { VALID_FORMS } from '../../src/core/law.js';
import { VALID_COMBOS, VALID_PAIRS, isSocietyForm } from '../support/combos.js';
import { legalName } from '../../src/core/defaults.js';

const SETTING = { dirName: 'riverside-bakers', today: '2026-03-10' };
const THREE = [{ name: 'Ada Lovelace', email: 'ada@example.org' }, { name: 'Ben Okri' }, { name: 'Cai Jones' }];

function refusals(answers: Answers): { where: string; message: string }[] {
  const { founding, problems } = foundingFrom(answers, SETTING, paramsSchema);
  expect(founding).toBeUndefined();
  return problems;
}

describe('reading one answer (the same for a flag, an answers file and a prompt)', () => {
  const accepted: [keyof Answers, unknown, unknown][] = [
    ['kind', 'worker-coop', 'worker-coop'],
    ['founded', '2026-04-01', '2026-04-01'],
    ['founded', '1/4/2026', '2026-04-01'],
    ['yearEnd', '03-31', '03-31'],
    ['yearEnd', '31/03', '03-31'],
    ['noticeDays', '21', 21],
    ['noticeDays', 21, 21],
    ['quorumPercent', '10%', '10%'],
    ['quorumPercent', 10, '10%'],
    ['specialThreshold', '2/3', '2/3'],
    ['specialThreshold', '66.67%', '66.67%'],
    ['shareValue', '100', 100],
    ['shareValue', '£1.50', 150],
    ['withdrawable', 'yes', true],
    ['withdrawable', 'no', false],
    ['transferable', false, false],
    ['proxies', '0', 0],
    ['founders', ['Ada Lovelace <ada@example.org>', 'Ben Okri'], [{ name: 'Ada Lovelace', email: 'ada@example.org' }, { name: 'Ben Okri' }]],
    ['founders', [{ name: 'Ada', email: 'ada@example.org' }], [{ name: 'Ada', email: 'ada@example.org' }]],
  ];
  it.each(accepted)('%s %j is read as %j', (key, raw, value) => {
    const answers: Answers = {};
    expect(setAnswer(answers, key, raw)).toBeUndefined();
    expect(answers[key]).toEqual(value);
  });

  const refused: [keyof Answers, unknown, RegExp][] = [
    ['kind', 'bakery', /must be one of: worker-coop/],
    ['form', 'charity', /must be one of/],
    ['founded', '2026-02-30', /real date/],
    ['founded', 'tomorrow', /YYYY-MM-DD/],
    ['yearEnd', '13-01', /MM-DD/],
    ['noticeDays', '14 days', /whole number/],
    ['noticeDays', '0', /from 1/],
    ['quorumPercent', '150%', /at most 100%/],
    ['specialThreshold', 'most', /percentage/],
    ['withdrawable', 'maybe', /yes or no/],
    ['shareValue', '£0.001', /whole number/],
    ['name', '   ', /cannot be empty/],
    ['founders', ['Ada <ada@example>'], /not an email address/],
    ['founders', ['ada@example.org'], /email without a name/],
    ['founders', ['Ada <ada@example.org'], /angle brackets/],
  ];
  it.each(refused)('%s %j is refused', (key, raw, message) => {
    expect(setAnswer({}, key, raw)).toMatch(message);
  });

  it('every question has a flag the CLI declares', async () => {
    const { buildProgram } = await import('../../src/cli.js');
    const declared = buildProgram()
      .commands.find((c) => c.name() === 'new')!
      .options.map((o) => o.long);
    for (const q of QUESTIONS) expect(declared).toContain(q.flag);
  });
});

describe('founders', () => {
  it('reads "Name <email>" and a name alone', () => {
    expect(parseFounderSpec('  Priya  Sharma <priya@example.org> ')).toEqual({ name: 'Priya Sharma', email: 'priya@example.org' });
    expect(parseFounderSpec('Priya Sharma')).toEqual({ name: 'Priya Sharma' });
    expect(checkFounder({ name: 'Priya', email: '' })).toEqual({ name: 'Priya' });
  });
  it('refuses the same person twice', () => {
    expect(founderListProblems([{ name: 'Ada' }, { name: 'ada' }])[0]).toMatch(/founders 1 and 2 are both "ada"/);
    expect(
      founderListProblems([
        { name: 'Ada', email: 'x@example.org' },
        { name: 'Bo', email: 'X@example.org' },
      ])[0],
    ).toMatch(/same email/);
  });
});

describe('law.ts lets exactly the kind/form pairs of issue 2', () => {
  it('matches the issue’s list', () => {
    const fromLaw = KINDS.flatMap((k) => VALID_FORMS[k].map((f) => `${k} ${f}`)).sort();
    expect(fromLaw).toEqual(VALID_PAIRS.map(([k, f]) => `${k} ${f}`).sort());
  });
});

describe('answers → parameters', () => {
  it.each(VALID_COMBOS)('%s as %s in %s founds with the defaults', (kind, form, jurisdiction) => {
    const name = legalName('Riverside', form);
    const { founding, problems } = foundingFrom({ kind, form, jurisdiction, name, founders: THREE }, SETTING, paramsSchema);
    expect(problems).toEqual([]);
    expect(founding!.params.group).toMatchObject({ kind, form, jurisdiction, name, founded: SETTING.today });
    expect(founding!.params.shares === null).toBe(!isSocietyForm(form));
  });

  it('with nothing answered (--yes): a worker co-op named from the folder, founded today, with example founders', () => {
    const { founding, problems } = foundingFrom({}, SETTING, paramsSchema);
    expect(problems).toEqual([]);
    expect(founding!.params.group).toMatchObject({ kind: 'worker-coop', form: 'co-operative-society', name: 'Riverside Bakers Limited', founded: '2026-03-10' });
    expect(founding!.founders.map((f) => f.name)).toEqual(['Alex Example', 'Sam Example', 'Jo Example']);
  });

  it('applies every answer', () => {
    const answers: Answers = {
      kind: 'worker-coop',
      form: 'co-operative-society',
      jurisdiction: 'scotland',
      name: 'Glen Limited',
      objects: 'bread',
      area: 'Leith',
      office: '1 Shore, Leith',
      founders: THREE,
      founded: '2026-01-02',
      yearEnd: '12-31',
      eligibility: 'bakers',
      decisions: 'consensus',
      fallbackThreshold: '80%',
      quorumMembers: 2,
      quorumPercent: '50%',
      noticeDays: 21,
      proxies: 2,
      specialThreshold: '2/3',
      shareValue: 500,
      minShares: 2,
      maxShares: 10,
      withdrawable: false,
      transferable: true,
      board: 'elected-rotation',
      dissolution: 'co-ownership',
      dissolutionRecipient: 'the members',
    };
    const { founding, problems } = foundingFrom(answers, SETTING, paramsSchema);
    expect(problems).toEqual([]);
    const p = founding!.params;
    expect(p.group).toMatchObject({
      jurisdiction: 'scotland',
      objects: 'bread',
      area: 'Leith',
      registeredOffice: '1 Shore, Leith',
      founded: '2026-01-02',
      financialYearEnd: '12-31',
    });
    expect(p.membership.eligibility).toBe('bakers');
    expect(p.decisions).toEqual({ method: 'consensus', fallbackThreshold: { num: 4, den: 5 }, writtenResolutions: { allowed: true, lapseDays: 28 } });
    expect(p.meetings.quorum).toEqual({ members: 2, percent: { num: 1, den: 2 } });
    expect(p.meetings.noticeClearDays).toBe(21);
    expect(p.meetings.proxies).toEqual({ allowed: true, maxPerHolder: 2, countTowardsQuorum: true });
    expect(p.meetings.specialResolution).toEqual({ num: 2, den: 3 });
    expect(p.shares).toEqual({ nominalPence: 500, minimumHolding: 2, maximumHolding: 10, withdrawable: false, transferable: true });
    expect(p.board.style).toBe('elected-rotation');
    expect(p.dissolution).toEqual({ rule: 'co-ownership', recipient: 'the members' });
  });

  it('gives a small founding group a quorum and board it can meet', () => {
    const input = paramsInputFrom({ kind: 'arts-project', form: 'unincorporated-association', founders: [{ name: 'A' }, { name: 'B' }] }, SETTING);
    expect(input.meetings.quorum.members).toBe(2);
    expect(input.board.minSize).toBe(2);
    expect(
      foundingFrom({ kind: 'arts-project', form: 'unincorporated-association', name: 'Duo', founders: [{ name: 'A' }, { name: 'B' }] }, SETTING, paramsSchema).problems,
    ).toEqual([]);
  });

  it('raises the maximum holding with a minimum above it', () => {
    const { founding } = foundingFrom({ minShares: 5 }, SETTING, paramsSchema);
    expect(founding!.params.shares).toMatchObject({ minimumHolding: 5, maximumHolding: 5 });
  });

  it('defaults the fallback vote when a group chooses consensus', () => {
    expect(foundingFrom({ decisions: 'consensus' }, SETTING, paramsSchema).founding!.params.decisions.fallbackThreshold).toEqual({ num: 3, den: 4 });
  });
});

describe('refusals name the flag to change and say why', () => {
  const scenarios: [string, Answers, string, RegExp][] = [
    [
      'community radio as an unincorporated association',
      { kind: 'community-radio', form: 'unincorporated-association', name: 'Radio' },
      '--form',
      /Ofcom grants community radio licences only to bodies corporate/,
    ],
    [
      'a co-operative society with two founders',
      { kind: 'worker-coop', name: 'Two Limited', founders: THREE.slice(0, 2) },
      '--founder',
      /needs at least 3 founding members; 2 were given/,
    ],
    [
      'a community benefit society with one founder',
      { kind: 'neighbourhood-group', form: 'community-benefit-society', name: 'One Limited', founders: THREE.slice(0, 1) },
      '--founder',
      /at least 3/,
    ],
    ['an association with one founder', { kind: 'neighbourhood-group', name: 'Solo', founders: THREE.slice(0, 1) }, '--founder', /at least 2/],
    ['a company giving 13 days’ notice', { kind: 'community-radio', name: 'Radio', noticeDays: 13 }, '--notice-days', /at least 14 clear days.*s\.307/],
    ['a CIC giving 7 days’ notice', { kind: 'arts-project', form: 'cic', name: 'Arts', noticeDays: 7 }, '--notice-days', /at least 14/],
    ['withdrawable shares worth over £100,000 in England', { maxShares: 100_001 }, '--max-shares', /at most £100,000.*Largest valid holding: 100000 shares/],
    ['withdrawable shares worth over £100,000 at £5 a share in Scotland', { jurisdiction: 'scotland', shareValue: 500, maxShares: 20_001 }, '--max-shares', /£100,000/],
    [
      'withdrawable shares worth over £100,000 in Northern Ireland',
      { jurisdiction: 'northern-ireland', maxShares: 100_001 },
      '--max-shares',
      /at most £100,000 .* in Northern Ireland/,
    ],
    ['a special resolution at a simple majority', { specialThreshold: '50%' }, '--special-threshold', /more than a simple majority; 50% is not/],
    ['a special resolution below a majority', { specialThreshold: '1/3' }, '--special-threshold', /more than a simple majority/],
    ['a company special resolution under 75%', { kind: 'community-radio', name: 'Radio Limited', specialThreshold: '2/3' }, '--special-threshold', /at least 75%.*s\.283/],
    ['a quorum larger than the founding membership', { quorumMembers: 4 }, '--quorum-members', /larger than the founding membership \(3\)/],
    ['a society name without Limited', { name: 'Riverside Bakers' }, '--name', /must end in "Limited".*try "Riverside Bakers Limited"/],
    ['a worker co-op as a CIC', { kind: 'worker-coop', form: 'cic', name: 'W' }, '--form', /A worker co-operative cannot be a community interest company/],
    ['a worker co-op as a community benefit society', { kind: 'worker-coop', form: 'community-benefit-society', name: 'W Limited' }, '--form', /bona fide co-op test/],
    ['a neighbourhood group as a co-operative society', { kind: 'neighbourhood-group', form: 'co-operative-society', name: 'N Limited' }, '--form', /serves the area/],
    ['a company without proxies', { kind: 'community-radio', name: 'Radio', proxies: 0 }, '--proxies', /s\.324/],
    ['share terms for a form without shares', { kind: 'community-radio', name: 'Radio', minShares: 1 }, '--min-shares', /has no members' shares/],
    ['a fallback vote without consensus', { fallbackThreshold: '75%' }, '--fallback-threshold', /only for groups deciding by consensus/],
    ['a fallback vote below a majority', { decisions: 'consensus', fallbackThreshold: '40%' }, '--fallback-threshold', /at least a simple majority/],
    ['a CIC without an asset lock', { kind: 'arts-project', form: 'cic', name: 'Arts', dissolution: 'similar-body' }, '--dissolution', /asset lock/],
    [
      'a community benefit society sharing assets among members',
      { kind: 'neighbourhood-group', form: 'community-benefit-society', name: 'N Limited', dissolution: 'co-ownership' },
      '--dissolution',
      /may not go to its members/,
    ],
    ['a maximum holding below the minimum', { minShares: 5, maxShares: 2 }, '--max-shares', /below the minimum/],
    ['a founding date years ahead', { founded: '2030-01-01' }, '--founded', /more than a year from today/],
    ['the same founder twice', { founders: [THREE[0]!, THREE[0]!, THREE[1]!] }, '--founder', /both "Ada Lovelace"/],
  ];
  it.each(scenarios)('%s', (_name, answers, where, message) => {
    const problems = refusals(answers);
    expect(problems.find((p) => p.where === where)?.message, JSON.stringify(problems)).toMatch(message);
  });

  it('every refusal of an invalid kind/form pair names the valid forms', () => {
    for (const kind of KINDS) {
      for (const form of FORMS.filter((f) => !VALID_FORMS[kind].includes(f))) {
        const problem = refusals({ kind, form, name: legalName('X', form) }).find((p) => p.where === '--form');
        expect(problem?.message).toContain(`Valid forms for`);
        expect(problem?.message).toContain(VALID_FORMS[kind].join(', '));
      }
    }
  });
});
