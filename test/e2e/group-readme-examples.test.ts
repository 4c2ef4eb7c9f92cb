// The group's own README tells the truth (issue 18 item 9): every `coop …` command in its fenced
// sh blocks runs, as printed (pasted into a shell, comments and quotes and all), in a group
// founded today, on the founding day. Commands that need values only a later day gives (a
// registration number, an amendment's id) are written in the prose with <placeholders>, not
// in a block to paste.

import { chmodSync, writeFileSync } from 'node:fs';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { BIN, GIT_IDENTITY, coop, join, read, tempDir } from '../support/cli.js';
import { REPRESENTATIVE_ONLY } from '../support/combos.js';

/** One group of each legal form, across the kinds and the three jurisdictions. */
const SAMPLES: [string, string[]][] = [
  ['a worker co-operative society', ['--kind', 'worker-coop', '--form', 'co-operative-society']],
  ['a community benefit society in Scotland', ['--kind', 'community-radio', '--form', 'community-benefit-society', '--jurisdiction', 'scotland']],
  ['a company limited by guarantee', ['--kind', 'arts-project', '--form', 'company-limited-by-guarantee']],
  ['a CIC in Northern Ireland, by consensus', ['--kind', 'community-radio', '--form', 'cic', '--jurisdiction', 'northern-ireland', '--decisions', 'consensus']],
  ['an unincorporated association', ['--kind', 'neighbourhood-group', '--form', 'unincorporated-association']],
];
/**
 * On the other Node lines (.ci/run) two of them: a society with shares, and a company by
 * consensus in another jurisdiction. The README's commands are the same code on every line.
 */
const RUN = REPRESENTATIVE_ONLY ? [SAMPLES[0]!, SAMPLES[3]!] : SAMPLES;

/** The lines of the README's ```sh blocks that run coop. */
function exampleCommands(readme: string): string[] {
  const commands: string[] = [];
  let inBlock = false;
  for (const line of readme.split('\n')) {
    if (line.startsWith('```')) {
      inBlock = !inBlock && line.trim() === '```sh';
      continue;
    }
    if (inBlock && line.startsWith('coop ')) commands.push(line);
  }
  return commands;
}

/** A folder with `coop` on it, as an installed create-coop gives, running the built CLI. */
function coopOnPath(): string {
  const dir = tempDir('coop-path-');
  const shim = join(dir, 'coop');
  writeFileSync(shim, `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`);
  chmodSync(shim, 0o755);
  return dir;
}

describe("the group README's example commands run as printed on the founding day", () => {
  const path = coopOnPath();
  it.each(RUN)('%s', async (_name, args) => {
    const parent = tempDir();
    const founded = await coop(['new', '--yes', ...args, 'group'], { cwd: parent });
    expect(founded.exitCode, String(founded.stderr)).toBe(0);
    const dir = join(parent, 'group');
    const readme = read(join(dir, 'README.md'));
    const commands = exampleCommands(readme);
    expect(commands.length).toBeGreaterThan(5);
    for (const command of commands) {
      // Nothing to fill in: a placeholder belongs in the prose, not in a line to paste.
      expect(command).not.toMatch(/<[^>]*>|YYYY|…/);
      const r = await execa('sh', ['-c', command], {
        cwd: dir,
        reject: false,
        stdin: 'ignore',
        env: { ...GIT_IDENTITY, TZ: 'Europe/London', NO_COLOR: '1', PATH: `${path}:${process.env.PATH}` },
      });
      expect(r.exitCode, `${command}\n${r.stderr}`).toBe(0);
    }
    // What they did is in the register and the history, and the group is still in order.
    expect((await coop(['check'], { cwd: dir })).exitCode).toBe(0);
  });

  it('finds the commands in sh blocks only', () => {
    const text = ['```sh', 'coop status   # x', 'npm install', '```', '`coop inline`', '```text', 'coop not-this', '```'].join('\n');
    expect(exampleCommands(text)).toEqual(['coop status   # x']);
  });
});

describe('how the next secretary gets coop', () => {
  it('names the version that founded the group, from the registry and from a copy', async () => {
    const parent = tempDir();
    expect((await coop(['new', '--yes', 'group'], { cwd: parent })).exitCode).toBe(0);
    const version = (JSON.parse(read(join(import.meta.dirname, '..', '..', 'package.json'))) as { version: string }).version;
    const readme = read(join(parent, 'group', 'README.md'));
    expect(read(join(parent, 'group', 'coop.yml'))).toMatch(new RegExp(`version: ${version.replace(/\./g, '\\.')}`));
    expect(readme).toContain(`npm install --global create-coop@${version}`);
    expect(readme).toContain(`npx -p create-coop@${version} coop status`);
    expect(readme).toContain(`npm pack --ignore-scripts "$(npm root --global)/create-coop"`);
    expect(readme).toContain(`npm install --global ./create-coop-${version}.tgz`);
  });
});
