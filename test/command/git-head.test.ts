// currentHead reads HEAD's commit from the repository's files to save a git process per
// question; it must agree with git in every layout it answers for, and leave to git what it
// cannot answer for certain.

import { writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { commit, currentHead, headCommit, initRepo, addPaths } from '../../src/io/git.js';
import { GIT_IDENTITY, git, join, tempDir } from '../support/cli.js';

Object.assign(process.env, GIT_IDENTITY);

async function repoWithCommits(n: number, init: string[] = ['init', '-q', '-b', 'main']): Promise<{ dir: string; hashes: string[] }> {
  const dir = tempDir();
  await git(dir, init);
  const hashes: string[] = [];
  for (let i = 1; i <= n; i++) {
    writeFileSync(join(dir, 'a.txt'), `${i}\n`);
    await addPaths(dir, ['a.txt']);
    hashes.push(await commit(dir, `Change ${i}`));
  }
  return { dir, hashes };
}

const asGit = async (dir: string) => (await git(dir, ['rev-parse', '--verify', '-q', 'HEAD'])).trim();

describe('currentHead', () => {
  afterEach(() => {
    delete process.env.GIT_DIR;
  });

  it('is null before the first commit, and each commit after it', async () => {
    const dir = tempDir();
    await initRepo(dir);
    expect(await currentHead(dir)).toBeNull();
    writeFileSync(join(dir, 'a.txt'), 'a\n');
    await addPaths(dir, ['a.txt']);
    const made = await commit(dir, 'First');
    expect(made).toBe(await asGit(dir));
    expect(await currentHead(dir)).toBe(made);
    expect(await headCommit(dir)).toBe(made);
  });

  it('finds a branch once git has packed its refs (no loose file left)', async () => {
    const { dir, hashes } = await repoWithCommits(2);
    await git(dir, ['pack-refs', '--all']);
    expect(await currentHead(dir)).toBe(hashes[1]);
    // A later commit writes a loose ref again, which wins over the packed one.
    writeFileSync(join(dir, 'a.txt'), 'later\n');
    await addPaths(dir, ['a.txt']);
    const made = await commit(dir, 'Later');
    expect(made).toBe(await asGit(dir));
    expect(await currentHead(dir)).toBe(made);
  });

  it('follows a detached HEAD, and a branch whose name has a slash', async () => {
    const { dir, hashes } = await repoWithCommits(2);
    await git(dir, ['checkout', '-q', '--detach', hashes[0]!]);
    expect(await currentHead(dir)).toBe(hashes[0]);
    await git(dir, ['checkout', '-q', '-b', 'feature/minutes']);
    writeFileSync(join(dir, 'a.txt'), 'on a branch\n');
    await addPaths(dir, ['a.txt']);
    const made = await commit(dir, 'On a branch');
    expect(made).toBe(await asGit(dir));
    expect(await currentHead(dir)).toBe(made);
  });

  it('works in a linked worktree, whose .git is a file', async () => {
    const { dir, hashes } = await repoWithCommits(1);
    const other = join(tempDir(), 'wt');
    await git(dir, ['worktree', 'add', '-q', '-b', 'side', other]);
    expect(await currentHead(other)).toBe(hashes[0]);
    writeFileSync(join(other, 'a.txt'), 'in the worktree\n');
    await addPaths(other, ['a.txt']);
    const made = await commit(other, 'In the worktree');
    expect(made).toBe(await asGit(other));
    expect(await currentHead(other)).toBe(made);
    expect(await currentHead(dir)).toBe(hashes[0]);
  });

  it('works in a repository with SHA-256 object names', async () => {
    const { dir, hashes } = await repoWithCommits(1, ['init', '-q', '-b', 'main', '--object-format=sha256']);
    expect(hashes[0]).toMatch(/^[0-9a-f]{64}$/);
    expect(await currentHead(dir)).toBe(await asGit(dir));
  });

  it('asks git when the files do not answer for certain', async () => {
    const { dir, hashes } = await repoWithCommits(1);
    // A branch that is a symbolic ref to another: git follows it.
    await git(dir, ['symbolic-ref', 'refs/heads/alias', 'refs/heads/main']);
    await git(dir, ['symbolic-ref', 'HEAD', 'refs/heads/alias']);
    expect(await currentHead(dir)).toBe(hashes[0]);
    // GIT_DIR pointing elsewhere is git's to resolve, not ours.
    const { dir: elsewhere, hashes: theirs } = await repoWithCommits(1);
    process.env.GIT_DIR = join(elsewhere, '.git');
    expect(await currentHead(dir)).toBe(theirs[0]);
  });
});

describe('commit and git’s automatic maintenance', () => {
  /** A repository whose git maintenance packs the loose objects after any commit it follows. */
  async function eagerRepo(): Promise<string> {
    const { dir } = await repoWithCommits(0);
    for (const [key, value] of [
      ['maintenance.gc.enabled', 'false'],
      ['maintenance.loose-objects.enabled', 'true'],
      ['maintenance.loose-objects.auto', '1'],
      ['maintenance.autoDetach', 'false'],
    ]) {
      await git(dir, ['config', key!, value!]);
    }
    return dir;
  }
  const packs = async (dir: string) => Number(/^packs: (\d+)$/m.exec(await git(dir, ['count-objects', '-v']))?.[1]);

  it('runs when asked to, with the person’s own settings, and is skipped when not', async () => {
    const dir = await eagerRepo();
    writeFileSync(join(dir, 'a.txt'), 'one\n');
    await addPaths(dir, ['a.txt']);
    await commit(dir, 'Skipped', { maintain: false });
    expect(await packs(dir)).toBe(0);
    writeFileSync(join(dir, 'a.txt'), 'two\n');
    await addPaths(dir, ['a.txt']);
    await commit(dir, 'Maintained', { maintain: true });
    expect(await packs(dir)).toBe(1);
  });

  it('still names the command when it fails', async () => {
    const dir = await eagerRepo();
    await expect(commit(dir, 'Nothing staged', { maintain: false })).rejects.toThrow(/^git commit failed: /);
    await expect(commit(dir, 'Nothing staged', { maintain: true })).rejects.toThrow(/^git commit failed: /);
  });
});
