// The answers to `coop new`'s questions, and how each is read from a flag, an answers file or
// a prompt. One table: the same parser checks `--notice-days 10`, `notice-days: 10` in an
// answers file and "10" typed at the prompt, so the three can never disagree.

import { parseDate } from '../dates.js';
import { formatFraction, parseFraction } from '../fraction.js';
import {
  BOARD_STYLES,
  DECISION_METHODS,
  DISSOLUTION_RULES,
  FORMS,
  JURISDICTIONS,
  KINDS,
  OFFICE_COUNTRIES,
  type OfficeCountry,
  type BoardStyle,
  type DecisionMethod,
  type DissolutionRule,
  type Form,
  type Jurisdiction,
  type Kind,
} from '../param-choices.js';
import { checkFounder, parseFounderSpec, type Founder } from './founders.js';

export interface Answers {
  kind?: Kind;
  form?: Form;
  jurisdiction?: Jurisdiction;
  name?: string;
  objects?: string;
  area?: string;
  office?: string;
  founders?: Founder[];
  founded?: string;
  yearEnd?: string;
  decisions?: DecisionMethod;
  fallbackThreshold?: string;
  quorumMembers?: number;
  quorumPercent?: string;
  noticeDays?: number;
  proxies?: number;
  specialThreshold?: string;
  shareValue?: number;
  minShares?: number;
  maxShares?: number;
  withdrawable?: boolean;
  transferable?: boolean;
  board?: BoardStyle;
  eligibility?: string;
  dissolution?: DissolutionRule;
  dissolutionRecipient?: string;
  officeCountry?: OfficeCountry;
  limitedExempt?: boolean;
  charitable?: boolean;
  assetLockedBody?: string;
}

export type AnswerKey = keyof Answers;

/** A parsed value, or a message that completes "--flag …" (e.g. "must be a whole number"). */
export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = (message: string): Parsed<never> => ({ ok: false, message });

function choice<T extends string>(values: readonly T[]) {
  return (raw: unknown): Parsed<T> =>
    typeof raw === 'string' && (values as readonly string[]).includes(raw.trim()) ? ok(raw.trim() as T) : bad(`must be one of: ${values.join(', ')} (got ${JSON.stringify(raw)})`);
}

function text(max: number) {
  return (raw: unknown): Parsed<string> => {
    if (typeof raw !== 'string' || raw.trim() === '') return bad('cannot be empty');
    const t = raw.trim();
    return t.length > max ? bad(`is too long (at most ${max} characters)`) : ok(t);
  };
}

function count(min: number, max: number) {
  return (raw: unknown): Parsed<number> => {
    const n = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\s*\d+\s*$/.test(raw) ? Number(raw) : NaN;
    if (!Number.isSafeInteger(n)) return bad(`must be a whole number (got ${JSON.stringify(raw)})`);
    if (n < min || n > max) return bad(`must be from ${min} to ${max} (got ${n})`);
    return ok(n);
  };
}

/** "75%", "2/3" or 75; kept as the text coop.yml holds, after checking it reads as a fraction. */
function fractionText(raw: unknown): Parsed<string> {
  const f = typeof raw === 'string' || typeof raw === 'number' ? parseFraction(raw) : undefined;
  if (!f || f.num <= 0 || f.num > f.den) return bad(`must be a percentage like 75% or a fraction like 2/3, above 0 and at most 100% (got ${JSON.stringify(raw)})`);
  return ok(formatFraction(f));
}

function yesNo(raw: unknown): Parsed<boolean> {
  if (typeof raw === 'boolean') return ok(raw);
  const t = typeof raw === 'string' ? raw.trim().toLowerCase() : '';
  if (['yes', 'y', 'true'].includes(t)) return ok(true);
  if (['no', 'n', 'false'].includes(t)) return ok(false);
  return bad(`must be yes or no (got ${JSON.stringify(raw)})`);
}

function date(raw: unknown): Parsed<string> {
  const iso = typeof raw === 'string' ? parseDate(raw) : undefined;
  return iso ? ok(iso) : bad(`must be a real date written YYYY-MM-DD, for example 2026-04-01 (got ${JSON.stringify(raw)})`);
}

/** "03-31", or the UK's "31/03". */
function monthDay(raw: unknown): Parsed<string> {
  const t = typeof raw === 'string' ? raw.trim() : '';
  const uk = /^(\d{1,2})\/(\d{1,2})$/.exec(t);
  const md = uk ? `${uk[2]!.padStart(2, '0')}-${uk[1]!.padStart(2, '0')}` : t;
  // 2024 is a leap year, so 02-29 passes; a year end on 29 February falls on the 28th in other years.
  return /^\d{2}-\d{2}$/.test(md) && parseDate(`2024-${md}`) ? ok(md) : bad(`must be a month and day written MM-DD, for example 03-31 (got ${JSON.stringify(raw)})`);
}

/** Pence as a whole number, or pounds written "£1" / "£0.50". */
function pence(raw: unknown): Parsed<number> {
  if (typeof raw === 'string' && /^\s*£\s*\d+(\.\d{1,2})?\s*$/.test(raw)) {
    const p = Math.round(Number(raw.replace(/[£\s]/g, '')) * 100);
    return p >= 1 ? ok(p) : bad('must be at least 1p');
  }
  return count(1, 100_000_00)(raw);
}

function founders(raw: unknown): Parsed<Founder[]> {
  const list = Array.isArray(raw) ? raw : [raw];
  const out: Founder[] = [];
  for (const item of list) {
    const f =
      typeof item === 'string'
        ? parseFounderSpec(item)
        : typeof item === 'object' && item !== null
          ? checkFounder(item as { name: unknown; email?: unknown; address?: unknown })
          : 'each founder must be "Name <email>; address", or a name';
    if (typeof f === 'string') return bad(f);
    out.push(f);
  }
  return out.length > 0 ? ok(out) : bad('needs at least one founder');
}

export interface Question<K extends AnswerKey = AnswerKey> {
  key: K;
  /** The command-line flag, also the key in an answers file without its dashes. */
  flag: string;
  parse: (raw: unknown) => Parsed<NonNullable<Answers[K]>>;
}

const q = <K extends AnswerKey>(key: K, flag: string, parse: Question<K>['parse']): Question<K> => ({ key, flag, parse });

/** Every question, in the order the wizard asks them. */
export const QUESTIONS = [
  q('kind', '--kind', choice(KINDS)),
  q('form', '--form', choice(FORMS)),
  q('jurisdiction', '--jurisdiction', choice(JURISDICTIONS)),
  // Asked before the name, because they decide which endings the name may take.
  q('officeCountry', '--office-country', choice(OFFICE_COUNTRIES)),
  q('limitedExempt', '--limited-exempt', yesNo),
  q('charitable', '--charitable', yesNo),
  q('name', '--name', text(200)),
  q('objects', '--objects', text(2000)),
  q('area', '--area', text(500)),
  q('office', '--office', text(500)),
  q('founders', '--founder', founders),
  q('founded', '--founded', date),
  q('yearEnd', '--year-end', monthDay),
  q('eligibility', '--eligibility', text(2000)),
  q('decisions', '--decisions', choice(DECISION_METHODS)),
  q('fallbackThreshold', '--fallback-threshold', fractionText),
  q('quorumMembers', '--quorum-members', count(1, 100_000)),
  q('quorumPercent', '--quorum-percent', fractionText),
  q('noticeDays', '--notice-days', count(1, 366)),
  q('proxies', '--proxies', count(0, 1000)),
  q('specialThreshold', '--special-threshold', fractionText),
  q('shareValue', '--share-value', pence),
  q('minShares', '--min-shares', count(1, 1_000_000_000)),
  q('maxShares', '--max-shares', count(1, 1_000_000_000)),
  q('withdrawable', '--withdrawable', yesNo),
  q('transferable', '--transferable', yesNo),
  q('board', '--board', choice(BOARD_STYLES)),
  q('dissolution', '--dissolution', choice(DISSOLUTION_RULES)),
  q('dissolutionRecipient', '--dissolution-recipient', text(500)),
  q('assetLockedBody', '--asset-locked-body', text(500)),
] as const satisfies readonly Question[];

export function questionFor<K extends AnswerKey>(key: K): Question<K> {
  return QUESTIONS.find((x) => x.key === key) as unknown as Question<K>;
}

/** The key an answers file uses: the flag without its dashes; founders as a list. */
export function fileKey(question: Question): string {
  return question.key === 'founders' ? 'founders' : question.flag.slice(2);
}

/** Sets one answer from a raw value; returns the message if the value is not valid. */
export function setAnswer(answers: Answers, key: AnswerKey, raw: unknown): string | undefined {
  const parsed = questionFor(key).parse(raw);
  if (!parsed.ok) return parsed.message;
  (answers as Record<string, unknown>)[key] = parsed.value;
  return undefined;
}
