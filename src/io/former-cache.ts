// The former members' rows (core/register/former-index.ts) kept in .coop/cache/former.json, so
// that `coop member add` can tell a person rejoining their former number without decoding the
// whole ledger and contact store (at 100,000 members that was most of a change's time).
//
// Keyed like the snapshot (io/snapshot.ts, FORMER_FILE): the build, and each input file's size
// and modification time, trusted alone only when the file was not modified within RACY_MS of
// the entry being made; otherwise by the hash of the bytes the rows were made from (file-prefix.ts:
// read a chunk at a time, so a store copied back with new times costs no read of it whole). Since the
// ledger and the store only grow, a file longer than it was is judged by its first bytes' hash,
// and what was added after them is read and judged (eventsKeepFormer, contactLinesKeepFormer):
// the rows stand when nothing added touches a former member. Missing, spoiled, stale or
// unwritable, the file only costs speed: the caller derives the rows afresh.

import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CONTACTS_FILE } from '../core/layout.js';
import { decodeLedgerBytes } from '../core/ledger/events.js';
import { isLedgerPart, REGISTER_DIR, STREAM_ID } from '../core/ledger/parts.js';
import { contactLinesKeepFormer, eventsKeepFormer, phoneKey, type FormerRow } from '../core/register/former-index.js';
import { readSealedCacheFile } from './cache-files.js';
import { EMPTY_HASH, storedFile, writeCacheBytes, type StoredFile } from './file-prefix.js';
import { FORMER_FILE, isRacy, snapshotStamp } from './snapshot.js';

const FORMAT = 3;
/** Once this much has been added since the rows were kept, they are kept again with the files as they are. */
const TAIL_BYTES = 64 * 1024;

/** What the rows were made from, for one file: its size, modification time, when the mark was made, and its bytes' hash. */
interface FileMark {
  size: number;
  mtimeNs: string;
  at: number;
  hash: string;
}

/** The file's first line; one row a line follows, as a JSON array (toLine). */
interface FormerHeader {
  format: number;
  stamp: string;
  /** Every ledger part the rows were made from, by path. */
  parts: Record<string, FileMark>;
  store: FileMark;
  next: number;
}

/** A row as its line: number, name, nameKey, left, reason, key, email, phone. */
const toLine = (r: FormerRow): string => JSON.stringify([r.number, r.name, r.nameKey, r.left, r.reason, r.key, r.email, r.phone]);

function fromLine(text: string): FormerRow | undefined {
  let a: unknown;
  try {
    a = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!Array.isArray(a) || a.length !== 8) return undefined;
  const t = (x: unknown) => x === null || typeof x === 'string';
  if (
    !Number.isSafeInteger(a[0]) ||
    typeof a[1] !== 'string' ||
    typeof a[2] !== 'string' ||
    typeof a[3] !== 'string' ||
    typeof a[4] !== 'string' ||
    !t(a[5]) ||
    !t(a[6]) ||
    !t(a[7])
  )
    return undefined;
  return { number: a[0], name: a[1], nameKey: a[2], left: a[3], reason: a[4], key: a[5], email: a[6], phone: a[7] } as FormerRow;
}

/** What a new admission is compared by: the name as compared, and the email and phone as stored (if given). */
export interface FormerProbe {
  nameKey: string;
  email?: string;
  phone?: string;
}

/** The ledger's parts now on disk, in every stream (any file the ledger would read as a part). */
export function ledgerPartPaths(root: string): string[] {
  const out: string[] = [];
  const look = (dir: string) => {
    let names: string[];
    try {
      names = readdirSync(join(root, dir));
    } catch {
      return [];
    }
    for (const name of names) if (isLedgerPart(`${dir}/${name}`)) out.push(`${dir}/${name}`);
    return names;
  };
  for (const name of look(REGISTER_DIR)) if (STREAM_ID.test(name)) look(`${REGISTER_DIR}/${name}`);
  return out.sort();
}

/** The file's mark as it is now; undefined when it cannot be read whole as it was first seen. */
function markOf(file: StoredFile | undefined, at: number): FileMark | undefined {
  const hash = file?.hashes(file.size)?.whole;
  return file && hash !== undefined ? { size: file.size, mtimeNs: String(file.mtimeNs), at, hash } : undefined;
}

const EMPTY: FileMark = { size: 0, mtimeNs: '0', at: 0, hash: EMPTY_HASH };

/**
 * What was added to a file since its mark: empty when it is as marked, the added bytes when it
 * grew from the marked bytes, undefined when it changed otherwise (or cannot be read).
 */
function addedSince(root: string, path: string, mark: FileMark): { tail: Uint8Array; now: () => FileMark } | undefined {
  let st: { size: bigint; mtimeNs: bigint } | undefined;
  try {
    st = statSync(join(root, path), { bigint: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return undefined;
  }
  if (st === undefined) return mark.size === 0 ? { tail: new Uint8Array(0), now: () => EMPTY } : undefined;
  if (Number(st.size) === mark.size && String(st.mtimeNs) === mark.mtimeNs && !isRacy(st.mtimeNs, mark.at)) return { tail: new Uint8Array(0), now: () => mark };
  const file = storedFile(join(root, path));
  if (!file || file.size < mark.size) return undefined;
  const hashes = file.hashes(mark.size);
  if (hashes?.prefix !== mark.hash) return undefined;
  const tail = file.read(mark.size, file.size);
  if (!tail) return undefined;
  const at = Date.now();
  return { tail, now: () => ({ size: file.size, mtimeNs: String(file.mtimeNs), at, hash: hashes.whole }) };
}

function isMark(v: unknown): v is FileMark {
  const m = v as Partial<FileMark> | null | undefined;
  return (
    typeof m === 'object' &&
    m !== null &&
    Number.isSafeInteger(m.size) &&
    (m.size as number) >= 0 &&
    typeof m.mtimeNs === 'string' &&
    /^\d+$/.test(m.mtimeNs) &&
    Number.isFinite(m.at) &&
    typeof m.hash === 'string' &&
    /^[0-9a-f]{40}$/.test(m.hash)
  );
}

/**
 * The file's header, and its bytes: the body is searched as bytes (UTF-8, as written) and only
 * the rows found are decoded, so a change does not turn megabytes of rows into a string.
 */
function readFormerFile(root: string): { header: FormerHeader; bytes: Buffer } | undefined {
  const stamp = snapshotStamp();
  if (stamp === null) return undefined;
  // Sealed (cache-files.ts): a byte changed anywhere, header or rows, and the file is not read.
  const bytes = readSealedCacheFile(root, FORMER_FILE);
  if (bytes === undefined) return undefined;
  const br = bytes.indexOf(0x0a);
  if (br === -1) return undefined;
  let h: Partial<FormerHeader>;
  try {
    h = JSON.parse(bytes.toString('utf8', 0, br)) as Partial<FormerHeader>;
  } catch {
    return undefined;
  }
  if (typeof h !== 'object' || h === null || h.format !== FORMAT || h.stamp !== stamp) return undefined;
  if (typeof h.parts !== 'object' || h.parts === null || Array.isArray(h.parts) || !Object.values(h.parts).every(isMark)) return undefined;
  if (!isMark(h.store) || !Number.isSafeInteger(h.next)) return undefined;
  return { header: h as FormerHeader, bytes };
}

/** Every row whose line holds one of these strings (each a whole JSON value, as toLine writes it). */
function rowsHolding(bytes: Buffer, needles: readonly string[]): FormerRow[] | undefined {
  const seen = new Map<number, FormerRow>();
  for (const text of needles) {
    const needle = Buffer.from(text, 'utf8');
    for (let at = bytes.indexOf(needle); at !== -1; at = bytes.indexOf(needle, at + 1)) {
      const start = bytes.lastIndexOf(0x0a, at) + 1;
      if (start === 0 || seen.has(start)) continue;
      const end = bytes.indexOf(0x0a, at + 1);
      const row = fromLine(bytes.toString('utf8', start, end === -1 ? bytes.length : end));
      if (!row) return undefined;
      seen.set(start, row);
    }
  }
  return [...seen.values()];
}

/**
 * The former members' rows, when the kept ones still stand for the ledger and store now on
 * disk (`shared`: another copy's stream has events); undefined when they must be derived.
 * Without `withContacts` the rows' stored details are not wanted, and the store is not looked at.
 */
export function keptFormerRows(root: string, shared: boolean, probe: FormerProbe): FormerRow[] | undefined {
  const file = readFormerFile(root);
  if (!file) return undefined;
  const { header, bytes } = file;
  const withContacts = probe.email !== undefined || probe.phone !== undefined;
  const paths = ledgerPartPaths(root);
  for (const path of Object.keys(header.parts)) if (!paths.includes(path) && header.parts[path]!.size > 0) return undefined;
  let added = 0;
  const marks: Record<string, () => FileMark> = {};
  for (const path of paths) {
    const since = addedSince(root, path, header.parts[path] ?? EMPTY);
    if (!since) return undefined;
    marks[path] = since.now;
    if (since.tail.length === 0) continue;
    added += since.tail.length;
    const decoded = decodeLedgerBytes(since.tail);
    if (decoded.problems.length > 0 || !eventsKeepFormer(decoded.events, header.next, shared)) return undefined;
  }
  const store = withContacts ? addedSince(root, CONTACTS_FILE, header.store) : { tail: new Uint8Array(0), now: () => header.store };
  if (!store) return undefined;
  if (store.tail.length > 0) {
    added += store.tail.length;
    const lines: unknown[] = [];
    for (const line of Buffer.from(store.tail.buffer, store.tail.byteOffset, store.tail.length).toString('utf8').split('\n')) {
      if (line.trim() === '') continue;
      try {
        lines.push(JSON.parse(line));
      } catch {
        return undefined;
      }
    }
    const isFormer = (member: number | null, key: string | null) =>
      (member !== null && bytes.includes(`\n[${member},`)) || (key !== null && bytes.includes(`,${JSON.stringify(key)},`));
    if (!contactLinesKeepFormer(lines, isFormer)) return undefined;
  }
  const needles = [`,${JSON.stringify(probe.nameKey)},`];
  if (probe.email !== undefined) needles.push(`,${JSON.stringify(probe.email.toLowerCase())},`);
  if (probe.phone !== undefined) needles.push(`,${JSON.stringify(phoneKey(probe.phone))}]`);
  const rows = rowsHolding(bytes, needles);
  if (!rows) return undefined;
  if (added > TAIL_BYTES) {
    // The rows stand for the files as they are now: keep them so, and the next change reads no tail.
    const parts = Object.fromEntries(Object.entries(marks).map(([p, now]) => [p, now()]));
    const head = Buffer.from(JSON.stringify({ ...header, parts, store: store.now() }), 'utf8');
    writeCacheBytes(root, FORMER_FILE, Buffer.concat([head, bytes.subarray(bytes.indexOf(0x0a))]));
  }
  return rows;
}

/**
 * Keeps the rows made from the ledger parts and store now on disk (read again here, to mark
 * them: the caller holds the write lock, so they are the bytes the rows were made from).
 */
export function keepFormerRows(root: string, rows: FormerRow[], next: number): void {
  const stamp = snapshotStamp();
  if (stamp === null) return;
  const at = Date.now();
  const parts: Record<string, FileMark> = {};
  for (const path of ledgerPartPaths(root)) {
    const mark = markOf(storedFile(join(root, path)), at);
    if (!mark) return;
    parts[path] = mark;
  }
  const store = markOf(storedFile(join(root, CONTACTS_FILE)), at);
  if (!store) return;
  const body = rows.map((r) => `\n${toLine(r)}`).join('');
  const header: FormerHeader = { format: FORMAT, stamp, parts, store, next };
  writeCacheBytes(root, FORMER_FILE, Buffer.from(`${JSON.stringify(header)}${body}`, 'utf8'));
}
