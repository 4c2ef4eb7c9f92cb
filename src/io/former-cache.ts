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
import { openSealedCacheFile, type SealedFile } from './cache-files.js';
import { EMPTY_HASH, storedFile, writeCacheBytes, type StoredFile } from './file-prefix.js';
import { FORMER_FILE, isRacy, snapshotStamp } from './snapshot.js';

const FORMAT = 4;
/** Once this much has been added since the rows were kept, they are kept again with the files as they are. */
const TAIL_BYTES = 64 * 1024;

/** What the rows were made from, for one file: its size, modification time, when the mark was made, and its bytes' hash. */
export interface FileMark {
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
export function markOf(file: StoredFile | undefined, at: number): FileMark | undefined {
  const hash = file?.hashes(file.size)?.whole;
  return file && hash !== undefined ? { size: file.size, mtimeNs: String(file.mtimeNs), at, hash } : undefined;
}

export const EMPTY: FileMark = { size: 0, mtimeNs: '0', at: 0, hash: EMPTY_HASH };

/**
 * What was added to a file since its mark: empty when it is as marked, the added bytes when it
 * grew from the marked bytes, undefined when it changed otherwise (or cannot be read).
 */
export function addedSince(root: string, path: string, mark: FileMark): { tail: Uint8Array; now: () => FileMark } | undefined {
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

export function isMark(v: unknown): v is FileMark {
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
    /^[0-9a-f]{8}$/.test(m.hash)
  );
}

/**
 * The file's header, and the file held open (sealed, cache-files.ts: a byte changed anywhere,
 * header or rows, and it is not read) with where its rows start: the rows are searched as bytes
 * (UTF-8, as written) a piece at a time, and only the rows found are decoded, so a change
 * neither holds megabytes of rows nor turns them into a string. The caller closes it.
 */
function readFormerFile(root: string): { header: FormerHeader; file: SealedFile; rows: number } | undefined {
  const stamp = snapshotStamp();
  if (stamp === null) return undefined;
  const file = openSealedCacheFile(root, FORMER_FILE);
  if (file === undefined) return undefined;
  let h: Partial<FormerHeader> | undefined;
  let br = -1;
  try {
    // The header is the first line: a few kilobytes, whatever the register's size.
    for (let length = PIECE_BYTES; br === -1; length *= 2) {
      const head = file.read(0, Math.min(length, file.size));
      if (!head) break;
      br = head.indexOf(0x0a);
      // No newline in the whole file: a header, and no former members.
      if (br === -1 && head.length === file.size) br = file.size;
      if (br !== -1) h = JSON.parse(head.toString('utf8', 0, br)) as Partial<FormerHeader>;
    }
  } catch {
    h = undefined;
  }
  const good =
    typeof h === 'object' &&
    h !== null &&
    h.format === FORMAT &&
    h.stamp === stamp &&
    typeof h.parts === 'object' &&
    h.parts !== null &&
    !Array.isArray(h.parts) &&
    Object.values(h.parts).every(isMark) &&
    isMark(h.store) &&
    Number.isSafeInteger(h.next);
  if (!good) {
    file.close();
    return undefined;
  }
  return { header: h as FormerHeader, file, rows: br };
}

/** The rows are searched this many bytes at a time (more for a line longer than that). */
const PIECE_BYTES = 64 * 1024;

/**
 * For each of these strings, the rows whose line holds it (each string a whole JSON value as
 * toLine writes it, or "\n[" and a number: the row of that member). Searched a piece of whole
 * lines at a time, from `from` (the newline before the first row); undefined when a row found
 * does not read as one, or the file cannot be read.
 */
function rowsHolding(file: SealedFile, from: number, needles: readonly string[]): Map<string, FormerRow[]> | undefined {
  const found = new Map<string, FormerRow[]>(needles.map((n) => [n, []]));
  const bytes = needles.map((n) => Buffer.from(n, 'utf8'));
  // One buffer for every piece (grown for a longer line): fresh memory is dear, a few more reads are not.
  let buffer = Buffer.allocUnsafe(PIECE_BYTES);
  for (let at = from, length = PIECE_BYTES; at < file.size; ) {
    if (buffer.length < length) buffer = Buffer.allocUnsafe(length);
    const piece = file.read(at, Math.min(file.size, at + length), buffer);
    if (!piece) return undefined;
    // Whole lines only, each with the newline before it: the piece ends before the last newline in it.
    const end = at + piece.length === file.size ? piece.length : piece.lastIndexOf(0x0a);
    if (end <= 0) {
      length *= 2;
      continue;
    }
    const rows = new Map<number, FormerRow>();
    for (let i = 0; i < bytes.length; i++) {
      const needle = bytes[i]!;
      for (let hit = piece.indexOf(needle); hit !== -1 && hit < end; hit = piece.indexOf(needle, hit + 1)) {
        const start = piece.lastIndexOf(0x0a, hit) + 1;
        let row = rows.get(start);
        if (!row) {
          const stop = piece.indexOf(0x0a, start);
          row = fromLine(piece.toString('utf8', start, stop === -1 || stop > end ? end : stop));
          if (!row) return undefined;
          rows.set(start, row);
        }
        const list = found.get(needles[i]!)!;
        if (list.at(-1) !== row) list.push(row);
      }
    }
    at += end;
    length = PIECE_BYTES;
  }
  return found;
}

/**
 * The former members' rows, when the kept ones still stand for the ledger and store now on
 * disk (`shared`: another copy's stream has events); undefined when they must be derived.
 * Without `withContacts` the rows' stored details are not wanted, and the store is not looked at.
 */
export function keptFormerRows(root: string, shared: boolean, probe: FormerProbe): FormerRow[] | undefined {
  const kept = readFormerFile(root);
  if (!kept) return undefined;
  try {
    return standingRows(root, shared, probe, kept);
  } finally {
    kept.file.close();
  }
}

function standingRows(root: string, shared: boolean, probe: FormerProbe, kept: { header: FormerHeader; file: SealedFile; rows: number }): FormerRow[] | undefined {
  const { header, file } = kept;
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
  const lines: unknown[] = [];
  if (store.tail.length > 0) {
    added += store.tail.length;
    for (const line of Buffer.from(store.tail.buffer, store.tail.byteOffset, store.tail.length).toString('utf8').split('\n')) {
      if (line.trim() === '') continue;
      try {
        lines.push(JSON.parse(line));
      } catch {
        return undefined;
      }
    }
  }
  // What the store's new lines are about (a former member's row?), and the probe, found in one pass over the rows.
  const memberNeedle = (member: number) => `\n[${member},`;
  const keyNeedle = (key: string) => `,${JSON.stringify(key)},`;
  const asked = new Set<string>();
  contactLinesKeepFormer(lines, (member, key) => {
    if (member !== null) asked.add(memberNeedle(member));
    if (key !== null) asked.add(keyNeedle(key));
    return false;
  });
  const needles = [`,${JSON.stringify(probe.nameKey)},`];
  if (probe.email !== undefined) needles.push(`,${JSON.stringify(probe.email.toLowerCase())},`);
  if (probe.phone !== undefined) needles.push(`,${JSON.stringify(phoneKey(probe.phone))}]`);
  const found = rowsHolding(file, kept.rows, [...new Set([...needles, ...asked])]);
  if (!found) return undefined;
  const holds = (needle: string) => (found.get(needle)?.length ?? 0) > 0;
  if (!contactLinesKeepFormer(lines, (member, key) => (member !== null && holds(memberNeedle(member))) || (key !== null && holds(keyNeedle(key))))) return undefined;
  const rows = [...new Set(needles.flatMap((n) => found.get(n) ?? []))];
  if (added > TAIL_BYTES) {
    // The rows stand for the files as they are now: keep them so, and the next change reads no tail.
    const body = file.read(kept.rows, file.size);
    if (body) {
      const parts = Object.fromEntries(Object.entries(marks).map(([p, now]) => [p, now()]));
      const head = Buffer.from(JSON.stringify({ ...header, parts, store: store.now() }), 'utf8');
      writeCacheBytes(root, FORMER_FILE, Buffer.concat([head, body]));
    }
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
