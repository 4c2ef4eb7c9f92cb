// Reading the ledger's parts (src/core/ledger/parts.ts) from disk.
//
// Most changes need to know only a little of the register: that every line reads, the last seq,
// the highest membership number. The full parts never change, so that much of each is kept in
// the snapshot (snapshot.ts), keyed by the part's size and modification time: a part edited by
// hand has a new one and is read afresh, and a snapshot that is missing, stale or unreadable is
// simply remade. It is only a shortcut: deleting it changes nothing but speed. Everything
// else — every event, in order — is decoded when first asked for (`read()`), and `coop check`
// always decodes every part.

import { randomBytes } from 'node:crypto';
import { closeSync, fstatSync, mkdirSync, openSync, readFileSync, readSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../errors.js';
import { decodeLedgerBytes, encodeEvent, LEDGER_FILE, type LedgerEvent } from '../core/ledger/events.js';
import {
  combineSummaries,
  distributeLines,
  isLedgerPart,
  PART_BYTES,
  partNumberOf,
  partPath,
  REGISTER_DIR,
  STREAM_ID,
  summariseEvents,
  type PartSummary,
} from '../core/ledger/parts.js';
import { orderWriterEvents } from '../core/ledger/streams.js';
import { resolveNumbers, type Renumbering } from '../core/ledger/renumber.js';
import { admissionKey } from '../core/ledger/admission.js';
import { writeFileAtomic } from './atomic.js';
import { fileMayContain } from './text-search.js';
import { markedFiles } from './merge-guard.js';
import { conflictMarkersMessage } from '../core/conflict-markers.js';
import { COOP_DIR } from '../core/layout.js';
import { hashBytes, isRacy, keepParts, snapshotPart, snapshotPartPaths, type PartEntry } from './snapshot.js';
import type { FileChange } from './transaction.js';

export interface LedgerProblem {
  /** The part, as "register/ledger-2.jsonl". */
  path: string;
  /** The line within the part. */
  line: number;
  message: string;
}

interface Decoded {
  events: LedgerEvent[];
  lines: number[];
  problems: { line: number; message: string }[];
}

interface Part {
  /** '' for the group's first ledger, or a writer's id. */
  stream: string;
  number: number;
  path: string;
  size: number;
  endsMidLine: boolean;
  summary: PartSummary;
  /** Its entry in the snapshot: as found there, or as made from its bytes (clean parts only). */
  entry?: PartEntry;
  /** Set once the part is decoded. */
  decoded?: Decoded;
}

/** Every event of the ledger, in file order across its parts. */
export interface Ledger {
  events: LedgerEvent[];
  /** lines[i] is the line of events[i] within its part. */
  lines: number[];
  /** Lines that cannot be read, parts missing, seq out of order: with where they are. */
  problems: LedgerProblem[];
  /** Each part with the range of events it holds: events[first] … events[first + count - 1]. */
  parts: { path: string; first: number; count: number }[];
  /** "register/ledger-2.jsonl:12" for events[i]. */
  whereOf(i: number): string;
  /** The stream that recorded events[i]: '' for the group's first ledger (see streams.ts). */
  streamOf(i: number): string;
  /** The part that holds events[i]: "register/3f…/ledger.jsonl". */
  pathOf(i: number): string;
  /** Members whose number was changed because two copies gave it out (core/ledger/renumber.ts). */
  renumbered: Renumbering[];
  /** The key of the admission events[i] records (undefined for other events): from the line as written. */
  keyOf(i: number): string | undefined;
}

export interface LedgerHandle {
  /** The stream this copy's new events go to ('' for the group's first ledger). */
  stream: string;
  /** The parts' summaries as one: last seq, highest membership numbers, events. */
  summary: PartSummary;
  /** True when every line of every part reads, the parts are all there and seq rises throughout. */
  clean: boolean;
  /** True when another copy's stream has events: only then can two copies have given one number (read() says). */
  shared: boolean;
  /** True when the snapshot knew every part as it is on disk, and no other: what it derived stands. */
  fromSnapshot: boolean;
  /** True when every part is now in the snapshot (all read clean): what is derived from them may be kept. */
  allKnown: boolean;
  /** Every event, decoded on first call. */
  read(): Ledger;
  /** The file changes that add these events (numbered by planAppend) to this copy's stream. */
  appendChanges(added: readonly LedgerEvent[]): FileChange[];
  /**
   * After those changes are written: remembers the parts they made in the snapshot, so the next
   * change need not decode the part that grew. Best effort, like every cache write. Opened with
   * `forChange`, the handle keeps the parts as read only here: call it once the change is done
   * (with no changes when there were none, or it failed), so the snapshot is written once.
   */
  remember(changes: readonly FileChange[]): void;
  /**
   * False when no part's text holds `word` (lower-case ASCII, compared without case): a quick
   * look through the bytes, far cheaper than decoding, for a search that usually finds nothing.
   */
  mayMention(word: string): boolean;
}

/** The parts there are in one stream's folder, by number, and the numbers missing below the highest. */
function listParts(dir: string): { numbers: number[]; missing: number[] } {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return { numbers: [], missing: [] };
  }
  const numbers = names
    .map(partNumberOf)
    .filter((n): n is number => n !== undefined)
    .sort((a, b) => a - b);
  const missing: number[] = [];
  const have = new Set(numbers);
  const highest = numbers.at(-1) ?? 0;
  for (let n = 1; n < highest; n++) if (!have.has(n)) missing.push(n);
  return { numbers, missing };
}

/** Every stream: the group's first ledger (''), then each writer's folder under register/, by id. */
export function listStreams(root: string): { stream: string; numbers: number[]; missing: number[] }[] {
  const dir = join(root, REGISTER_DIR);
  const out = [{ stream: '', ...listParts(dir) }];
  let entries: string[] = [];
  try {
    entries = readdirSync(dir)
      .filter((name) => STREAM_ID.test(name))
      .sort();
  } catch {
    return out;
  }
  for (const stream of entries) out.push({ stream, ...listParts(join(dir, stream)) });
  return out;
}

const WRITER_FILE = join(COOP_DIR, 'writer');

/** This copy's stream id, from .coop/writer (git-ignored, so every clone has its own), if it has one yet. */
function readWriterId(root: string): string | undefined {
  try {
    const id = readFileSync(join(root, WRITER_FILE), 'utf8').trim();
    return STREAM_ID.test(id) ? id : undefined;
  } catch {
    return undefined;
  }
}

function keepWriterId(root: string, id: string): void {
  mkdirSync(join(root, COOP_DIR), { recursive: true });
  writeFileAtomic(join(root, WRITER_FILE), `${id}\n`);
}

/** One buffer reused for every part read (fresh memory is slow to touch): the decoder copies what it keeps. */
let partBuffer: Buffer | undefined;

/** A part's bytes, in the shared buffer: good until the next part is read. */
function readPart(root: string, path: string): Buffer {
  const fd = openSync(join(root, path), 'r');
  try {
    const size = fstatSync(fd).size;
    if (!partBuffer || partBuffer.length < size) partBuffer = Buffer.allocUnsafe(Math.max(size, 1 << 20));
    let n = 0;
    while (n < size) {
      const got = readSync(fd, partBuffer, n, size - n, n);
      if (got === 0) break;
      n += got;
    }
    return partBuffer.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

function partBytesLimit(): number {
  // Test-only, like COOP_TEST_FAIL_AT: lets the suites fill parts with a few lines, not a megabyte.
  const n = Number(process.env.COOP_TEST_PART_BYTES);
  return Number.isSafeInteger(n) && n > 0 ? n : PART_BYTES;
}

/** A part's size and modification time, and its bytes when asked for (read once). */
function statPart(root: string, path: string): { size: number; mtimeNs: bigint; bytes: () => Buffer } {
  const stat = statSync(join(root, path), { bigint: true });
  let bytes: Buffer | undefined;
  return { size: Number(stat.size), mtimeNs: stat.mtimeNs, bytes: () => (bytes ??= readPart(root, path)) };
}

/** The snapshot's entry for a part just read: with its hash while its time is too recent to trust. */
function entryOf(bytes: Uint8Array, mtimeNs: bigint, summary: PartSummary, now: number): PartEntry {
  const entry: PartEntry = { size: bytes.length, mtimeNs: String(mtimeNs), lines: lineBreaks(bytes), summary };
  if (isRacy(mtimeNs, now)) entry.hash = hashBytes(bytes);
  return entry;
}

/**
 * Opens the ledger. Each part is recognised from the snapshot by its size and modification
 * time, or decoded. With `cache: false` (coop check, and reads, which decode everything anyway)
 * every part is decoded; the snapshot still learns them.
 */
export function openLedger(root: string, options: { cache?: boolean; forChange?: boolean } = {}): LedgerHandle {
  const useCache = options.cache !== false;
  const now = Date.now();
  const streams = listStreams(root);
  const kept = readWriterId(root);
  // A copy that has never written gets its id with its first change (appendChanges keeps it).
  const writer = kept ?? randomBytes(6).toString('hex');
  const known: Record<string, PartEntry> = {};
  let hits = 0;
  const listed = streams.flatMap((s) => s.numbers.map((number) => ({ stream: s.stream, number })));
  const parts: Part[] = listed.map(({ stream, number }) => {
    const path = partPath(number, stream);
    const stat = statPart(root, path);
    const hit = useCache ? snapshotPart(root, path, stat, stat.bytes) : undefined;
    if (hit) {
      hits += 1;
      // Once its time is old enough to trust, a racy entry goes without its hash.
      const { hash, ...trusted } = hit;
      known[path] = hash !== undefined && !isRacy(BigInt(hit.mtimeNs), now) ? trusted : hit;
      return { stream, number, path, size: hit.size, endsMidLine: false, summary: hit.summary, entry: known[path] };
    }
    const bytes = stat.bytes();
    const part: Part = { stream, number, path, size: bytes.length, endsMidLine: bytes.length > 0 && bytes[bytes.length - 1] !== 0x0a, summary: summariseEvents([], []) };
    part.decoded = decodeLedgerBytes(bytes);
    part.summary = summariseEvents(part.decoded.events, part.decoded.lines);
    if (part.decoded.problems.length === 0 && !part.endsMidLine) {
      part.entry = entryOf(bytes, stat.mtimeNs, part.summary, now);
      known[path] = part.entry;
    }
    return part;
  });
  const fromSnapshot = useCache && hits === parts.length && snapshotPartPaths(root).length === parts.length;
  // Only clean parts are kept, and only those still in the ledger, so the snapshot stays small.
  // A change keeps them with the parts it writes, in one write (remember).
  if (!options.forChange) keepParts(root, known);

  const orderProblems: LedgerProblem[] = [];
  for (const s of streams) {
    for (const n of s.missing) {
      const path = partPath(n, s.stream);
      orderProblems.push({ path, line: 0, message: `is missing: the register is kept in parts and every part is needed (restore it from git: git checkout -- ${path})` });
    }
  }
  let before = 0;
  let stream = '';
  for (const p of parts) {
    if (p.stream !== stream) [stream, before] = [p.stream, 0];
    if (p.summary.events > 0 && before > 0 && p.summary.firstSeq <= before) {
      orderProblems.push({
        path: p.path,
        line: p.summary.firstLine,
        message: `has seq ${p.summary.firstSeq}, but seq must increase down the file (the line before has ${before})`,
      });
    }
    before = Math.max(before, p.summary.lastSeq);
  }
  const first = parts.filter((p) => p.stream === '');
  const writers = parts.filter((p) => p.stream !== '');
  const firstSummary = combineSummaries(first.map((p) => p.summary));
  const writersSummary = combineSummaries(writers.map((p) => p.summary));
  /** The highest clock (seq) in any stream: the next event written gets one more. */
  const clock = Math.max(firstSummary.lastSeq, writersSummary.lastSeq);
  const clean = orderProblems.length === 0 && parts.every((p) => !p.decoded || p.decoded.problems.length === 0);

  let ledger: Ledger | undefined;
  const read = (): Ledger => {
    if (ledger) return ledger;
    const problems: LedgerProblem[] = [];
    const ranges: Ledger['parts'] = [];
    let at = 0;
    for (const p of first) {
      p.decoded ??= decodeLedgerBytes(readPart(root, p.path));
      ranges.push({ path: p.path, first: at, count: p.decoded.events.length });
      at += p.decoded.events.length;
    }
    for (const p of parts) {
      p.decoded ??= decodeLedgerBytes(readPart(root, p.path));
      for (const q of p.decoded.problems) problems.push({ path: p.path, line: q.line, message: q.message });
    }
    let events = first.length === 1 ? first[0]!.decoded!.events : ([] as LedgerEvent[]).concat(...first.map((p) => p.decoded!.events));
    let lines = first.length === 1 ? first[0]!.decoded!.lines : ([] as number[]).concat(...first.map((p) => p.decoded!.lines));
    const inFirst = events.length;
    const order = orderWriterEvents(
      writers.map((p) => ({ stream: p.stream, path: p.path, events: p.decoded!.events, lines: p.decoded!.lines })),
      firstSummary.lastSeq,
    );
    if (order.events.length > 0) {
      events = events.concat(order.events);
      lines = lines.concat(order.lines);
    }
    problems.push(...orderProblems);
    const pathOf = (i: number): string => {
      if (i >= inFirst) return order.paths[i - inFirst] ?? LEDGER_FILE;
      let lo = 0;
      let hi = ranges.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (ranges[mid]!.first <= i) lo = mid;
        else hi = mid - 1;
      }
      return ranges[lo]?.path ?? LEDGER_FILE;
    };
    const whereOf = (i: number): string => `${pathOf(i)}:${lines[i] ?? '?'}`;
    const streamOf = (i: number): string => (i < inFirst ? '' : order.streams[i - inFirst]!);
    // Numbers two copies both gave out are settled here, so every reader sees them settled.
    const written = events;
    const numbering = resolveNumbers(written, streamOf);
    const keyOf = (i: number): string | undefined => {
      const e = written[i];
      return e?.type === 'admit' ? admissionKey(streamOf(i), e) : undefined;
    };
    ledger = { events: numbering.events as LedgerEvent[], lines, problems, parts: ranges, whereOf, streamOf, pathOf, renumbered: numbering.renumbered, keyOf };
    return ledger;
  };

  const lastPart = parts.filter((p) => p.stream === writer).at(-1);
  const all = combineSummaries([firstSummary, writersSummary]);
  return {
    stream: writer,
    fromSnapshot,
    allKnown: Object.keys(known).length === parts.length,
    // lastSeq counts as read() numbers the events: the first ledger's own seq, then one each.
    summary: { ...all, lastSeq: firstSummary.lastSeq + writersSummary.events },
    clean,
    shared: writers.some((p) => p.stream !== writer && p.summary.events > 0),
    read,
    appendChanges(added) {
      if (kept === undefined) keepWriterId(root, writer);
      let next = clock;
      // In the file an event's seq is its clock: one more than any the copy has seen, so it
      // comes after all of them, on this copy and, once merged, on every other.
      const newLines = added.map((e) => `${encodeEvent({ ...e, seq: ++next })}\n`);
      const last = lastPart ? { number: lastPart.number, size: lastPart.size, endsMidLine: lastPart.endsMidLine } : undefined;
      return distributeLines(last, newLines, partBytesLimit(), writer).map((d) => ({ path: d.path, content: d.text, tracked: true, append: d.append }));
    },
    mayMention(word) {
      return parts.some((p) => fileMayContain(join(root, p.path), word, true));
    },
    remember(changes) {
      // Without the parts this change made, the parts as read still stand (snapshotPart checks each against the disk).
      const giveUp = () => {
        if (options.forChange) keepParts(root, known);
      };
      if (!clean || !changes.some((c) => isLedgerPart(c.path))) return giveUp();
      const entries = { ...known };
      try {
        for (const change of changes) {
          if (!isLedgerPart(change.path)) continue;
          // Only the last part is ever added to; any other is new.
          const before = change.append ? entries[change.path] : undefined;
          const added = typeof change.content === 'string' ? Buffer.from(change.content, 'utf8') : change.content;
          const fresh = decodeLedgerBytes(added);
          if ((change.append && !before) || fresh.problems.length > 0) return giveUp();
          const offset = before?.lines ?? 0;
          const summary = combineSummaries([
            ...(before ? [before.summary] : []),
            summariseEvents(
              fresh.events,
              fresh.lines.map((l) => l + offset),
            ),
          ]);
          // The part as it is now: what this change knows it holds, if that is what is on disk.
          const stat = statPart(root, change.path);
          if (stat.size !== (before?.size ?? 0) + added.length) return giveUp();
          entries[change.path] = entryOf(stat.bytes(), stat.mtimeNs, summary, Date.now());
        }
      } catch {
        return giveUp();
      }
      keepParts(root, entries);
    },
  };
}

/** The line breaks in bytes: a line added after them is numbered this plus its own number. */
function lineBreaks(bytes: Uint8Array): number {
  // indexOf finds each one natively: a loop over every byte in JavaScript, run once per part
  // before V8 has optimised it, cost several times as much.
  let n = 0;
  for (let i = bytes.indexOf(0x0a); i !== -1; i = bytes.indexOf(0x0a, i + 1)) n += 1;
  return n;
}

/** The problems that stop a change or a read: every part must read (coop check lists them all). */
export function refuseUnreadable(ledger: Ledger, root?: string): void {
  if (ledger.problems.length === 0) return;
  if (root !== undefined) {
    const marked = markedFiles(root, [...new Set(ledger.problems.map((p) => p.path))]);
    if (marked.length > 0) throw new UserError(conflictMarkersMessage(marked, false));
  }
  const first = ledger.problems.slice(0, 5).map((p) => `  ${p.path}${p.line > 0 ? `:${p.line}` : ''}: ${p.message}`);
  throw new UserError(`The register (${LEDGER_FILE}) has lines coop cannot read; run coop check for the full list. First:\n${first.join('\n')}`);
}

/**
 * Entries missing from the ledger: coop numbers each stream's entries 1, 2, 3, … so a jump
 * means lines were deleted (or a part lost) — whether or not the deletion was committed.
 */
export function sequenceGaps(ledger: Ledger): { where: string; message: string }[] {
  const out: { where: string; message: string }[] = [];
  // A line that cannot be read leaves a gap of its own, and is reported as what it is.
  if (ledger.problems.length > 0) return out;
  let before = 0;
  ledger.events.forEach((e, i) => {
    // Only the first ledger: a stream's seqs are clocks, which leave gaps of their own.
    if (ledger.streamOf(i) !== '') return;
    if (e.seq > before + 1) out.push(sequenceGap(ledger.whereOf(i), before, e.seq));
    before = Math.max(before, e.seq);
  });
  return out;
}

/** The problem of an entry with seq `seq` whose entry before has `before`: those between were deleted. */
export function sequenceGap(where: string, before: number, seq: number): { where: string; message: string } {
  const missing = seq - before - 1;
  return {
    where,
    message: `has seq ${seq}, but the entry before has ${before}: ${missing === 1 ? `the entry with seq ${before + 1} is` : `${missing} entries (seq ${before + 1}–${seq - 1}) are`} missing, deleted from the register. Restore ${missing === 1 ? 'it' : 'them'} from git (git log -p -- register/)`,
  };
}
