// Hostile text that is a legitimate name — Handlebars braces, Markdown, HTML, right-to-left
// and zero-width characters, emoji, a spreadsheet formula — is accepted and shown literally:
// it cannot change a template, give a document Markdown structure, or write outside the group.

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayInUk } from '../../dist/core/dates.js';
import { escapeMarkdown } from '../../dist/io/render.js';
import { git, tempDir } from '../support/cli.js';
import { fixtureGroup } from '../support/fixture-group.js';
import { runCoop } from './harness.js';
import { ledgerParts } from '../support/register.js';

/** Each holds a marker word (Qx…) so its lines can be found in any document. */
const GROUP_NAME = '{{group.name}} *Bold* [Qxgroup](http://evil.example) <b>Co-op</b> | pipe Limited';
const FOUNDERS = ['{{#each founders}}Qxeach{{/each}} Smith', '# Qxheading _Name_', 'Zero\u200bWidth \u202eQxrtl 👩‍👩‍👧'];
const OBJECTS = '{{> partial}} <script>alert("Qxobjects")</script>';
const AREA = '1. Qxarea `code` > quote';
const PLACE = '{{place}} | Qxplace | <i>Hall</i> [map](http://evil.example)';
const RESOLUTION = '{{#if true}}Qxresolution{{/if}} *adopt* the `budget` <b>now</b>';
const SPECIAL = '# Qxspecial\n\n- change | rule | 5';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === '.git') return [];
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Unescaped pipes in a table row: the cells it has. */
const cells = (line: string) => line.replace(/\\\\/g, '').replace(/\\\|/g, '').split('|').length;

function expectLiteral(documents: Map<string, string>, value: string, marker: string): number {
  let seen = 0;
  for (const [file, text] of documents) {
    if (!text.includes(marker)) continue;
    seen += 1;
    // It went through the escaper: the escaped form is there, the raw form (with its markup) is not.
    expect(text, `${file} shows ${JSON.stringify(value)} escaped`).toContain(escapeMarkdown(value));
    if (escapeMarkdown(value) !== value) expect(text.includes(value), `${file} holds ${JSON.stringify(value)} raw`).toBe(false);
  }
  return seen;
}

function expectTablesWhole(documents: Map<string, string>): void {
  for (const [file, text] of documents) {
    let width: number | undefined;
    for (const line of text.split('\n')) {
      if (!line.startsWith('|')) {
        width = undefined;
        continue;
      }
      width ??= cells(line);
      expect(cells(line), `${file}: a table row with a different number of cells:\n${line}`).toBe(width);
    }
  }
}

describe('a group founded with hostile names', () => {
  let parent: string;
  let group: string;
  let documents: Map<string, string>;

  beforeAll(async () => {
    parent = tempDir('coop-literal-');
    const args = ['new', '--yes', '--name', GROUP_NAME, '--objects', OBJECTS, '--area', AREA];
    for (const [i, f] of FOUNDERS.entries()) args.push('--founder', `${f} <founder${i + 1}@example.org>`);
    const r = await runCoop([...args, 'hostile-group'], parent);
    expect(r.exitCode, r.stderr).toBe(0);
    group = join(parent, 'hostile-group');
    // A meeting whose papers list every member by name, with a hostile place and resolutions.
    const today = todayInUk();
    const meeting = await runCoop(
      ['meeting', 'new', 'general', '--date', addDays(today, 40), '--time', '18:30', '--place', PLACE, '--notice-date', today, '--resolution', RESOLUTION, '--special', SPECIAL],
      group,
    );
    expect(meeting.exitCode, meeting.stderr).toBe(0);
    documents = new Map(
      filesUnder(group)
        .filter((f) => f.endsWith('.md'))
        .map((f) => [relative(group, f), readFileSync(f, 'utf8')]),
    );
  });

  it('writes nothing outside its own folder', () => {
    expect(readdirSync(parent)).toEqual(['hostile-group']);
    for (const f of filesUnder(group)) expect(relative(group, f).startsWith('..')).toBe(false);
  });

  it('shows every name, objects and area literally, through the escaper, in every document that mentions them', () => {
    expect(expectLiteral(documents, GROUP_NAME, 'Qxgroup')).toBeGreaterThanOrEqual(3);
    expect(expectLiteral(documents, FOUNDERS[0]!, 'Qxeach')).toBeGreaterThanOrEqual(1);
    expect(expectLiteral(documents, FOUNDERS[1]!, 'Qxheading')).toBeGreaterThanOrEqual(1);
    expect(expectLiteral(documents, FOUNDERS[2]!, 'Qxrtl')).toBeGreaterThanOrEqual(1);
    expect(expectLiteral(documents, OBJECTS, 'Qxobjects')).toBeGreaterThanOrEqual(1);
    expect(expectLiteral(documents, AREA, 'Qxarea')).toBeGreaterThanOrEqual(1);
    expect(expectLiteral(documents, PLACE, 'Qxplace')).toBeGreaterThanOrEqual(2);
    expect(expectLiteral(documents, RESOLUTION, 'Qxresolution')).toBeGreaterThanOrEqual(2);
    expect(expectLiteral(documents, SPECIAL, 'Qxspecial')).toBeGreaterThanOrEqual(2);
  });

  it('lists every member by name, escaped, on the meeting’s attendance sheet', () => {
    const attendance = [...documents].find(([f]) => f.startsWith('meetings/') && f.endsWith('attendance.md'))?.[1];
    expect(attendance).toBeDefined();
    for (const name of FOUNDERS) expect(attendance).toContain(escapeMarkdown(name));
  });

  it('runs no template a name contains: the braces print as typed, once per mention', () => {
    const minutes = documents.get('documents/founding-minutes.md')!;
    expect(minutes).toContain('{{#each founders}}Qxeach{{/each}} Smith');
    // Had the name run as a template, "Qxeach" would print once per founder, without braces.
    expect(minutes.match(/Qxeach/g)!.length).toBe(minutes.match(/\{\{#each founders\}\}Qxeach\{\{\/each\}\}/g)!.length);
    for (const text of documents.values()) expect(text).not.toMatch(/(^|[^{])Qxeach(?!\{\{)/);
  });

  it('gives no document structure a name brought: no stray heading, HTML or table cell', () => {
    expectTablesWhole(documents);
    for (const [file, text] of documents) {
      expect(text, file).not.toMatch(/^# Qxheading/m);
      expect(text, file).not.toContain('<script>');
      expect(text, file).not.toContain('<b>Co-op</b>');
      expect(text, file).not.toMatch(/^1\. Qxarea/m);
      expect(text, file).not.toMatch(/^# Qxspecial/m);
      expect(text, file).not.toContain('<i>Hall</i>');
      expect(text, file).not.toMatch(/(^|[^{])Qxresolution(?!\{\{)/);
    }
  });

  it('keeps the names exactly in the register and the commit, and passes coop check', async () => {
    const ledger = readFileSync(join(group, 'register', 'ledger.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { name?: string });
    expect(ledger.filter((e) => e.name).map((e) => e.name)).toEqual(FOUNDERS);
    expect((await git(group, ['log', '--format=%s'])).split('\n').at(-1)).toBe(`Found ${GROUP_NAME}`);
    const check = await runCoop(['check'], group);
    expect(check.exitCode, check.stderr).toBe(0);
    expect(existsSync(join(group, '.coop', 'txn'))).toBe(false);
  });
});

/** Names a register may hold, each with a marker (Qm…), as typed and as the register keeps them. */
const MEMBERS: [typed: string, kept: string][] = [
  ['{{#each members}}Qma{{/each}} Jones', '{{#each members}}Qma{{/each}} Jones'],
  ['=HYPERLINK("http://evil.example","Qmb")', '=HYPERLINK("http://evil.example","Qmb")'],
  ['+Qmc Plus', '+Qmc Plus'],
  ['-Qmd Minus', '-Qmd Minus'],
  ['=1+1 Qme Sum', '=1+1 Qme Sum'],
  ['| Qmf | Pipes |', '| Qmf | Pipes |'],
  ['<img src=x onerror=alert(1)> Qmg', '<img src=x onerror=alert(1)> Qmg'],
  ['[Qmh](javascript:alert(1))', '[Qmh](javascript:alert(1))'],
  ['Tab\tQmi   Spaces', 'Tab Qmi Spaces'],
  ['Ελένη Qmj Παπαδοπούλου', 'Ελένη Qmj Παπαδοπούλου'],
  ['محمد Qmk علي', 'محمد Qmk علي'],
  ['\u202eQml override', '\u202eQml override'],
  ['Zero\u200bQmm Width 👩‍👩‍👧', 'Zero\u200bQmm Width 👩‍👩‍👧'],
  ['  # Qmn Heading  ', '# Qmn Heading'],
];

describe('members admitted with hostile names', () => {
  let group: string;
  let numbers: number[];

  beforeAll(async () => {
    group = await fixtureGroup({ tweak: (p) => void (p.meetings.proxies = { allowed: true, maxPerHolder: 2, countTowardsQuorum: true }) });
    numbers = [];
    for (const [typed] of MEMBERS) {
      // "--" ends the options, so a name starting with a dash is a name.
      const r = await runCoop(['member', 'add', '--joined', '2024-02-01', '--', typed], group);
      expect(r.exitCode, `${typed}: ${r.stderr}`).toBe(0);
      numbers.push(Number(r.stdout.trim()));
    }
  });

  it('keeps each name exactly as typed (trimmed, spaces folded) in the register, and passes coop check', async () => {
    // Every part of every stream, each line read by JSON.parse as a person's script would.
    const names = ledgerParts(group)
      .flatMap((p) => readFileSync(join(group, p), 'utf8').trim().split('\n'))
      .map((l) => JSON.parse(l) as { type: string; name?: string })
      .filter((e) => e.type === 'admit')
      .slice(3)
      .map((e) => e.name);
    expect(names).toEqual(MEMBERS.map(([, kept]) => kept));
    expect((await runCoop(['check'], group)).exitCode).toBe(0);
  });

  it('prints the register of members with every name escaped and every table row whole', async () => {
    const r = await runCoop(['register', '--as-of', '2024-03-01'], group);
    expect(r.exitCode, r.stderr).toBe(0);
    const register = new Map([['coop register', r.stdout]]);
    for (const [, kept] of MEMBERS) expect(r.stdout).toContain(escapeMarkdown(kept));
    expectTablesWhole(register);
    expect(r.stdout).not.toMatch(/(^|[^\\])<img/);
    expect(r.stdout).not.toMatch(/^# Qmn/m);
  });

  it('exports a spreadsheet in which no name can run as a formula', async () => {
    const out = join(group, '..', 'members.csv');
    const r = await runCoop(['member', 'export', out, '--as-of', '2024-03-01'], group);
    expect(r.exitCode, r.stderr).toBe(0);
    const csv = readFileSync(out, 'utf8');
    for (const marker of ['=HYPERLINK', '+Qmc', '-Qmd', '=1+1']) {
      expect(csv).toContain(`'${marker}`);
      expect(csv).not.toMatch(new RegExp(`(^|,)"?\\${marker[0]}${marker.slice(1)}`, 'm'));
    }
  });

  it('shows the names literally in a meeting’s final minutes', async () => {
    const run = async (args: string[]) => {
      const r = await runCoop(args, group);
      expect(r.exitCode, `coop ${args.join(' ')}: ${r.stderr}`).toBe(0);
    };
    await run(['meeting', 'new', 'general', '--date', '2024-06-10', '--time', '18:30', '--place', 'Hall', '--notice-date', '2024-05-01', '--resolution', 'Adopt the budget']);
    const present = numbers.slice(0, 10).map(String);
    await run(['meeting', 'attend', '2024-06-10', ...present, '--proxy', `${numbers[0]}=${numbers[10]}`, '--apologies', String(numbers[11])]);
    await run(['meeting', 'vote', '2024-06-10', '1', '--for', '8', '--against', '3']);
    await run(['meeting', 'close', '2024-06-10']);
    const minutes = readFileSync(join(group, 'meetings', '2024-06-10-general', 'minutes.md'), 'utf8');
    for (const [, kept] of MEMBERS.slice(0, 12)) expect(minutes).toContain(escapeMarkdown(kept));
    expectTablesWhole(new Map([['minutes.md', minutes]]));
    expect(minutes).not.toMatch(/(^|[^\\])<img/);
    expect(minutes).not.toMatch(/(^|[^{])Qma(?!\{\{)/);
    expect(readdirSync(join(group, '..'))).toEqual(['group', 'members.csv'].filter((f) => existsSync(join(group, '..', f))).sort());
  });
});
