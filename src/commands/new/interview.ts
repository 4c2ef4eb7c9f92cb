// The wizard: asks, in order, every question the flags and answers file left open. Each
// question offers the default for the group so far, and checks an answer against the same
// rules `coop new` applies at the end, so a founder hears about a problem where they can fix it.

import { VALID_FORMS, hasShares } from '../../core/law.js';
import { MIN_FOUNDERS } from '../../core/law.js';
import { QUESTIONS, questionFor, type AnswerKey, type Answers } from '../../core/found/answers.js';
import { checkFounder, founderListProblems, type Founder } from '../../core/found/founders.js';
import { BOARD_LABEL, DECISION_LABEL, DISSOLUTION_LABEL, FORM_HINT, FORM_LABEL, JURISDICTION_LABEL, KIND_LABEL } from '../../core/labels.js';
import { foundingFrom, paramsInputFrom, type FoundingSetting, type ParamsSchema } from '../../core/found/to-params.js';
import { DEFAULT_FORM } from '../../core/defaults.js';
import type { CoopParamsInput } from '../../core/params.js';
import { BOARD_STYLES, DECISION_METHODS, DISSOLUTION_RULES, JURISDICTIONS, KINDS, OFFICE_COUNTRIES } from '../../core/param-choices.js';
import type { Choice, Prompter } from '../../io/prompts.js';

type Labels = Record<string, string>;

interface TextPrompt {
  message: string;
  /** The default offered, from the parameters the answers so far make. */
  current?: (p: CoopParamsInput) => string | undefined;
  /** Asked only when this holds. */
  when?: (p: CoopParamsInput) => boolean;
  /** An empty answer leaves the question unanswered. */
  optional?: boolean;
}

interface SelectPrompt {
  message: string;
  choices: (a: Answers) => readonly string[];
  labels: Labels;
  hints?: Labels;
  current: (p: CoopParamsInput) => string;
  when?: (p: CoopParamsInput) => boolean;
}

const withShares = (p: CoopParamsInput) => hasShares(p.group.form);
const str = (v: unknown) => (v === null || v === undefined ? undefined : String(v));
const yesNoText = (v: boolean | undefined) => (v === undefined ? undefined : v ? 'yes' : 'no');

const SELECTS: Partial<Record<AnswerKey, SelectPrompt>> = {
  kind: { message: 'What kind of group are you founding?', choices: () => KINDS, labels: KIND_LABEL, current: (p) => p.group.kind },
  form: {
    message: 'Which legal form?',
    choices: (a) => VALID_FORMS[a.kind ?? 'worker-coop'],
    labels: FORM_LABEL,
    hints: FORM_HINT,
    current: (p) => DEFAULT_FORM[p.group.kind],
  },
  jurisdiction: { message: 'Where is the group based?', choices: () => JURISDICTIONS, labels: JURISDICTION_LABEL, current: (p) => p.group.jurisdiction },
  decisions: { message: 'How will members make decisions?', choices: () => DECISION_METHODS, labels: DECISION_LABEL, current: (p) => p.decisions.method },
  board: { message: 'How is the board (management committee) made up?', choices: () => BOARD_STYLES, labels: BOARD_LABEL, current: (p) => p.board.style },
  dissolution: {
    message: 'If the group is ever wound up, where do its remaining assets go?',
    choices: () => DISSOLUTION_RULES,
    labels: DISSOLUTION_LABEL,
    current: (p) => p.dissolution.rule,
  },
  officeCountry: {
    message: 'Will the governing document state the registered office is in England or in Wales? (Wales allows a Welsh name ending)',
    choices: () => OFFICE_COUNTRIES,
    labels: { england: 'England', wales: 'Wales' },
    current: (p) => p.group.officeCountry ?? 'england',
    when: (p) => p.group.jurisdiction === 'england-wales' && p.group.form !== 'unincorporated-association',
  },
};

const TEXTS: Partial<Record<AnswerKey, TextPrompt>> = {
  name: { message: 'The group’s full name', current: (p) => p.group.name },
  objects: { message: 'What is the group for (its objects)?', current: (p) => p.group.objects },
  area: { message: 'What area does it serve?', current: (p) => p.group.area },
  office: { message: 'Registered office (postal address)', current: (p) => p.group.registeredOffice },
  founded: { message: 'Date of the founding meeting (YYYY-MM-DD)', current: (p) => p.group.founded },
  yearEnd: { message: 'Financial year end (MM-DD; 03-31 is 31 March)', current: (p) => p.group.financialYearEnd },
  eligibility: { message: 'Who may become a member?', current: (p) => p.membership.eligibility },
  fallbackThreshold: {
    message: 'When consensus fails, what share of votes decides? (e.g. 75%)',
    current: (p) => str(p.decisions.fallbackThreshold),
    when: (p) => p.decisions.method === 'consensus',
  },
  quorumMembers: { message: 'General-meeting quorum: at least how many members…', current: (p) => str(p.meetings.quorum.members) },
  quorumPercent: { message: '…or what share of the membership, whichever is greater? (e.g. 10%)', current: (p) => str(p.meetings.quorum.percent) },
  noticeDays: { message: 'Clear days’ notice of a general meeting', current: (p) => str(p.meetings.noticeClearDays) },
  proxies: { message: 'Most proxies one member may hold (0: no proxies)', current: (p) => str(p.meetings.proxies.maxPerHolder) },
  specialThreshold: { message: 'Share of votes cast needed for a special resolution (e.g. 75% or 2/3)', current: (p) => str(p.meetings.specialResolution) },
  shareValue: { message: 'Value of one share, in pence (100 is £1)', current: (p) => str(p.shares?.nominalPence), when: withShares },
  minShares: { message: 'Shares each member must hold', current: (p) => str(p.shares?.minimumHolding), when: withShares },
  maxShares: { message: 'Most shares one member may hold', current: (p) => str(p.shares?.maximumHolding), when: withShares },
  withdrawable: { message: 'May members withdraw (cash in) their shares? (yes/no)', current: (p) => yesNoText(p.shares?.withdrawable), when: withShares },
  transferable: { message: 'May members transfer shares to each other? (yes/no)', current: (p) => yesNoText(p.shares?.transferable), when: withShares },
  // A CIC names its recipient as the specified asset-locked body instead (SI 2005/1788 reg 23).
  dissolutionRecipient: { message: 'Who receives the remaining assets?', current: (p) => p.dissolution.recipient, when: (p) => p.group.form !== 'cic' },
  limitedExempt: {
    message: 'Leave "Limited" off the name, claiming the Companies Act s.60 exemption? (yes/no)',
    current: (p) => yesNoText(p.group.limitedExempt ?? false),
    when: (p) => p.group.form === 'company-limited-by-guarantee' && p.group.kind !== 'worker-coop',
  },
  charitable: {
    message: 'Are the society’s objects exclusively charitable? (yes/no; a charitable society has no statutory asset lock)',
    current: (p) => yesNoText(p.group.charitable ?? false),
    when: (p) => p.group.form === 'community-benefit-society',
  },
  assetLockedBody: {
    message: 'The asset-locked body (a charity or CIC) the articles name to receive the CIC’s assets (leave empty: the Regulator directs)',
    current: () => '',
    when: (p) => p.group.form === 'cic',
    optional: true,
  },
};

/** The first problem the answers have at this question's flag, if any. */
function problemAt(answers: Answers, key: AnswerKey, setting: FoundingSetting, schema: ParamsSchema): string | undefined {
  const flag = questionFor(key).flag;
  return foundingFrom(answers, setting, schema).problems.find((p) => p.where === flag)?.message;
}

export async function interview(prompter: Prompter, given: Answers, setting: FoundingSetting): Promise<Answers> {
  // Loaded here, not with this module: coop new without questions mostly needs no schema.
  const { paramsSchema } = await import('../../core/params.js');
  const answers: Answers = { ...given };
  for (const q of QUESTIONS) {
    if (answers[q.key] !== undefined) continue;
    const input = paramsInputFrom(answers, setting);
    if (q.key === 'founders') {
      answers.founders = await askFounders(prompter, MIN_FOUNDERS[input.group.form]);
      continue;
    }
    const select = SELECTS[q.key];
    if (select) {
      if (select.when && !select.when(input)) continue;
      // Offer only the choices that fit the answers so far, so a founder cannot pick a refusal.
      const fitting = select.choices(answers).filter((value) => !problemAt({ ...answers, [q.key]: value }, q.key, setting, paramsSchema));
      const choices: Choice<string>[] = fitting.map((value) => ({
        value,
        name: select.labels[value] ?? value,
        ...(select.hints?.[value] ? { description: select.hints[value] } : {}),
      }));
      const current = select.current(input);
      const value = await prompter.select({ key: q.key, message: select.message, choices, ...(fitting.includes(current) ? { default: current } : {}) });
      (answers as Record<string, unknown>)[q.key] = value;
      continue;
    }
    const prompt = TEXTS[q.key];
    if (!prompt || (prompt.when && !prompt.when(input))) continue;
    const current = prompt.current?.(input);
    const validate = (value: string): true | string => {
      if (prompt.optional && value.trim() === '') return true;
      const parsed = q.parse(value);
      if (!parsed.ok) return `This ${parsed.message}.`;
      return problemAt({ ...answers, [q.key]: parsed.value }, q.key, setting, paramsSchema) ?? true;
    };
    const value = await prompter.text({ key: q.key, message: prompt.message, ...(current !== undefined ? { default: current } : {}), validate });
    const parsed = q.parse(value);
    if (parsed.ok) (answers as Record<string, unknown>)[q.key] = parsed.value;
  }
  return answers;
}

/**
 * Founders one at a time: a name, an optional email, then the next name. No yes/no question in
 * between: a name typed where "Add another? (Y/n)" was asked used to read as "no". Until the
 * form's minimum the next name is required; after it, an empty name ends the list.
 */
async function askFounders(prompter: Prompter, minimum: number): Promise<Founder[]> {
  const founders: Founder[] = [];
  for (;;) {
    const n = founders.length + 1;
    const needed = founders.length < minimum;
    const name = await prompter.text({
      key: 'founder.name',
      message: needed
        ? `Founder ${n}: full name${founders.length > 0 ? ` (this form needs at least ${minimum} founders)` : ''}`
        : `Founder ${n}: full name (leave empty if there are no more founders)`,
      ...(needed ? {} : { default: '' }),
      validate: (v) => {
        if (!needed && v.trim() === '') return true;
        const f = checkFounder({ name: v });
        if (typeof f === 'string') return f;
        return founderListProblems([...founders, f])[0] ?? true;
      },
    });
    if (!needed && name.trim() === '') return founders;
    const email = await prompter.text({
      key: 'founder.email',
      message: `Founder ${n}: email (optional; kept private, never committed)`,
      default: '',
      validate: (v) => {
        const f = checkFounder({ name, email: v });
        if (typeof f === 'string') return f;
        return founderListProblems([...founders, f])[0] ?? true;
      },
    });
    const address = await prompter.text({
      key: 'founder.address',
      message: `Founder ${n}: postal address (optional; a society's register needs it; kept private, never committed)`,
      default: '',
      validate: (v) => {
        const f = checkFounder({ name, email, address: v });
        return typeof f === 'string' ? f : true;
      },
    });
    const f = checkFounder({ name, email, address });
    if (typeof f !== 'string') founders.push(f);
  }
}
