// Thresholds and quorum percentages as exact fractions: "two thirds" must pass 2 votes of 3,
// which 66.67% would not. People write them in coop.yml as "75%" or "2/3".

export interface Fraction {
  readonly num: number;
  readonly den: number;
}

const PERCENT = /^\s*(\d{1,3}(?:\.\d{1,2})?)\s*%\s*$/;
const RATIO = /^\s*(\d{1,4})\s*\/\s*(\d{1,4})\s*$/;

/** Parses "75%", "66.5%", "2/3" or a bare number meaning a percentage; undefined if none of those. */
export function parseFraction(input: string | number): Fraction | undefined {
  if (typeof input === 'number') return fromPercent(String(input));
  const pct = PERCENT.exec(input);
  if (pct?.[1]) return fromPercent(pct[1]);
  const ratio = RATIO.exec(input);
  if (ratio?.[1] && ratio[2]) {
    const den = Number(ratio[2]);
    if (den === 0) return undefined;
    return reduce(Number(ratio[1]), den);
  }
  if (/^\s*\d{1,3}(?:\.\d{1,2})?\s*$/.test(input)) return fromPercent(input.trim());
  return undefined;
}

function fromPercent(text: string): Fraction | undefined {
  if (!/^\d{1,3}(?:\.\d{1,2})?$/.test(text)) return undefined;
  const [whole = '0', decimals = ''] = text.split('.');
  const scale = 10 ** decimals.length;
  return reduce(Number(whole) * scale + Number(decimals || '0'), 100 * scale);
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

function reduce(num: number, den: number): Fraction {
  const g = gcd(num, den) || 1;
  return { num: num / g, den: den / g };
}

/** The form people write back into coop.yml: "75%" when exact, otherwise "2/3". */
export function formatFraction(f: Fraction): string {
  const pct = (f.num * 100) / f.den;
  if (Number.isInteger(pct * 100)) return `${Number(pct.toFixed(2))}%`;
  return `${f.num}/${f.den}`;
}

const WORDS: Record<string, string> = {
  '1/2': 'one half',
  '2/3': 'two thirds',
  '3/4': 'three quarters',
  '1/3': 'one third',
  '1/4': 'one quarter',
  '1/10': 'one tenth',
};

/** Plain-English form for rules text: "three quarters (75%)", "two thirds", "60%". */
export function describeFraction(f: Fraction): string {
  const words = WORDS[`${f.num}/${f.den}`];
  const pct = (f.num * 100) / f.den;
  const pctText = Number.isInteger(pct * 100) ? `${Number(pct.toFixed(2))}%` : undefined;
  if (words && pctText) return `${words} (${pctText})`;
  return words ?? pctText ?? `${f.num}/${f.den}`;
}

/** a/b compared with the fraction, exactly: a * den >= num * b. */
export function atLeast(part: number, whole: number, f: Fraction): boolean {
  return part * f.den >= f.num * whole;
}

/** a/b strictly greater than the fraction. */
export function moreThan(part: number, whole: number, f: Fraction): boolean {
  return part * f.den > f.num * whole;
}

/** The smallest whole number n with n/whole >= f: ceil(whole * f), exactly. */
export function ceilOf(whole: number, f: Fraction): number {
  return Math.floor((whole * f.num + f.den - 1) / f.den);
}

export function compareFractions(a: Fraction, b: Fraction): number {
  return a.num * b.den - b.num * a.den;
}
