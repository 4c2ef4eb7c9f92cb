// A small git repository shaped for the transaction driver (driver.mjs), and the check that it
// holds exactly the result of k whole changes: every file names the same k, deep/ holds
// new-1 … new-k, the logs hold lines 0 … k, HEAD is "Change k", and git sees nothing staged,
// modified or stray.

import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa, type ResultPromise } from 'execa';
import { expect } from 'vitest';
import { git, GIT_IDENTITY, tempDir } from '../support/cli.js';

export const DRIVER = fileURLToPath(new URL('./driver.mjs', import.meta.url));
const PADDING = 'x'.repeat(32 * 1024);

let template: string | undefined;

/** A repository in the state of "change 0", committed. Built once, then copied (git is slow to start). */
export async function txnRepo(): Promise<string> {
  const root = join(tempDir('coop-crash-'), 'repo');
  if (template) {
    cpSync(template, root, { recursive: true });
    return root;
  }
  mkdirSync(join(root, 'docs'), { recursive: true });
  mkdirSync(join(root, 'private'), { recursive: true });
  writeFileSync(join(root, '.gitignore'), '/private/\n/.coop/\n');
  writeFileSync(join(root, 'a.txt'), `change 0\n${PADDING}\n`);
  writeFileSync(join(root, 'docs', 'b.md'), '# Change 0\n');
  writeFileSync(join(root, 'counter.txt'), '0\n');
  writeFileSync(join(root, 'log.txt'), 'change 0\n');
  writeFileSync(join(root, 'private', 'log.txt'), 'change 0\n');
  writeFileSync(join(root, 'private', 'contacts.jsonl'), '{"member":1,"email":"change-0@example.org"}\n');
  // No template (sample hooks and the like): nothing reads them, and every copy would copy them.
  await git(root, ['init', '-q', '--template=', '-b', 'main']);
  await git(root, ['add', '-A']);
  await git(root, ['commit', '-q', '-m', 'Change 0']);
  template = join(tempDir('coop-crash-template-'), 'repo');
  cpSync(root, template, { recursive: true });
  return root;
}

export interface DriverOptions {
  env?: Record<string, string | undefined>;
  /** Own process group, so that the whole group (the driver and its git) can be killed at once. */
  detached?: boolean;
}

/** Starts the driver; never rejects on a non-zero exit or a signal. */
export function driver(args: string[], options: DriverOptions = {}): ResultPromise<{ reject: false }> {
  return execa(process.execPath, [DRIVER, ...args], {
    reject: false,
    stdin: args.includes('wait') ? 'pipe' : 'ignore',
    detached: options.detached ?? false,
    cleanup: true,
    // execa would follow a SIGTERM with a SIGKILL after 5 s; on a busy machine finishing the
    // change in hand can take longer, and the tests that send polite signals must see them alone.
    forceKillAfterDelay: false,
    env: { ...GIT_IDENTITY, LC_ALL: 'C', ...options.env },
  }) as ResultPromise<{ reject: false }>;
}

/** Asserts the repository holds the result of some number of whole changes, and returns that number. */
export async function assertWhole(root: string): Promise<number> {
  const a = readFileSync(join(root, 'a.txt'), 'utf8');
  const match = /^change (\d+)\n/.exec(a);
  expect(match, `a.txt is half written: ${a.slice(0, 40)}`).not.toBeNull();
  const k = Number(match![1]);
  expect(a).toBe(`change ${k}\n${PADDING}\n`);
  expect(readFileSync(join(root, 'docs', 'b.md'), 'utf8')).toBe(`# Change ${k}\n`);
  expect(readFileSync(join(root, 'private', 'contacts.jsonl'), 'utf8')).toBe(`{"member":1,"email":"change-${k}@example.org"}\n`);
  // Appended to once per change, never twice, never half.
  const log = Array.from({ length: k + 1 }, (_, i) => `change ${i}\n`).join('');
  expect(readFileSync(join(root, 'log.txt'), 'utf8')).toBe(log);
  expect(readFileSync(join(root, 'private', 'log.txt'), 'utf8')).toBe(log);
  const deep = existsSync(join(root, 'deep')) ? readdirSync(join(root, 'deep')).sort() : [];
  expect(deep).toEqual(Array.from({ length: k }, (_, i) => `new-${i + 1}`).sort());
  for (const d of deep) expect(readFileSync(join(root, 'deep', d, 'c.txt'), 'utf8')).toBe(`made by change ${d.slice(4)}\n`);
  expect(existsSync(join(root, '.coop', 'txn'))).toBe(false);
  expect(await git(root, ['log', '-1', '--format=%s'])).toBe(`Change ${k}`);
  expect(await git(root, ['status', '--porcelain=v1', '--untracked-files=all'])).toBe('');
  return k;
}

export function readText(root: string, path: string): string {
  return readFileSync(join(root, path), 'utf8');
}

/** Resolves once the child has printed "ready" (its imports are loaded and it is about to work). */
export function whenReady(child: ResultPromise<{ reject: false }>): Promise<void> {
  return new Promise((resolve) => {
    let seen = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      if (seen.includes('ready')) resolve();
    });
    void child.then(() => resolve());
  });
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
