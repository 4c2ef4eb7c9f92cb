// Answers → the group's parameters. Start from the defaults for the kind and form, apply what
// the founders answered, then check the whole against the law and against itself. Every
// problem names the flag (or coop.yml key) that would fix it.

import { defaultBoardExtras } from '../board/rules.js';
import { daysBetween, type IsoDate } from '../dates.js';
import {
  CHARITABLE_RECIPIENT,
  DEFAULT_FOUNDERS,
  DEFAULT_FALLBACK_THRESHOLD,
  DEFAULT_FORM,
  DEFAULT_JURISDICTION,
  DEFAULT_KIND,
  defaultName,
  defaultParams,
  defaultRecipient,
} from '../defaults.js';
import { hasShares, MIN_FOUNDERS } from '../law.js';
import type { CoopParams, CoopParamsInput } from '../params.js';
import { validateFounding, validateParams } from '../validate-params.js';
import { QUESTIONS, type AnswerKey, type Answers } from './answers.js';
import { founderListProblems, type Founder } from './founders.js';

export interface FoundingSetting {
  /** The folder's name, for the default group name. */
  dirName: string;
  /** Today in the UK, the default founding date. */
  today: IsoDate;
}

export interface AnswerProblem {
  /** The flag that would fix it ("--notice-days"), or a coop.yml key when no flag sets it. */
  where: string;
  message: string;
}

export interface Founding {
  params: CoopParams;
  founders: Founder[];
}

/**
 * What checks the parameters' shape and types: paramsSchema (params.ts, with the schema library),
 * or for answers that only choose a preset, the parameters presetParams (preset-params.ts) makes without it.
 */
export interface ParamsSchema {
  safeParse(input: CoopParamsInput): { success: true; data: CoopParams } | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } };
}

/** The founders the answers give, or the demo founders (used only with --yes or in tests). */
export function foundersOf(answers: Answers): Founder[] {
  return answers.founders ?? DEFAULT_FOUNDERS.map((name) => ({ name }));
}

/**
 * The parameters the answers make, before any checking: the defaults with every answer
 * applied. The wizard also reads it to offer each question's default.
 */
export function paramsInputFrom(answers: Answers, setting: FoundingSetting): CoopParamsInput {
  const kind = answers.kind ?? DEFAULT_KIND;
  const form = answers.form ?? DEFAULT_FORM[kind];
  const jurisdiction = answers.jurisdiction ?? DEFAULT_JURISDICTION;
  const founders = foundersOf(answers).length;
  const p = defaultParams({
    kind,
    form,
    jurisdiction,
    name: answers.name ?? defaultName(setting.dirName, form),
    founded: answers.founded ?? setting.today,
  });
  // The defaults assume at least three founders; a smaller founding group gets a quorum and a
  // smallest board it can meet, rather than a refusal for a number nobody chose.
  p.meetings.quorum.members = Math.min(p.meetings.quorum.members, Math.max(1, founders));
  p.board.minSize = Math.min(p.board.minSize, Math.max(1, founders));

  return applyAnswers(p, answers);
}

/**
 * Sets each answered value on a set of parameters (changed in place, and returned): the
 * founders' answers on the defaults here, and `coop rules amend`'s on the rules in force.
 */
export function applyAnswers(p: CoopParamsInput, answers: Answers): CoopParamsInput {
  if (answers.name !== undefined) p.group.name = answers.name;
  const g = p.group;
  if (answers.objects !== undefined) g.objects = answers.objects;
  if (answers.area !== undefined) g.area = answers.area;
  if (answers.office !== undefined) g.registeredOffice = answers.office;
  if (answers.yearEnd !== undefined) g.financialYearEnd = answers.yearEnd;
  if (answers.eligibility !== undefined) p.membership.eligibility = answers.eligibility;
  if (answers.decisions !== undefined) p.decisions.method = answers.decisions;
  if (p.decisions.method === 'consensus') p.decisions.fallbackThreshold = answers.fallbackThreshold ?? p.decisions.fallbackThreshold ?? DEFAULT_FALLBACK_THRESHOLD;
  else p.decisions.fallbackThreshold = null;
  const m = p.meetings;
  if (answers.quorumMembers !== undefined) m.quorum.members = answers.quorumMembers;
  if (answers.quorumPercent !== undefined) m.quorum.percent = answers.quorumPercent;
  if (answers.noticeDays !== undefined) m.noticeClearDays = answers.noticeDays;
  if (answers.proxies !== undefined) {
    m.proxies = { allowed: answers.proxies > 0, maxPerHolder: answers.proxies, countTowardsQuorum: answers.proxies > 0 };
  }
  if (answers.specialThreshold !== undefined) m.specialResolution = answers.specialThreshold;
  if (p.shares) {
    const s = p.shares;
    if (answers.shareValue !== undefined) s.nominalPence = answers.shareValue;
    if (answers.minShares !== undefined) {
      s.minimumHolding = answers.minShares;
      // A minimum above the default maximum (one share each for a worker co-op) raises the maximum with it.
      if (answers.maxShares === undefined && s.maximumHolding < s.minimumHolding) s.maximumHolding = s.minimumHolding;
    }
    if (answers.maxShares !== undefined) s.maximumHolding = answers.maxShares;
    if (answers.withdrawable !== undefined) s.withdrawable = answers.withdrawable;
    if (answers.transferable !== undefined) s.transferable = answers.transferable;
  }
  if (answers.board !== undefined) {
    p.board.style = answers.board;
    // A board of every member co-opts no one.
    p.board.coOptedMax = defaultBoardExtras(answers.board).coOptedMax;
  }
  if (answers.dissolution !== undefined) p.dissolution = { rule: answers.dissolution, recipient: defaultRecipient(answers.dissolution) };
  if (answers.dissolutionRecipient !== undefined) p.dissolution.recipient = answers.dissolutionRecipient;
  applyLegalChoices(p, answers);
  return p;
}

/** The choices that change what the law requires of the name and the asset lock (issue 10). */
function applyLegalChoices(p: CoopParamsInput, answers: Answers): void {
  const g = p.group;
  if (answers.officeCountry !== undefined) g.officeCountry = answers.officeCountry;
  if (answers.limitedExempt) g.limitedExempt = true;
  if (answers.charitable) {
    g.charitable = true;
    // A charitable society cannot adopt the statutory lock: its assets stay with charity instead.
    if (g.form === 'community-benefit-society') {
      if (answers.dissolution === undefined) p.dissolution.rule = 'similar-body';
      if (answers.dissolutionRecipient === undefined) p.dissolution.recipient = CHARITABLE_RECIPIENT;
    }
  }
  if (answers.assetLockedBody !== undefined) {
    p.dissolution.assetLockedBody = answers.assetLockedBody;
    // The specified body is the recipient (reg 23(5)); one name, said once.
    if (answers.dissolutionRecipient === undefined) p.dissolution.recipient = answers.assetLockedBody;
  }
}

/** Where in coop.yml each answer lands, to name the flag in a problem about that key. */
const FLAG_FOR_PATH: Record<string, string> = {
  'group.kind': '--kind',
  'group.form': '--form',
  'group.jurisdiction': '--jurisdiction',
  'group.name': '--name',
  'group.objects': '--objects',
  'group.area': '--area',
  'group.registeredOffice': '--office',
  'group.founded': '--founded',
  'group.financialYearEnd': '--year-end',
  'membership.eligibility': '--eligibility',
  'decisions.method': '--decisions',
  'decisions.fallbackThreshold': '--fallback-threshold',
  'meetings.quorum.members': '--quorum-members',
  'meetings.quorum.percent': '--quorum-percent',
  'meetings.noticeClearDays': '--notice-days',
  'meetings.proxies.allowed': '--proxies',
  'meetings.proxies.maxPerHolder': '--proxies',
  'meetings.specialResolution': '--special-threshold',
  'shares.nominalPence': '--share-value',
  'shares.minimumHolding': '--min-shares',
  'shares.maximumHolding': '--max-shares',
  'shares.withdrawable': '--withdrawable',
  'shares.transferable': '--transferable',
  'board.style': '--board',
  'board.minSize': '--founder',
  'dissolution.rule': '--dissolution',
  'dissolution.recipient': '--dissolution-recipient',
  'group.officeCountry': '--office-country',
  'group.limitedExempt': '--limited-exempt',
  'group.charitable': '--charitable',
  'dissolution.assetLockedBody': '--asset-locked-body',
  founders: '--founder',
};

export function flagForPath(path: string): string {
  return FLAG_FOR_PATH[path] ?? `coop.yml ${path}`;
}

/** The answers that only make sense with another answer: refused rather than silently ignored. */
export function inapplicable(answers: Answers, form: CoopParams['group']['form'], method: CoopParams['decisions']['method']): AnswerProblem[] {
  const out: AnswerProblem[] = [];
  if (!hasShares(form)) {
    for (const key of ['shareValue', 'minShares', 'maxShares', 'withdrawable', 'transferable'] as const satisfies AnswerKey[]) {
      if (answers[key] !== undefined) {
        const flag = QUESTIONS.find((x) => x.key === key)!.flag;
        out.push({
          where: flag,
          message: `a ${form} has no members' shares in these rules, so ${flag} does not apply: leave it out, or choose a society (--form co-operative-society or community-benefit-society).`,
        });
      }
    }
  }
  // A CIC's residual assets go to the body its articles specify, or as the Regulator directs
  // (SI 2005/1788 reg 23): a recipient named any other way would not bind, so it is refused.
  if (form === 'cic' && answers.dissolutionRecipient !== undefined && answers.assetLockedBody === undefined) {
    out.push({
      where: '--asset-locked-body',
      message:
        'a CIC\'s articles must specify the asset-locked body that receives its remaining assets (Community Interest Company Regulations 2005, regulation 23 and Schedule 1): name it with --asset-locked-body "Name of the charity or CIC" instead of --dissolution-recipient, or leave both out and the Regulator directs where they go.',
    });
  }
  if (method !== 'consensus' && answers.fallbackThreshold !== undefined) {
    out.push({ where: '--fallback-threshold', message: 'a fallback vote is only for groups deciding by consensus: add --decisions consensus, or leave --fallback-threshold out.' });
  }
  return out;
}

/** How far ahead a founding date may be: paperwork is often drafted before the meeting, not years before. */
const MAX_DAYS_AHEAD = 366;
const EARLIEST_FOUNDING = '1844-12-21'; // the Rochdale Pioneers opened their shop: no co-op is older

/** Answers → checked parameters, or every problem. Pure: the same answers always give the same result. */
export function foundingFrom(answers: Answers, setting: FoundingSetting, schema: ParamsSchema): { founding?: Founding; problems: AnswerProblem[] } {
  const input = paramsInputFrom(answers, setting);
  const founders = foundersOf(answers);
  const problems: AnswerProblem[] = founderListProblems(founders).map((message) => ({ where: '--founder', message }));
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.map(String).join('.');
      problems.push({ where: flagForPath(path), message: issue.message });
    }
    return { problems };
  }
  const params = parsed.data;
  problems.push(...inapplicable(answers, params.group.form, params.decisions.method));
  const founded = params.group.founded;
  if (daysBetween(setting.today, founded) > MAX_DAYS_AHEAD) {
    problems.push({ where: '--founded', message: `the founding date ${founded} is more than a year from today (${setting.today}): give the date of the founding meeting.` });
  }
  if (founded < EARLIEST_FOUNDING) problems.push({ where: '--founded', message: `the founding date ${founded} is too early: give the date of the founding meeting, YYYY-MM-DD.` });
  const checks = [...validateParams(params), ...validateFounding(params, founders.length, MIN_FOUNDERS[params.group.form])];
  for (const p of checks) problems.push({ where: flagForPath(p.path), message: p.message });
  return problems.length > 0 ? { problems } : { founding: { params, founders }, problems };
}
