// Writing a new group's repository: all of it, or nothing, whatever happens on the way.

import { mkdirSync, readdirSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { CancelledError, UserError } from '../../src/errors.js';
import { startFoundingRepo, writeFoundingRepo } from '../../src/io/found-repo.js';
import { GIT_IDENTITY, git, join, read, tempDir } from '../support/cli.js';

beforeAll(() => {
  Object.assign(process.env, GIT_IDENTITY);
});

const CHANGES = [
  { path: 'coop.yml', content: 'a: 1\n', tracked: true },
  { path: 'documents/notes.md', content: '# Notes\n', tracked: true },
  { path: '.gitignore', content: '/private/\n/.coop/\n', tracked: true },
  { path: 'private/contacts.jsonl', content: '{"member":1,"email":"a@example.org"}\n', tracked: false },
];

describe('writeFoundingRepo', () => {
  it('makes one commit of the tracked files and leaves a clean tree', async () => {
    const parent = tempDir();
    await writeFoundingRepo(join(parent, 'g'), parent, CHANGES, { git: true, message: 'Found G', exists: false });
    expect(readdirSync(parent)).toEqual(['g']);
    expect(await git(join(parent, 'g'), ['log', '--format=%s'])).toBe('Found G');
    expect(await git(join(parent, 'g'), ['status', '--porcelain'])).toBe('');
    expect((await git(join(parent, 'g'), ['ls-files'])).split('\n').sort()).toEqual(['.gitignore', 'coop.yml', 'documents/notes.md']);
    expect(read(join(parent, 'g', 'private', 'contacts.jsonl'))).toContain('a@example.org');
  });

  it('fills an existing empty folder', async () => {
    const parent = tempDir();
    mkdirSync(join(parent, 'g'));
    await writeFoundingRepo(join(parent, 'g'), parent, CHANGES, { git: true, message: 'Found G', exists: true });
    expect(readdirSync(parent)).toEqual(['g']);
    expect(readdirSync(join(parent, 'g')).sort()).toEqual(['.git', '.gitignore', 'coop.yml', 'documents', 'private']);
  });

  it('Ctrl+C while it is being built: nothing is left', async () => {
    const parent = tempDir();
    const writing = writeFoundingRepo(join(parent, 'g'), parent, CHANGES, { git: true, message: 'Found G', exists: false });
    // The signal lands while git is initialising the repository (the first thing awaited).
    setTimeout(() => process.emit('SIGINT', 'SIGINT'), 0);
    await expect(writing).rejects.toBeInstanceOf(CancelledError);
    expect(readdirSync(parent)).toEqual([]);
  });

  it('an error part way: nothing is left', async () => {
    const parent = tempDir();
    const bad = [...CHANGES, { path: '../escape.md', content: 'x', tracked: true }];
    await expect(writeFoundingRepo(join(parent, 'g'), parent, bad, { git: true, message: 'Found G', exists: false })).rejects.toBeInstanceOf(UserError);
    expect(readdirSync(parent)).toEqual([]);
  });

  it('without git: the files and no repository', async () => {
    const parent = tempDir();
    await writeFoundingRepo(join(parent, 'g'), parent, CHANGES, { git: false, message: 'Found G', exists: false });
    expect(readdirSync(join(parent, 'g')).sort()).toEqual(['.gitignore', 'coop.yml', 'documents', 'private']);
  });

  it('started early and abandoned (the answers refused while git init ran): nothing is left', async () => {
    const parent = tempDir();
    const build = startFoundingRepo(join(parent, 'g'), parent, { git: true });
    // The hidden folder exists at once; git init is still running in it.
    expect(readdirSync(parent)).toHaveLength(1);
    await build.abandon();
    expect(readdirSync(parent)).toEqual([]);
  });

  it('Ctrl+C before the files are handed over: finish writes nothing and leaves nothing', async () => {
    const parent = tempDir();
    const listeners = process.listenerCount('SIGINT');
    const build = startFoundingRepo(join(parent, 'g'), parent, { git: true });
    process.emit('SIGINT', 'SIGINT');
    await expect(build.finish(CHANGES, { message: 'Found G', exists: false })).rejects.toBeInstanceOf(CancelledError);
    expect(readdirSync(parent)).toEqual([]);
    // Nothing more to undo, and the signal is no longer caught.
    await build.abandon();
    expect(process.listenerCount('SIGINT')).toBe(listeners);
  });
});
