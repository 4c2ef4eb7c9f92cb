// The folder a new group goes in: it may be new, or exist and be empty; anything else is
// refused before a question is asked, so nobody answers twenty questions to hear "no".

import { readdirSync, statSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { UsageError, UserError } from '../../errors.js';

export interface Target {
  /** Absolute path of the group's folder. */
  path: string;
  /** Its parent, which must exist: the group is built beside it, then moved in. */
  parent: string;
  /** The folder's own name, for the default group name. */
  name: string;
  /** True when the folder already exists (and is empty). */
  exists: boolean;
}

export function checkTargetName(dir: string): void {
  if (dir.trim() === '') throw new UsageError('Give the folder to create for the group, for example: coop new riverside-bakers');
  if (dir.startsWith('-')) {
    throw new UsageError(`"${dir}" looks like an option, not a folder name. Folder names cannot start with "-"; to use one anyway, write ./${dir}`);
  }
  if (/[\u0000-\u001f\u007f]/.test(dir)) throw new UsageError(`The folder name ${JSON.stringify(dir)} has control characters (a stray tab or line break?) in it.`);
}

export function resolveTarget(dir: string, cwd: string): Target {
  checkTargetName(dir);
  const path = resolve(cwd, dir);
  const parent = dirname(path);
  // Naming ".." or "." is allowed but easy to do by accident; say which real folder it means.
  const shown = dir.split(/[\\/]/).includes('..') || dir === '.' ? `${dir} (that is, ${path})` : path;
  if (parent === path) throw new UsageError(`Cannot make a group in the root folder ${path}: give a new folder's name.`);
  const parentStat = statSync(parent, { throwIfNoEntry: false });
  if (!parentStat?.isDirectory()) {
    throw new UserError(
      `The folder ${parent} does not exist, so ${shown} cannot be made in it. Create it first (mkdir -p "${parent}") or choose another place. Nothing was written.`,
    );
  }
  const stat = statSync(path, { throwIfNoEntry: false });
  if (stat && !stat.isDirectory()) throw new UserError(`${shown} already exists and is a file, not a folder. Choose another name. Nothing was written.`);
  if (stat) {
    const entries = readdirSync(path);
    if (entries.length > 0) {
      throw new UserError(
        `${shown} already exists and is not empty (it holds ${entries.length === 1 ? `"${entries[0]}"` : `${entries.length} entries`}). ` +
          'coop new never writes into a folder with files in it: choose a new folder name. Nothing was written.',
      );
    }
  }
  return { path, parent, name: basename(path), exists: Boolean(stat) };
}
