// coop new checks answers that only choose a preset without the schema library
// (src/core/found/preset-params.ts). That is sound only if every preset is one paramsSchema
// accepts and parses to exactly the parameters presetParams makes: this proves it for every kind,
// form and jurisdiction (the pairs the law refuses too: the refusal must be the same), founding
// groups of one to four, and names and dates at the edges of what the fast path takes.

import { describe, expect, it } from 'vitest';
import { presetFounding } from '../../src/core/found/preset-params.js';
import { foundingFrom, type FoundingSetting } from '../../src/core/found/to-params.js';
import type { Answers } from '../../src/core/found/answers.js';
import { FORMS, JURISDICTIONS, KINDS, paramsSchema } from '../../src/core/params.js';

const SETTING: FoundingSetting = { dirName: 'riverside-bakers', today: '2026-03-01' };
const FOUNDERS = [{ name: 'Priya Sharma', email: 'priya@example.org' }, { name: 'Tom Okafor' }, { name: 'Ana Lima' }, { name: 'Jo Bell' }];

/** What the schema path says, for comparison: the fast path must say the same, to the key order. */
const viaSchema = (answers: Answers) => foundingFrom(answers, SETTING, paramsSchema);

describe('every preset is valid, and parses to what presetParams makes', () => {
  for (const kind of KINDS) {
    for (const form of FORMS) {
      it(`${kind} as a ${form}, in every jurisdiction, with one to four founders`, () => {
        for (const jurisdiction of JURISDICTIONS) {
          for (let n = 1; n <= FOUNDERS.length; n++) {
            const answers: Answers = { kind, form, jurisdiction, founders: FOUNDERS.slice(0, n) };
            const fast = presetFounding(answers, SETTING);
            // Every preset takes the fast path: none needs the schema's word.
            expect(fast).toBeDefined();
            const slow = viaSchema(answers);
            expect(fast).toEqual(slow);
            // The same key order too: coop.yml is written in it.
            expect(JSON.stringify(fast)).toBe(JSON.stringify(slow));
          }
        }
      });
    }
  }

  it('coop new --yes: no answers at all, the name from the folder', () => {
    const fast = presetFounding({}, SETTING);
    expect(fast?.founding?.params.group.name).toBe('Riverside Bakers Limited');
    expect(JSON.stringify(fast)).toBe(JSON.stringify(viaSchema({})));
  });

  it('a given name is trimmed as the schema trims it, and a founding date is taken as given', () => {
    const answers: Answers = {
      kind: 'neighbourhood-group',
      form: 'unincorporated-association',
      name: '  Elm Street Neighbours  ',
      founded: '2025-12-31',
      founders: FOUNDERS.slice(0, 3),
    };
    const fast = presetFounding(answers, SETTING);
    expect(fast?.founding?.params.group.name).toBe('Elm Street Neighbours');
    expect(fast?.founding?.params.group.founded).toBe('2025-12-31');
    expect(JSON.stringify(fast)).toBe(JSON.stringify(viaSchema(answers)));
  });

  it('the founding-date rules still apply on the fast path', () => {
    for (const founded of ['1800-01-01', '2030-01-01']) {
      const fast = presetFounding({ founded }, SETTING);
      expect(fast?.problems.map((p) => p.where)).toEqual(['--founded']);
      expect(fast).toEqual(viaSchema({ founded }));
    }
  });
});

describe('answers beyond a preset are left to the schema', () => {
  const beyond: [string, Answers][] = [
    ['a notice period', { noticeDays: 21 }],
    ['a share value', { form: 'co-operative-society', shareValue: 500 }],
    ['consensus decisions', { decisions: 'consensus' }],
    ['objects', { objects: 'To run a bakery' }],
    ['a charitable society', { form: 'community-benefit-society', charitable: true }],
  ];
  for (const [what, answers] of beyond) {
    it(what, () => {
      expect(presetFounding(answers, SETTING)).toBeUndefined();
    });
  }

  it('a name the schema would refuse: empty, or longer than 200 characters', () => {
    expect(presetFounding({ name: '   ' }, SETTING)).toBeUndefined();
    expect(presetFounding({ name: 'A'.repeat(201) }, SETTING)).toBeUndefined();
    expect(viaSchema({ name: 'A'.repeat(201) }).problems).toEqual([{ where: '--name', message: 'is too long (at most 200 characters)' }]);
    // At the limit, both take it.
    const longest: Answers = { kind: 'neighbourhood-group', form: 'unincorporated-association', name: 'A'.repeat(200) };
    const atLimit = presetFounding(longest, SETTING);
    expect(atLimit?.founding).toBeDefined();
    expect(JSON.stringify(atLimit)).toBe(JSON.stringify(viaSchema(longest)));
  });

  it('a founding date that is not a real one', () => {
    expect(presetFounding({ founded: '2026-02-30' }, SETTING)).toBeUndefined();
    expect(viaSchema({ founded: '2026-02-30' }).problems.map((p) => p.where)).toEqual(['--founded']);
  });
});
