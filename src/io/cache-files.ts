// coop's caches live in .coop/cache/ (git-ignored): shortcuts that can always be rebuilt, so
// reading one never fails a command and neither does writing one. Each is keyed on the build
// of coop that wrote it (dist/build-id.json, a hash of the built code written by
// scripts/write-build-id.js as the last build step), so code that reads a file differently
// never trusts what an older build concluded from it.
//
// Each file ends with a seal: "#", the CRC-32 of every byte before it in hex, and a newline. A
// file whose bytes do not match its seal (a byte changed on disk, a hand edit, a write cut
// short) is read as absent, so a spoiled cache costs speed, never a wrong answer. Files read
// a line at a time seal each line instead (sealLine).

import { createHash } from 'node:crypto';
import zlib from 'node:zlib';
import { closeSync, existsSync, fstatSync, mkdirSync, openSync, readFileSync, readSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
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
    const body = unsealed(readFileSync(join(root, cachePath(name))));
    return body === undefined ? undefined : (JSON.parse(body.toString('utf8')) as unknown);
  } catch {
    return undefined;
  }
}

/** A cache file's bytes before its seal, or undefined when it is missing or its bytes do not match the seal. */
export function readSealedCacheFile(root: string, name: string): Buffer | undefined {
  try {
    return unsealed(readFileSync(join(root, cachePath(name))));
  } catch {
    return undefined;
  }
}

/** A sealed cache file held open, its seal checked: what comes before the seal, read by position. */
export interface SealedFile {
  /** The length of what comes before the seal. */
  size: number;
  /** Bytes [start, end) of what comes before the seal (into the start of `into` when given, which must be long enough); undefined when they cannot be read. */
  read(start: number, end: number, into?: Buffer): Buffer | undefined;
  close(): void;
}

const SEAL_CHUNK = 64 * 1024;
let sealChunk: Buffer | undefined;

/**
 * A cache file whose bytes match its seal, checked a chunk at a time through one small buffer,
 * so that a reader wanting a few of its bytes touches no more memory than those: held open, so
 * the bytes read later are those of the file checked (cache files are replaced by renaming,
 * never written in place). Undefined when it is missing or does not match its seal. The
 * caller closes it.
 */
export function openSealedCacheFile(root: string, name: string): SealedFile | undefined {
  let fd: number;
  try {
    fd = openSync(join(root, cachePath(name)), 'r');
  } catch {
    return undefined;
  }
  const readAt = (into: Buffer, start: number, length: number): boolean => {
    for (let done = 0; done < length; ) {
      const n = readSync(fd, into, done, length - done, start + done);
      if (n === 0) return false;
      done += n;
    }
    return true;
  };
  try {
    const size = fstatSync(fd).size - SEAL_BYTES;
    sealChunk ??= Buffer.allocUnsafe(SEAL_CHUNK);
    const chunk = sealChunk;
    let crc = 0;
    for (let at = 0; at < size; at += SEAL_CHUNK) {
      const n = Math.min(SEAL_CHUNK, size - at);
      if (!readAt(chunk, at, n)) throw new Error('cut short');
      crc = crc32(chunk.subarray(0, n), crc);
    }
    const seal = Buffer.alloc(SEAL_BYTES);
    if (size < 0 || !readAt(seal, size, SEAL_BYTES) || seal.toString('latin1') !== sealOf(crc)) throw new Error('not sealed');
    return {
      size,
      read(start, end, into) {
        if (start < 0 || start > end || end > size || (into && into.length < end - start)) return undefined;
        const out = into ? into.subarray(0, end - start) : Buffer.allocUnsafe(end - start);
        try {
          return readAt(out, start, end - start) ? out : undefined;
        } catch {
          return undefined;
        }
      },
      close: () => closeSync(fd),
    };
  } catch {
    closeSync(fd);
    return undefined;
  }
}

// zlib.crc32 came in Node 20.15 and 22.2; before them a hash does the same job, more slowly.
export const crc32: (bytes: Uint8Array, value: number) => number =
  typeof (zlib as { crc32?: unknown }).crc32 === 'function'
    ? (bytes, value) => zlib.crc32(bytes, value)
    : (bytes, value) => createHash('sha1').update(String(value)).update(bytes).digest().readUInt32LE(0);

/** The length of a file's seal: "#", eight hex digits and a newline. */
export const SEAL_BYTES = 10;
export const sealOf = (crc: number): string => `#${(crc >>> 0).toString(16).padStart(8, '0')}\n`;

/** Bytes with their seal after them, as a cache file of bytes is written. */
export function sealBytes(bytes: Uint8Array): Buffer {
  return Buffer.concat([bytes, Buffer.from(sealOf(crc32(bytes, 0)), 'latin1')]);
}

/** The bytes before a file's seal, when they match it. */
function unsealed(bytes: Buffer): Buffer | undefined {
  const n = bytes.length - SEAL_BYTES;
  if (n < 0 || bytes[n] !== 0x23 || bytes[bytes.length - 1] !== 0x0a) return undefined;
  const body = bytes.subarray(0, n);
  return bytes.toString('latin1', n) === sealOf(crc32(body, 0)) ? body : undefined;
}

/**
 * A line sealed on its own, for files read a line at a time: the text, a tab (which JSON never
 * leaves unescaped) and a 32-bit FNV-1a hash of the text's UTF-16 code units in hex.
 */
export function sealLine(text: string): string {
  return `${text}\t${lineHash(text)}`;
}

/** The text of a line sealed by sealLine, or undefined when it does not match its seal. */
export function unsealLine(line: string): string | undefined {
  const tab = line.length - 9;
  if (tab < 0 || line.charCodeAt(tab) !== 0x09) return undefined;
  const text = line.slice(0, tab);
  return line.slice(tab + 1) === lineHash(text) ? text : undefined;
}

function lineHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** True when caches can be kept: coop's working folder exists (made by the first change, never by a read). */
export function keepsCaches(root: string): boolean {
  return existsSync(join(root, COOP_DIR));
}

/**
 * Writes a cache file whole (temp file, renamed), so that a reader sees the old file or the new
 * one. It is not flushed to disk: after a power cut it may be cut short or empty, and its seal
 * then reads it as absent (a flush here waited for everything else the change wrote, git's
 * objects included, to reach the disk first). Best effort: a read-only folder or a full disk costs speed, never a command.
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
  if (!keepsCaches(root)) return;
  const file = join(root, cachePath(name));
  const tmp = `${file}.${process.pid}-${Date.now()}.tmp`;
  try {
    mkdirSync(join(root, CACHE_DIR), { recursive: true });
    const fd = openSync(tmp, 'wx', 0o644);
    try {
      let crc = 0;
      const write = (piece: string) => {
        const bytes = Buffer.from(piece, 'utf8');
        crc = crc32(bytes, crc);
        writeSync(fd, bytes);
      };
      if (typeof text === 'string') write(text);
      else {
        let batch: string[] = [];
        let size = 0;
        for (const piece of text) {
          batch.push(piece);
          size += piece.length;
          if (size >= 1 << 20) {
            write(batch.join(''));
            [batch, size] = [[], 0];
          }
        }
        write(batch.join(''));
      }
      writeSync(fd, sealOf(crc));
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
