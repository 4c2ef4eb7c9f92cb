// The contact guard's index of the private store (core/register/leak-sift.ts), kept in
// .coop/cache/contacts-index.bin, so that a change costs in proportion to the text it adds and
// not to the store: the store's lines are found by the keys of the new text's words instead of
// sifting every byte of the store on every change.
//
// Keyed like the snapshot (io/snapshot.ts, CONTACTS_INDEX_FILE): the build, and the store's
// size and modification time, trusted alone only when the store was not modified within
// RACY_MS of the index being made; otherwise by the SHA-256 of the bytes it was made from. The
// store only grows, so a longer store whose first bytes are the indexed ones is read as the
// index plus its new lines, which are sifted as before. The file carries a checksum of its
// body: missing, spoiled, stale or unwritable, it only costs speed (the store is sifted whole,
// and the index made again).

import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { endianness } from 'node:os';
import { join } from 'node:path';
import { CACHE_DIR, CONTACTS_FILE, COOP_DIR } from '../core/layout.js';
import { indexContactLines, lookupContactLines, siftContactLines, type ContactLineIndex } from '../core/register/leak-sift.js';
import type { SortedKeys } from '../core/register/leak-scan.js';
import { writeTemp } from './atomic.js';
import { readSealedCacheFile, sealBytes } from './cache-files.js';
import { readFileOnce, type ReadFile } from './file-prefix.js';
import { CONTACTS_INDEX_FILE, isRacy, snapshotStamp } from './snapshot.js';

const FORMAT = 2;
/** Once the store has grown this much since it was indexed, it is indexed again. */
const TAIL_BYTES = 256 * 1024;
/** False while a command that leaves the index unbuilt runs (withoutIndexing). */
let indexing = true;

/**
 * Runs `work` with the store's index left unbuilt: a kept index is still used, but a store
 * without one (or grown too far past it) is sifted whole and no index is made. Calling a meeting
 * asks for this: it already pays for papers naming every member, and one sift of the store costs
 * it less than building the index; the commands after it build it. The sift keeps every line
 * the index would give (and any line beyond ASCII), so the guard finds the same values either way.
 */
export async function withoutIndexing<T>(work: () => Promise<T>): Promise<T> {
  const before = indexing;
  indexing = false;
  try {
    return await work();
  } finally {
    indexing = before;
  }
}

interface Header {
  format: number;
  stamp: string;
  /** The indexed bytes: the store's first `size`, modified at mtimeNs, hashed; the index made at `at`. */
  size: number;
  mtimeNs: string;
  at: number;
  hash: string;
  count: number;
  always: Array<[number, number]>;
  /** SHA-256 of the body (keys, starts, ends). */
  body: string;
}

const indexPath = (root: string) => join(root, CACHE_DIR, CONTACTS_INDEX_FILE);
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/**
 * The store's bytes and the [start, end) ranges of its lines that may hold a value found in a
 * text with these keys (as siftContactLines gives them); undefined when there is no store.
 */
export function siftStore(root: string, keys: ReadonlySet<number> | SortedKeys): { bytes: Uint8Array; lines: Array<[number, number]> } | undefined {
  if (!existsSync(join(root, CONTACTS_FILE))) return undefined;
  const read = readFileOnce(join(root, CONTACTS_FILE));
  if (!read) return undefined;
  const { bytes } = read;
  const kept = keptIndex(root, read);
  if (kept) {
    const { index, size } = kept;
    if (bytes.length - size <= TAIL_BYTES) {
      const lines = lookupContactLines(index, keys);
      for (const [s, e] of siftContactLines(bytes.subarray(size), keys)) lines.push([s + size, e + size]);
      return { bytes, lines };
    }
  }
  if (!indexing) return { bytes, lines: siftContactLines(bytes, keys) };
  let index: ContactLineIndex;
  try {
    index = indexContactLines(bytes);
  } catch {
    return { bytes, lines: siftContactLines(bytes, keys) };
  }
  keepIndex(root, read, index);
  return { bytes, lines: lookupContactLines(index, keys) };
}

/** The kept index, when it was made from the store's first bytes as they are now. */
function keptIndex(root: string, read: ReadFile): { index: ContactLineIndex; size: number } | undefined {
  const { bytes, mtimeNs } = read;
  const stamp = snapshotStamp();
  if (stamp === null || endianness() !== 'LE') return undefined;
  // Sealed (cache-files.ts): a byte changed in its header (a range always searched, say) and it is not read.
  const file = readSealedCacheFile(root, CONTACTS_INDEX_FILE);
  if (file === undefined) return undefined;
  try {
    if (file.length < 4) return undefined;
    const headerLength = file.readUInt32LE(0);
    if (4 + headerLength > file.length) return undefined;
    const h = JSON.parse(file.toString('utf8', 4, 4 + headerLength)) as Partial<Header>;
    if (h.format !== FORMAT || h.stamp !== stamp || !Number.isSafeInteger(h.size) || !Number.isSafeInteger(h.count) || typeof h.hash !== 'string') return undefined;
    if (typeof h.mtimeNs !== 'string' || !Number.isFinite(h.at) || typeof h.body !== 'string' || !Array.isArray(h.always)) return undefined;
    const size = h.size as number;
    const count = h.count as number;
    const offset = align4(4 + headerLength);
    if (size < 0 || count < 0 || file.length !== offset + 12 * count || bytes.length < size) return undefined;
    const body = file.subarray(offset);
    if (sha256(body) !== h.body) return undefined;
    const always = h.always;
    if (!always.every((r) => Array.isArray(r) && r.length === 2 && Number.isSafeInteger(r[0]) && Number.isSafeInteger(r[1]) && r[0] >= 0 && r[0] < r[1] && r[1] <= size))
      return undefined;
    // The store as indexed: the same size and time (not racy), or the same first bytes.
    const same = bytes.length === size && String(mtimeNs) === h.mtimeNs && !isRacy(mtimeNs, h.at as number);
    if (!same && read.hashes(size).prefix !== h.hash) return undefined;
    // New lines go after the indexed ones: the indexed bytes must end a line.
    if (bytes.length > size && size > 0 && bytes[size - 1] !== 0x0a) return undefined;
    // Read in place when the body lies on a word boundary in memory (a file this size has its own buffer), else from a copy that does.
    const words = body.byteOffset % 4 === 0 ? new Uint32Array(body.buffer, body.byteOffset, 3 * count) : new Uint32Array(new Uint8Array(body).buffer, 0, 3 * count);
    return { index: { keys: words.subarray(0, count), starts: words.subarray(count, 2 * count), ends: words.subarray(2 * count), always }, size };
  } catch {
    return undefined;
  }
}

const align4 = (n: number) => (n + 3) & ~3;

/** Keeps the index of these bytes of the store. Best effort, like every cache write. */
function keepIndex(root: string, read: ReadFile, index: ContactLineIndex): void {
  const { bytes, mtimeNs } = read;
  const stamp = snapshotStamp();
  if (stamp === null || endianness() !== 'LE' || !existsSync(join(root, COOP_DIR))) return;
  try {
    const count = index.keys.length;
    const body = new Uint8Array(12 * count);
    const words = new Uint32Array(body.buffer, 0, 3 * count);
    words.set(index.keys, 0);
    words.set(index.starts, count);
    words.set(index.ends, 2 * count);
    const header: Header = {
      format: FORMAT,
      stamp,
      size: bytes.length,
      mtimeNs: String(mtimeNs),
      at: Date.now(),
      hash: read.hashes(bytes.length).whole,
      count,
      always: index.always,
      body: sha256(body),
    };
    const json = Buffer.from(JSON.stringify(header), 'utf8');
    const offset = align4(4 + json.length);
    const file = Buffer.alloc(offset + body.length);
    file.writeUInt32LE(json.length, 0);
    json.copy(file, 4);
    file.set(body, offset);
    mkdirSync(join(root, CACHE_DIR), { recursive: true });
    renameSync(writeTemp(indexPath(root), sealBytes(file)), indexPath(root));
  } catch {
    // No index kept: the next change sifts the store again.
  }
}
