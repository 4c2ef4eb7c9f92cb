// The built package must find its templates from dist/, as it will once installed: render
// every valid kind, form and jurisdiction through dist and check the file each form gets.

import { describe, expect, it } from 'vitest';
import { VALID_FORMS } from '../../src/core/law.js';
import { JURISDICTIONS, KINDS } from '../../src/core/params.js';
import { renderGoverningDocument } from '../../dist/io/render-governing.js';
import { paramsFor } from '../support/governing.js';

const EXPECTED_PATH = {
  'co-operative-society': 'RULES.md',
  'community-benefit-society': 'RULES.md',
  'company-limited-by-guarantee': 'ARTICLES.md',
  cic: 'ARTICLES.md',
  'unincorporated-association': 'CONSTITUTION.md',
} as const;

const combos = KINDS.flatMap((kind) => VALID_FORMS[kind].flatMap((form) => JURISDICTIONS.map((jurisdiction) => ({ kind, form, jurisdiction }))));

describe('the built renderer', () => {
  it.each(combos)('$kind as a $form in $jurisdiction', ({ kind, form, jurisdiction }) => {
    const params = paramsFor(kind, form, jurisdiction);
    const doc = renderGoverningDocument(params);
    expect(doc.path).toBe(EXPECTED_PATH[form]);
    expect(doc.content.startsWith(`# ${params.group.name}\n`)).toBe(true);
    // Clauses are numbered in order with no gaps, and no marker is left unnumbered.
    const numbers = [...doc.content.matchAll(/^## (\d+)\. /gm)].map((m) => Number(m[1]));
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
    expect(doc.content).not.toContain('[#]');
    expect(doc.content).not.toMatch(/\n\n\n/);
  });
});
