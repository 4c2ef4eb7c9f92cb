// The file behind coop check's incremental proof of the ledger (declared in snapshot.ts, beside
// the snapshot in .coop/cache/): read only under this build's stamp, written whole or not at all.

import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { CACHE_DIR } from '../core/layout.js';
import { crc32, readCacheFile, SEAL_BYTES, sealOf, writeCacheFile, writeCacheText } from './cache-files.js';
import { CHECK_FILE, CHECK_MEMBERS_FILE, CHECK_NAMES_FILE, CHECK_SCAN_FILE, CHECK_STATE_FILE, decodeJson, snapshotStamp } from './snapshot.js';
import type { Located } from './params-file.js';

/** Bumped whenever the proof's shape changes: another format is simply not read. */
const FORMAT = 1;
/** The same for the scan (2: who has details without a key, as runs of numbers). */
const SCAN_FORMAT = 2;

/** The proof kept for this build, or undefined (none, another build's, another format, spoiled). */
export function readCheckProof(root: string): Record<string, unknown> | undefined {
  const stamp = snapshotStamp();
  if (stamp === null) return undefined;
  const data = readCacheFile(root, CHECK_FILE) as { format?: unknown; stamp?: unknown; proof?: unknown } | null | undefined;
  if (typeof data !== 'object' || data === null || data.format !== FORMAT || data.stamp !== stamp) return undefined;
  return typeof data.proof === 'object' && data.proof !== null && !Array.isArray(data.proof) ? (data.proof as Record<string, unknown>) : undefined;
}

/** Keeps a proof (best effort: only where coop's working folder exists, like every cache). */
export function keepCheckProof(root: string, proof: unknown): void {
  const stamp = snapshotStamp();
  if (stamp !== null) writeCacheFile(root, CHECK_FILE, { format: FORMAT, stamp, proof });
}

/** The state kept under this id (or, with `names`, the names and keys), or undefined. */
export function readCheckState(root: string, id: string, names = false): unknown {
  const data = readCacheFile(root, names ? CHECK_NAMES_FILE : CHECK_STATE_FILE) as { id?: unknown; state?: unknown } | null | undefined;
  return typeof data === 'object' && data !== null && data.id === id && typeof data.state === 'object' && data.state !== null ? data.state : undefined;
}

/** Keeps the state and the names: both before the proof that names their id, so a crash between leaves no match. */
export function keepCheckState(root: string, id: string, state: unknown, names: unknown): void {
  writeCacheFile(root, CHECK_STATE_FILE, { id, state });
  writeCacheFile(root, CHECK_NAMES_FILE, { id, state: names });
}

/** What the private store says, as coop check needs it (src/api/check.ts). */
export interface StoreSources {
  missing: boolean;
  /** Lines that cannot be read: [line, message]. */
  problems: [number, string][];
  /** Members with lines not keyed to an admission, in the store's order, as runs [first, last] of consecutive numbers. */
  unkeyed: [number, number][];
  /** Admission keys the store's lines are keyed to, and the member each was written for. */
  keys: string[];
  keyMembers: number[];
}

/** What a check found in the private files and tracked files (see CHECK_SCAN_FILE). */
export interface KeptScan {
  /** The hash of everything it was worked out from. */
  key: string;
  /** The hash of the private files' identities and the registered office alone. */
  store: string;
  /** The same, by the private files' bytes. */
  storeBytes: string;
  contacts: Located[];
  details: Located[];
  sources: StoreSources;
  /** Each tracked file searched: its path, identity, and the leaks found in it. */
  files: [string, string, Located[]][];
}

/** The scan kept by this build, or undefined (none, another build's or format, spoiled). */
export function readCheckScan(root: string): KeptScan | undefined {
  const stamp = snapshotStamp();
  if (stamp === null) return undefined;
  // Sealed, as every cache file is (cache-files.ts): a byte changed reads as no file, never as true.
  const data = readCacheFile(root, CHECK_SCAN_FILE) as ({ stamp?: unknown; format?: unknown } & Partial<KeptScan>) | null | undefined;
  if (typeof data !== 'object' || data === null || data.stamp !== stamp || data.format !== SCAN_FORMAT) return undefined;
  if (typeof data.key !== 'string' || typeof data.store !== 'string' || typeof data.storeBytes !== 'string' || !isLocatedList(data.contacts) || !isLocatedList(data.details))
    return undefined;
  const s = data.sources as Partial<StoreSources> | undefined;
  const counts = (v: unknown) => Array.isArray(v) && v.every((n) => Number.isSafeInteger(n));
  const runs = (v: unknown) => Array.isArray(v) && v.every((r) => Array.isArray(r) && r.length === 2 && Number.isSafeInteger(r[0]) && Number.isSafeInteger(r[1]) && r[0] <= r[1]);
  if (typeof s !== 'object' || s === null || typeof s.missing !== 'boolean' || !runs(s.unkeyed) || !counts(s.keyMembers)) return undefined;
  if (!Array.isArray(s.keys) || !s.keys.every((k) => typeof k === 'string') || s.keys.length !== s.keyMembers!.length) return undefined;
  if (!Array.isArray(s.problems) || !s.problems.every((p) => Array.isArray(p) && p.length === 2 && Number.isSafeInteger(p[0]) && typeof p[1] === 'string')) return undefined;
  const files = data.files;
  if (!Array.isArray(files) || !files.every((f) => Array.isArray(f) && f.length === 3 && typeof f[0] === 'string' && typeof f[1] === 'string' && isLocatedList(f[2])))
    return undefined;
  return { key: data.key, store: data.store, storeBytes: data.storeBytes, contacts: data.contacts, details: data.details, sources: s as StoreSources, files };
}

export function keepCheckScan(root: string, scan: KeptScan): void {
  const stamp = snapshotStamp();
  if (stamp === null) return;
  writeCacheFile(root, CHECK_SCAN_FILE, { stamp, format: SCAN_FORMAT, ...scan });
}

function isLocatedList(value: unknown): value is Located[] {
  return Array.isArray(value) && value.every((p) => typeof p === 'object' && p !== null && typeof (p as Located).where === 'string' && typeof (p as Located).message === 'string');
}

/**
 * Keeps the members of a kept state, one row a line ([number, ...fields], as encodeJson gives a
 * Map of records) under a line naming the state's id, the fields and the count: written before
 * the proof that names the id, like the state.
 */
export function keepCheckMembers(root: string, id: string, fields: readonly string[], rows: readonly unknown[][]): void {
  const body = Buffer.from(rows.map((row) => `${JSON.stringify(row)}\n`).join(''), 'utf8');
  writeCacheText(root, CHECK_MEMBERS_FILE, [`${JSON.stringify({ id, fields, count: rows.length })}\n`, body.toString('utf8')]);
}

/**
 * The members kept under this id, as a Map that decodes a member only when first asked for
 * (get, has), and every member only when iterated or counted; undefined when the file is gone,
 * another state's, cut short or not laid out as written. A row found spoiled when decoded throws:
 * the caller then proves afresh.
 */
export function readCheckMembers(root: string, id: string): Map<number, unknown> | undefined {
  let fd: number;
  try {
    fd = openSync(join(root, CACHE_DIR, CHECK_MEMBERS_FILE), 'r');
  } catch {
    return undefined;
  }
  let members: KeptMembers | undefined;
  try {
    members = scanMembers(fd, id);
    return members;
  } catch {
    return undefined;
  } finally {
    // Kept open while rows may still be read from it (coop replaces a cache file only by renaming
    // a whole new one over it, so the open file keeps the bytes its seal was checked on).
    if (!members) closeSync(fd);
  }
}

/** Bytes read at a time: the file is checked and its lines found through one small buffer, never held whole. */
const CHUNK = 1 << 16;

type MembersHead = { id?: unknown; fields?: unknown; count?: unknown };

/** The file's rows found (and its seal checked) a chunk at a time, or undefined when it is not as written. */
function scanMembers(fd: number, id: string): KeptMembers | undefined {
  const size = fstatSync(fd).size;
  const body = size - SEAL_BYTES;
  if (body <= 0) return undefined;
  let buffer = Buffer.allocUnsafe(CHUNK);
  let crc = 0;
  let head: MembersHead | undefined;
  let numbers = new Float64Array(0);
  let starts = new Uint32Array(1);
  let row = 0;
  // buffer[0, held) holds the file's bytes from `base`: whole lines not yet taken, then what was read.
  let base = 0;
  let held = 0;
  for (let at = 0; at < body; ) {
    if (held === buffer.length) {
      const bigger = Buffer.allocUnsafe(buffer.length * 2);
      buffer.copy(bigger, 0, 0, held);
      buffer = bigger;
    }
    const got = readSync(fd, buffer, held, Math.min(buffer.length - held, body - at), at);
    if (got <= 0) return undefined;
    crc = crc32(buffer.subarray(held, held + got), crc);
    held += got;
    at += got;
    let line = 0;
    for (let end = buffer.indexOf(0x0a, line); end !== -1 && end < held; end = buffer.indexOf(0x0a, line)) {
      if (!head) {
        const parsed = JSON.parse(buffer.toString('utf8', 0, end)) as MembersHead | null;
        if (typeof parsed !== 'object' || parsed === null || parsed.id !== id || !Array.isArray(parsed.fields) || !parsed.fields.every((f) => typeof f === 'string'))
          return undefined;
        head = parsed;
        const count = parsed.count;
        // A row takes five bytes at least ("[1,]" and its newline): no count beyond that is believed before the seal is.
        if (!Number.isSafeInteger(count) || (count as number) < 0 || (count as number) > body / 5) return undefined;
        numbers = new Float64Array(count as number);
        starts = new Uint32Array((count as number) + 1);
      } else {
        // Each line opens with its member's number: "[12,".
        if (row >= numbers.length || buffer[line] !== 0x5b) return undefined;
        let n = 0;
        let j = line + 1;
        for (; j < end && buffer[j]! >= 0x30 && buffer[j]! <= 0x39; j++) n = n * 10 + buffer[j]! - 0x30;
        if (j === line + 1 || buffer[j] !== 0x2c) return undefined;
        numbers[row] = n;
        starts[row] = base + line;
        row += 1;
      }
      line = end + 1;
    }
    buffer.copy(buffer, 0, line, held);
    held -= line;
    base += line;
  }
  // Every row whole, as many as the head says, and the seal the file's bytes give.
  if (!head || held !== 0 || row !== numbers.length) return undefined;
  starts[row] = base;
  const seal = Buffer.alloc(SEAL_BYTES);
  if (readSync(fd, seal, 0, SEAL_BYTES, body) !== SEAL_BYTES || seal.toString('latin1') !== sealOf(crc)) return undefined;
  return new KeptMembers(fd, head.fields as string[], numbers, starts);
}

/** See readCheckMembers. Iterated, it gives the members in the order kept, then those added since: as the whole state decoded would. */
class KeptMembers extends Map<number, unknown> {
  private whole = false;
  private index: Map<number, number> | undefined;
  private readonly ascending: boolean;

  constructor(
    private readonly fd: number,
    private readonly fields: readonly string[],
    private readonly numbers: Float64Array,
    private readonly starts: Uint32Array,
  ) {
    super();
    let ascending = true;
    for (let i = 1; i < numbers.length && ascending; i++) ascending = numbers[i - 1]! < numbers[i]!;
    this.ascending = ascending;
  }

  /** The row of member n in the file, or -1. */
  private find(n: number): number {
    if (!this.ascending) {
      if (!this.index) {
        this.index = new Map();
        for (let i = 0; i < this.numbers.length; i++) this.index.set(this.numbers[i]!, i);
      }
      return this.index.get(n) ?? -1;
    }
    let lo = 0;
    let hi = this.numbers.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const at = this.numbers[mid]!;
      if (n < at) hi = mid - 1;
      else if (n > at) lo = mid + 1;
      else return mid;
    }
    return -1;
  }

  private row(i: number, bytes?: Buffer): unknown {
    const from = this.starts[i]!;
    const length = this.starts[i + 1]! - 1 - from;
    let text: string;
    if (bytes) text = bytes.toString('utf8', from, from + length);
    else {
      const line = Buffer.allocUnsafe(length);
      if (readSync(this.fd, line, 0, length, from) !== length) throw new Error(`${CHECK_MEMBERS_FILE} is cut short`);
      text = line.toString('utf8');
    }
    const row = JSON.parse(text) as unknown;
    if (!Array.isArray(row) || row.length !== this.fields.length + 1 || row[0] !== this.numbers[i]) throw new Error(`${CHECK_MEMBERS_FILE} is spoiled`);
    const record: Record<string, unknown> = {};
    for (let k = 0; k < this.fields.length; k++) {
      const v = row[k + 1] as unknown;
      record[this.fields[k]!] = v !== null && typeof v === 'object' ? decodeJson(v) : v;
    }
    return record;
  }

  /** Every member decoded, in the order the whole state would give them. */
  private all(): void {
    if (this.whole) return;
    this.whole = true;
    const held = new Map(super.entries());
    super.clear();
    // Every row is wanted: the rows' bytes are read in one go, and the file is done with.
    const end = this.starts[this.numbers.length]!;
    const bytes = Buffer.allocUnsafe(end);
    const got = readSync(this.fd, bytes, 0, end, 0);
    closeSync(this.fd);
    if (got !== end) throw new Error(`${CHECK_MEMBERS_FILE} is cut short`);
    for (let i = 0; i < this.numbers.length; i++) {
      const n = this.numbers[i]!;
      super.set(n, held.has(n) ? held.get(n) : this.row(i, bytes));
      held.delete(n);
    }
    for (const [n, m] of held) super.set(n, m);
  }

  override get(n: number): unknown {
    if (this.whole || super.has(n)) return super.get(n);
    const i = this.find(n);
    if (i < 0) return undefined;
    const m = this.row(i);
    super.set(n, m);
    return m;
  }

  override has(n: number): boolean {
    return super.has(n) || (!this.whole && this.find(n) >= 0);
  }

  override delete(n: number): boolean {
    this.all();
    return super.delete(n);
  }

  override clear(): void {
    this.whole = true;
    super.clear();
  }

  override get size(): number {
    this.all();
    return super.size;
  }

  override keys(): MapIterator<number> {
    this.all();
    return super.keys();
  }

  override values(): MapIterator<unknown> {
    this.all();
    return super.values();
  }

  override entries(): MapIterator<[number, unknown]> {
    this.all();
    return super.entries();
  }

  override [Symbol.iterator](): MapIterator<[number, unknown]> {
    this.all();
    return super[Symbol.iterator]();
  }

  override forEach(callback: (value: unknown, key: number, map: Map<number, unknown>) => void, thisArg?: unknown): void {
    this.all();
    super.forEach(callback, thisArg);
  }
}
