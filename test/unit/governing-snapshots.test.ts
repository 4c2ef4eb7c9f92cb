// Rendered governing documents for a representative set of groups, checked in as files so a
// change of wording is reviewed like any other change (update with `npx vitest run -u`).

import { describe, expect, it } from 'vitest';
import type { Form, Jurisdiction, Kind } from '../../src/core/params.js';
import { renderGoverningDocument } from '../../src/io/render-governing.js';
import { alternativeOptions, paramsFor } from '../support/governing.js';

const CASES: [Kind, Form, Jurisdiction, 'default' | 'alternative'][] = [
  ['worker-coop', 'co-operative-society', 'england-wales', 'default'],
  ['worker-coop', 'co-operative-society', 'scotland', 'alternative'],
  ['worker-coop', 'company-limited-by-guarantee', 'northern-ireland', 'default'],
  ['neighbourhood-group', 'unincorporated-association', 'england-wales', 'default'],
  ['neighbourhood-group', 'unincorporated-association', 'scotland', 'alternative'],
  ['neighbourhood-group', 'community-benefit-society', 'scotland', 'default'],
  ['arts-project', 'cic', 'england-wales', 'default'],
  ['community-radio', 'company-limited-by-guarantee', 'england-wales', 'alternative'],
  ['community-radio', 'community-benefit-society', 'northern-ireland', 'default'],
];

describe('governing document snapshots', () => {
  it.each(CASES)('%s as a %s in %s, %s options', async (kind, form, jurisdiction, options) => {
    const doc = renderGoverningDocument(paramsFor(kind, form, jurisdiction, options === 'alternative' ? alternativeOptions : undefined));
    await expect(doc.content).toMatchFileSnapshot(`../snapshots/governing/${kind}--${form}--${jurisdiction}--${options}.md`);
  });
});
