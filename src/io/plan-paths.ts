// Where a plan may write. Plans are built by our code, but names and folders come from people,
// and a group's folder may hold symbolic links: nothing may land outside the group, or in git's
// or coop's own folders.

import { existsSync, lstatSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, join, relative } from 'node:path';
import { UserError } from '../errors.js';
import { COOP_DIR } from './lock.js';

/** Refuses paths that could escape the group's folder or touch git's or coop's own. */
export function checkPath(path: string): void {
  const parts = path.split('/');
  if (
    path === '' ||
    isAbsolute(path) ||
    path.includes('\\') ||
    path.includes('\0') ||
    parts.some((part) => part === '..' || part === '' || part === '.') ||
    parts[0] === '.git' ||
    parts[0] === COOP_DIR
  ) {
    throw new UserError(`Refusing to write outside the group's folder: ${JSON.stringify(path)}. Nothing was changed.`);
  }
}

/**
 * The folders that must be made for `path`, outermost first. Refuses a path whose existing
 * part leads outside the group through a symbolic link, or runs into a file where a folder
 * should be.
 */
export function foldersToMake(root: string, realRoot: string, path: string): string[] {
  const missing: string[] = [];
  let dir = dirname(path);
  while (dir !== '.' && !existsSync(join(root, dir))) {
    missing.unshift(dir);
    dir = dirname(dir);
  }
  const existing = join(root, dir);
  if (!lstatSync(existing).isDirectory() && !realIsDir(existing)) {
    throw Object.assign(new Error(`${dir} is a file, where coop needs a folder to write ${path}`), { code: 'ENOTDIR', path: existing });
  }
  const rel = relative(realRoot, realpathSync(existing));
  if (rel.startsWith('..') || isAbsolute(rel)) {
    throw new UserError(`Refusing to write ${path}: ${dir} leads outside the group's folder (a symbolic link?). Nothing was changed.`);
  }
  const target = join(root, path);
  if (existsSync(target) && lstatSync(target).isDirectory()) {
    throw Object.assign(new Error(`${path} is a folder, where coop needs to write a file`), { code: 'EISDIR', path: target });
  }
  return missing;
}

function realIsDir(path: string): boolean {
  try {
    return lstatSync(realpathSync(path)).isDirectory();
  } catch {
    return false;
  }
}
