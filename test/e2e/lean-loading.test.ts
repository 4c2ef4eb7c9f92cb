// Commands that only read must start quickly at any size, so they must not load what they do
// not use: the prompt library (only `coop new` asks questions), the template engine (only
// commands that write documents render them), and the PDF engine and reader (only `coop print`
// typesets; `coop check` reads a PDF only when git tracks one). Each command runs with a loader hook that lists
// every module it loads; the list must hold neither.

import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { execa } from 'execa';
import { coop, join, read, ROOT, tempDir } from '../support/cli.js';
import { isCliEntry, modulesLoadedBy, RECORD_LOADS_HOOK } from '../support/loads.js';
import { fixtureGroup } from '../support/fixture-group.js';

const HEAVY = /\/node_modules\/(handlebars|@inquirer\/[^/]+)\//;
const PDF = /\/node_modules\/(@myriaddreamin\/[^/]+|unpdf)\//;

describe('read commands load neither the prompt library nor the template engine', () => {
  const reads: string[][] = [
    ['check'],
    ['check', '--json'],
    ['status'],
    ['register', '--as-of', '2025-01-01'],
    ['register', '--format', 'csv'],
    ['member', 'list'],
    ['member', 'list', '--json'],
    ['member', 'show', '1'],
    ['meeting', 'list'],
    ['member', '--help'],
  ];
  for (const args of reads) {
    it(`coop ${args.join(' ')}`, async () => {
      const group = await fixtureGroup();
      const { loaded } = await modulesLoadedBy(args, group);
      // The hook saw the CLI itself load, so an empty list cannot pass for a lean one.
      expect(loaded.some(isCliEntry)).toBe(true);
      expect(loaded.filter((url) => HEAVY.test(url) || PDF.test(url))).toEqual([]);
    });
  }

  it('coop print loads the PDF engine, and nothing else loads it (not even coop new)', async () => {
    const group = await fixtureGroup();
    const printing = await modulesLoadedBy(['print', 'certificate', '1'], group);
    expect(printing.exitCode).toBe(0);
    expect(printing.loaded.some((url) => PDF.test(url))).toBe(true);
    const founding = await modulesLoadedBy(['new', '--yes', '--no-git', 'lean-group'], tempDir());
    expect(founding.exitCode).toBe(0);
    expect(founding.loaded.filter((url) => PDF.test(url))).toEqual([]);
  });

  it('the hook does see the template engine where a module uses it', async () => {
    const probe = join(tempDir(), 'probe.mjs');
    writeFileSync(probe, `import ${JSON.stringify(pathToFileURL(join(ROOT, 'dist', 'io', 'render.js')).href)};\n`);
    const file = join(tempDir(), 'loads.txt');
    await execa(process.execPath, ['--import', RECORD_LOADS_HOOK, probe], { env: { COOP_RECORD_LOADS: file } });
    expect(
      read(file)
        .split('\n')
        .some((url) => HEAVY.test(url)),
    ).toBe(true);
  });
});

/** The library a loaded module belongs to: its npm package, installed or bundled into a vendor chunk (scripts/bundle.js). */
function libraryOf(url: string): string | undefined {
  const installed = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
  if (installed) return installed[1];
  return /\/dist\/bundle\/vendor-(.+)-[A-Za-z0-9_-]{8}\.js$/.exec(url)?.[1];
}

describe('each command loads only the libraries it uses, once coop.yml is in the snapshot', () => {
  const future = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);
  // In order: reads first, while the snapshot holds everything they need; then changes.
  const table: [string[], string[]][] = [
    [['status'], ['commander']],
    [['member', 'list'], ['commander']],
    [['member', 'show', '1'], ['commander']],
    [['register'], ['commander']],
    [['register', '--as-of', '2025-01-01'], ['commander']],
    [['check'], ['commander']],
    [['meeting', 'list'], ['commander']],
    [['member', 'add', 'Lean Newcomer'], ['commander']],
    [['meeting', 'attend', future, '1', '2'], ['commander']],
    [['meeting', 'vote', future, '1', '--for', '2'], ['commander']],
    [
      ['meeting', 'new', 'general', '--date', future, '--time', '19:00', '--place', 'The Hall', '--resolution', 'To thank the founders'],
      ['commander', 'handlebars'],
    ],
  ];
  let group: string;
  beforeAll(async () => {
    group = await fixtureGroup();
    // One change makes coop's working folder and its snapshot; a meeting gives the meeting commands one to work on.
    for (const args of [
      ['member', 'add', 'Warm Member', '--joined', '2024-02-01'],
      ['meeting', 'new', 'agm', '--date', future, '--time', '18:30', '--place', 'The Hall', '--resolution', 'To receive the accounts'],
      ['status'],
    ]) {
      const r = await coop(args, { cwd: group });
      expect(r.exitCode, String(r.stderr)).toBe(0);
    }
  });
  for (const [args, allowed] of table) {
    it(`coop ${args.join(' ')}: ${allowed.join(', ')}`, async () => {
      const { loaded, exitCode } = await modulesLoadedBy(args, group);
      expect(exitCode).toBe(0);
      expect(loaded.some(isCliEntry)).toBe(true);
      const libraries = [...new Set(loaded.map(libraryOf).filter((l): l is string => l !== undefined))].sort();
      expect(libraries.filter((l) => !allowed.includes(l))).toEqual([]);
    });
  }
});
