// One small function per git command; the working folder is always given, never assumed.
//
// git is run with node:child_process rather than execa: every command that touches a group
// loads this module, and execa costs more to load than Node costs to start (bench/README.md).
// What these functions need — run, collect output, fail clearly — is small.

import { spawn } from 'node:child_process';
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { UserError } from '../errors.js';
import { pointsGitElsewhere } from './git-env.js';
import { identityFromFiles } from './git-identity.js';

const GIT_ENV = { GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' };

interface GitResult {
  /** Exit code; null when git was ended by a signal. */
  code: number | null;
  /** Output with one final newline removed, as git's callers expect. */
  stdout: string;
  stderr: string;
}

/** Runs git and collects its output. Rejects only when git cannot be started (e.g. ENOENT). */
function runGit(cwd: string, args: readonly string[], extraEnv: Record<string, string> = {}): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, { cwd, env: { ...process.env, ...GIT_ENV, ...extraEnv }, stdio: ['ignore', 'pipe', 'pipe'] });
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
      resolve({
        code,
        stdout: Buffer.concat(out)
          .toString('utf8')
          .replace(/\r?\n$/, ''),
        stderr: Buffer.concat(err).toString('utf8'),
      });
    });
  });
}

/** Runs git and returns its output, or throws a UserError saying what went wrong. */
async function git(cwd: string, args: string[], extraEnv: Record<string, string> = {}): Promise<string> {
  // Named by its command, past any `-c name=value` settings: "git commit failed: …".
  const command = args[args[0] === '-c' ? 2 : 0];
  let r: GitResult;
  try {
    r = await runGit(cwd, args, extraEnv);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new UserError('git is not installed or not on PATH. Install git (https://git-scm.com) and try again, or use --no-git with coop new.');
    }
    throw new UserError(`git ${command} failed: ${(error as Error).message}`);
  }
  if (r.code !== 0) {
    const detail = r.stderr.trim() || `git exited with ${r.code === null ? 'a signal' : `code ${r.code}`}`;
    throw new UserError(`git ${command} failed: ${detail}`);
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

/** Like git(), but a non-zero exit gives undefined; only git being unrunnable is an error. */
async function gitMaybe(cwd: string, args: string[]): Promise<string | undefined> {
  let r: GitResult;
  try {
    r = await runGit(cwd, args);
  } catch {
    // Cannot start git at all: let git() say so in its own words.
    return git(cwd, args);
  }
  return r.code === 0 ? r.stdout : undefined;
}

/** True if a git executable can be run. */
export async function gitAvailable(cwd: string): Promise<boolean> {
  return (await ask(cwd, ['--version'])) !== undefined;
}

/** The committer identity git would use, or undefined when none is set: from the config files when they say it for certain (git-identity.ts), else asked of git. */
export async function gitIdentity(cwd: string): Promise<string | undefined> {
  return identityFromFiles(cwd) ?? (await ask(cwd, ['var', 'GIT_COMMITTER_IDENT']))?.replace(/\s+\d+ [+-]\d{4}$/, '');
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

/**
 * Unstages paths, leaving the files as they are. With `indexFile`, works on that copy of the
 * index instead of the repository's own (crash recovery builds the new index aside).
 */
export async function unstagePaths(cwd: string, paths: readonly string[], indexFile?: string): Promise<void> {
  if (paths.length === 0) return;
  const env: Record<string, string> = indexFile ? { GIT_INDEX_FILE: indexFile } : {};
  if ((await resolveHead(cwd)) === null) await git(cwd, ['rm', '-q', '--cached', '--ignore-unmatch', '--', ...paths], env);
  else await git(cwd, ['reset', '-q', '--', ...paths], env);
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

/**
 * After every commit git starts another git, `git maintenance run --auto`, which nearly always
 * finds nothing to do: it packs loose objects once there are thousands of them (gc.auto, 6,700
 * by default), and a change to a group adds about five. coop asks git to skip it unless git's
 * own estimate says it would act: git counts the loose objects in one of the 256 object folders
 * (objects/17) against gc.auto / 256, and its packs against gc.autoPackLimit; coop does the same
 * with a directory read instead of a process. Deterministic, so the same history always gets
 * the same housekeeping; the person's own maintenance settings still decide what is done.
 */
const GC_AUTO_LOOSE = 6_700;
const GC_AUTO_PACKS = 50;

/** True when git's automatic maintenance would find work: many loose objects, or many packs. */
export function maintenanceDue(cwd: string): boolean {
  const objects = join(cwd, '.git', 'objects');
  try {
    const loose = readdirSync(join(objects, '17')).filter((name) => /^[0-9a-f]{38}$/.test(name)).length;
    if (loose > Math.ceil(GC_AUTO_LOOSE / 256)) return true;
  } catch {
    // No such folder: no loose objects there (or no plain .git folder: left to the person).
  }
  try {
    return readdirSync(join(objects, 'pack')).filter((name) => name.endsWith('.pack')).length > GC_AUTO_PACKS;
  } catch {
    return false;
  }
}

/**
 * Commits exactly what is staged; returns the new commit. `maintain: false` skips git's
 * automatic maintenance (a new repository has nothing to maintain); by default it runs only
 * when due, as above.
 */
export async function commit(cwd: string, message: string, options: { maintain?: boolean; all?: boolean } = {}): Promise<string> {
  // all: git first stages what changed in the files it tracks (commit -a).
  await git(cwd, [...commitSettings(cwd, options.maintain), 'commit', '-q', ...(options.all ? ['-a'] : []), '--no-verify', '-m', message]);
  return committedHead(cwd);
}

/** git's settings for a commit: its automatic maintenance only when due (maintenanceDue), unless the caller says. */
function commitSettings(cwd: string, maintain = maintenanceDue(cwd)): string[] {
  return maintain ? [] : ['-c', 'maintenance.auto=false'];
}

/** The commit just made. */
async function committedHead(cwd: string): Promise<string> {
  return headFromFiles(cwd) ?? (await headCommit(cwd)) ?? '';
}

/**
 * Commits these paths as they are in the working tree, staging them in the same git process
 * (`git commit --only`): one process where git add and git commit are two. Undefined, and
 * nothing done, when git cannot commit them so: a path it does not know yet (a file made by a
 * change left uncommitted), or a merge under way (a merge is committed whole); stage them first.
 */
export async function commitOnly(cwd: string, message: string, paths: readonly string[]): Promise<string | undefined> {
  const args = [...commitSettings(cwd), 'commit', '-q', '--no-verify', '-m', message, '--only', '--', ...paths];
  let r: GitResult;
  try {
    r = await runGit(cwd, args);
  } catch {
    // git cannot be started: the two-process way says so in its own words.
    return undefined;
  }
  if (r.code !== 0) {
    if (/did not match any file\(s\) known to git|cannot do a partial commit/.test(r.stderr)) return undefined;
    throw new UserError(`git commit failed: ${r.stderr.trim() || `git exited with ${r.code === null ? 'a signal' : `code ${r.code}`}`}`);
  }
  return committedHead(cwd);
}

/**
 * The commit HEAD points at, or null before the first commit, as resolveHead gives it, but read
 * from the repository's files when they answer for certain: each git process is a process
 * start the command waits for, and a change needs HEAD before it starts and after it commits.
 */
export async function currentHead(cwd: string): Promise<string | null> {
  return headFromFiles(cwd) ?? resolveHead(cwd);
}

const OBJECT_ID = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;

/**
 * HEAD's commit read from `cwd/.git` as git's files backend keeps it: HEAD names a branch
 * (or, detached, a commit); a branch is a loose file under refs/heads/ or, once packed, a line
 * of packed-refs. A linked worktree's .git is a file pointing at its own git folder, whose
 * branches live in the shared one (commondir). Undefined — ask git — for anything else: no
 * commit yet, a reftable repository (its HEAD names the branch ".invalid"), a branch that is a
 * symbolic ref, or an environment that points git elsewhere. Only ever a certain answer: a
 * commit id is never mistaken for another, and "no commit" is left for git to say.
 */
function headFromFiles(cwd: string): string | undefined {
  if (pointsGitElsewhere(process.env, { settings: false })) return undefined;
  try {
    let gitDir = join(cwd, '.git');
    let commonDir = gitDir;
    const st = lstatSync(gitDir);
    if (st.isFile()) {
      const to = /^gitdir: (.+?)\r?\n?$/.exec(readFileSync(gitDir, 'utf8'))?.[1];
      if (!to) return undefined;
      gitDir = resolve(cwd, to);
      commonDir = gitDir;
      try {
        commonDir = resolve(gitDir, readFileSync(join(gitDir, 'commondir'), 'utf8').trim());
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return undefined;
      }
    } else if (!st.isDirectory()) return undefined;
    const head = readFileSync(join(gitDir, 'HEAD'), 'utf8').trim();
    if (OBJECT_ID.test(head)) return head;
    const ref = /^ref: (refs\/heads\/\S+)$/.exec(head)?.[1];
    if (!ref) return undefined;
    try {
      const loose = readFileSync(join(commonDir, ref), 'utf8').trim();
      return OBJECT_ID.test(loose) ? loose : undefined;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return undefined;
    }
    const packed = readFileSync(join(commonDir, 'packed-refs'), 'utf8');
    for (const line of packed.split('\n')) {
      const space = line.indexOf(' ');
      if (line.slice(space + 1).trimEnd() === ref && OBJECT_ID.test(line.slice(0, space))) return line.slice(0, space);
    }
    return undefined;
  } catch {
    return undefined;
  }
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
  // Exit 0: ignored; exit 1: not ignored. git missing is an error, not "not ignored" (which
  // told a person with no git to fix their .gitignore).
  return (await gitMaybe(cwd, ['check-ignore', '-q', '--no-index', '--', path])) !== undefined;
}

/** A file as it was first committed (coop.yml as founded), or undefined when git has no such file. */
export async function firstCommittedVersion(cwd: string, path: string): Promise<string | undefined> {
  // One git process: the commits that added the file, each with its patch, which for an added
  // file is the whole text. Only a patch that reads back in full is taken (its hunk's line count
  // met); else (a binary file, a root commit shown without its patch, an older git) the file is
  // asked for as committed, as before.
  const log = await ask(cwd, ['log', '--diff-filter=A', '--format=%x00%H', '-p', '--no-color', '--no-ext-diff', '--no-textconv', '--', path]);
  if (log === undefined) {
    const hash = (await ask(cwd, ['log', '--diff-filter=A', '--format=%H', '--', path]))?.trim().split('\n').pop();
    return hash ? ask(cwd, ['show', `${hash}:${path}`]) : undefined;
  }
  const oldest = log.split('\0').at(-1);
  const hash = oldest?.slice(0, oldest.indexOf('\n') === -1 ? undefined : oldest.indexOf('\n')).trim();
  if (!oldest || !hash) return undefined;
  return addedText(oldest) ?? ask(cwd, ['show', `${hash}:${path}`]);
}

/** The text of the file a patch adds, as git show gives it (without its last line break), or undefined when the patch does not give it whole. */
function addedText(patch: string): string | undefined {
  const lines = patch.split('\n');
  const at = lines.findIndex((l) => l.startsWith('@@ '));
  const hunk = at === -1 ? null : /^@@ -0,0 \+1(?:,(\d+))? @@/.exec(lines[at]!);
  if (!hunk) return undefined;
  const count = hunk[1] === undefined ? 1 : Number(hunk[1]);
  const body: string[] = [];
  let lastBreak = true;
  for (let i = at + 1; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.startsWith('+') && body.length < count) body.push(l.slice(1));
    else if (l.startsWith('\\') && body.length === count) lastBreak = false;
    else if (l !== '' || i !== lines.length - 1) return undefined;
  }
  if (body.length !== count) return undefined;
  const text = `${body.join('\n')}${lastBreak ? '\n' : ''}`;
  return text.replace(/\r?\n$/, '');
}

/** What `git status` says of the checkout: the branch, how far behind its upstream, and changed paths. */
export interface WorktreeState {
  /** The branch name, or undefined when HEAD is detached (an older commit checked out, a rebase under way). */
  branch: string | undefined;
  /** The upstream branch ("origin/main"), if one is set. */
  upstream: string | undefined;
  /** Commits the upstream has (as last fetched) that HEAD does not. */
  behind: number;
  /** Paths staged for the next commit. */
  staged: string[];
  /** Tracked paths changed in the working tree since they were last staged or committed. */
  edited: string[];
  /** Paths git could not merge, left with conflict markers. */
  unmerged: string[];
  /**
   * Untracked paths git ignores (a folder ignored whole ends in "/"), when asked for with
   * `ignored` (worktreeState's option); empty otherwise.
   */
  ignored: string[];
}

/**
 * The checkout's state in one git process: `git status --porcelain=v2 --branch`, without
 * untracked files and without the optional index refresh (which would take git's index lock).
 */
export async function worktreeState(cwd: string, options: { ignored?: boolean } = {}): Promise<WorktreeState> {
  // With `ignored`, the same process also lists what git ignores (the private store, say), which
  // spares a `git check-ignore` of its own; it needs untracked files listed (git lists ignored
  // ones only then), whose names are not used.
  const untracked = options.ignored ? ['--untracked-files=normal', '--ignored=matching'] : ['--untracked-files=no'];
  const out = await git(cwd, ['--no-optional-locks', 'status', '--porcelain=v2', '--branch', '-z', ...untracked]);
  const state: WorktreeState = { branch: undefined, upstream: undefined, behind: 0, staged: [], edited: [], unmerged: [], ignored: [] };
  const records = out.split('\0');
  for (let i = 0; i < records.length; i++) {
    const r = records[i]!;
    if (r.startsWith('# branch.head ')) {
      const name = r.slice('# branch.head '.length);
      state.branch = name === '(detached)' ? undefined : name;
    } else if (r.startsWith('# branch.upstream ')) state.upstream = r.slice('# branch.upstream '.length);
    else if (r.startsWith('# branch.ab ')) state.behind = Number(/-(\d+)$/.exec(r)?.[1] ?? 0);
    else if (r.startsWith('1 ') || r.startsWith('2 ')) {
      // "1 XY sub mH mI mW hH hI path"; a rename ("2 …") has one more field, and its old path next.
      const fields = r.split(' ');
      const path = fields.slice(r.startsWith('1 ') ? 8 : 9).join(' ');
      const xy = fields[1] ?? '..';
      if (xy[0] !== '.') state.staged.push(path);
      if (xy[1] !== '.') state.edited.push(path);
      if (r.startsWith('2 ')) i += 1;
    } else if (r.startsWith('u ')) state.unmerged.push(r.split(' ').slice(10).join(' '));
    else if (r.startsWith('! ')) state.ignored.push(r.slice(2));
  }
  return state;
}

/**
 * True when the state's ignored list shows git ignores this path: listed itself, or inside a
 * folder listed (git can re-include nothing inside an ignored folder). False says only that it
 * was not listed (a path that does not exist yet never is): ask isIgnored then.
 */
export function listedIgnored(state: WorktreeState, path: string): boolean {
  return state.ignored.some((p) => p === path || (p.endsWith('/') && path.startsWith(p)));
}

/** A file's text as committed at HEAD, or undefined when HEAD does not have it. */
export async function committedText(cwd: string, path: string): Promise<string | undefined> {
  return ask(cwd, ['show', `HEAD:${path}`]);
}

// Sharing with other copies (coop sync): each a single git command, against any remote git
// can reach, a bare repository in a shared folder or on a USB stick included.

/** The remotes this repository knows, by name. */
export async function remoteNames(cwd: string): Promise<string[]> {
  const out = await git(cwd, ['remote']);
  return out.split('\n').filter((name) => name !== '');
}

/** Fetches a remote's branches into refs/remotes/<remote>/. */
export async function fetchRemote(cwd: string, remote: string): Promise<void> {
  await git(cwd, ['fetch', '--quiet', remote]);
}

/** The commit a ref names, or undefined when there is no such ref. */
export async function refCommit(cwd: string, ref: string): Promise<string | undefined> {
  return ask(cwd, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
}

/** Commits reachable from `to` but not from `from`. */
export async function countCommits(cwd: string, from: string, to: string): Promise<number> {
  return Number(await git(cwd, ['rev-list', '--count', `${from}..${to}`]));
}

/** Commits on HEAD. */
export async function countAll(cwd: string): Promise<number> {
  return Number(await git(cwd, ['rev-list', '--count', 'HEAD']));
}

/** Merges a ref into the branch; false (the merge left in progress) when git found conflicts. */
export async function mergeRef(cwd: string, ref: string, message: string): Promise<boolean> {
  const r = await runGit(cwd, ['merge', '--no-edit', '-m', message, ref]);
  if (r.code === 0) return true;
  if ((await ask(cwd, ['rev-parse', '--verify', '--quiet', 'MERGE_HEAD'])) !== undefined) return false;
  throw new UserError(`git merge failed: ${r.stderr.trim() || r.stdout.trim()}`);
}

/** Undoes a merge git stopped in the middle of: everything as it was before it. */
export async function abortMerge(cwd: string): Promise<void> {
  await git(cwd, ['merge', '--abort']);
}

/** Moves the branch and the tracked files back to a commit (untracked and ignored files are left alone). */
export async function resetHard(cwd: string, commit: string): Promise<void> {
  await git(cwd, ['reset', '--quiet', '--hard', commit]);
}

/** Pushes HEAD to a remote branch; false when the remote refused it as not a fast-forward (someone pushed first). */
export async function pushHead(cwd: string, remote: string, branch: string, setUpstream: boolean): Promise<boolean> {
  const r = await runGit(cwd, ['push', '--porcelain', ...(setUpstream ? ['--set-upstream'] : []), remote, `HEAD:refs/heads/${branch}`]);
  if (r.code === 0) return true;
  if (/\[rejected\]|non-fast-forward|fetch first/.test(r.stdout + r.stderr)) return false;
  throw new UserError(`git push failed: ${(r.stderr.trim() || r.stdout.trim()).split('\n').slice(0, 5).join('\n')}`);
}

/** A file's text at a commit, or undefined when the commit does not have it. */
export async function textAt(cwd: string, commit: string, path: string): Promise<string | undefined> {
  return ask(cwd, ['show', `${commit}:${path}`]);
}

/** Paths that differ between two commits. */
export async function changedPaths(cwd: string, from: string, to: string): Promise<string[]> {
  const out = await git(cwd, ['diff', '--name-only', '-z', from, to]);
  return out.split('\0').filter((p) => p !== '');
}

// For coop sync's merge of meeting records (api/sync.ts).

/** The commit two commits last had in common, or undefined when they share no history. */
export async function mergeBase(cwd: string, a: string, b: string): Promise<string | undefined> {
  return ask(cwd, ['merge-base', a, b]);
}

/**
 * Starts a merge of `ref` and stops before committing, so coop can merge some files itself;
 * true when git merged every file, false when some have conflicts. Either way a merge is under
 * way: finish it with commit(), or undo it with abortMerge().
 */
export async function mergeNoCommit(cwd: string, ref: string): Promise<boolean> {
  const r = await runGit(cwd, ['merge', '--no-commit', '--no-ff', ref]);
  if (r.code === 0) return true;
  if ((await ask(cwd, ['rev-parse', '--verify', '--quiet', 'MERGE_HEAD'])) !== undefined) return false;
  throw new UserError(`git merge failed: ${r.stderr.trim() || r.stdout.trim()}`);
}
