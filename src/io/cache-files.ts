// coop's caches live in .coop/cache/ (git-ignored): shortcuts that can always be rebuilt, so
// reading one never fails a command and neither does writing one. Each is keyed on the build
// of coop that wrote it (dist/build-id.json, a hash of the built code written by
// scripts/write-build-id.js as the last build step), so code that reads a file differently
// never trusts what an older build concluded from it.

import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { CACHE_DIR, COOP_DIR } from '../core/layout.js';
import { packagePath, runsFromBuild } from './package-files.js';

let id: string | null | undefined;

/**
 * The build's id; null, and no caching, when it cannot be known: when run from the sources, or
 * from a dist/ without one. `npm run build` is the one way to build: it writes the id last,
 * from the code it just wrote (running tsc alone into dist/ is not a build).
 */
export function buildId(): string | null {
  if (id !== undefined) return id;
  id = null;
  try {
    if (!runsFromBuild()) return id;
    const value = (JSON.parse(readFileSync(packagePath('dist', 'build-id.json'), 'utf8')) as { id?: unknown }).id;
    if (typeof value === 'string' && value !== '') id = value;
  } catch {
    // No build id: no cache.
  }
  return id;
}

/** A cache file's path in the group, for messages and tests: ".coop/cache/<name>". */
function cachePath(name: string): string {
  return `${CACHE_DIR}/${name}`;
}

/** A cache file's JSON, or undefined when it is missing or does not parse. */
/** A cache file's size, modification time and inode, or null when it is absent: how a process tells its copy is still the file's. */
export function cacheFileStamp(root: string, name: string): string | null {
  try {
    const s = statSync(join(root, cachePath(name)));
    return `${s.size}:${s.mtimeMs}:${s.ino}`;
  } catch {
    return null;
  }
}

export function readCacheFile(root: string, name: string): unknown {
  try {
    return JSON.parse(readFileSync(join(root, cachePath(name)), 'utf8')) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * Writes a cache file whole (temp file, flushed, renamed), so that even after a power cut it is
 * whole or absent. Best effort: a read-only folder or a full disk costs speed, never a command.
 * coop's working folder is made by the first command that changes something; a command that
 * only reads does not make it (in a group whose .gitignore left .coop/ out, a new untracked
 * folder would appear after a read), so nothing is cached before then.
 */
export function writeCacheFile(root: string, name: string, value: unknown): void {
  writeCacheText(root, name, JSON.stringify(value));
}

/**
 * Writes a cache file's text whole, as writeCacheFile does: given as pieces (a file of many JSON
 * lines, say), it is written a batch at a time and never held as one string.
 */
export function writeCacheText(root: string, name: string, text: string | Iterable<string>): void {
  if (!existsSync(join(root, COOP_DIR))) return;
  const file = join(root, cachePath(name));
  const tmp = `${file}.${process.pid}-${Date.now()}.tmp`;
  try {
    mkdirSync(join(root, CACHE_DIR), { recursive: true });
    const fd = openSync(tmp, 'wx', 0o644);
    try {
      if (typeof text === 'string') writeSync(fd, text);
      else {
        let batch: string[] = [];
        let size = 0;
        for (const piece of text) {
          batch.push(piece);
          size += piece.length;
          if (size >= 1 << 20) {
            writeSync(fd, batch.join(''));
            [batch, size] = [[], 0];
          }
        }
        writeSync(fd, batch.join(''));
      }
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, file);
  } catch {
    try {
      rmSync(tmp, { force: true });
    } catch {
      // A cache folder that cannot be written in cannot hold a stray file either.
    }
  }
}
