// The parameters of a preset, made without the schema library. Most foundings only choose a
// preset (coop new --yes, or a kind, form, jurisdiction, name, date and founders): every other
// value then comes from defaults.ts, which is ours and fixed, and test/unit/preset-params.test.ts
// proves for every kind, form and jurisdiction that paramsSchema accepts it and gives exactly
// what presetParams gives. So the schema (and zod, the largest library coop new would load)
// is needed only when a founder set a value of their own; then it checks everything, as before.

import { isIsoDate } from '../dates.js';
import { type Fraction, parseFraction } from '../fraction.js';
import type { CoopParams, CoopParamsInput } from '../params.js';
import type { AnswerKey, Answers } from './answers.js';
import { type AnswerProblem, type Founding, type FoundingSetting, foundingFrom, paramsInputFrom } from './to-params.js';

/**
 * The answers that only choose a preset. Each was checked by its own parser (answers.ts);
 * the founders do not enter the parameters, and only lower two numbers to at least one.
 */
const PRESET_ANSWERS: ReadonlySet<string> = new Set<AnswerKey>(['kind', 'form', 'jurisdiction', 'name', 'founded', 'founders']);

/** The longest group name paramsSchema takes (its text rule for group.name). */
const MAX_NAME = 200;

/**
 * foundingFrom for answers that only choose a preset, or undefined when the answers need the
 * schema: a value a founder set, or a name or date paramsSchema would have its own word on.
 */
export function presetFounding(answers: Answers, setting: FoundingSetting): { founding?: Founding; problems: AnswerProblem[] } | undefined {
  for (const [key, value] of Object.entries(answers)) if (value !== undefined && !PRESET_ANSWERS.has(key)) return undefined;
  const data = presetParams(paramsInputFrom(answers, setting));
  return data && foundingFrom(answers, setting, { safeParse: () => ({ success: true, data }) });
}

/**
 * A preset's parameters as paramsSchema parses them (fractions parsed, the name trimmed), or
 * undefined if the two values a preset does not fix, the name and the founding date, are not
 * plainly good.
 */
export function presetParams(input: CoopParamsInput): CoopParams | undefined {
  const name = input.group.name.trim();
  if (name === '' || name.length > MAX_NAME || !isIsoDate(input.group.founded)) return undefined;
  const { decisions: d, meetings: m, board: b } = input;
  const fallback = d.fallbackThreshold == null ? null : share(d.fallbackThreshold);
  const consent = share(m.shortNoticeConsent);
  const quorum = share(m.quorum.percent);
  const special = share(m.specialResolution);
  const boardQuorum = share(b.quorum.percent);
  if (fallback === undefined || !consent || !quorum || !special || !boardQuorum) return undefined;
  return {
    ...input,
    group: { ...input.group, name },
    decisions: { ...d, fallbackThreshold: fallback },
    meetings: { ...m, emailServiceDays: m.emailServiceDays ?? 1, shortNoticeConsent: consent, quorum: { ...m.quorum, percent: quorum }, specialResolution: special },
    board: { ...b, quorum: { ...b.quorum, percent: boardQuorum } },
  };
}

/** A fraction as paramsSchema takes one: above nothing, at most the whole. */
function share(value: string | number): Fraction | undefined {
  const f = parseFraction(value);
  return f && f.num > 0 && f.num <= f.den ? f : undefined;
}
