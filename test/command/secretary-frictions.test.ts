// Issue 18's everyday frictions, each as the secretary met it, run through the built CLI.

import { appendFileSync, writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { coop, foundGroup, join, read } from '../support/cli.js';
import { fixtureGroup } from '../support/fixture-group.js';
import { json } from '../support/register.js';

describe('coop.yml mistakes are reported once, at their own line', () => {
  let dir: string;
  let original: string;
  beforeAll(async () => {
    // A group made by coop new: its coop.yml has the comments a person edits between.
    dir = await foundGroup();
    original = read(join(dir, 'coop.yml'));
  });

  const variants: [name: string, from: RegExp, to: string, message: RegExp][] = [
    ['a tab used to indent', /^ {2}kind: /m, '\tkind: ', /a tab is used to indent this line; indent with spaces only/],
    ['one space too many', /^ {2}kind: /m, '   kind: ', /indented differently from the lines around it/],
    ['one space too few', /^ {2}form: /m, ' form: ', /indented differently from the lines around it/],
  ];

  it.each(variants)('%s', async (_name, from, to, message) => {
    const yml = original.replace(from, to);
    expect(yml).not.toBe(original);
    writeFileSync(join(dir, 'coop.yml'), yml);
    try {
      const line = yml.split('\n').findIndex((l) => l.startsWith(to)) + 1;
      const r = await coop(['check'], { cwd: dir });
      expect(r.exitCode).toBe(1);
      expect(r.stderr).toContain('found a problem:');
      expect(r.stderr).toMatch(new RegExp(`coop\\.yml:${line}: is not valid YAML: `));
      expect(r.stderr).toMatch(message);
      expect(json(await coop(['check', '--json'], { cwd: dir })).problems).toHaveLength(1);
    } finally {
      writeFileSync(join(dir, 'coop.yml'), original);
    }
  });
});

describe('coop check with many problems', () => {
  it('shows the first twenty and how many more; --all and --json show every one', async () => {
    const dir = await fixtureGroup();
    // Twenty-five shares issues above the worker co-op's cap of one share a member.
    const lines = Array.from({ length: 25 }, (_, i) => `{"seq":${7 + i},"date":"2024-02-01","type":"issue","member":1,"shares":1}\n`);
    appendFileSync(join(dir, 'register', 'ledger.jsonl'), lines.join(''));
    const r = await coop(['check'], { cwd: dir });
    expect(r.exitCode).toBe(1);
    const listed = r.stderr.split('\n').filter((l) => /register\/ledger\.jsonl:\d+:/.test(l));
    expect(r.stderr).toMatch(/found 25 problems:/);
    expect(listed).toHaveLength(20);
    expect(listed[0]).toMatch(/register\/ledger\.jsonl:7:/);
    expect(r.stderr).toMatch(/… and 5 more \(run coop check --all to see every one\)/);
    const all = await coop(['check', '--all'], { cwd: dir });
    expect(all.stderr.split('\n').filter((l) => /register\/ledger\.jsonl:\d+:/.test(l))).toHaveLength(25);
    expect(all.stderr).not.toMatch(/more \(run/);
    expect(json(await coop(['check', '--json'], { cwd: dir })).problems).toHaveLength(25);
  });
});

describe('dates that do not exist', () => {
  it('say which date was meant', async () => {
    const dir = await fixtureGroup();
    const r = await coop(['member', 'add', 'Dee Jones', '--joined', '31/02/2024'], { cwd: dir });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/"31\/02\/2024" is not a date coop understands: 31 February 2024 does not exist \(February 2024 has 29 days\)/);
    const us = await coop(['member', 'add', 'Dee Jones', '--joined', '03/13/2024'], { cwd: dir });
    expect(us.stderr).toMatch(/if you meant 13 March 2024, write 2024-03-13 or 13\/03\/2024/);
  });
});
