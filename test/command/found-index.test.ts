// coop new stages a new group's files itself (src/io/found-index.ts: an index of files to be
// added, then git commit -a) instead of running git add: the repository it leaves must be the
// one git add and git commit would have made, whatever the person's git settings, and where it
// cannot promise that it must leave the staging to git.

import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { stageFoundingFiles } from '../../src/io/found-index.js';
import { writeFoundingRepo } from '../../src/io/found-repo.js';
import { GIT_IDENTITY, git, join, tempDir } from '../support/cli.js';

beforeAll(() => {
  Object.assign(process.env, GIT_IDENTITY);
});

const saved = { ...process.env };
afterEach(() => {
  for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name];
  Object.assign(process.env, saved);
});

const CHANGES = [
  { path: 'coop.yml', content: 'a: 1\n', tracked: true },
  { path: 'RULES.md', content: '# Rules\n\nThe group’s rules.\n', tracked: true },
  { path: 'documents/notes.md', content: '# Notes\n', tracked: true },
  // The same bytes as another file: one blob for both.
  { path: 'documents/registration/copy.md', content: '# Notes\n', tracked: true },
  { path: 'register/ledger.jsonl', content: new TextEncoder().encode('{"type":"found"}\n'), tracked: true },
  { path: '.gitignore', content: '/private/\n/.coop/\n', tracked: true },
  { path: 'private/contacts.jsonl', content: '{"member":1,"email":"a@example.org"}\n', tracked: false },
];

/** The tree and index git add -A makes of the same files, in a copy without the repository. */
async function treeByGitAdd(group: string): Promise<{ tree: string; staged: string }> {
  const copy = join(tempDir(), 'copy');
  cpSync(group, copy, { recursive: true });
  rmSync(join(copy, '.git'), { recursive: true, force: true });
  await git(copy, ['init', '-q']);
  await git(copy, ['add', '-A']);
  return { tree: await git(copy, ['write-tree']), staged: await git(copy, ['ls-files', '-s']) };
}

describe('coop new stages its files without git add', () => {
  it('commits the tree git add would, leaves the index git would, and a clean, sound repository', async () => {
    const parent = tempDir();
    const g = join(parent, 'g');
    await writeFoundingRepo(g, parent, CHANGES, { git: true, message: 'Found G', exists: false });
    const byGit = await treeByGitAdd(g);
    expect(await git(g, ['rev-parse', 'HEAD^{tree}'])).toBe(byGit.tree);
    expect(await git(g, ['ls-files', '-s'])).toBe(byGit.staged);
    expect(await git(g, ['status', '--porcelain', '--ignored'])).toBe('!! private/');
    expect(await git(g, ['fsck', '--strict'])).toBe('');
    // git commit -a added the files: the index now carries their blobs and stat data.
    expect(await git(g, ['ls-files', '--debug', 'coop.yml'])).toMatch(/size: 5\b/);
  });

  it('writes an index git reads as every file to be added, and git commit -a adds each as git add would', async () => {
    const dir = tempDir();
    await git(dir, ['init', '-q']);
    const tracked = CHANGES.filter((c) => c.tracked);
    for (const c of tracked) {
      mkdirSync(join(dir, c.path, '..'), { recursive: true });
      writeFileSync(join(dir, c.path), c.content);
    }
    expect(stageFoundingFiles(dir, tracked)).toBe(true);
    const paths = tracked.map((c) => c.path).sort();
    expect((await git(dir, ['ls-files'])).split('\n')).toEqual(paths);
    // " A": intent to add (git add -N), the content not yet staged.
    expect((await git(dir, ['status', '--porcelain', '--untracked-files=no'])).split('\n')).toEqual(paths.map((p) => ` A ${p}`));
    await git(dir, ['commit', '-q', '-a', '-m', 'Found']);
    for (const c of tracked) expect(await git(dir, ['rev-parse', `HEAD:${c.path}`])).toBe(await git(dir, ['hash-object', c.path]));
    expect(await git(dir, ['status', '--porcelain', '--untracked-files=no'])).toBe('');
  });

  it('a clean filter in the person’s git settings: the commit holds the bytes git makes of the files', async () => {
    const config = tempDir();
    mkdirSync(join(config, 'git'));
    writeFileSync(join(config, 'git', 'config'), '[filter "upper"]\n\tclean = tr a-z A-Z\n\tsmudge = cat\n');
    writeFileSync(join(config, 'git', 'attributes'), '*.md filter=upper\n');
    process.env.XDG_CONFIG_HOME = config;
    const parent = tempDir();
    const g = join(parent, 'g');
    await writeFoundingRepo(g, parent, CHANGES, { git: true, message: 'Found G', exists: false });
    expect(await git(g, ['show', 'HEAD:RULES.md'])).toBe('# RULES\n\nTHE GROUP’S RULES.');
    expect(await git(g, ['show', 'HEAD:coop.yml'])).toBe('a: 1');
    const env = { ...GIT_IDENTITY, XDG_CONFIG_HOME: config };
    const { execa } = await import('execa');
    expect((await execa('git', ['status', '--porcelain'], { cwd: g, env })).stdout).toBe('');
  });

  it('leaves the staging to git where git would look elsewhere, or the repository is not SHA-1', async () => {
    const dir = tempDir();
    await git(dir, ['init', '-q']);
    writeFileSync(join(dir, 'coop.yml'), 'a: 1\n');
    process.env.GIT_INDEX_FILE = join(dir, 'other-index');
    expect(stageFoundingFiles(dir, [{ path: 'coop.yml' }])).toBe(false);
    delete process.env.GIT_INDEX_FILE;
    expect(existsSync(join(dir, '.git', 'index'))).toBe(false);

    const sha256 = tempDir();
    await git(sha256, ['init', '-q', '--object-format=sha256']);
    expect(stageFoundingFiles(sha256, [{ path: 'coop.yml' }])).toBe(false);
    expect(existsSync(join(sha256, '.git', 'index'))).toBe(false);

    // And the founding still commits, through git add.
    const parent = tempDir();
    process.env.GIT_DEFAULT_HASH = 'sha256';
    await writeFoundingRepo(join(parent, 'g'), parent, CHANGES, { git: true, message: 'Found G', exists: false });
    expect(await git(join(parent, 'g'), ['rev-parse', '--show-object-format'])).toBe('sha256');
    expect(await git(join(parent, 'g'), ['status', '--porcelain'])).toBe('');
    expect((await git(join(parent, 'g'), ['ls-files'])).split('\n')).toHaveLength(6);
  });
});
