// A change that fails — full disk, no git, no git identity, a read-only folder, something in
// the way, the person's own staged work — leaves everything exactly as it was and says why.
// Most cases run the BUILT transaction in this process (cheap); a few need a crashed driver.

import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { applyPlan, withWriteLock, type FileChange } from '../../dist/io/transaction.js';
import { git, GIT_IDENTITY, tempDir } from '../support/cli.js';
import { makeReadOnly } from '../support/read-only.js';
import { changeFiles } from './changes.mjs';
import { assertWhole, driver, readText, sleep, txnRepo } from './txn-repo.js';

const recover = (root: string) => withWriteLock(root, async () => undefined);

/** Runs fn with some environment variables set (undefined removes one), then puts them back. */
async function withEnv<T>(vars: Record<string, string | undefined>, fn: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  for (const [k, v] of Object.entries(vars)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  try {
    return await fn();
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

/** Applies change k in this process, as a command would; resolves to the error, if any. */
async function change(root: string, k: number, env: Record<string, string | undefined> = {}, files: FileChange[] = changeFiles(k)): Promise<Error | undefined> {
  return withEnv({ ...GIT_IDENTITY, ...env }, async () => {
    try {
      await withWriteLock(root, () => applyPlan(root, { changes: files, message: `Change ${k}` }, { git: true, commit: true }));
      return undefined;
    } catch (error) {
      return error as Error;
    }
  });
}

/** A folder holding only `node`, for running with git missing from PATH. */
function pathWithoutGit(): string {
  const dir = tempDir('coop-nogit-');
  symlinkSync(process.execPath, join(dir, 'node'));
  return dir;
}

let cases = 0;
afterAll(() => console.log(`transaction failure cases: ${cases}, each left the repository exactly as it was`));

describe('a change that fails part way is undone, and says why', () => {
  const points = ['stage:1', 'journal', 'place:1', 'place:4', 'place:5', 'place:6', 'add', 'commit'];
  it(`a full disk at any of ${points.length} points: undone, said so, and the next change goes through`, async () => {
    const root = await txnRepo();
    let k = 0;
    for (const point of points) {
      const error = await change(root, k + 1, { COOP_TEST_FAIL_AT: point });
      expect(error?.name, point).toBe('UserError');
      expect(error?.message, point).toMatch(/The disk is full.*Nothing was changed/s);
      expect(await assertWhole(root), point).toBe(k);
      expect(existsSync(join(root, '.coop', 'lock')), point).toBe(false);
      expect(await change(root, k + 1), point).toBeUndefined();
      k = await assertWhole(root);
      cases += 1;
    }
    expect(k).toBe(points.length);
  });

  it('a failure after the commit landed leaves the change made, not half undone', async () => {
    const root = await txnRepo();
    expect(await change(root, 1, { COOP_TEST_FAIL_AT: 'finish' })).toBeUndefined();
    expect(await assertWhole(root)).toBe(1);
    cases += 1;
  });

  it('git missing from PATH: a clear message, nothing changed', async () => {
    const root = await txnRepo();
    const error = await change(root, 1, { PATH: pathWithoutGit() });
    expect(error?.message).toMatch(/git is not installed or not on PATH/);
    expect(await assertWhole(root)).toBe(0);
    cases += 1;
  });

  it('no git identity: says how to set one, nothing changed', async () => {
    const root = await txnRepo();
    // useConfigOnly stops git guessing an identity from the machine's name, so this holds everywhere.
    await git(root, ['config', 'user.useConfigOnly', 'true']);
    const home = tempDir('coop-home-');
    const noIdentity = { HOME: home, XDG_CONFIG_HOME: home, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: join(home, 'none'), EMAIL: undefined };
    const unset = Object.fromEntries(Object.keys(GIT_IDENTITY).map((k) => [k, undefined]));
    const error = await change(root, 1, { ...noIdentity, ...unset });
    expect(error?.message).toMatch(/git does not know who you are.*git config --global user\.name/s);
    expect(await assertWhole(root)).toBe(0);
    cases += 1;
  });

  it('staged changes of the person’s own: refused with the reason, and theirs stay staged', async () => {
    const root = await txnRepo();
    writeFileSync(join(root, 'notes.txt'), 'my own notes\n');
    await git(root, ['add', 'notes.txt']);
    const error = await change(root, 1);
    expect(error?.message).toMatch(/You have staged changes of your own \(notes\.txt\).*Nothing was changed/s);
    expect(await git(root, ['diff', '--cached', '--name-only'])).toBe('notes.txt');
    expect(readText(root, 'a.txt')).toMatch(/^change 0\n/);
    expect(await git(root, ['log', '-1', '--format=%s'])).toBe('Change 0');
    cases += 1;
  });

  it('other people’s unstaged edits and new files are never committed', async () => {
    const root = await txnRepo();
    writeFileSync(join(root, 'counter.txt'), 'edited by hand\n');
    writeFileSync(join(root, 'draft.txt'), 'a draft\n');
    expect(await change(root, 1)).toBeUndefined();
    const committed = (await git(root, ['show', '--name-only', '--format=', 'HEAD'])).split('\n').sort();
    expect(committed).toEqual(['a.txt', 'deep/new-1/c.txt', 'docs/b.md', 'log.txt']);
    expect(await git(root, ['status', '--porcelain=v1'])).toBe(' M counter.txt\n?? draft.txt');
    cases += 1;
  });

  it('a file where a folder is needed: says what is in the way, nothing changed', async () => {
    const root = await txnRepo();
    writeFileSync(join(root, 'deep'), 'a file, not a folder\n');
    await git(root, ['add', 'deep']);
    await git(root, ['commit', '-q', '-m', 'Change 0']);
    const error = await change(root, 1);
    expect(error?.message).toMatch(/Something is in the way.*deep.*Nothing was changed/s);
    expect(readText(root, 'deep')).toBe('a file, not a folder\n');
    expect(readText(root, 'a.txt')).toMatch(/^change 0\n/);
    expect(await git(root, ['status', '--porcelain=v1'])).toBe('');
    cases += 1;
  });

  it('a folder that leads outside the group (a symbolic link) is refused; nothing is written outside', async () => {
    const root = await txnRepo();
    const outside = tempDir('coop-outside-');
    symlinkSync(outside, join(root, 'deep'));
    const error = await change(root, 1);
    expect(error?.message).toMatch(/Refusing to write deep\/new-1\/c\.txt: deep leads outside the group's folder/);
    expect(readdirSync(outside)).toEqual([]);
    expect(readText(root, 'a.txt')).toMatch(/^change 0\n/);
    cases += 1;
  });

  const badPaths = ['../escape.txt', '/tmp/escape.txt', 'docs/../../escape.txt', '.git/config', '.coop/lock', 'docs//b.md', './a.txt', '', 'a\\b.txt', 'nul\0.txt'];
  it(`${badPaths.length} paths that could escape the group or touch git's own files are refused before anything is written`, async () => {
    const root = await txnRepo();
    for (const path of badPaths) {
      const error = await change(root, 1, {}, [...changeFiles(1), { path, content: 'x', tracked: true }]);
      expect(error?.message, JSON.stringify(path)).toMatch(/Refusing to write outside the group's folder/);
      expect(await assertWhole(root)).toBe(0);
      cases += 1;
    }
    expect(existsSync(join(root, '..', 'escape.txt'))).toBe(false);
  });
});

describe('a read-only repository', () => {
  it('a read-only folder mid-change: the files already placed are put back, and the message says so', async () => {
    const root = await txnRepo();
    expect(await change(root, 1)).toBeUndefined();
    // Only docs/ is read-only, so a.txt is placed first and must then be put back.
    const ro = makeReadOnly(join(root, 'docs'));
    let error: Error | undefined;
    try {
      if (ro) {
        error = await change(root, 2);
      } else {
        // Neither chmod nor chattr can stop writes here: simulate the same failure honestly.
        error = await change(root, 2, { COOP_TEST_FAIL_AT: 'place:2' });
      }
    } finally {
      ro?.undo();
    }
    console.log(`read-only folder simulated by: ${ro?.how ?? 'COOP_TEST_FAIL_AT (no way to make a folder read-only here)'}`);
    expect(error?.message).toMatch(ro ? /Permission denied while writing.*read-only\?.*Nothing was changed/s : /disk is full/);
    expect(await assertWhole(root)).toBe(1);
    cases += 1;
  });

  it('a wholly read-only repository: the lock cannot be taken, nothing changed', async () => {
    const root = await txnRepo();
    expect(await change(root, 1)).toBeUndefined();
    const ro = makeReadOnly(root);
    let error: Error | undefined;
    try {
      error = ro ? await change(root, 2) : undefined;
    } finally {
      ro?.undo();
    }
    if (ro) {
      expect(error?.message).toMatch(/read-only\?.*Nothing was changed/s);
    } else {
      // Fall back to a .coop that is a file, which stops the lock the same way.
      rmSync(join(root, '.coop'), { recursive: true, force: true });
      writeFileSync(join(root, '.coop'), 'in the way');
      error = await change(root, 2);
      expect(error?.message).toMatch(/Cannot make the folder .*\.coop/);
      rmSync(join(root, '.coop'));
    }
    expect(await assertWhole(root)).toBe(1);
    cases += 1;
  });
});

describe('recovery from a crash', () => {
  it('when the person committed something of their own after the crash, the crashed change is still undone', async () => {
    const root = await txnRepo();
    const r = await driver(['apply', root, '1', '1'], { env: { COOP_TEST_KILL_AT: 'place:3' } });
    expect(r.signal).toBe('SIGKILL');
    await git(root, ['commit', '-q', '--allow-empty', '-m', 'Something of my own']);
    await withEnv(GIT_IDENTITY, () => recover(root));
    expect(readText(root, 'a.txt')).toMatch(/^change 0\n/);
    expect(readText(root, 'docs/b.md')).toBe('# Change 0\n');
    expect(existsSync(join(root, 'deep'))).toBe(false);
    expect(await git(root, ['log', '-1', '--format=%s'])).toBe('Something of my own');
    expect(await git(root, ['status', '--porcelain=v1', '--untracked-files=all'])).toBe('');
    cases += 1;
  });

  it('with git missing, recovery stops with a clear message and keeps its journal; with git back, it finishes', async () => {
    const root = await txnRepo();
    const r = await driver(['apply', root, '1', '1'], { env: { COOP_TEST_KILL_AT: 'adding' } });
    expect(r.signal).toBe('SIGKILL');
    const error = await withEnv({ PATH: pathWithoutGit() }, () =>
      recover(root).then(
        () => undefined,
        (e: Error) => e,
      ),
    );
    expect(error?.message).toMatch(/git is not installed/);
    expect(existsSync(join(root, '.coop', 'txn', 'journal.json'))).toBe(true);
    await recover(root);
    expect(await assertWhole(root)).toBe(0);
    cases += 1;
  });

  it('an unreadable journal is reported, never guessed at', async () => {
    const root = await txnRepo();
    mkdirSync(join(root, '.coop', 'txn'), { recursive: true });
    writeFileSync(join(root, '.coop', 'txn', 'journal.json'), '{"head": "abc", "fi');
    await expect(recover(root)).rejects.toThrow(/journal .* is unreadable/);
    cases += 1;
  });

  it('waits for a git that still holds the index (an orphan of the killed coop), then undoes the change; a late commit finds nothing', async () => {
    const root = await txnRepo();
    // Killed between git add and git commit: the new files are staged.
    const r = await driver(['apply', root, '1', '1'], { env: { COOP_TEST_KILL_AT: 'commit' } });
    expect(r.signal).toBe('SIGKILL');
    expect(await git(root, ['diff', '--cached', '--name-only'])).not.toBe('');
    // Some git holds the index lock, and keeps it fresh.
    const lock = join(root, '.git', 'index.lock');
    writeFileSync(lock, '');
    const keepFresh = setInterval(() => utimesSync(lock, new Date(), new Date()), 100);
    const recovering = recover(root);
    try {
      await sleep(700);
      // Recovery has not touched anything while that git runs.
      expect(existsSync(join(root, '.coop', 'txn', 'journal.json'))).toBe(true);
    } finally {
      clearInterval(keepFresh);
      rmSync(lock, { force: true });
    }
    await recovering;
    expect(await assertWhole(root)).toBe(0);
    // Had the orphan been `git commit`, starting now, it would find nothing to commit.
    await expect(git(root, ['commit', '-q', '-m', 'late orphan commit'])).rejects.toThrow();
    expect(await git(root, ['log', '-1', '--format=%s'])).toBe('Change 0');
    cases += 1;
  });

  it('clears git lock files left by a git killed outright (a power cut)', async () => {
    const root = await txnRepo();
    const r = await driver(['apply', root, '1', '1'], { env: { COOP_TEST_KILL_AT: 'commit' } });
    expect(r.signal).toBe('SIGKILL');
    const old = new Date(Date.now() - 60_000);
    for (const lock of ['.git/index.lock', '.git/refs/heads/main.lock']) {
      writeFileSync(join(root, lock), 'left by a dead git');
      utimesSync(join(root, lock), old, old);
    }
    await recover(root);
    expect(existsSync(join(root, '.git', 'index.lock'))).toBe(false);
    expect(existsSync(join(root, '.git', 'refs', 'heads', 'main.lock'))).toBe(false);
    expect(await assertWhole(root)).toBe(0);
    // And git works again.
    expect(await change(root, 1)).toBeUndefined();
    expect(await assertWhole(root)).toBe(1);
    cases += 1;
  });

  it('Ctrl+C (SIGINT) or SIGTERM during a change finishes it first: whole, with no recovery needed, and the lock released', async () => {
    const root = await txnRepo();
    let k = 0;
    for (const signal of ['SIGTERM', 'SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
      const child = driver(['apply', root, String(k + 1), String(k + 40)]);
      await new Promise<void>((resolve) => child.stdout?.once('data', () => resolve()));
      await sleep(100 + Math.random() * 300);
      child.kill(signal);
      const r = await child;
      expect(r.signal).toBe(signal);
      expect(existsSync(join(root, '.coop', 'txn'))).toBe(false);
      expect(existsSync(join(root, '.coop', 'lock'))).toBe(false);
      k = await assertWhole(root);
      cases += 1;
    }
  });
});

describe('applyPlan', () => {
  it('makes no commit, and does not fail, when every file already holds its new content', async () => {
    const root = await txnRepo();
    expect(await change(root, 1)).toBeUndefined();
    const head = await git(root, ['rev-parse', 'HEAD']);
    // The same whole files again, and empty appends: nothing to write, nothing to commit (git would refuse an empty commit).
    const again = changeFiles(1).map((f) => (f.append ? { ...f, content: '' } : f));
    expect(await change(root, 1, {}, again)).toBeUndefined();
    expect(await git(root, ['rev-parse', 'HEAD'])).toBe(head);
    expect(await assertWhole(root)).toBe(1);
  });

  it('commits only the files whose content changes', async () => {
    const root = await txnRepo();
    const files = changeFiles(1).map((f) => (f.path === 'docs/b.md' ? { ...f, content: '# Change 0\n' } : f));
    expect(await change(root, 1, {}, files)).toBeUndefined();
    expect((await git(root, ['show', '--name-only', '--format=', 'HEAD'])).split('\n').sort()).toEqual(['a.txt', 'deep/new-1/c.txt', 'log.txt']);
  });

  it('appends only to a plain file: through a symbolic link it writes the file whole instead, and nothing outside changes', async () => {
    const root = await txnRepo();
    const outside = join(tempDir('coop-outside-'), 'log.txt');
    writeFileSync(outside, 'change 0\n');
    rmSync(join(root, 'log.txt'));
    symlinkSync(outside, join(root, 'log.txt'));
    await git(root, ['add', '-A']);
    await git(root, ['commit', '-q', '-m', 'Change 0']);
    expect(await change(root, 1)).toBeUndefined();
    expect(readText(root, 'log.txt')).toBe('change 0\nchange 1\n');
    expect(readFileSync(outside, 'utf8')).toBe('change 0\n');
  });

  it('refuses to run without the write lock', async () => {
    const root = await txnRepo();
    await expect(applyPlan(root, { changes: changeFiles(1), message: 'Change 1' }, { git: true, commit: true })).rejects.toThrow(/without the write lock/);
    expect(await assertWhole(root)).toBe(0);
  });
});
