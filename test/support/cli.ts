// Shared by command and end-to-end tests: temporary folders that clean themselves up, and the
// built CLI run as a person would run it (no TTY, a fixed git identity, UK time).

import { mkdtempSync, rmSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa, type Result } from 'execa';
import { afterAll } from 'vitest';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BIN = join(ROOT, 'bin', 'coop.js');
export const CREATE_BIN = join(ROOT, 'bin', 'create-coop.js');
/**
 * The team's shared fixtures live beside the project (../shared/fixtures). A clone made
 * elsewhere has no shared/ beside it, so a byte-for-byte copy is kept in test/fixtures.
 */
export const FIXTURES = existsSync(join(ROOT, '..', 'shared', 'fixtures', 'members-spreadsheet.csv')) ? join(ROOT, '..', 'shared', 'fixtures') : join(ROOT, 'test', 'fixtures');

export const GIT_IDENTITY = {
  GIT_AUTHOR_NAME: 'Test Secretary',
  GIT_AUTHOR_EMAIL: 'secretary@example.org',
  GIT_COMMITTER_NAME: 'Test Secretary',
  GIT_COMMITTER_EMAIL: 'secretary@example.org',
};

const made: string[] = [];
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A new empty folder, removed after the test file. */
export function tempDir(prefix = 'coop-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

export interface RunOptions {
  cwd: string;
  env?: Record<string, string | undefined>;
  input?: string;
  bin?: string;
}

/** Runs the built coop with arguments; never throws on a non-zero exit. */
export async function coop(args: string[], options: RunOptions): Promise<Result> {
  return execa(process.execPath, [options.bin ?? BIN, ...args], {
    cwd: options.cwd,
    reject: false,
    env: { ...GIT_IDENTITY, TZ: 'Europe/London', NO_COLOR: '1', COOP_LOCK_TIMEOUT_MS: '20000', ...options.env },
    ...(options.input !== undefined ? { input: options.input } : { stdin: 'ignore' }),
  });
}

/** Runs git in a folder and returns stdout. */
export async function git(cwd: string, args: string[]): Promise<string> {
  const r = await execa('git', args, { cwd, env: { ...GIT_IDENTITY, LC_ALL: 'C' } });
  return r.stdout;
}

export function read(path: string): string {
  return readFileSync(path, 'utf8');
}

export { existsSync, join };

/** Founds a group with defaults in a new temp folder and returns its path. */
export async function foundGroup(extra: string[] = [], name = 'group'): Promise<string> {
  const parent = tempDir();
  const dir = join(parent, name);
  const r = await coop(['new', '--yes', ...extra, dir], { cwd: parent });
  if (r.exitCode !== 0) throw new Error(`coop new failed (${r.exitCode}):\n${r.stderr}\n${r.stdout}`);
  return dir;
}
