// Writes a new group's repository all at once. Everything is built in a hidden folder beside
// the target (same disk, so the last step is a rename): files written, git initialised, one
// commit made. Only then does the folder appear under its name. A crash, an error or Ctrl+C
// before that leaves nothing.
//
// The build does not go through the journaled applier (transaction.ts) that every later change
// uses: its lock, journal, backups and file-by-file flushes are there to undo a change to a
// group people already rely on, and cost more than git's own work here. Nobody else can see
// this folder, and undoing means deleting it. What the applier guarantees still holds: paths
// are checked, a full disk is explained, and every file is on disk before the folder takes its
// name — flushed all at once, while git commits.

import { mkdirSync, mkdtempSync, promises as fsp, readdirSync, renameSync, rmSync, rmdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { CancelledError, InternalError } from '../errors.js';
import { addPaths, commit, initRepo } from './git.js';
import { stageFoundingFiles } from './found-index.js';
import { checkPath } from './plan-paths.js';
import { refuseContactLeaks } from './contact-guard.js';
import { loadFaults, type Faults } from './test-faults.js';
import { explainWriteError, type FileChange } from './transaction.js';

export interface FoundRepoOptions {
  git: boolean;
  message: string;
  /** True when the target exists (empty); its contents are moved in rather than the folder renamed. */
  exists: boolean;
}

/**
 * A new group's repository being built in its hidden folder. Started as soon as the folder is
 * known, git init runs in its own process while coop new checks the answers and renders the
 * documents; then finish() writes and commits everything and gives the folder its name. Until
 * finish() succeeds, nothing has its name, and any failure, a refusal (abandon()) or Ctrl+C
 * leaves nothing.
 */
export interface FoundingBuild {
  finish(changes: FileChange[], options: Omit<FoundRepoOptions, 'git'>): Promise<void>;
  /** The founding does not go ahead: removes the hidden folder. Nothing to do after finish(). */
  abandon(): Promise<void>;
}

export async function writeFoundingRepo(target: string, parent: string, changes: FileChange[], options: FoundRepoOptions): Promise<void> {
  await startFoundingRepo(target, parent, { git: options.git }).finish(changes, options);
}

export function startFoundingRepo(target: string, parent: string, options: { git: boolean }): FoundingBuild {
  const signals = watchSignals();
  let build: string;
  try {
    sweepAbandonedBuilds(parent);
    // The pid in the name lets a later coop new tell an abandoned build (its process gone) from a live one.
    build = mkdtempSync(join(parent, `.${basename(target)}.coop-new-${process.pid}-`));
  } catch (error) {
    signals.stop();
    throw error;
  }
  // git init touches only .git, so it can run while the files are still to be made; its
  // failure is met where it is awaited (buildRepo), or ignored when the founding is abandoned.
  const init = options.git ? initRepo(build) : Promise.resolve();
  init.catch(() => undefined);
  let ended = false;
  const end = async (placed: boolean): Promise<void> => {
    ended = true;
    // Never remove the folder while git may still be writing into it.
    if (!placed) await init.catch(() => undefined);
    if (!placed) rmSync(build, { recursive: true, force: true });
    signals.stop();
  };
  return {
    async finish(changes, { message, exists }) {
      let placed = false;
      try {
        if (signals.received()) throw new CancelledError();
        // Founders' contact details are among the changes (the new private store): none may be committed.
        refuseContactLeaks(undefined, changes);
        await buildRepo(build, changes, init, { git: options.git, message }, loadFaults());
        if (signals.received()) throw new CancelledError();
        if (exists) moveContents(build, target);
        else renameSync(build, target);
        placed = true;
      } catch (error) {
        if (signals.received()) throw new CancelledError();
        throw error;
      } finally {
        await end(placed);
      }
    },
    async abandon() {
      if (!ended) await end(false);
    },
  };
}

/** Writes the files into the (new, private) build folder, where git init was started, and commits them. */
async function buildRepo(dir: string, changes: FileChange[], init: Promise<void>, options: { git: boolean; message: string }, faults: Faults): Promise<void> {
  const written: string[] = [];
  const dirs = new Set<string>([dir]);
  try {
    const seen = new Set<string>();
    changes.forEach((change, i) => {
      faults.at(`stage:${i + 1}`);
      checkPath(change.path);
      if (seen.has(change.path)) throw new InternalError(`the plan writes ${change.path} twice.`);
      seen.add(change.path);
      const file = join(dir, change.path);
      for (let d = dirname(file); !dirs.has(d); d = dirname(d)) dirs.add(d);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, change.content, { flag: 'wx', mode: 0o644 });
      written.push(file);
    });
  } catch (error) {
    // Never leave git writing into a folder that is about to be removed.
    await init.catch(() => undefined);
    throw explainWriteError(error);
  }
  // Every file and folder is flushed while git works. The folders' entries are all made by now
  // (the top folder's .git as soon as git init has run), and git adds none outside .git.
  const folders = [...dirs].filter((d) => d !== dir).map(flushFolder);
  const flushing = Promise.all([
    ...written.map(flush),
    ...folders,
    init.then(
      () => flushFolder(dir),
      () => undefined,
    ),
  ]);
  // Awaited below; until then a failure must not count as unhandled.
  flushing.catch(() => undefined);
  try {
    await init;
    if (options.git) {
      faults.at('add');
      const tracked = changes.filter((c) => c.tracked);
      // Staged here, without a git process, where coop can write what git add would (found-index.ts).
      const staged = stageFoundingFiles(dir, tracked);
      if (!staged) {
        await addPaths(
          dir,
          tracked.map((c) => c.path),
        );
      }
      faults.at('commit');
      // A repository of a few dozen objects has nothing for git's maintenance to do.
      await commit(dir, options.message, { maintain: false, all: staged });
    }
    await flushing;
  } catch (error) {
    await flushing.catch(() => undefined);
    throw explainWriteError(error);
  }
}

/** Like fsyncDir (atomic.ts), in the background: some file systems cannot open a folder for syncing; the rename is still atomic. */
async function flushFolder(dir: string): Promise<void> {
  await flush(dir).catch(() => undefined);
}

async function flush(file: string): Promise<void> {
  const handle = await fsp.open(file, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * A coop new killed outright (kill -9, a power cut) leaves its hidden build folder behind, with
 * the founders' private contact details in it. The next coop new in the same place removes
 * those whose process is gone.
 */
function sweepAbandonedBuilds(parent: string): void {
  let entries: string[];
  try {
    entries = readdirSync(parent);
  } catch {
    return;
  }
  for (const entry of entries) {
    const pid = /^\..+\.coop-new-(\d+)-[A-Za-z0-9]{6}$/.exec(entry)?.[1];
    if (pid && !isRunning(Number(pid))) rmSync(join(parent, entry), { recursive: true, force: true });
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Into an existing empty folder (perhaps the one the person is standing in): entry by entry, undone on failure. */
function moveContents(from: string, to: string): void {
  const moved: string[] = [];
  try {
    for (const entry of readdirSync(from)) {
      renameSync(join(from, entry), join(to, entry));
      moved.push(entry);
    }
    rmdirSync(from);
  } catch (error) {
    for (const entry of moved) rmSync(join(to, entry), { recursive: true, force: true });
    throw error;
  }
}

/**
 * Ctrl+C while the repository is being built: remember it, let the current step finish, then
 * throw it all away. (Without a listener Node would exit at once and leave the build folder.)
 */
function watchSignals(): { received(): boolean; stop(): void } {
  let got = false;
  const on = () => {
    got = true;
  };
  const names: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  for (const s of names) process.on(s, on);
  return {
    received: () => got,
    stop: () => {
      for (const s of names) process.off(s, on);
    },
  };
}
