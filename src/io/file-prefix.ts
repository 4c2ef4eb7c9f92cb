// A file read once for the caches that judge it by the hash of its first bytes (former-cache.ts,
// contacts-index.ts both read the private store): the bytes and their hashes are shared within
// a process while the file's size, times and inode are as they were, for a second at most.

import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CACHE_DIR, COOP_DIR } from '../core/layout.js';
import { writeTemp } from './atomic.js';
import { sealBytes } from './cache-files.js';

export interface ReadFile {
  bytes: Buffer;
  mtimeNs: bigint;
  /** SHA-256 (hex) of the first `length` bytes, and of them all, worked out in one pass. */
  hashes(length: number): { prefix: string; whole: string };
}

const KEEP_MS = 1_000;
const kept = new Map<string, { stamp: string; until: number; file: ReadFile }>();

/** The file's bytes (empty when it is not there), or undefined when it cannot be read. */
export function readFileOnce(path: string): ReadFile | undefined {
  let stamp: string;
  let mtimeNs = 0n;
  try {
    const st = statSync(path, { bigint: true });
    mtimeNs = st.mtimeNs;
    stamp = `${st.size}:${st.mtimeNs}:${st.ctimeNs}:${st.ino}`;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return undefined;
    stamp = 'absent';
  }
  const now = Date.now();
  const known = kept.get(path);
  if (known && known.stamp === stamp && now < known.until) return known.file;
  let bytes: Buffer;
  try {
    bytes = stamp === 'absent' ? Buffer.alloc(0) : readFileSync(path);
  } catch {
    return undefined;
  }
  const hashed = new Map<number, { prefix: string; whole: string }>();
  const file: ReadFile = {
    bytes,
    mtimeNs,
    hashes(length) {
      let h = hashed.get(length);
      if (!h) {
        const hash = createHash('sha256').update(bytes.subarray(0, length));
        const prefix = hash.copy().digest('hex');
        h = { prefix, whole: length === bytes.length ? prefix : hash.update(bytes.subarray(length)).digest('hex') };
        hashed.set(length, h);
      }
      return h;
    },
  };
  kept.set(path, { stamp, until: now + KEEP_MS, file });
  return file;
}

/**
 * Writes a cache file of bytes whole (staged, flushed, renamed) and sealed, as writeCacheFile does JSON:
 * only once coop's working folder exists, and best effort (a failure costs speed only).
 */
export function writeCacheBytes(root: string, name: string, bytes: Uint8Array): void {
  if (!existsSync(join(root, COOP_DIR))) return;
  try {
    mkdirSync(join(root, CACHE_DIR), { recursive: true });
    renameSync(writeTemp(join(root, CACHE_DIR, name), sealBytes(bytes)), join(root, CACHE_DIR, name));
  } catch {
    // Not kept: the next command works it out again.
  }
}
