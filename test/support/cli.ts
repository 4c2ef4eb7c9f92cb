// Shared by command and end-to-end tests: temporary folders that clean themselves up, and the
// built CLI run as a person would run it (no TTY, a fixed git identity, UK time).
//
// Two ways to run it. The end-to-end tier (and crash, hostile, unit) spawns the built bin, as
// a person's shell would. The command tier runs the same built entry in this process —
// dist/bundle/cli.js's run(argv, ctx), the code the bin hands its arguments to — with its own
// folder and captured output, so it does not pay Node's start-up on every call:
// vitest.config.ts marks that tier with COOP_TEST_TIER=command. A call that needs a process
// of its own (an environment variable for coop, stdin input) is spawned in every tier.

import { mkdtempSync, rmSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { execa } from 'execa';
import type { Context } from '../../src/io/context.js';

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

/**
 * Removes the folders tempDir made. test/support/setup.ts calls it after each test file: a
 * worker that runs several files (vitest's isolate: false) loads this module only once.
 */
export function removeTempDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
  for (const forget of forgetters) forget();
}

const forgetters: (() => void)[] = [];

/** Calls `forget` whenever the temporary folders go: for a cache of folders made with tempDir. */
export function onTempDirsRemoved(forget: () => void): void {
  forgetters.push(forget);
}

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

/** What a run of coop did: as execa reports a process, the final newline of each stream removed. */
export interface Ran {
  exitCode: number | undefined;
  stdout: string;
  stderr: string;
}

/** The environment coop runs with in tests: a fixed git identity, UK time, no colour. */
const TEST_ENV = { ...GIT_IDENTITY, TZ: 'Europe/London', NO_COLOR: '1', COOP_LOCK_TIMEOUT_MS: '20000' };

const IN_PROCESS = process.env.COOP_TEST_TIER === 'command';
if (IN_PROCESS) {
  // git, which coop starts, inherits this process's environment (the context's env is what
  // coop itself reads), and Node's clock reads TZ: set both as a spawned coop would have them.
  Object.assign(process.env, TEST_ENV);
  delete process.env.FORCE_COLOR;
}

/** Runs the built coop with arguments; never throws on a non-zero exit. */
export async function coop(args: string[], options: RunOptions): Promise<Ran> {
  if (IN_PROCESS && options.env === undefined && options.input === undefined && (options.bin === undefined || options.bin === BIN || options.bin === CREATE_BIN)) {
    return coopInProcess(options.bin === CREATE_BIN ? ['new', ...args] : args, options.cwd);
  }
  const r = await execa(process.execPath, [options.bin ?? BIN, ...args], {
    cwd: options.cwd,
    reject: false,
    env: { ...TEST_ENV, ...options.env },
    ...(options.input !== undefined ? { input: options.input } : { stdin: 'ignore' }),
  });
  return { exitCode: r.exitCode, stdout: String(r.stdout), stderr: String(r.stderr) };
}

/** A context for running coop in this process: the folder, the test environment, captured output. */
export function captureContext(cwd: string): { ctx: Context; stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const ctx: Context = {
    cwd,
    env: { ...process.env, ...TEST_ENV, FORCE_COLOR: undefined },
    stdout: { write: (text: string | Uint8Array) => stdout.push(typeof text === 'string' ? text : Buffer.from(text).toString('utf8')) },
    stderr: { write: (text: string) => stderr.push(text) },
    stdin: { isTTY: false },
  };
  return { ctx, stdout, stderr };
}

/** The built CLI's entry, loaded once per test file (what bin/coop.js runs). */
let entry: Promise<{ run: (argv: string[], ctx: Context) => Promise<number> }> | undefined;

/** Runs the built coop in this process, as bin/coop.js would run it in its own. */
export async function coopInProcess(args: string[], cwd: string): Promise<Ran> {
  entry ??= import(pathToFileURL(join(ROOT, 'dist', 'bundle', 'cli.js')).href);
  const { run } = await entry;
  const { ctx, stdout, stderr } = captureContext(cwd);
  const exitCode = await run(args, ctx);
  const text = (chunks: string[]) => chunks.join('').replace(/\r?\n$/, '');
  return { exitCode, stdout: text(stdout), stderr: text(stderr) };
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
