// An amendment's changes to the rules parameters: each a coop.yml key with the value it had and
// the value it is to have, written as coop.yml holds them ("20%", 21, true). The history of the
// parameters is these lists, applied in the order the amendments took effect.

import { formatFraction, type Fraction } from '../fraction.js';
import type { CoopParams, CoopParamsInput } from '../params.js';

export type ParamValue = string | number | boolean | null | string[];

export interface ParamChange {
  /** A coop.yml key path, "meetings.quorum.percent". */
  path: string;
  from: ParamValue;
  to: ParamValue;
}

/** Keys that describe create-coop itself, not the group's rules: never an amendment. */
const NOT_RULES = ['createCoop.'];

const isFraction = (v: unknown): v is Fraction => typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length === 2 && 'num' in v && 'den' in v;

/** The params back in the form coop.yml holds them: fractions as "75%" or "2/3". */
export function paramsInput(params: CoopParams): CoopParamsInput {
  const walk = (v: unknown): unknown => {
    if (isFraction(v)) return formatFraction(v);
    if (Array.isArray(v)) return [...(v as unknown[])];
    if (typeof v === 'object' && v !== null) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return walk(params) as CoopParamsInput;
}

/** Every leaf of the rules as key path → value (arrays and nulls are leaves). */
export function flattenRules(input: CoopParamsInput): Map<string, ParamValue> {
  const out = new Map<string, ParamValue>();
  const walk = (v: unknown, path: string) => {
    if (typeof v === 'object' && v !== null && !Array.isArray(v)) {
      for (const [k, x] of Object.entries(v)) walk(x, path ? `${path}.${k}` : k);
      return;
    }
    if (!NOT_RULES.some((p) => path.startsWith(p))) out.set(path, v as ParamValue);
  };
  walk(input, '');
  return out;
}

const same = (a: ParamValue | undefined, b: ParamValue | undefined) => JSON.stringify(a) === JSON.stringify(b);

/** What differs between two sets of rules, in coop.yml order. */
export function diffRules(from: CoopParamsInput, to: CoopParamsInput): ParamChange[] {
  const a = flattenRules(from);
  const b = flattenRules(to);
  const out: ParamChange[] = [];
  for (const [path, value] of b) {
    const old = a.has(path) ? a.get(path)! : null;
    if (!same(old, value)) out.push({ path, from: old, to: value });
  }
  for (const [path, value] of a) if (!b.has(path)) out.push({ path, from: value, to: null });
  return out;
}

/** The rules with each change made (`direction` 'to'), or undone ('from'). Does not touch its input. */
export function applyChanges(input: CoopParamsInput, changes: readonly ParamChange[], direction: 'to' | 'from' = 'to'): CoopParamsInput {
  const copy = structuredClone(input) as unknown as Record<string, unknown>;
  for (const change of changes) {
    const keys = change.path.split('.');
    let node = copy;
    for (const key of keys.slice(0, -1)) {
      const next = node[key];
      if (typeof next !== 'object' || next === null) node[key] = {};
      node = node[key] as Record<string, unknown>;
    }
    node[keys[keys.length - 1]!] = structuredClone(change[direction]);
  }
  return copy as unknown as CoopParamsInput;
}

/** "20%", "21", "yes", "(none)": a value as a secretary reads it. */
export function valueText(v: ParamValue): string {
  if (v === null) return '(none)';
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (Array.isArray(v)) return v.join(', ');
  return String(v);
}
