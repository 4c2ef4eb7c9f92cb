// The register as at any date, kept in .coop/cache/as-of-timeline.bin (io/snapshot.ts, AS_OF_FILE):
// the timeline of core/register/as-of-timeline.ts, so that `coop register --as-of`, `print
// register --as-of` and `member export --as-of` read a few megabytes of numbers for any date
// instead of decoding and replaying the whole ledger.
//
// Keyed like the former members' rows (io/former-cache.ts): the build, and each ledger part's
// size and modification time, trusted alone only when the part was not modified within
// RACY_MS of its mark being made, else by the hash of its bytes. The ledger only grows, so a
// part longer than it was is judged by its first bytes' hash, and what was added after them
// (and any part added since) is decoded: the timeline answers a date only when every added
// event leaves that date's register as it was (addedLeavePast). Missing, spoiled, stale or
// unwritable, it only costs speed: the caller derives the register afresh.
//
// The file: one line of JSON (the key, the dates and the texts), spaces up to a multiple of 8
// bytes, then the columns as little-endian 32-bit whole numbers, then the loans and deposits
// as 64-bit floats, and the seal (cache-files.ts).

import { statSync } from 'node:fs';
import { endianness } from 'node:os';
import { join } from 'node:path';
import type { IsoDate } from '../core/dates.js';
import { decodeLedgerBytes } from '../core/ledger/events.js';
import { addedLeavePast, OFFICER_FIELDS, PROPERTY_FIELDS, REPAID_FIELDS, VERSION_FIELDS, type AsOfTimeline } from '../core/register/as-of-timeline.js';
import { readSealedCacheFile } from './cache-files.js';
import { storedFile, writeCacheBytes } from './file-prefix.js';
import { addedSince, EMPTY as NO_FILE, isMark, ledgerPartPaths, markOf, type FileMark } from './former-cache.js';
import { AS_OF_FILE, snapshotPart, snapshotPartPaths, snapshotStamp } from './snapshot.js';

const FORMAT = 1;

interface Header {
  format: number;
  stamp: string;
  /** Every ledger part the timeline was made from, by path. */
  parts: Record<string, FileMark>;
  maxNumber: number;
  dates: IsoDate[];
  strings: string[];
  /** How many members, versions, loan rows, officers' terms and repayments. */
  counts: [number, number, number, number, number];
}

/**
 * The timeline kept for the ledger now on disk, when it answers `asOf`: every part as marked,
 * or grown from its marked bytes by events that leave the register as at `asOf` as it was.
 */
export function keptTimeline(root: string, asOf: IsoDate): AsOfTimeline | undefined {
  const stamp = snapshotStamp();
  if (stamp === null || endianness() !== 'LE') return undefined;
  const body = readSealedCacheFile(root, AS_OF_FILE);
  if (body === undefined) return undefined;
  const br = body.indexOf(0x0a);
  if (br < 0) return undefined;
  let header: Partial<Header>;
  try {
    header = JSON.parse(body.toString('utf8', 0, br)) as Partial<Header>;
  } catch {
    return undefined;
  }
  if (!isHeader(header, stamp)) return undefined;
  const paths = ledgerPartPaths(root);
  for (const path of Object.keys(header.parts)) if (!paths.includes(path) && header.parts[path]!.size > 0) return undefined;
  for (const path of paths) {
    const since = addedSince(root, path, header.parts[path] ?? NO_FILE);
    if (!since) return undefined;
    if (since.tail.length === 0) continue;
    const added = decodeLedgerBytes(since.tail);
    if (added.problems.length > 0 || !addedLeavePast(added.events, asOf, header.maxNumber)) return undefined;
  }
  return columns(header, body, br + 1);
}

function isHeader(h: Partial<Header> | null, stamp: string): h is Header {
  if (h?.format !== FORMAT || h.stamp !== stamp || !Number.isSafeInteger(h.maxNumber)) return false;
  const { parts, dates, strings, counts } = h;
  const texts = (a: unknown) => Array.isArray(a) && a.every((x) => typeof x === 'string');
  const marked = typeof parts === 'object' && parts !== null && !Array.isArray(parts) && Object.values(parts).every(isMark);
  return marked && texts(dates) && texts(strings) && Array.isArray(counts) && counts.length === 5 && counts.every((n) => Number.isSafeInteger(n) && n >= 0);
}

/** The columns after the header line (padded to 8 bytes), checked to fit the file exactly and to point at dates and texts it has. */
function columns(header: Header, body: Buffer, from: number): AsOfTimeline | undefined {
  const [members, versions, property, officers, repaid] = header.counts;
  const start = from + ((8 - (from % 8)) % 8);
  const ints = members * 3 + versions * VERSION_FIELDS + officers * OFFICER_FIELDS + repaid * REPAID_FIELDS;
  const floatsAt = start + ints * 4 + ((ints * 4) % 8);
  if (floatsAt + property * PROPERTY_FIELDS * 8 !== body.length) return undefined;
  // Typed arrays need their own alignment: the file's bytes are copied only when they lack it.
  const bytes = body.byteOffset % 8 === 0 ? body : Buffer.from(new Uint8Array(body).buffer);
  const int32 = new Int32Array(bytes.buffer, bytes.byteOffset + start, ints);
  let at = 0;
  const take = (n: number) => int32.subarray(at, (at += n));
  const t: AsOfTimeline = {
    dates: header.dates,
    strings: header.strings,
    maxNumber: header.maxNumber,
    number: take(members),
    joined: take(members),
    versions: take(members),
    version: take(versions * VERSION_FIELDS),
    officers: take(officers * OFFICER_FIELDS),
    repaid: take(repaid * REPAID_FIELDS),
    property: new Float64Array(bytes.buffer, bytes.byteOffset + floatsAt, property * PROPERTY_FIELDS),
  };
  return pointsWithin(t) ? t : undefined;
}

/** True when every index in the timeline names a date or text it has (a sealed file of another shape must not read as one). */
function pointsWithin(t: AsOfTimeline): boolean {
  const days = t.dates.length;
  const texts = t.strings.length;
  const day = (i: number, nullable = false) => (nullable && i === -1) || (i >= 0 && i < days);
  const text = (i: number, nullable = false) => (nullable && i === -1) || (i >= 0 && i < texts);
  let total = 0;
  for (let i = 0; i < t.number.length; i++) {
    if (!day(t.joined[i]!) || t.versions[i]! < 1) return false;
    total += t.versions[i]!;
  }
  if (total * VERSION_FIELDS !== t.version.length) return false;
  const v = t.version;
  for (let k = 0; k < v.length; k += VERSION_FIELDS) {
    if (!day(v[k]!) || !text(v[k + 2]!) || !day(v[k + 3]!, true) || !text(v[k + 4]!, true) || !text(v[k + 5]!) || !day(v[k + 6]!, true)) return false;
  }
  for (let k = 0; k < t.officers.length; k += OFFICER_FIELDS) {
    if (!text(t.officers[k + 1]!) || !day(t.officers[k + 2]!) || !day(t.officers[k + 3]!, true)) return false;
  }
  for (let k = 0; k < t.repaid.length; k += REPAID_FIELDS) if (!day(t.repaid[k + 1]!)) return false;
  for (let k = 0; k < t.property.length; k += PROPERTY_FIELDS) if (!day(t.property[k + 1]!)) return false;
  return true;
}

/**
 * The marks of the ledger's parts as the group was opened, taken before its events are read:
 * each part now on disk is the one the snapshot knew when the ledger was opened (so the events
 * are read from these bytes), else undefined and nothing is kept.
 */
export function markParts(root: string): Record<string, FileMark> | undefined {
  if (snapshotStamp() === null || endianness() !== 'LE') return undefined;
  const at = Date.now();
  const paths = ledgerPartPaths(root);
  if (paths.length !== snapshotPartPaths(root).length) return undefined;
  const marks: Record<string, FileMark> = {};
  for (const path of paths) {
    const file = storedFile(join(root, path));
    const mark = markOf(file, at);
    if (!file || !mark || !snapshotPart(root, path, { size: file.size, mtimeNs: file.mtimeNs }, () => file.bytes() ?? new Uint8Array(0))) return undefined;
    marks[path] = mark;
  }
  return marks;
}

/** Keeps the timeline made from the parts so marked, when they are still as marked (no change came while it was made). */
export function keepTimeline(root: string, t: AsOfTimeline, marks: Record<string, FileMark>): void {
  const stamp = snapshotStamp();
  if (stamp === null) return;
  for (const [path, mark] of Object.entries(marks)) {
    try {
      const st = statSync(join(root, path), { bigint: true });
      if (Number(st.size) !== mark.size || String(st.mtimeNs) !== mark.mtimeNs) return;
    } catch {
      return;
    }
  }
  const counts: Header['counts'] = [
    t.number.length,
    t.version.length / VERSION_FIELDS,
    t.property.length / PROPERTY_FIELDS,
    t.officers.length / OFFICER_FIELDS,
    t.repaid.length / REPAID_FIELDS,
  ];
  const header: Header = { format: FORMAT, stamp, parts: marks, maxNumber: t.maxNumber, dates: t.dates, strings: t.strings, counts };
  const head = Buffer.from(`${JSON.stringify(header)}\n`, 'utf8');
  const start = head.length + ((8 - (head.length % 8)) % 8);
  const ints = [t.number, t.joined, t.versions, t.version, t.officers, t.repaid];
  const intBytes = ints.reduce((n, a) => n + a.length * 4, 0);
  const floatsAt = start + intBytes + (intBytes % 8);
  // Only the padding is filled: every other byte is written below.
  const out = Buffer.allocUnsafe(floatsAt + t.property.length * 8);
  out.fill(0x20, head.length, start);
  out.fill(0x20, start + intBytes, floatsAt);
  head.copy(out, 0);
  let at = start;
  for (const a of ints) {
    Buffer.from(a.buffer, a.byteOffset, a.length * 4).copy(out, at);
    at += a.length * 4;
  }
  Buffer.from(t.property.buffer, t.property.byteOffset, t.property.length * 8).copy(out, floatsAt);
  writeCacheBytes(root, AS_OF_FILE, out);
}
