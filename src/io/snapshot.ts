// coop's one cache: a snapshot of what it derived from the group's files, in
// .coop/cache/snapshot.json (git-ignored). It holds
//   - the params of a coop.yml text that passed in full (so yaml and zod need not load),
//   - for each ledger part, what a change needs of it (its summary and line count), and
//   - the derived register (state today, the rules' problems, the filings record), so a
//     command that only reads today's state need not decode the ledger at all.
//
// One staleness rule, beancount's: an input is unchanged while its size and modification time
// (to the nanosecond) are; the coop.yml text, being small, is compared whole. A part modified
// within RACY_MS of the moment its entry was made could be modified again within the same tick of
// the file system's clock, so its entry also keeps a hash of its bytes and is trusted only
// while the hash matches (git's "racy clean" rule). Every entry is keyed on the build of coop
// and the versions of yaml and zod, which judge coop.yml.
//
// The snapshot only ever saves work: missing, spoiled, of another build or format, stale, or
// unwritable, it costs speed and the files are read and derived afresh; never a wrong answer.

import { createHash, randomBytes } from 'node:crypto';
import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { join } from 'node:path';
import type { IsoDate } from '../core/dates.js';
import type { PartSummary } from '../core/ledger/parts.js';
import type { CoopParams } from '../core/params.js';
import type { MeetingRecord } from '../core/meetings/record.js';
import { buildId, cacheFileStamp, readCacheFile, readSealedCacheFile, SEAL_BYTES, sealLine, unsealLine, writeCacheFile, writeCacheText } from './cache-files.js';
import { CACHE_DIR } from '../core/layout.js';
import { packageRoot } from './package-files.js';

export const SNAPSHOT_FILE = 'snapshot.json';
/**
 * Today's register, which is large (megabytes at 100,000 members), lives beside the snapshot in
 * its own file, read only by the commands that use it; the snapshot names it by a random id, so
 * a pair half written (or one of them spoiled) never matches.
 */
export const REGISTER_FILE = 'snapshot-register.json';
/**
 * The former members' rows for the rejoining note on member add (io/former-cache.ts): keyed on
 * the build and each ledger part's and the store's size and time, or the hash of their bytes.
 */
export const FORMER_FILE = 'former.json';
/**
 * The private store's lines by the keys of their values, for the contact guard (io/contacts-index.ts):
 * binary, sealed, keyed on the build and the store's size and time or the hash of its bytes.
 */
export const CONTACTS_INDEX_FILE = 'contacts-index.bin';
/**
 * The register as at any date (io/as-of-cache.ts; core/register/as-of-timeline.ts): each member's
 * state after every day an event mentioned them, binary and sealed, keyed on the build and each
 * ledger part's size and time or the hash of its bytes. A part that only grew is judged by the
 * hash of its first bytes, and the events added are read: the timeline answers a date only when
 * every one of them is dated after it (and none can renumber a member).
 */
export const AS_OF_FILE = 'as-of-timeline.bin';
/** Bumped whenever the file's shape changes: another format is simply not read. */
const FORMAT = 1;
/** A part written this close to its entry being made is checked by hash too (coarse file clocks tick in up to 2 s). */
export const RACY_MS = 2_000;

/** What is known of one ledger part: its identity on disk, and what it holds. */
export interface PartEntry {
  size: number;
  /** Modification time in nanoseconds, as a decimal string (beyond a double's precision). */
  mtimeNs: string;
  /** SHA-256 of its bytes, kept only while its modification time is too recent to trust alone. */
  hash?: string;
  /** Its line breaks: a line appended is numbered this plus its own number. */
  lines: number;
  summary: PartSummary;
}

/** The register derived as on `today`: what `status`, `member list` and `register` today show. */
export interface DerivedRegister {
  today: IsoDate;
  /** The day the state is as at (the founding day while it is ahead, else today). */
  asOf: IsoDate;
  /** The state, in the snapshot's JSON form (see encodeJson). */
  state: unknown;
  /** The rules' problems with every event (`coop check`'s register problems). */
  problems: unknown;
  /** Anything else derived from every event that readers need, by name (JSON). */
  extra: Record<string, unknown>;
}

/** What the snapshot itself says of today's register: which file holds it, for which day. */
interface DerivedMeta {
  id: string;
  today: IsoDate;
}

interface SnapshotFile {
  format: number;
  stamp: string;
  params?: { text: string; params: CoopParams };
  parts?: Record<string, PartEntry>;
  derived?: DerivedMeta;
  /** Meeting records as vetted, by path: kept under the hash of their text (see keepMeetingRecords). */
  meetings?: Record<string, MeetingEntry>;
}

interface Loaded {
  file: SnapshotFile;
  /** The file's stamp when this process last read or wrote it ('unsaved' after a write that did not happen). */
  seen: string | null;
}

const loaded = new Map<string, Loaded>();
let stamp: string | null | undefined;

/**
 * What every entry depends on besides the files: this build of coop and the versions of yaml
 * and zod it runs with. Null, and no snapshot, when any of these cannot be known.
 */
export function snapshotStamp(): string | null {
  if (stamp !== undefined) return stamp;
  stamp = null;
  const id = buildId();
  if (id === null) return stamp;
  try {
    const versions = ['yaml', 'zod'].map((name) => dependencyVersion(packageRoot(), name));
    if (versions.every(Boolean)) stamp = `${id} yaml@${versions[0]} zod@${versions[1]}`;
  } catch {
    // No versions: no snapshot.
  }
  return stamp;
}

/**
 * The installed version of a dependency, looked for where Node would find it: in our own
 * node_modules, then beside us (an installed create-coop's dependencies are usually hoisted).
 */
function dependencyVersion(root: string, name: string): string | undefined {
  for (const at of [`node_modules/${name}/package.json`, `../${name}/package.json`]) {
    let text: string;
    try {
      text = readFileSync(join(root, at), 'utf8');
    } catch {
      continue;
    }
    const version = (JSON.parse(text) as { version?: unknown }).version;
    return typeof version === 'string' ? version : undefined;
  }
  return undefined;
}

/**
 * The snapshot as this process knows it: read once, then kept up to date by what it writes, and
 * read again if the file changed or went under it (another process, or a person), so a process
 * that runs many commands (the library, or the CLI run in-process) sees what a new one would.
 */
function snapshot(root: string): SnapshotFile | null {
  const key = snapshotStamp();
  if (key === null) return null;
  const known = loaded.get(root);
  const seen = cacheFileStamp(root, SNAPSHOT_FILE);
  if (known && known.seen === seen) return known.file;
  const data = readCacheFile(root, SNAPSHOT_FILE) as Partial<SnapshotFile> | null | undefined;
  const file: SnapshotFile = { format: FORMAT, stamp: key };
  if (data && typeof data === 'object' && data.format === FORMAT && data.stamp === key) {
    if (isParamsSection(data.params)) file.params = data.params;
    if (data.parts && typeof data.parts === 'object' && !Array.isArray(data.parts)) {
      file.parts = {};
      for (const [path, entry] of Object.entries(data.parts)) if (isPartEntry(entry)) file.parts[path] = entry;
    }
    if (data.meetings && typeof data.meetings === 'object' && !Array.isArray(data.meetings)) {
      file.meetings = {};
      for (const [path, v] of Object.entries(data.meetings)) {
        if (typeof v?.hash !== 'string' || typeof v.record !== 'object' || v.record === null) continue;
        const earlier = Array.isArray(v.earlier) ? v.earlier.filter((h) => typeof h === 'string' && /^[0-9a-f]{64}$/.test(h)).slice(0, EARLIER_TEXTS) : undefined;
        file.meetings[path] = { hash: v.hash, record: v.record, ...(v.written === true ? { written: true } : {}), ...(earlier?.length ? { earlier } : {}) };
      }
    }
    // The derived register stands on the params and parts it was derived from: with both whole.
    const meta = data.derived as Partial<DerivedMeta> | undefined;
    if (file.params && file.parts && typeof meta?.id === 'string' && typeof meta.today === 'string') file.derived = { id: meta.id, today: meta.today };
  }
  loaded.set(root, { file, seen });
  return file;
}

/** Forgets what this process read (tests that change the files under a running process). */
export function forgetSnapshot(root?: string): void {
  if (root === undefined) loaded.clear();
  else loaded.delete(root);
}

function save(root: string, file: SnapshotFile): void {
  writeCacheFile(root, SNAPSHOT_FILE, file);
  const known = loaded.get(root);
  if (known?.file === file) known.seen = cacheFileStamp(root, SNAPSHOT_FILE) ?? 'unsaved';
}

function isParamsSection(value: unknown): value is { text: string; params: CoopParams } {
  const v = value as { text?: unknown; params?: unknown } | null | undefined;
  return typeof v === 'object' && v !== null && typeof v.text === 'string' && typeof v.params === 'object' && v.params !== null && !Array.isArray(v.params);
}

const COUNT = (x: unknown): boolean => Number.isSafeInteger(x) && (x as number) >= 0;

function isPartEntry(value: unknown): value is PartEntry {
  const v = value as Partial<PartEntry> | null | undefined;
  if (typeof v !== 'object' || v === null) return false;
  if (!COUNT(v.size) || !COUNT(v.lines) || typeof v.mtimeNs !== 'string' || !/^\d+$/.test(v.mtimeNs)) return false;
  if (v.hash !== undefined && (typeof v.hash !== 'string' || !/^[0-9a-f]{64}$/.test(v.hash))) return false;
  const s = v.summary as Partial<PartSummary> | undefined;
  return typeof s === 'object' && s !== null && [s.events, s.firstSeq, s.firstLine, s.lastSeq, s.maxAdmitted, s.maxMentioned].every(COUNT);
}

function isDerived(value: unknown): value is DerivedRegister {
  const v = value as Partial<DerivedRegister> | null | undefined;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.today === 'string' &&
    typeof v.asOf === 'string' &&
    v.state !== undefined &&
    Array.isArray(v.problems) &&
    typeof v.extra === 'object' &&
    v.extra !== null
  );
}

// --- coop.yml ---------------------------------------------------------------------------------

/** The params of exactly this coop.yml text, when this build of coop has validated it before. */
export function snapshotParams(root: string, text: string): CoopParams | undefined {
  const file = snapshot(root);
  return file?.params?.text === text ? file.params.params : undefined;
}

/** True when these params are the snapshot's own (as snapshotParams or keepParams left them): current. */
export function snapshotHoldsParams(root: string, params: CoopParams): boolean {
  return snapshot(root)?.params?.params === params;
}

/** Remembers that this text gave these params (only what JSON gives back exactly). */
export function keepParams(root: string, text: string, params: CoopParams): void {
  const file = snapshot(root);
  if (!file || !isPlainJson(params)) return;
  if (file.params?.text === text) {
    file.params.params = params;
    return;
  }
  file.params = { text, params };
  // Other rules derive another register.
  delete file.derived;
  save(root, file);
}

// --- ledger parts -----------------------------------------------------------------------------

/** A part's identity on disk, from a bigint stat. */
export interface PartStat {
  size: number;
  mtimeNs: bigint;
}

/** True when an entry made at `now` for a file modified at `mtimeNs` must keep the file's hash. */
export function isRacy(mtimeNs: bigint, nowMs: number): boolean {
  return mtimeNs > BigInt(Math.floor(nowMs - RACY_MS)) * 1_000_000n;
}

export function hashBytes(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * The entry for the part at `path`, when the snapshot has one for exactly this size and
 * modification time (and, for a racy one, these bytes: `bytes` reads them). Undefined otherwise.
 */
export function snapshotPart(root: string, path: string, stat: PartStat, bytes: () => Uint8Array): PartEntry | undefined {
  const file = snapshot(root);
  const entry = file?.parts?.[path];
  if (!entry || entry.size !== stat.size || entry.mtimeNs !== String(stat.mtimeNs)) return undefined;
  if (entry.hash !== undefined && hashBytes(bytes()) !== entry.hash) return undefined;
  return entry;
}

/** The paths of every part the snapshot knows. */
export function snapshotPartPaths(root: string): string[] {
  return Object.keys(snapshot(root)?.parts ?? {});
}

/**
 * Replaces the snapshot's parts with these (every part of the ledger as now on disk, or as just
 * written). A change to what any part holds drops the derived register, which stood on them.
 */
export function keepParts(root: string, parts: Record<string, PartEntry>): void {
  const file = snapshot(root);
  if (!file) return;
  const before = file.parts ?? {};
  const same = (a: PartEntry | undefined, b: PartEntry) => a !== undefined && a.size === b.size && a.mtimeNs === b.mtimeNs && a.hash === b.hash;
  const paths = Object.keys(parts);
  if (paths.length === Object.keys(before).length && paths.every((p) => same(before[p], parts[p]!))) return;
  const sameContent = paths.length === Object.keys(before).length && paths.every((p) => before[p]?.size === parts[p]!.size && before[p]?.mtimeNs === parts[p]!.mtimeNs);
  file.parts = parts;
  if (!sameContent) delete file.derived;
  save(root, file);
}

// --- the derived register ---------------------------------------------------------------------

/**
 * The derived register as on `today`, when the snapshot holds one derived from exactly the
 * params and parts now on disk. `current` says whether they are: the caller found coop.yml's
 * text and every part (and no other) in the snapshot.
 */
export function snapshotDerived(root: string, today: IsoDate, current: boolean): DerivedRegister | undefined {
  if (!current) return undefined;
  const meta = snapshot(root)?.derived;
  if (meta?.today !== today) return undefined;
  const data = readCacheFile(root, REGISTER_FILE) as (DerivedRegister & { id?: unknown }) | null | undefined;
  if (data?.id !== meta.id || !isDerived(data) || data.today !== today) return undefined;
  return data;
}

/** Keeps the derived register, when the params and parts it came from are the snapshot's. */
export function keepDerived(root: string, derived: DerivedRegister, current: boolean, status?: unknown): void {
  const file = snapshot(root);
  if (!file || !current || !file.params || !file.parts) return;
  const id = randomBytes(8).toString('hex');
  // The register first, then the snapshot that names it: a crash between leaves no match.
  writeCacheFile(root, REGISTER_FILE, { id, ...derived });
  if (status !== undefined) writeCacheFile(root, STATUS_FILE, { id, today: derived.today, status });
  file.derived = { id, today: derived.today };
  save(root, file);
}

// --- what status shows, and one member at a time ----------------------------------------------
//
// Two small readers of today's register, each in its own file named by the register's id (so a
// file of another register, or half written, never matches): what `coop status` prints, a few
// kilobytes, so that status need not read megabytes of members; and each member's `member show`
// facts, one JSON line a member in membership-number order, so that one line is found by
// halving the file and parsed alone.

/** What `coop status` shows of today's register (see api/today.ts). */
export const STATUS_FILE = 'snapshot-status.json';
/** A first line {"id","today"}, then [number, …facts] a line, by number (see api/today.ts). */
export const MEMBERS_FILE = 'snapshot-members.jsonl';

/** The derived register's id, when the snapshot holds one for `today` derived from the files now on disk. */
function derivedId(root: string, today: IsoDate, current: boolean): string | undefined {
  if (!current) return undefined;
  const meta = snapshot(root)?.derived;
  return meta?.today === today ? meta.id : undefined;
}

/** What status shows, as kept with today's register (JSON), or undefined. */
export function snapshotStatus(root: string, today: IsoDate, current: boolean): unknown {
  const id = derivedId(root, today, current);
  if (id === undefined) return undefined;
  const data = readCacheFile(root, STATUS_FILE) as { id?: unknown; today?: unknown; status?: unknown } | null | undefined;
  return data?.id === id && data.today === today ? data.status : undefined;
}

/** True when the snapshot holds today's register (derived from its params and parts). */
export function snapshotHasDerived(root: string, today: IsoDate): boolean {
  return derivedId(root, today, true) !== undefined;
}

/** Keeps each member's line ([number, …], in number order) beside today's register, when it is current. */
export function keepMemberLines(root: string, today: IsoDate, lines: Iterable<string>, current: boolean): void {
  const id = derivedId(root, today, current);
  if (id === undefined) return;
  writeCacheText(root, MEMBERS_FILE, withNewlines(JSON.stringify({ id, today }), lines));
}

/** Each line sealed on its own, as it is read alone. */
function* withNewlines(head: string, lines: Iterable<string>): Generator<string> {
  yield `${sealLine(head)}\n`;
  for (const line of lines) yield `${sealLine(line)}\n`;
}

/**
 * The kept line of member `number`, parsed (an array starting with the number), or undefined:
 * no current file, or no such line. Found by halving the file, so only a few kilobytes are read.
 */
export function snapshotMemberLine(root: string, today: IsoDate, number: number, current: boolean): unknown[] | undefined {
  const id = derivedId(root, today, current);
  if (id === undefined) return undefined;
  let fd: number;
  try {
    fd = openSync(join(root, CACHE_DIR, MEMBERS_FILE), 'r');
  } catch {
    return undefined;
  }
  try {
    // The file's own seal (its last line) is not read: each line read is checked against its own.
    const size = fstatSync(fd).size - SEAL_BYTES;
    const first = lineFrom(fd, 0, size);
    const head = first && (JSON.parse(first.text) as { id?: unknown; today?: unknown } | null);
    if (!first || head?.id !== id || head.today !== today) return undefined;
    let lo = first.next;
    let hi = size;
    while (lo < hi) {
      const mid = lo + Math.floor((hi - lo) / 2);
      // The first line that starts at or after mid (lo always starts one).
      const start = mid === lo ? lo : nextLineStart(fd, mid - 1, hi);
      if (start >= hi) {
        hi = mid;
        continue;
      }
      const line = lineFrom(fd, start, size);
      if (!line) return undefined;
      const row = JSON.parse(line.text) as unknown;
      if (!Array.isArray(row) || !Number.isSafeInteger(row[0])) return undefined;
      if (row[0] === number) return row;
      if ((row[0] as number) < number) lo = line.next;
      else hi = start;
    }
    return undefined;
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/**
 * What a read printed of today's register, by name (the command and the options that shape its
 * text: never contact details), kept as its exact text so the next run prints it again without
 * building 100,000 rows: a first line {"id","today"}, then the text.
 */
export function outputFile(name: string): string {
  return `snapshot-out-${name}.txt`;
}

/** The text kept under `name` for today's register as now on disk (its UTF-8 bytes), or undefined. */
export function snapshotOutput(root: string, today: IsoDate, name: string, current: boolean): Uint8Array | undefined {
  const id = derivedId(root, today, current);
  if (id === undefined) return undefined;
  const bytes = readSealedCacheFile(root, outputFile(name));
  if (bytes === undefined) return undefined;
  const head = Buffer.from(`${JSON.stringify({ id, today })}\n`);
  // Bytes, not text: decoding 25 MB of it only to encode it again for stdout was most of the run.
  if (bytes.length < head.length || !bytes.subarray(0, head.length).equals(head)) return undefined;
  return bytes.subarray(head.length);
}

/** Keeps a read's text under `name` beside today's register, when that is current. */
export function keepOutput(root: string, today: IsoDate, name: string, text: string, current: boolean): void {
  const id = derivedId(root, today, current);
  if (id !== undefined) writeCacheText(root, outputFile(name), `${JSON.stringify({ id, today })}\n${text}`);
}

const WINDOW = 1 << 14;

/** The offset just after the first newline at or after `from`, or `limit` if none comes before it. */
function nextLineStart(fd: number, from: number, limit: number): number {
  const buffer = Buffer.allocUnsafe(WINDOW);
  for (let at = from; at < limit; at += WINDOW) {
    const got = readSync(fd, buffer, 0, Math.min(WINDOW, limit - at), at);
    if (got <= 0) break;
    const i = buffer.subarray(0, got).indexOf(0x0a);
    if (i >= 0) return at + i + 1;
  }
  return limit;
}

/** The line starting at `start` (its text, without the newline) and where the next begins; undefined if it never ends. */
function lineFrom(fd: number, start: number, size: number): { text: string; next: number } | undefined {
  const end = nextLineStart(fd, start, size);
  if (end === size && (end === start || !endsWithNewline(fd, size))) return undefined;
  const bytes = Buffer.allocUnsafe(end - 1 - start);
  if (readSync(fd, bytes, 0, bytes.length, start) !== bytes.length) return undefined;
  const text = unsealLine(bytes.toString('utf8'));
  return text === undefined ? undefined : { text, next: end };
}

function endsWithNewline(fd: number, size: number): boolean {
  const last = Buffer.alloc(1);
  return size > 0 && readSync(fd, last, 0, 1, size - 1) === 1 && last[0] === 0x0a;
}

// --- meeting records -------------------------------------------------------------------------

/**
 * A meeting record kept: the record vetted from the text with this hash; `written` when coop
 * wrote that text itself from a vetted record (so the record is exactly the text's JSON); and
 * the hashes of texts coop wrote earlier at the same path, newest first.
 */
interface MeetingEntry {
  hash: string;
  record: unknown;
  written?: true;
  earlier?: string[];
}

/** How many earlier texts of a record are remembered: one meeting's later commands, undone (git revert, reset). */
const EARLIER_TEXTS = 4;

/**
 * The record at `path`, as vetted when its text had this hash; or, for a text coop itself wrote
 * there earlier (a change undone with git brings it back), its JSON, which is what coop wrote
 * it from. `text` gives the text the hash is of.
 */
export function snapshotMeetingRecord(root: string, path: string, hash: string, text: () => string): MeetingRecord | undefined {
  const kept = snapshot(root)?.meetings?.[path];
  if (kept?.hash === hash) return kept.record as MeetingRecord;
  if (!kept?.earlier?.includes(hash)) return undefined;
  try {
    return JSON.parse(text()) as MeetingRecord;
  } catch {
    return undefined;
  }
}

/**
 * Keeps records just vetted or written (only plain JSON ones: a kept record must read back the
 * same). A text coop wrote that another replaces is remembered by its hash (as earlier).
 */
export function keepMeetingRecords(root: string, records: Record<string, { hash: string; record: MeetingRecord; written?: boolean }>): void {
  const file = snapshot(root);
  const fresh = Object.entries(records).filter(([, v]) => isPlainJson(v.record));
  if (!file || fresh.length === 0) return;
  const meetings = { ...file.meetings };
  for (const [path, { hash, record, written }] of fresh) {
    const old = meetings[path];
    const earlier = [...(old?.written && old.hash !== hash ? [old.hash] : []), ...(old?.earlier ?? [])].filter((h) => h !== hash).slice(0, EARLIER_TEXTS);
    meetings[path] = { hash, record, ...(written ? { written: true } : {}), ...(earlier.length > 0 ? { earlier } : {}) };
  }
  file.meetings = meetings;
  save(root, file);
}

// --- JSON with Maps ---------------------------------------------------------------------------

/**
 * A value as JSON that gives it back exactly (Maps included), or undefined when it holds
 * anything JSON cannot carry (undefined in an object, a non-finite number, -0, a class).
 */
export function encodeJson(value: unknown): unknown {
  try {
    return encode(value);
  } catch {
    return undefined;
  }
}

function encode(value: unknown): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || Object.is(value, -0)) throw new Error('not JSON');
    return value;
  }
  if (Array.isArray(value)) return value.map(encode);
  if (value instanceof Map) return encodeMap(value);
  if (typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) throw new Error('not JSON');
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as object)) {
    if (v === undefined || k === '$map' || k === '$rows') throw new Error('not JSON');
    out[k] = encode(v);
  }
  return out;
}

/**
 * A Map as JSON. A Map of records all with the same keys (members by number) goes by rows, its
 * keys named once: a tenth of the size, and quick to read back.
 */
function encodeMap(map: Map<unknown, unknown>): unknown {
  const first = map.values().next().value as unknown;
  const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype;
  if (isRecord(first)) {
    const keys = Object.keys(first);
    const rows: unknown[][] = [];
    let same = true;
    for (const [k, v] of map) {
      // The same keys in the same order: a record read back must print exactly as it was.
      const own = isRecord(v) ? Object.keys(v) : [];
      if (!isRecord(v) || own.length !== keys.length || !own.every((key, i) => key === keys[i])) {
        same = false;
        break;
      }
      rows.push([encode(k), ...keys.map((key) => encode(v[key]))]);
    }
    if (same) return { $rows: [keys, ...rows] };
  }
  return { $map: [...map].map(([k, v]) => [encode(k), encode(v)]) };
}

/** The value encodeJson was given. */
export function decodeJson(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(decodeJson);
  const rows = (value as { $rows?: unknown }).$rows;
  if (Array.isArray(rows)) {
    const [keys, ...data] = rows as [string[], ...unknown[][]];
    const out = new Map<unknown, unknown>();
    for (const row of data) {
      const record: Record<string, unknown> = {};
      for (let i = 0; i < keys.length; i++) {
        const v = row[i + 1];
        record[keys[i]!] = v !== null && typeof v === 'object' ? decodeJson(v) : v;
      }
      out.set(decodeJson(row[0]), record);
    }
    return out;
  }
  const map = (value as { $map?: unknown }).$map;
  if (Array.isArray(map)) return new Map(map.map((pair) => [decodeJson((pair as unknown[])[0]), decodeJson((pair as unknown[])[1])]));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = decodeJson(v);
  return out;
}

/** True when JSON.stringify then JSON.parse gives back an equal value. */
function isPlainJson(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0);
  if (Array.isArray(value)) return value.every(isPlainJson);
  if (typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return false;
  return Object.values(value as object).every((v) => v !== undefined && isPlainJson(v));
}

// --- coop check's proof of the ledger ----------------------------------------------------------

/**
 * `coop check` keeps what it proved of the ledger in its own file beside the snapshot
 * (src/io/check-cache.ts reads and writes it; src/api/check-register.ts says what it holds),
 * keyed like the snapshot: this stamp, the coop.yml text, the day, and each part's size and
 * modification time. It never holds a part modified within RACY_MS of being proved (such a
 * proof is simply not kept), and a part that only grew is known by a hash of its old bytes.
 * Like the snapshot it only saves work: missing, spoiled or stale, the ledger is proved afresh.
 */
export const CHECK_FILE = 'check-ledger.json';
/** The state that proof reached (large: megabytes at 100,000 members), named by the proof's random id; read only to go on deriving. */
export const CHECK_STATE_FILE = 'check-state.json';
/**
 * What coop check found in the private files and their leaks into tracked files, kept under a
 * hash of everything it was worked out from (the ledger's proof, coop.yml, the day, and the size
 * and modification time of the private files and of every tracked file); never kept while one
 * of them is too recently modified to be known by its time. While the private files and the
 * registered office are as they were, what the store says and each unchanged file's leaks are
 * taken from it, and only the files changed since are searched again.
 */
export const CHECK_SCAN_FILE = 'check-scan.json';
/** The ledger's names (for the leak scan) and admission keys, beside the kept state and named by the same id: read only when the scan is worked out again. */
export const CHECK_NAMES_FILE = 'check-names.json';
/**
 * The members of that state (its one large part), one a line, named by the same id: a later
 * check decodes only the members the lines appended since touch, and reads the rest whole only
 * when something needs every member.
 */
export const CHECK_MEMBERS_FILE = 'check-members.jsonl';
