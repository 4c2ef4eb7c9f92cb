// coop.yml as first committed (coop check compares it with today's, to find rules changed
// without an amendment) is read from one `git log -p`: each case's answer must be what
// `git show <oldest commit that added it>:coop.yml` gives, whatever the file's bytes.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { firstCommittedVersion } from '../../src/io/git.js';

interface Case {
  name: string;
  /** The file's text at each commit, in order; null removes it. */
  versions: (string | null)[];
  /** Settings that change how git shows a patch. */
  config?: Record<string, string>;
  /** git gives no patch to read the text from (none for an empty file; none for a binary one): git show is asked as well. */
  shown?: true;
}

const cases: Case[] = [
  { name: 'a plain text, changed after', versions: ['a: 1\nb: 2\n', 'a: 3\n'] },
  { name: 'Windows line ends', versions: ['a: 1\r\nb: 2\r\n'] },
  { name: 'no line break at the end', versions: ['a: 1\nb: 2'] },
  { name: 'a carriage return last, with no line break', versions: ['a: 1\r\nb: 2\r'] },
  { name: 'blank lines at the end', versions: ['a: 1\n\n\n'] },
  { name: 'an empty file', versions: [''], shown: true },
  { name: 'a NUL byte (git calls it binary)', versions: ['x\0y\n'], shown: true },
  { name: 'lines that look like a patch’s own', versions: ['+++ b/coop.yml\n@@ -0,0 +1 @@\n\\ No newline at end of file\n-x\n'] },
  { name: 'removed, then added again: the first adding counts', versions: ['first\n', null, 'second\n'] },
  { name: 'accented letters', versions: ['name: Siân Ó Briain\n'] },
  {
    name: 'colour, no prefixes and an external diff set in the repository',
    versions: ['a: 1\n'],
    config: { 'color.ui': 'always', 'diff.noprefix': 'true', 'diff.external': 'false' },
  },
];

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function git(dir: string, ...args: string[]): string {
  const r = spawnSync('git', args, { cwd: dir, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

function repo(c: Case): string {
  const dir = mkdtempSync(join(tmpdir(), 'coop-first-version-'));
  dirs.push(dir);
  git(dir, 'init', '-q');
  git(dir, 'config', 'user.name', 'Ann Example');
  git(dir, 'config', 'user.email', 'ann@example.org');
  c.versions.forEach((text, i) => {
    if (text === null) git(dir, 'rm', '-q', 'coop.yml');
    else {
      writeFileSync(join(dir, 'coop.yml'), text);
      git(dir, 'add', 'coop.yml');
    }
    git(dir, 'commit', '-q', '-m', `version ${i + 1}`);
  });
  for (const [key, value] of Object.entries(c.config ?? {})) git(dir, 'config', key, value);
  return dir;
}

/** What `run` gives, and how many git processes it started (from git's trace2 event stream). */
async function traced<T>(run: () => Promise<T>): Promise<{ value: T; processes: number }> {
  const trace = join(mkdtempSync(join(tmpdir(), 'coop-first-version-trace-')), 'trace.json');
  dirs.push(join(trace, '..'));
  process.env.GIT_TRACE2_EVENT = trace;
  try {
    const value = await run();
    return {
      value,
      processes: readFileSync(trace, 'utf8')
        .split('\n')
        .filter((l) => l.includes('"event":"start"')).length,
    };
  } finally {
    delete process.env.GIT_TRACE2_EVENT;
  }
}

describe('the first committed version of a file', () => {
  it.each(cases)('is what git show gives of its oldest adding: $name', async (c) => {
    const dir = repo(c);
    const oldest = git(dir, 'log', '--diff-filter=A', '--format=%H', '--', 'coop.yml').trim().split('\n').pop()!;
    const shown = spawnSync('git', ['show', `${oldest}:coop.yml`], { cwd: dir })
      .stdout.toString('utf8')
      .replace(/\r?\n$/, '');
    const first = c.versions.find((v) => v !== null)!;
    // git show's text is the file's, without its last line break.
    expect(shown).toBe(first.replace(/\r?\n$/, ''));
    expect(await traced(() => firstCommittedVersion(dir, 'coop.yml'))).toEqual({ value: shown, processes: c.shown ? 2 : 1 });
  });

  it('is none when git never had the file', async () => {
    const dir = repo({ name: 'other', versions: [] });
    writeFileSync(join(dir, 'other.txt'), 'x\n');
    git(dir, 'add', 'other.txt');
    git(dir, 'commit', '-q', '-m', 'other');
    expect(await firstCommittedVersion(dir, 'coop.yml')).toBeUndefined();
  });
});
