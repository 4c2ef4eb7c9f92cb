// A file judged by the caches that know it by the hash of its first bytes (former-cache.ts and
// contacts-index.ts both judge the private store; check.ts hashes it too): its hashes are worked
// out by reading it a chunk at a time through one small buffer, never holding it whole (a
// process pays for every page of fresh memory it touches, and the store is megabytes), and are
// shared within a process while the file's size, times and inode are as they were, for a second
// at most. The few bytes a cache still needs from the file (what was added after its marked
// bytes, the lines an index points at) are read by position, from a file that must still be the
// one hashed: else the caller is told it cannot be read, and works without its cache.

import { closeSync, fstatSync, mkdirSync, openSync, readFileSync, readSync, renameSync, rmSync, statSync, writeFileSync, type BigIntStats } from 'node:fs';
import { join } from 'node:path';
import { CACHE_DIR } from '../core/layout.js';
import { tempPathFor } from './atomic.js';
import { crc32, keepsCaches, sealBytes } from './cache-files.js';

/**
 * The hash the caches know a file's bytes by, in hex: the CRC-32 their own files are sealed
 * with. It tells the bytes a cache was made from from any other the way a seal tells a spoiled
 * cache file (the same chance of missing a change, one in four thousand million), and every
 * change that copies or touches the private store makes the next command hash it whole: a
 * CRC-32 is three times quicker to work out than the SHA-1 it replaced.
 */
const hexOf = (crc: number): string => (crc >>> 0).toString(16).padStart(8, '0');
/** The hash of no bytes: a file not there is known as empty. */
export const EMPTY_HASH = hexOf(0);

export interface StoredFile {
  /** Its size in bytes (0 when it is not there) and modification time, as first seen. */
  size: number;
  mtimeNs: bigint;
  /** The hash (EMPTY_HASH's kind) of its first `length` bytes, and of them all; undefined when it is no longer as first seen. */
  hashes(length: number): { prefix: string; whole: string } | undefined;
  /** Its bytes [start, end); undefined when it is no longer as first seen. */
  read(start: number, end: number): Buffer | undefined;
  /** Its bytes, whole (read once); undefined when it is no longer as first seen. */
  bytes(): Buffer | undefined;
}

const KEEP_MS = 1_000;
const CHUNK = 64 * 1024;
const kept = new Map<string, { stamp: string; until: number; file: StoredFile }>();
let chunk: Buffer | undefined;

const stampOf = (st: BigIntStats): string => `${st.size}:${st.mtimeNs}:${st.ctimeNs}:${st.ino}`;

/** The file as it is now (empty when it is not there), or undefined when it cannot be looked at. */
export function storedFile(path: string): StoredFile | undefined {
  let st: BigIntStats | undefined;
  try {
    st = statSync(path, { bigint: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return undefined;
  }
  const stamp = st === undefined ? 'absent' : stampOf(st);
  const now = Date.now();
  const known = kept.get(path);
  if (known && known.stamp === stamp && now < known.until) return known.file;
  const size = st === undefined ? 0 : Number(st.size);
  let whole: Buffer | undefined;
  const hashed = new Map<number, { prefix: string; whole: string }>();
  /** Runs `use` with the file open, when it is still the one first seen (and gives back what `use` did). */
  const whileSame = <T>(use: (fd: number) => T): T | undefined => {
    if (st === undefined) return undefined;
    let fd: number;
    try {
      fd = openSync(path, 'r');
    } catch {
      return undefined;
    }
    try {
      if (stampOf(fstatSync(fd, { bigint: true })) !== stamp) return undefined;
      const out = use(fd);
      return stampOf(fstatSync(fd, { bigint: true })) === stamp ? out : undefined;
    } catch {
      return undefined;
    } finally {
      closeSync(fd);
    }
  };
  const readInto = (fd: number, into: Buffer, at: number, start: number, length: number): boolean => {
    for (let done = 0; done < length; ) {
      const n = readSync(fd, into, at + done, length - done, start + done);
      if (n === 0) return false;
      done += n;
    }
    return true;
  };
  const file: StoredFile = {
    size,
    mtimeNs: st?.mtimeNs ?? 0n,
    hashes(length) {
      if (length < 0 || length > size) return undefined;
      const known = hashed.get(length);
      if (known) return known;
      let hash = 0;
      let prefix: number | undefined = length === 0 ? hash : undefined;
      const feed = (bytes: Uint8Array, at: number) => {
        // The prefix's hash is taken where its last byte passes.
        if (prefix === undefined && at + bytes.length >= length) {
          prefix = crc32(bytes.subarray(0, length - at), hash);
          hash = crc32(bytes.subarray(length - at), prefix);
        } else hash = crc32(bytes, hash);
      };
      if (whole !== undefined || size === 0) feed(whole ?? Buffer.alloc(0), 0);
      else {
        chunk ??= Buffer.allocUnsafe(CHUNK);
        const buffer = chunk;
        const ok = whileSame((fd) => {
          for (let at = 0; at < size; at += CHUNK) {
            const n = Math.min(CHUNK, size - at);
            if (!readInto(fd, buffer, 0, at, n)) return false;
            feed(buffer.subarray(0, n), at);
          }
          return true;
        });
        if (!ok) return undefined;
      }
      const h = { prefix: hexOf(prefix ?? hash), whole: hexOf(hash) };
      hashed.set(length, h);
      hashed.set(size, { prefix: h.whole, whole: h.whole });
      return h;
    },
    read(start, end) {
      if (start < 0 || end > size || start > end) return undefined;
      if (whole !== undefined) return whole.subarray(start, end);
      if (start === end) return Buffer.alloc(0);
      const out = Buffer.allocUnsafe(end - start);
      return whileSame((fd) => (readInto(fd, out, 0, start, end - start) ? out : undefined));
    },
    bytes() {
      if (whole === undefined) {
        if (size === 0) whole = Buffer.alloc(0);
        else whole = whileSame((fd) => readFileSync(fd)) ?? undefined;
        if (whole !== undefined && whole.length !== size) whole = undefined;
      }
      return whole;
    },
  };
  kept.set(path, { stamp, until: now + KEEP_MS, file });
  return file;
}

/**
 * Writes a cache file of bytes whole (staged, renamed) and sealed, as writeCacheFile does JSON
 * (not flushed either: its seal tells a file a power cut left short): only once coop's working
 * folder exists, and best effort (a failure costs speed only).
 */
export function writeCacheBytes(root: string, name: string, bytes: Uint8Array): void {
  if (!keepsCaches(root)) return;
  const file = join(root, CACHE_DIR, name);
  const tmp = tempPathFor(file);
  try {
    mkdirSync(join(root, CACHE_DIR), { recursive: true });
    writeFileSync(tmp, sealBytes(bytes), { flag: 'wx', mode: 0o644 });
    renameSync(tmp, file);
  } catch {
    // Not kept: the next command works it out again.
    try {
      rmSync(tmp, { force: true });
    } catch {
      // A folder that cannot be written in cannot hold a stray file either.
    }
  }
}
