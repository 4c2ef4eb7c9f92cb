// The name a refusal suggests carries the ending the law requires once, never "…Ltd Limited".

import { describe, expect, it } from 'vitest';
import { withEnding } from '../../src/core/validate-params.js';

const cases: [given: string, ending: string, suggested: string][] = [
  ['Riverside Bakers', 'Limited', 'Riverside Bakers Limited'],
  ['Riverside Bakers Ltd', 'Limited', 'Riverside Bakers Limited'],
  ['Riverside Bakers Ltd.', 'Limited', 'Riverside Bakers Limited'],
  ['Riverside Bakers LTD', 'Limited', 'Riverside Bakers Limited'],
  ['Menter Caerdydd Cyf', 'Limited', 'Menter Caerdydd Limited'],
  ['Leith Arts Ltd', 'CIC', 'Leith Arts CIC'],
  ['Leith Arts', 'CIC', 'Leith Arts CIC'],
];

describe('withEnding', () => {
  it.each(cases)('%s + %s → %s', (given, ending, suggested) => expect(withEnding(given, ending)).toBe(suggested));
});
