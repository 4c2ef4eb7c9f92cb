// The kind/form pairs issue 2 says must be valid, in every jurisdiction: written out here
// rather than read from law.ts, so a test can show law.ts agrees with the issue.

import type { Form, Jurisdiction, Kind } from '../../src/core/params.js';

export const VALID_PAIRS: readonly [Kind, Form][] = [
  ['worker-coop', 'co-operative-society'],
  ['worker-coop', 'company-limited-by-guarantee'],
  ['neighbourhood-group', 'unincorporated-association'],
  ['neighbourhood-group', 'community-benefit-society'],
  ['neighbourhood-group', 'company-limited-by-guarantee'],
  ['neighbourhood-group', 'cic'],
  ['arts-project', 'unincorporated-association'],
  ['arts-project', 'cic'],
  ['arts-project', 'company-limited-by-guarantee'],
  ['arts-project', 'community-benefit-society'],
  ['community-radio', 'company-limited-by-guarantee'],
  ['community-radio', 'cic'],
  ['community-radio', 'community-benefit-society'],
];

export const ALL_JURISDICTIONS: readonly Jurisdiction[] = ['england-wales', 'scotland', 'northern-ireland'];

export const VALID_COMBOS: readonly [Kind, Form, Jurisdiction][] = VALID_PAIRS.flatMap(([k, f]) => ALL_JURISDICTIONS.map((j): [Kind, Form, Jurisdiction] => [k, f, j]));

export function isSocietyForm(form: Form): boolean {
  return form === 'co-operative-society' || form === 'community-benefit-society';
}

/**
 * The run .ci/run makes on each other Node LTS line sets COOP_TEST_ROWS=representative: the
 * tables that found a group for every combination, whose code does not change with Node, run
 * whole on the main line and take representative rows there. Every other test runs whole on
 * every line.
 */
export const REPRESENTATIVE_ONLY = process.env.COOP_TEST_ROWS === 'representative';

/**
 * Each valid kind/form pair once, the jurisdictions taken in turn: every kind, every form and
 * every jurisdiction founded, in a third of the runs.
 */
export const REPRESENTATIVE_COMBOS: readonly [Kind, Form, Jurisdiction][] = VALID_PAIRS.map(([k, f], i): [Kind, Form, Jurisdiction] => [
  k,
  f,
  ALL_JURISDICTIONS[i % ALL_JURISDICTIONS.length]!,
]);
