// The name a refusal suggests carries the ending the law requires once, never "…Ltd Limited"
// (issue 18, item 8); a company's "Ltd" is accepted (Companies Act 2006 s.59).

import { describe, expect, it } from 'vitest';
import { defaultParams } from '../../src/core/defaults.js';
import type { Form, Kind } from '../../src/core/params.js';
import { paramsSchema } from '../../src/core/params.js';
import { validateParams } from '../../src/core/validate-params.js';

function nameRefusal(kind: Kind, form: Form, name: string): string | undefined {
  const p = paramsSchema.parse(defaultParams({ kind, form, jurisdiction: 'england-wales', name, founded: '2026-01-01' }));
  return validateParams(p).find((x) => x.path === 'group.name')?.message;
}

const refused: [kind: Kind, form: Form, given: string, suggested: string][] = [
  ['worker-coop', 'co-operative-society', 'Riverside Bakers Ltd', 'Riverside Bakers Limited'],
  ['worker-coop', 'co-operative-society', 'Riverside Bakers Ltd.', 'Riverside Bakers Limited'],
  ['worker-coop', 'co-operative-society', 'Riverside Bakers', 'Riverside Bakers Limited'],
  ['arts-project', 'cic', 'Leith Arts Ltd', 'Leith Arts CIC'],
];

describe('name refusals suggest a valid name', () => {
  it.each(refused)('%s %s: "%s" → try "%s"', (kind, form, given, suggested) => {
    const message = nameRefusal(kind, form, given);
    expect(message).toContain(`try "${suggested}"`);
    expect(message).not.toMatch(/Ltd\.? Limited|Ltd CIC/);
  });

  it('accepts "Ltd" for a company limited by guarantee', () => {
    expect(nameRefusal('neighbourhood-group', 'company-limited-by-guarantee', 'Riverside Residents Ltd')).toBeUndefined();
  });
});
