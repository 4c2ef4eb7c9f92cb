// src/io/git.ts against a real temporary repository: answers, output and failures as its
// callers (the transaction, coop new) rely on them.

import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { addPaths, commit, gitAvailable, gitIdentity, headCommit, initRepo, isInsideRepo, repoRoot, stagedPaths, trackedFiles, unstagePaths } from '../../src/io/git.js';
import { GIT_IDENTITY, join, tempDir } from '../support/cli.js';

describe('git', () => {
  it('makes a repository, stages, unstages and commits, answering without trailing newlines', async () => {
    Object.assign(process.env, GIT_IDENTITY);
    const dir = tempDir();
    expect(await gitAvailable(dir)).toBe(true);
    expect(await isInsideRepo(dir)).toBe(false);
    expect(await repoRoot(dir)).toBeUndefined();
    await initRepo(dir);
    expect(await isInsideRepo(dir)).toBe(true);
    expect(await repoRoot(dir)).toMatch(/\S$/);
    expect(await headCommit(dir)).toBeNull();
    expect(await gitIdentity(dir)).toBe('Test Secretary <secretary@example.org>');

    writeFileSync(join(dir, 'a.txt'), 'a\n');
    writeFileSync(join(dir, 'b c.txt'), 'b\n');
    await addPaths(dir, ['a.txt', 'b c.txt']);
    expect((await stagedPaths(dir)).sort()).toEqual(['a.txt', 'b c.txt']);
    await unstagePaths(dir, ['b c.txt']);
    expect(await stagedPaths(dir)).toEqual(['a.txt']);

    const hash = await commit(dir, 'First');
    expect(hash).toMatch(/^[0-9a-f]{40}$/);
    expect(await headCommit(dir)).toBe(hash);
    expect(await trackedFiles(dir)).toEqual(['a.txt']);
  });

  it('turns a failing git command into a UserError naming the command and git’s own words', async () => {
    const dir = tempDir();
    await initRepo(dir);
    const failure = commit(dir, 'Nothing staged');
    await expect(failure).rejects.toBeInstanceOf(UserError);
    await expect(commit(dir, 'Nothing staged')).rejects.toThrow(/^git commit failed: /);
    await expect(addPaths(dir, ['no-such-file'])).rejects.toThrow(/git add failed: .*no-such-file/);
  });
});
