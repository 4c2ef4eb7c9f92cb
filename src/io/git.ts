// One small function per git command; the working folder is always given, never assumed.

import { resolve } from 'node:path';
import { execa, type Options } from 'execa';
import { UserError } from '../errors.js';

const GIT_ENV = { GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' };

async function git(cwd: string, args: string[], options: Options = {}): Promise<string> {
  try {
    const result = await execa('git', args, { cwd, env: GIT_ENV, stdin: 'ignore', ...options });
    return String(result.stdout ?? '');
  } catch (error) {
    const e = error as { code?: string; stderr?: string; shortMessage?: string };
    if (e.code === 'ENOENT') {
      throw new UserError('git is not installed or not on PATH. Install git (https://git-scm.com) and try again, or use --no-git with coop new.');
    }
    const detail = (e.stderr || e.shortMessage || String(error)).trim();
    throw new UserError(`git ${args[0]} failed: ${detail}`);
  }
}

/** Like git(), but a non-zero exit gives undefined; only git being unrunnable is an error. */
async function gitMaybe(cwd: string, args: string[]): Promise<string | undefined> {
  try {
    return await git(cwd, args);
  } catch (error) {
    try {
      await execa('git', ['--version'], { cwd, env: GIT_ENV, stdin: 'ignore' });
    } catch {
      throw error;
    }
    return undefined;
  }
}

/** True if a git executable can be run. */
export async function gitAvailable(cwd: string): Promise<boolean> {
  try {
    await execa('git', ['--version'], { cwd, env: GIT_ENV, stdin: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** The committer identity git would use, or undefined when none is set. */
export async function gitIdentity(cwd: string): Promise<string | undefined> {
  try {
    const r = await execa('git', ['var', 'GIT_COMMITTER_IDENT'], { cwd, env: GIT_ENV, stdin: 'ignore' });
    return r.stdout.replace(/\s+\d+ [+-]\d{4}$/, '');
  } catch {
    return undefined;
  }
}

export const NO_IDENTITY_MESSAGE =
  'git does not know who you are, so it cannot record who made this change. Set your name and email once with:\n' +
  '  git config --global user.name "Your Name"\n' +
  '  git config --global user.email "you@example.org"\n' +
  'then run the command again. Nothing was written.';

export async function isInsideRepo(cwd: string): Promise<boolean> {
  try {
    const r = await execa('git', ['rev-parse', '--is-inside-work-tree'], { cwd, env: GIT_ENV, stdin: 'ignore' });
    return r.stdout.trim() === 'true';
  } catch {
    return false;
  }
}

export async function initRepo(cwd: string): Promise<void> {
  await git(cwd, ['init', '-q', '-b', 'main']);
}

/** The commit HEAD points at, or null in a repository with no commits. */
export async function headCommit(cwd: string): Promise<string | null> {
  try {
    const r = await execa('git', ['rev-parse', '--verify', '-q', 'HEAD'], { cwd, env: GIT_ENV, stdin: 'ignore' });
    return r.stdout.trim() || null;
  } catch {
    return null;
  }
}

/** Paths staged for the next commit. */
export async function stagedPaths(cwd: string): Promise<string[]> {
  const out = await git(cwd, ['diff', '--cached', '--name-only', '-z']);
  return out.split('\0').filter(Boolean);
}

export async function addPaths(cwd: string, paths: readonly string[]): Promise<void> {
  if (paths.length > 0) await git(cwd, ['add', '--', ...paths]);
}

/**
 * Unstages paths, leaving the files as they are. With `indexFile`, works on that copy of the
 * index instead of the repository's own (crash recovery builds the new index aside).
 */
export async function unstagePaths(cwd: string, paths: readonly string[], indexFile?: string): Promise<void> {
  if (paths.length === 0) return;
  const options: Options = indexFile ? { env: { ...GIT_ENV, GIT_INDEX_FILE: indexFile } } : {};
  if ((await resolveHead(cwd)) === null) await git(cwd, ['rm', '-q', '--cached', '--ignore-unmatch', '--', ...paths], options);
  else await git(cwd, ['reset', '-q', '--', ...paths], options);
}

/**
 * The commit HEAD points at, or null before the first commit. Unlike headCommit, fails when
 * git cannot be run: crash recovery must not mistake "no git" for "no commit".
 */
export async function resolveHead(cwd: string): Promise<string | null> {
  return (await gitMaybe(cwd, ['rev-parse', '--verify', '-q', 'HEAD^{commit}']))?.trim() || null;
}

/** The path of a file inside the repository's git folder (.git/index, .git/refs/heads/main.lock). */
export async function gitPath(cwd: string, name: string): Promise<string> {
  return resolve(cwd, (await git(cwd, ['rev-parse', '--git-path', name])).trim());
}

/** The branch HEAD points at ("refs/heads/main"), or undefined when HEAD is detached. */
export async function headRef(cwd: string): Promise<string | undefined> {
  return (await gitMaybe(cwd, ['symbolic-ref', '-q', 'HEAD']))?.trim() || undefined;
}

/** Commits made on top of `base` (or root commits when base is null) on the way to HEAD, with their messages. */
export async function commitsOnto(cwd: string, base: string | null): Promise<{ hash: string; message: string }[]> {
  const out = await git(cwd, ['log', '-z', '--format=%H%x01%P%x01%B', base ? `${base}..HEAD` : 'HEAD']);
  const made: { hash: string; message: string }[] = [];
  for (const record of out.split('\0')) {
    const a = record.indexOf('\x01');
    const b = record.indexOf('\x01', a + 1);
    if (a < 0 || b < 0) continue;
    const parents = record.slice(a + 1, b);
    if (base ? parents.split(' ')[0] === base : parents === '') made.push({ hash: record.slice(0, a), message: record.slice(b + 1) });
  }
  return made;
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
  try {
    const r = await execa('git', ['rev-parse', '--show-toplevel'], { cwd, env: GIT_ENV, stdin: 'ignore' });
    return r.stdout.trim() || undefined;
  } catch {
    return undefined;
  }
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
