// The ledger is one list of lines kept in parts: register/ledger.jsonl, then
// register/ledger-2.jsonl, register/ledger-3.jsonl, … read in order as if they were one file.
// New lines go on the end of the last part; once a part holds PART_BYTES the next line starts a
// new one. Why: git keeps every version of a file whole, so while the ledger was one file each
// change made git hash and compress all of it (20 MB at 100,000 members) and store another copy;
// with parts, a change touches only the last part, and the full parts never change again.
//
// This file holds the naming and the arithmetic; src/io/ledger-store.ts reads and caches.

import type { LedgerEvent } from './events.js';
import { LEDGER_FILE, REGISTER_DIR } from '../layout.js';

/** The folder the parts live in. */
export { REGISTER_DIR };

/** A part is full, and the next line starts a new one, once it holds this many bytes. */
export const PART_BYTES = 1024 * 1024;

/**
 * Part 1 is the ledger's original name; part n ≥ 2 is register/ledger-n.jsonl. A writer's
 * stream (see streams.ts) has the same names in its own folder: register/<stream>/ledger.jsonl.
 */
export function partPath(n: number, stream = ''): string {
  const dir = stream === '' ? REGISTER_DIR : `${REGISTER_DIR}/${stream}`;
  return n === 1 && stream === '' ? LEDGER_FILE : `${dir}/ledger${n === 1 ? '' : `-${n}`}.jsonl`;
}

/** A writer's stream id: its folder's name under register/ (12 hex digits, chosen at random). */
export const STREAM_ID = /^[0-9a-f]{12}$/;

const PART_NAME = /^ledger(?:-([2-9]|[1-9][0-9]+))?\.jsonl$/;

/** The part number of a file name in register/ ("ledger-3.jsonl" → 3), or undefined if it is no part. */
export function partNumberOf(name: string): number | undefined {
  const m = PART_NAME.exec(name);
  if (!m) return undefined;
  const n = m[1] === undefined ? 1 : Number(m[1]);
  return Number.isSafeInteger(n) ? n : undefined;
}

/** True for a path (relative to the group, forward slashes) that is a part of the ledger, in any stream. */
export function isLedgerPart(path: string): boolean {
  const slash = path.lastIndexOf('/');
  const dir = path.slice(0, slash);
  const inStream = dir.startsWith(`${REGISTER_DIR}/`) && STREAM_ID.test(dir.slice(REGISTER_DIR.length + 1));
  return (dir === REGISTER_DIR || inStream) && partNumberOf(path.slice(slash + 1)) !== undefined;
}

/** True for any file of the ledger: a part of the first stream, or of a writer's (see streams.ts). */
export function isRegisterFile(path: string): boolean {
  return isLedgerPart(path);
}

/** What a command needs to know of a part without its events. */
export interface PartSummary {
  /** Events in the part. */
  events: number;
  /** The first event's seq and line (0 when the part has no events), to check seq order across parts. */
  firstSeq: number;
  firstLine: number;
  lastSeq: number;
  /** The highest membership number admitted in the part (0 if none). */
  maxAdmitted: number;
  /** The highest membership number any event in the part names, admitted or not (0 if none). */
  maxMentioned: number;
}

export function summariseEvents(events: readonly LedgerEvent[], lines: readonly number[]): PartSummary {
  let lastSeq = 0;
  let maxAdmitted = 0;
  let maxMentioned = 0;
  for (const e of events) {
    if (e.seq > lastSeq) lastSeq = e.seq;
    if (e.type === 'transfer') {
      if (e.from > maxMentioned) maxMentioned = e.from;
      if (e.to > maxMentioned) maxMentioned = e.to;
    } else if ('member' in e && e.member > maxMentioned) maxMentioned = e.member;
    // A renumbering gives a number out as an admission does: never to be given again.
    if ((e.type === 'admit' || e.type === 'renumber') && e.member > maxAdmitted) maxAdmitted = e.member;
  }
  return { events: events.length, firstSeq: events[0]?.seq ?? 0, firstLine: lines[0] ?? 0, lastSeq, maxAdmitted, maxMentioned };
}

/** The summaries of consecutive parts as one. */
export function combineSummaries(parts: readonly PartSummary[]): PartSummary {
  const out: PartSummary = { events: 0, firstSeq: 0, firstLine: 0, lastSeq: 0, maxAdmitted: 0, maxMentioned: 0 };
  for (const p of parts) {
    if (out.events === 0 && p.events > 0) {
      out.firstSeq = p.firstSeq;
      out.firstLine = p.firstLine;
    }
    out.events += p.events;
    out.lastSeq = Math.max(out.lastSeq, p.lastSeq);
    out.maxAdmitted = Math.max(out.maxAdmitted, p.maxAdmitted);
    out.maxMentioned = Math.max(out.maxMentioned, p.maxMentioned);
  }
  return out;
}

/** Where the last part stands: its number, its size in bytes, and whether it ends mid-line. */
export interface LastPart {
  number: number;
  size: number;
  endsMidLine: boolean;
}

/**
 * Shares new lines (each ending in a line break) out among the parts: onto the end of the last
 * part until it is full, then into new parts of up to `partBytes` each (a line never splits).
 * Returns, in order, each part written to with the text it gains; `append` is true for a part
 * that exists already.
 */
export function distributeLines(last: LastPart | undefined, lines: readonly string[], partBytes = PART_BYTES, stream = ''): { path: string; text: string; append: boolean }[] {
  const out: { path: string; text: string; append: boolean }[] = [];
  let number = last?.number ?? 1;
  let size = last?.size ?? 0;
  let pieces: string[] = [];
  let exists = last !== undefined;
  const flush = () => {
    if (pieces.length > 0) out.push({ path: partPath(number, stream), text: pieces.join(''), append: exists });
    pieces = [];
  };
  for (const line of lines) {
    if (size >= partBytes) {
      flush();
      number += 1;
      size = 0;
      exists = false;
    }
    // A hand edit may have lost the last part's final line break: restore it before adding.
    if (pieces.length === 0 && exists && last?.endsMidLine && number === last.number) pieces.push('\n');
    pieces.push(line);
    size += Buffer.byteLength(line);
  }
  flush();
  return out;
}
