// The suite's own machinery must be able to fail: a change of any kind is caught, and the
// in-process runner reports exit codes and output as the real bin would.

import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixtureGroup } from '../support/fixture-group.js';
import { git } from '../support/cli.js';
import { copyGroup, expectUnchanged, runCoop, snapshot } from './harness.js';

let template: string;
beforeAll(async () => {
  template = await fixtureGroup();
});

describe('runCoop', () => {
  it('reports the exit code and output of the built CLI', async () => {
    const version = await runCoop(['--version'], template);
    expect(version.exitCode).toBe(0);
    expect(version.stdout).toMatch(/^\d+\.\d+\.\d+/);
    const usage = await runCoop(['member', 'add'], template);
    expect(usage.exitCode).toBe(2);
    expect(usage.stderr).toMatch(/missing required argument 'name'/);
  });
});

describe('expectUnchanged catches', () => {
  const spoilers: [string, (dir: string) => Promise<void> | void][] = [
    ['an edited file', (d) => writeFileSync(join(d, 'coop.yml'), 'changed\n')],
    ['a new file', (d) => writeFileSync(join(d, 'stray.txt'), '')],
    ['a removed file', (d) => rmSync(join(d, 'register', 'ledger.jsonl'))],
    ['a new empty folder', (d) => mkdirSync(join(d, 'meetings'))],
    ['a private store written', (d) => (mkdirSync(join(d, 'private'), { recursive: true }), writeFileSync(join(d, 'private', 'contacts.jsonl'), '{}\n'))],
    ['a new commit', async (d) => void (await git(d, ['commit', '-q', '--allow-empty', '-m', 'x']))],
    ['a staged file', async (d) => (writeFileSync(join(d, 'n.txt'), 'n'), void (await git(d, ['add', 'n.txt'])))],
    ['a lock left behind', (d) => (mkdirSync(join(d, '.coop'), { recursive: true }), writeFileSync(join(d, '.coop', 'lock'), '{}'))],
    ['a journal left behind', (d) => mkdirSync(join(d, '.coop', 'txn'), { recursive: true })],
  ];
  it.each(spoilers)('%s', async (_name, spoil) => {
    const dir = copyGroup(template);
    const before = snapshot(dir);
    await spoil(dir);
    await expect(expectUnchanged(dir, before, 'spoiled')).rejects.toThrow();
  });

  it('but not a refreshed index that means the same', async () => {
    const dir = copyGroup(template);
    const before = snapshot(dir);
    await git(dir, ['update-index', '--really-refresh']);
    await git(dir, ['status']);
    await expectUnchanged(dir, before, 'refreshed');
  });
});
