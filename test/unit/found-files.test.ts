import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { coopYmlText, uncommentedPaths } from '../../src/core/found/coop-yml.js';
import { coopYmlPlainText } from '../../src/core/found/coop-yml-plain.js';
import { foundingPlan } from '../../src/core/found/plan.js';
import { firstOfficers, foundingContacts, foundingEvents, ledgerText } from '../../src/core/found/register.js';
import { foundingFrom } from '../../src/core/found/to-params.js';
import { paramsSchema } from '../../src/core/params.js';
import { decodeContacts } from '../../src/core/contacts.js';
import { decodeLedger } from '../../src/core/ledger/events.js';
import { deriveState } from '../../src/core/ledger/derive.js';
import { ledgerRules } from '../../src/io/group.js';
import { parseParamsText } from '../../src/io/params-file.js';
import { TEMPLATES_DIR } from '../../src/io/render.js';
import { VALID_COMBOS } from '../support/combos.js';
import type { Answers } from '../../src/core/found/answers.js';
import { legalName } from '../../src/core/defaults.js';

const SETTING = { dirName: 'g', today: '2026-03-10' };
const FOUNDERS = [{ name: 'Ada Lovelace', email: 'ada@example.org' }, { name: 'Ben Okri' }, { name: 'Cai Jones', email: 'cai@example.org' }];

function found(answers: Answers) {
  const { founding, problems } = foundingFrom(answers, SETTING, paramsSchema);
  expect(problems).toEqual([]);
  return founding!;
}

describe('coop.yml', () => {
  it.each(VALID_COMBOS)('%s / %s / %s reads back through coop’s own loader with no problems', (kind, form, jurisdiction) => {
    const { params } = found({ kind, form, jurisdiction, name: legalName('G', form), founders: FOUNDERS });
    const text = coopYmlText(params);
    const back = parseParamsText(text);
    expect(back.problems).toEqual([]);
    expect(back.params).toEqual(params);
  });

  it.each(VALID_COMBOS)('%s / %s / %s: the plain writer (coop new, without yaml) writes byte for byte what yaml writes', (kind, form, jurisdiction) => {
    for (const decisions of ['majority', 'consensus'] as const) {
      const { params } = found({ kind, form, jurisdiction, decisions, name: legalName('G', form), founders: FOUNDERS });
      const plain = coopYmlPlainText(params);
      expect(plain).toBeDefined();
      expect(plain).toBe(coopYmlText(params));
    }
  });

  // Typed values yaml must quote (or might read as another type): the plain writer declines
  // them rather than guess, or writes what yaml writes.
  it.each([
    ['a colon and space', 'the area: Leeds and Bradford'],
    ['a colon', 'Riverside:Bakers'],
    ['a hash', 'Bakers #1'],
    ['a leading quote', "'Quoted' Bakers"],
    ['a number', '1234'],
    ['a bool', 'true'],
    ['a float', '1e3'],
    ['two spaces', 'Two  Spaces'],
    ['a trailing space', 'Bakers '],
    ['a line break', 'Bakers\nLtd'],
    ['a double quote', 'The "Bakers"'],
    ['plain words', "St Anne's (Leeds) Bakers & Co-op, 50% owned"],
  ])('a value with %s is written as yaml writes it, or left to yaml', (_, area) => {
    const { params } = found({});
    const withArea = { ...params, group: { ...params.group, area } };
    const plain = coopYmlPlainText(withArea);
    if (plain !== undefined) expect(plain).toBe(coopYmlText(withArea));
    if (area.startsWith('St Anne') || area.includes(':')) expect(plain).toBeDefined();
    else expect(plain).toBeUndefined();
  });

  it('explains every key in a comment', () => {
    const text = coopYmlText(found({ decisions: 'consensus' }).params);
    const doc = parseDocument(text);
    expect(uncommentedPaths(doc)).toEqual([]);
    // Every key line is preceded by a comment line.
    const lines = text.split('\n');
    lines.forEach((line, i) => {
      if (/^\s*[A-Za-z]+:/.test(line)) expect(lines[i - 1], `no comment above "${line}"`).toMatch(/^\s*#/);
    });
  });

  it('records the create-coop and template versions', () => {
    const { params } = parseParamsText(coopYmlText(found({}).params));
    expect(params!.createCoop.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(params!.createCoop.templateVersion).toBeGreaterThanOrEqual(1);
  });

  it('quotes the law’s limits for the group’s own form and jurisdiction', () => {
    const prose = (text: string) => text.replace(/\n\s*#/g, '');
    expect(prose(coopYmlText(found({ jurisdiction: 'northern-ireland' }).params))).toContain('£100,000 a member in Northern Ireland');
    expect(prose(coopYmlText(found({ kind: 'community-radio', name: 'R Limited' }).params))).toContain('at least 14 (Companies Act 2006 s.307)');
  });
});

describe('the first register entries', () => {
  it.each(VALID_COMBOS)('%s / %s / %s: founders admitted on the founding date, officers appointed, valid by coop’s rules', (kind, form, jurisdiction) => {
    const { params, founders } = found({ kind, form, jurisdiction, name: legalName('G', form), founders: FOUNDERS, founded: '2026-02-01' });
    const text = ledgerText(foundingEvents(params, founders));
    const { events, problems } = decodeLedger(text);
    expect(problems).toEqual([]);
    const derived = deriveState(events, { rules: ledgerRules(params), today: SETTING.today });
    expect(derived.problems).toEqual([]);
    const members = [...derived.state.members.values()];
    expect(members.map((m) => [m.number, m.name, m.joined])).toEqual(FOUNDERS.map((f, i) => [i + 1, f.name, '2026-02-01']));
    expect(members.every((m) => m.shares === (params.shares ? params.shares.minimumHolding : 0))).toBe(true);
    expect(derived.state.officers.map((o) => [o.role, o.member])).toEqual([
      ['chair', 1],
      ['secretary', 2],
      ['treasurer', 3],
    ]);
  });

  it('takes the rules’ minimum holding', () => {
    const { params, founders } = found({ minShares: 5, founders: FOUNDERS });
    expect(
      foundingEvents(params, founders)
        .filter((e) => e.type === 'admit')
        .map((e) => (e as { shares: number }).shares),
    ).toEqual([5, 5, 5]);
  });

  it('with fewer founders than offices, the first founders hold more than one', () => {
    const { params, founders } = found({ kind: 'community-radio', name: 'R Limited', founders: FOUNDERS.slice(0, 1) });
    expect(firstOfficers(params, founders).map((o) => [o.role, o.member])).toEqual([
      ['chair', 1],
      ['secretary', 1],
      ['treasurer', 1],
    ]);
    const events = foundingEvents(params, founders);
    expect(deriveState(decodeLedger(ledgerText(events)).events, { rules: ledgerRules(params) }).problems).toEqual([]);
  });

  it('puts emails only in the private contact store, keyed by membership number', () => {
    const { params, founders } = found({ founders: FOUNDERS });
    const store = decodeContacts(foundingContacts(founders));
    expect(store.problems).toEqual([]);
    expect([...store.contacts.entries()]).toEqual([
      [1, { email: 'ada@example.org' }],
      [3, { email: 'cai@example.org' }],
    ]);
    const plan = foundingPlan(params, founders, { path: 'RULES.md', title: 'Rules', content: '# Rules\n' }, coopYmlText(params));
    for (const file of plan.files.filter((f) => f.tracked)) {
      const text = 'content' in file ? file.content : JSON.stringify(file.context);
      expect(text, file.path).not.toContain('@example.org');
    }
    expect(plan.files.find((f) => f.path === 'private/contacts.jsonl')?.tracked).toBe(false);
  });
});

describe('templates', () => {
  function files(dir: string): string[] {
    return readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? files(join(dir, name)) : [join(dir, name)]));
  }
  it('the group templates hold no numbers: every figure comes from the context', () => {
    for (const file of files(join(TEMPLATES_DIR, 'group'))) {
      const text = readFileSync(file, 'utf8');
      const digits = text.replace(/\{\{[^}]*\}\}/g, '').match(/.{0,20}\d.{0,20}/g);
      expect(digits, file).toBeNull();
    }
  });
});
