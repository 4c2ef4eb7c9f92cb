// One small function per git command; the working folder is always given, never assumed.
//
// git is run with node:child_process rather than execa: execa took longer to load than Node
// takes to start (about 130 ms on the bench machine), and every command that touches a group
// loads this module. What these functions need — run, collect output, fail clearly — is small.

import { spawn } from 'node:child_process';
import { UserError } from '../errors.js';

const GIT_ENV = { GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' };

interface GitResult {
  /** Exit code; null when git was ended by a signal. */
  code: number | null;
  /** Output with one final newline removed, as git's callers expect. */
  stdout: string;
  stderr: string;
}

/** Runs git and collects its output. Rejects only when git cannot be started (e.g. ENOENT). */
function runGit(cwd: string, args: readonly string[]): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, { cwd, env: { ...process.env, ...GIT_ENV }, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    let settled = false;
    child.on('error', (error) => {
      if (!settled) reject(error);
      settled = true;
    });
    child.on('close', (code) => {
      if (settled) return;
      settled = true;
      resolve({ code, stdout: Buffer.concat(out).toString('utf8').replace(/\r?\n$/, ''), stderr: Buffer.concat(err).toString('utf8') });
    });
  });
}

/** Runs git and returns its output, or throws a UserError saying what went wrong. */
async function git(cwd: string, args: string[]): Promise<string> {
  let r: GitResult;
  try {
    r = await runGit(cwd, args);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new UserError('git is not installed or not on PATH. Install git (https://git-scm.com) and try again, or use --no-git with coop new.');
    }
    throw new UserError(`git ${args[0]} failed: ${(error as Error).message}`);
  }
  if (r.code !== 0) {
    const detail = r.stderr.trim() || `git exited with ${r.code === null ? 'a signal' : `code ${r.code}`}`;
    throw new UserError(`git ${args[0]} failed: ${detail}`);
  }
  return r.stdout;
}

/** Runs git for an answer: its output when it succeeds, undefined when it fails or cannot start. */
async function ask(cwd: string, args: string[]): Promise<string | undefined> {
  try {
    const r = await runGit(cwd, args);
    return r.code === 0 ? r.stdout : undefined;
  } catch {
    return undefined;
  }
}

/** True if a git executable can be run. */
export async function gitAvailable(cwd: string): Promise<boolean> {
  return (await ask(cwd, ['--version'])) !== undefined;
}

/** The committer identity git would use, or undefined when none is set. */
export async function gitIdentity(cwd: string): Promise<string | undefined> {
  return (await ask(cwd, ['var', 'GIT_COMMITTER_IDENT']))?.replace(/\s+\d+ [+-]\d{4}$/, '');
}

export const NO_IDENTITY_MESSAGE =
  'git does not know who you are, so it cannot record who made this change. Set your name and email once with:\n' +
  '  git config --global user.name "Your Name"\n' +
  '  git config --global user.email "you@example.org"\n' +
  'then run the command again. Nothing was written.';

export async function isInsideRepo(cwd: string): Promise<boolean> {
  return (await ask(cwd, ['rev-parse', '--is-inside-work-tree']))?.trim() === 'true';
}

export async function initRepo(cwd: string): Promise<void> {
  await git(cwd, ['init', '-q', '-b', 'main']);
}

/** The commit HEAD points at, or null in a repository with no commits. */
export async function headCommit(cwd: string): Promise<string | null> {
  return (await ask(cwd, ['rev-parse', '--verify', '-q', 'HEAD']))?.trim() || null;
}

/** Paths staged for the next commit. */
export async function stagedPaths(cwd: string): Promise<string[]> {
  const out = await git(cwd, ['diff', '--cached', '--name-only', '-z']);
  return out.split('\0').filter(Boolean);
}

export async function addPaths(cwd: string, paths: readonly string[]): Promise<void> {
  if (paths.length > 0) await git(cwd, ['add', '--', ...paths]);
}

/** Unstages paths, leaving the files as they are. */
export async function unstagePaths(cwd: string, paths: readonly string[]): Promise<void> {
  if (paths.length === 0) return;
  if ((await headCommit(cwd)) === null) await git(cwd, ['rm', '-q', '--cached', '--ignore-unmatch', '--', ...paths]);
  else await git(cwd, ['reset', '-q', '--', ...paths]);
}

/** Commits exactly what is staged. */
export async function commit(cwd: string, message: string): Promise<string> {
  await git(cwd, ['commit', '-q', '--no-verify', '-m', message]);
  return (await headCommit(cwd)) ?? '';
}

/** Files git tracks, relative to the repository root. */
export async function trackedFiles(cwd: string): Promise<string[]> {
  const out = await git(cwd, ['ls-files', '-z']);
  return out.split('\0').filter(Boolean);
}

/** The repository's top folder, or undefined when cwd is not inside one. */
export async function repoRoot(cwd: string): Promise<string | undefined> {
  return (await ask(cwd, ['rev-parse', '--show-toplevel']))?.trim() || undefined;
}

/** True when git would ignore the path (it need not exist): guards the private contact store. */
export async function isIgnored(cwd: string, path: string): Promise<boolean> {
  try {
    // Exit 0: ignored; exit 1 (not ignored) or any failure makes git() throw.
    await git(cwd, ['check-ignore', '-q', '--no-index', '--', path]);
    return true;
  } catch {
    return false;
  }
}
