// The contact guard's index of the private store (core/register/leak-sift.ts), kept in
// .coop/cache/contacts-index.bin, so that a change costs in proportion to the text it adds and
// not to the store: the store's lines are found by the keys of the new text's words instead of
// sifting every byte of the store on every change.
//
// Keyed like the snapshot (io/snapshot.ts, CONTACTS_INDEX_FILE): the build, and the store's
// size and modification time, trusted alone only when the store was not modified within
// RACY_MS of the index being made; otherwise by the hash of the bytes it was made from
// (file-prefix.ts, read a chunk at a time). The store only grows, so a longer store whose first
// bytes are the indexed ones is read as the index plus its new lines, which are sifted as before.
// With the index, only the lines it points at (and the new ones) are read from the store, not
// the store whole. The file is sealed (cache-files.ts), header and body: missing, spoiled, stale
// or unwritable, it only costs speed (the store is sifted whole, and the index made again).

import { existsSync } from 'node:fs';
import { endianness } from 'node:os';
import { join } from 'node:path';
import { CONTACTS_FILE } from '../core/layout.js';
import { fewTextKeys, indexContactLines, lookupContactLines, lookupFewContactLines, siftContactLines, type ContactLineIndex } from '../core/register/leak-sift.js';
import { SortedKeys } from '../core/register/leak-scan.js';
import { keepsCaches, openSealedCacheFile } from './cache-files.js';
import { storedFile, writeCacheBytes, type StoredFile } from './file-prefix.js';
import { CONTACTS_INDEX_FILE, isRacy, snapshotStamp } from './snapshot.js';

const FORMAT = 4;
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
}

/**
 * Bytes holding the store's lines that may hold a value found in a text with these keys (as
 * siftContactLines gives them), and each line's [start, end) range in those bytes: with the
 * kept index, only those lines are read from the store. Undefined when there is no store.
 */
export function siftStore(root: string, keys: ReadonlySet<number> | SortedKeys): { bytes: Uint8Array; lines: Array<[number, number]> } | undefined {
  if (!existsSync(join(root, CONTACTS_FILE))) return undefined;
  let file = storedFile(join(root, CONTACTS_FILE));
  if (!file) return undefined;
  const kept = keptLines(root, file, keys);
  if (kept && file.size - kept.size <= TAIL_BYTES) {
    const { size } = kept;
    const tail = file.read(size, file.size);
    const lines = tail && linesAt(file, kept.lines);
    if (tail && lines) {
      // The new lines come after the indexed ones, as sifting the store whole would give them.
      const at = lines.bytes.length;
      for (const [s, e] of siftContactLines(tail, keys)) lines.lines.push([s + at, e + at]);
      return { bytes: Buffer.concat([lines.bytes, tail]), lines: lines.lines };
    }
  }
  let bytes = file.bytes();
  // Changed since it was first looked at: read as it is now.
  if (!bytes) bytes = (file = storedFile(join(root, CONTACTS_FILE)))?.bytes();
  if (!file || !bytes) return undefined;
  if (!indexing) return { bytes, lines: siftContactLines(bytes, keys) };
  let index: ContactLineIndex;
  try {
    index = indexContactLines(bytes);
  } catch {
    return { bytes, lines: siftContactLines(bytes, keys) };
  }
  keepIndex(root, file, bytes, index);
  return { bytes, lines: lookupContactLines(index, keys) };
}

/** Lines read apart below this gap are read as one. */
const GAP_BYTES = 4096;

/**
 * The store's lines at these ranges (ascending), read by position: the bytes read, and each
 * line's range in them, in the same order. Undefined when the store is no longer as hashed.
 */
function linesAt(file: StoredFile, ranges: Array<[number, number]>): { bytes: Buffer; lines: Array<[number, number]> } | undefined {
  const pieces: Buffer[] = [];
  const lines: Array<[number, number]> = [];
  let length = 0;
  for (let i = 0; i < ranges.length; ) {
    // A run of lines close together is one read.
    const from = ranges[i]![0];
    let to = ranges[i]![1];
    let j = i + 1;
    while (j < ranges.length && ranges[j]![0] - to < GAP_BYTES) to = Math.max(to, ranges[j++]![1]);
    const piece = file.read(from, to);
    if (!piece) return undefined;
    for (; i < j; i++) lines.push([ranges[i]![0] - from + length, ranges[i]![1] - from + length]);
    pieces.push(piece);
    length += piece.length;
  }
  return { bytes: Buffer.concat(pieces), lines };
}

/**
 * The store's lines the kept index points at for these keys (ascending), and how much of the
 * store it indexed, when it was made from the store's first bytes as they are now. A text with
 * few keys looks them up in the file by position; otherwise the index is read whole.
 */
function keptLines(root: string, store: StoredFile, keys: ReadonlySet<number> | SortedKeys): { lines: Array<[number, number]>; size: number } | undefined {
  const { mtimeNs } = store;
  const stamp = snapshotStamp();
  if (stamp === null || endianness() !== 'LE') return undefined;
  // Sealed (cache-files.ts): a byte changed in its header (a range always searched, say) and it is not read.
  const file = openSealedCacheFile(root, CONTACTS_INDEX_FILE);
  if (file === undefined) return undefined;
  try {
    const headerLength = file.read(0, 4)?.readUInt32LE(0);
    if (headerLength === undefined || 4 + headerLength > file.size) return undefined;
    const h = JSON.parse(file.read(4, 4 + headerLength)!.toString('utf8')) as Partial<Header>;
    if (h.format !== FORMAT || h.stamp !== stamp || !Number.isSafeInteger(h.size) || !Number.isSafeInteger(h.count) || typeof h.hash !== 'string') return undefined;
    if (typeof h.mtimeNs !== 'string' || !Number.isFinite(h.at) || !Array.isArray(h.always)) return undefined;
    const size = h.size as number;
    const count = h.count as number;
    const offset = align4(4 + headerLength);
    if (size < 0 || count < 0 || file.size !== offset + 12 * count || store.size < size) return undefined;
    const always = h.always;
    if (!always.every((r) => Array.isArray(r) && r.length === 2 && Number.isSafeInteger(r[0]) && Number.isSafeInteger(r[1]) && r[0] >= 0 && r[0] < r[1] && r[1] <= size))
      return undefined;
    // The store as indexed: the same size and time (not racy), or the same first bytes.
    const same = store.size === size && String(mtimeNs) === h.mtimeNs && !isRacy(mtimeNs, h.at as number);
    if (!same && store.hashes(size)?.prefix !== h.hash) return undefined;
    // New lines go after the indexed ones: the indexed bytes must end a line.
    if (store.size > size && size > 0 && store.read(size - 1, size)?.[0] !== 0x0a) return undefined;
    if (keys instanceof SortedKeys && fewTextKeys(keys.found.length, count)) {
      // A block at a time, each block kept: the halving search's first steps are the same for
      // every key, and its last ones fall in one block, so a few dozen small reads, not megabytes
      // and not a read a word. Words lie on 4-byte boundaries, so none spans two blocks.
      const blocks = new Map<number, Buffer>();
      const word = (i: number): number => {
        const at = offset + 4 * i;
        const n = Math.floor(at / INDEX_BLOCK);
        let block = blocks.get(n);
        if (!block) {
          block = file.read(n * INDEX_BLOCK, Math.min(file.size, (n + 1) * INDEX_BLOCK));
          if (!block) throw new Error('index unreadable');
          blocks.set(n, block);
        }
        return block.readUInt32LE(at - n * INDEX_BLOCK);
      };
      return { lines: lookupFewContactLines({ count, key: word, line: (i) => [word(count + i), word(2 * count + i)], always }, keys), size };
    }
    const body = file.read(offset, file.size);
    if (!body) return undefined;
    // Read in place when the body lies on a word boundary in memory (a file this size has its own buffer), else from a copy that does.
    const words = body.byteOffset % 4 === 0 ? new Uint32Array(body.buffer, body.byteOffset, 3 * count) : new Uint32Array(new Uint8Array(body).buffer, 0, 3 * count);
    return { lines: lookupContactLines({ keys: words.subarray(0, count), starts: words.subarray(count, 2 * count), ends: words.subarray(2 * count), always }, keys), size };
  } catch {
    return undefined;
  } finally {
    file.close();
  }
}

const align4 = (n: number) => (n + 3) & ~3;
/** The kept index is read this many bytes at a time when a few keys are looked up in it. */
const INDEX_BLOCK = 4096;

/** Keeps the index of these bytes of the store. Best effort, like every cache write. */
function keepIndex(root: string, store: StoredFile, bytes: Buffer, index: ContactLineIndex): void {
  const stamp = snapshotStamp();
  if (stamp === null || endianness() !== 'LE' || !keepsCaches(root)) return;
  const hash = store.hashes(bytes.length)?.whole;
  if (hash === undefined) return;
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
      mtimeNs: String(store.mtimeNs),
      at: Date.now(),
      hash,
      count,
      always: index.always,
    };
    const json = Buffer.from(JSON.stringify(header), 'utf8');
    const offset = align4(4 + json.length);
    const file = Buffer.alloc(offset + body.length);
    file.writeUInt32LE(json.length, 0);
    json.copy(file, 4);
    file.set(body, offset);
    writeCacheBytes(root, CONTACTS_INDEX_FILE, file);
  } catch {
    // No index kept: the next change sifts the store again.
  }
}
