// The hostile-input suite's machinery: run the BUILT coop in this process (hundreds of cases
// would spend minutes just starting Node), snapshot a group before and after, and compare.
// A handful of cases also run through the real bin (hostile-bin.test.ts) so that exit codes
// are checked across a real process boundary too.
//
// A snapshot holds every file's content hash (the private store included, coop's own .coop/
// working folder excluded but for its lock and journal), every folder, HEAD and every ref, and
// git's index; "nothing changed" means all of those are equal.

import { createHash } from 'node:crypto';
import { cpSync, existsSync, lstatSync, readdirSync, readFileSync, readlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { execa } from 'execa';
import { expect } from 'vitest';
import { run } from '../../dist/cli.js';
import { GIT_IDENTITY, tempDir } from '../support/cli.js';

export interface Outcome {
  exitCode: number;
  stdout: string;
  stderr: string;
}

const ANSI = /\u001b\[[0-9;]*m/g;

/**
 * Runs `coop args…` in this process with cwd and environment as given, capturing its output.
 * The folder and the output are the run's own (its context); the environment is set on the
 * process too, for the git that coop starts inherits it. Runs are one at a time (the suite's
 * files run in separate processes), since the process's environment is shared.
 */
export async function runCoop(args: string[], cwd: string, env: Record<string, string | undefined> = {}): Promise<Outcome> {
  const vars: Record<string, string | undefined> = { ...GIT_IDENTITY, TZ: 'Europe/London', NO_COLOR: '1', FORCE_COLOR: undefined, COOP_LOCK_TIMEOUT_MS: '20000', ...env };
  const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  const out: string[] = [];
  const err: string[] = [];
  for (const [k, v] of Object.entries(vars)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  let exitCode: number;
  try {
    exitCode = await run(args, {
      cwd,
      env: { ...process.env },
      stdout: { write: (text: string) => out.push(text) },
      stderr: { write: (text: string) => err.push(text) },
      stdin: { isTTY: false },
    });
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
  return { exitCode, stdout: out.join('').replace(ANSI, ''), stderr: err.join('').replace(ANSI, '') };
}

export interface Snapshot {
  /** Relative path → content hash ("dir" for folders, "link:<target>" for links). */
  entries: Map<string, string>;
  /** HEAD and every ref, as text. */
  refs: string;
  index: Buffer | undefined;
}

const hash = (data: Buffer | string) => createHash('sha1').update(data).digest('hex');

function walk(root: string, dir: string, skip: (rel: string) => boolean, into: Map<string, string>): void {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const rel = relative(root, path);
    if (skip(rel)) continue;
    const st = lstatSync(path);
    if (st.isSymbolicLink()) into.set(rel, `link:${readlinkSync(path)}`);
    else if (st.isDirectory()) {
      into.set(rel, 'dir');
      walk(root, path, skip, into);
    } else into.set(rel, hash(readFileSync(path)));
  }
}

export function snapshot(root: string): Snapshot {
  const entries = new Map<string, string>();
  // coop's working folder may appear (it holds the lock while coop runs), but no lock or
  // journal may be left in it, or taken from it, by a command that changed nothing.
  if (existsSync(root)) walk(root, root, (rel) => rel === '.git' || (rel.startsWith('.coop/') && !/^\.coop\/(lock|txn)(\/|$)/.test(rel)), entries);
  entries.delete('.coop');
  const refs = new Map<string, string>();
  const gitDir = join(root, '.git');
  if (existsSync(gitDir)) {
    refs.set('HEAD', readFileSync(join(gitDir, 'HEAD'), 'utf8'));
    if (existsSync(join(gitDir, 'packed-refs'))) refs.set('packed-refs', readFileSync(join(gitDir, 'packed-refs'), 'utf8'));
    walk(gitDir, join(gitDir, 'refs'), () => false, refs);
  }
  const indexPath = join(gitDir, 'index');
  return {
    entries,
    refs: [...refs]
      .sort()
      .map(([k, v]) => `${k}=${v}`)
      .join('\n'),
    index: existsSync(indexPath) ? readFileSync(indexPath) : undefined,
  };
}

/** What git's index holds, as text: a refreshed index can differ in bytes and not in meaning. */
async function indexListing(root: string, index: Buffer | undefined): Promise<string> {
  if (!index) return '';
  const file = join(tempDir('coop-index-'), 'index');
  writeFileSync(file, index);
  const r = await execa('git', ['ls-files', '-s'], { cwd: root, env: { GIT_INDEX_FILE: file, LC_ALL: 'C' } });
  return r.stdout;
}

/** Asserts that nothing in the group changed between two snapshots (a lock or journal left behind included). */
export async function expectUnchanged(root: string, before: Snapshot, label: string): Promise<void> {
  const after = snapshot(root);
  const changed: string[] = [];
  for (const [path, h] of before.entries) if (after.entries.get(path) !== h) changed.push(after.entries.has(path) ? `changed ${path}` : `removed ${path}`);
  for (const path of after.entries.keys()) if (!before.entries.has(path)) changed.push(`added ${path}`);
  expect(changed, `${label}: files changed`).toEqual([]);
  expect(after.refs, `${label}: git history changed`).toBe(before.refs);
  if (!(before.index && after.index && before.index.equals(after.index)) && before.index !== after.index) {
    expect(await indexListing(root, after.index), `${label}: git index changed`).toBe(await indexListing(root, before.index));
  }
}

/** A fresh copy of a template group, for one case to spoil as it likes. */
export function copyGroup(template: string): string {
  const dir = join(tempDir('coop-hostile-'), 'group');
  // Times kept, so coop's caches in the template (keyed on file times) hold for the copy too.
  cpSync(template, dir, { recursive: true, preserveTimestamps: true });
  return dir;
}
