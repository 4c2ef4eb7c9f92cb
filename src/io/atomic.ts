// Atomic file writes: a reader (or a crash) sees the old file or the new one, never half.

import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmdirSync, rmSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';

let counter = 0;

/** The temporary name a file is staged under before it is renamed into place. */
export function tempPathFor(path: string): string {
  counter += 1;
  // The random part keeps a temp file left by a killed process whose pid is reused from clashing.
  return join(dirname(path), `.${basename(path)}.coop-tmp-${process.pid}-${counter}-${randomBytes(4).toString('hex')}`);
}

/** Writes content to a temporary file beside `path` and flushes it to disk; returns its name. */
export function writeTemp(path: string, content: string | Uint8Array): string {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = tempPathFor(path);
  const fd = openSync(tmp, 'wx', 0o644);
  try {
    writeSync(fd, typeof content === 'string' ? Buffer.from(content, 'utf8') : content);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(tmp, { force: true });
    throw error;
  }
  closeSync(fd);
  return tmp;
}

/** Flushes a folder so that a rename inside it survives a power cut. Best effort. */
export function fsyncDir(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Some file systems cannot open a folder for syncing; the rename is still atomic.
  }
}

/**
 * Removes a file if it is there, as rmSync(path, { force: true }) does. Every change removes a
 * few files; in Node 20 the first rmSync loads a module of its own (rimraf) to do it.
 */
export function removeFile(path: string): void {
  try {
    unlinkSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

/** Removes a folder of files if it is there, as rmSync(dir, { recursive: true, force: true }) does (and falls back to it). */
export function removeFolder(dir: string): void {
  try {
    for (const name of readdirSync(dir)) unlinkSync(join(dir, name));
    rmdirSync(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') rmSync(dir, { recursive: true, force: true });
  }
}

/** Writes a file atomically: temp file, flush, rename. */
export function writeFileAtomic(path: string, content: string | Uint8Array): void {
  const tmp = writeTemp(path, content);
  try {
    renameSync(tmp, path);
  } catch (error) {
    rmSync(tmp, { force: true });
    throw error;
  }
  fsyncDir(dirname(path));
}
