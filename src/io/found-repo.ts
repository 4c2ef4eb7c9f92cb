// Writes a new group's repository all at once. Everything is built in a hidden folder beside
// the target (same disk, so the last step is a rename): files written, git initialised, one
// commit made through the same journaled applier every command uses. Only then does the
// folder appear under its name. A crash, an error or Ctrl+C before that leaves nothing.

import { mkdtempSync, readdirSync, renameSync, rmSync, rmdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { CancelledError } from '../errors.js';
import { initRepo } from './git.js';
import { COOP_DIR } from './lock.js';
import { applyPlan, withWriteLock, type FileChange } from './transaction.js';

export interface FoundRepoOptions {
  git: boolean;
  message: string;
  /** True when the target exists (empty); its contents are moved in rather than the folder renamed. */
  exists: boolean;
}

export async function writeFoundingRepo(target: string, parent: string, changes: FileChange[], options: FoundRepoOptions): Promise<void> {
  const signals = watchSignals();
  const build = mkdtempSync(join(parent, `.${basename(target)}.coop-new-`));
  let placed = false;
  try {
    if (options.git) await initRepo(build);
    await withWriteLock(build, () => applyPlan(build, { changes, message: options.message }, { git: options.git, commit: options.git }));
    // The lock and journal folder is git-ignored working space; a new group starts without it.
    rmSync(join(build, COOP_DIR), { recursive: true, force: true });
    if (signals.received()) throw new CancelledError();
    if (options.exists) moveContents(build, target);
    else renameSync(build, target);
    placed = true;
  } catch (error) {
    if (signals.received()) throw new CancelledError();
    throw error;
  } finally {
    if (!placed) rmSync(build, { recursive: true, force: true });
    signals.stop();
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
