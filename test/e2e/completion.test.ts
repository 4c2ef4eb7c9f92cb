// Shell completion: the script `coop completion bash` prints, sourced in a real bash, completes
// what commander declares; the answers behind every shell come from `coop __complete`.

import { mkdirSync, symlinkSync } from 'node:fs';
import { delimiter, dirname } from 'node:path';
import { execa } from 'execa';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, coop, join, tempDir } from '../support/cli.js';
import { fixtureGroup } from '../support/fixture-group.js';
import { modulesLoadedBy } from '../support/loads.js';

const HEAVY = /\/node_modules\/(handlebars|@inquirer\/[^/]+)\//;

let group = '';
let pathWithCoop = '';

beforeAll(async () => {
  group = await fixtureGroup();
  // Two meetings on record: their folders are what a <meeting> argument completes to.
  for (const id of ['2027-06-10-agm', '2027-09-01-general']) mkdirSync(join(group, 'meetings', id), { recursive: true });
  // `coop` on PATH as an installed bin would be, run by the Node running these tests.
  const bin = join(tempDir(), 'bin');
  mkdirSync(bin);
  symlinkSync(BIN, join(bin, 'coop'));
  pathWithCoop = [bin, dirname(process.execPath), process.env.PATH].join(delimiter);
});

/** Sources `coop completion bash` in bash, completes the line as Tab would, returns the candidates. */
async function bashComplete(line: string, cwd: string): Promise<string[]> {
  const script = `source <(coop completion bash)
COMP_WORDS=(${line}); COMP_CWORD=$(( \${#COMP_WORDS[@]} - 1 ))
[[ "${line}" == *' ' ]] && { COMP_WORDS+=(''); COMP_CWORD=$(( COMP_CWORD + 1 )); }
_coop_complete
printf '%s\\n' "\${COMPREPLY[@]}"`;
  const r = await execa('bash', ['--norc', '--noprofile', '-c', script], { cwd, env: { PATH: pathWithCoop, NO_COLOR: '1' } });
  return r.stdout.split('\n').filter(Boolean);
}

describe('coop completion bash, in bash', () => {
  it('completes coop meeting cl to close', async () => {
    expect(await bashComplete('coop meeting cl', group)).toEqual(['close']);
  });

  it('completes a <meeting> argument to the meetings on record, in the group', async () => {
    expect(await bashComplete('coop meeting vote 2027-0', group)).toEqual(['2027-06-10-agm', '2027-09-01-general']);
  });
});

describe('coop __complete', () => {
  const cases: { name: string; words: string[]; expected: string[] }[] = [
    { name: 'top-level commands', words: ['me'], expected: ['member', 'meeting'] },
    { name: 'a command group’s commands', words: ['member', 'l'], expected: ['leave', 'list', 'loan'] },
    { name: 'a command’s options', words: ['member', 'list', '--j'], expected: ['--json'] },
    { name: 'an option’s choices', words: ['new', '--kind', 'w'], expected: ['worker-coop'] },
    { name: 'choices after other options', words: ['register', '--as-of', '2025-01-01', '--format', ''], expected: ['md', 'csv', 'json'] },
    { name: 'an argument’s choices', words: ['completion', ''], expected: ['bash', 'zsh', 'fish'] },
    { name: 'a free-text option value: nothing', words: ['meeting', 'new', 'agm', '--place', ''], expected: [] },
  ];
  for (const { name, words, expected } of cases) {
    it(name, async () => {
      const r = await coop(['__complete', ...words], { cwd: group });
      expect(r.exitCode).toBe(0);
      expect(String(r.stdout).split('\n').filter(Boolean)).toEqual(expected);
    });
  }

  it('offers no meetings outside a group', async () => {
    const r = await coop(['__complete', 'meeting', 'close', ''], { cwd: tempDir() });
    expect(r.stdout).toBe('');
  });

  it('prints a script for zsh and for fish that asks coop __complete', async () => {
    for (const shell of ['zsh', 'fish']) {
      const r = await coop(['completion', shell], { cwd: group });
      expect(r.exitCode).toBe(0);
      expect(r.stdout).toContain('coop __complete');
    }
    expect((await coop(['completion', 'tcsh'], { cwd: group })).exitCode).toBe(2);
  });

  it('is loaded only when asked, and loads neither prompts nor templates', async () => {
    const isCompletion = (url: string) => /\/completion(-[\w-]+)?\.js$/.test(url);
    const list = await modulesLoadedBy(['member', 'list'], group);
    expect(list.loaded.filter(isCompletion)).toEqual([]);
    const asked = await modulesLoadedBy(['completion', 'bash'], group);
    expect(asked.loaded.some(isCompletion)).toBe(true);
    expect(asked.loaded.filter((url) => HEAVY.test(url))).toEqual([]);
  });
});
