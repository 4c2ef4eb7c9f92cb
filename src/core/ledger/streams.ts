// A ledger that merges by construction. Each copy of a group (each officer's clone) writes its
// events only to its own stream, register/<id>/ledger.jsonl (then ledger-2.jsonl, … as parts),
// where <id> is chosen at random on the copy's first change and kept in the git-ignored
// .coop/writer. Two copies therefore never change the same file, and git merges, rebases and a
// forge's merge button all succeed without conflict. The group's first ledger
// (register/ledger.jsonl and its parts, what every group had before streams) is read first and
// is no longer written to: nothing in it is rewritten.
//
// In a stream's file an event's seq is a Lamport clock: one more than the highest seq the copy
// has seen in any stream when it wrote it. So an event comes after everything its writer had
// seen, and the order below — the first ledger as it stands, then every stream's events by
// (seq, stream id) — is the same on every copy, whatever order the merges happened in.
// Derivation then numbers the events 1, 2, 3 … in that order, as it always has.

import type { LedgerEvent } from './events.js';

export interface StreamPart {
  stream: string;
  path: string;
  events: LedgerEvent[];
  /** lines[i] is events[i]'s line in the part. */
  lines: number[];
}

/**
 * The streams' events in the one order every copy agrees on, renumbered after the first
 * ledger's last seq (the events are changed in place: they are the caller's own, just decoded).
 */
export function orderWriterEvents(parts: readonly StreamPart[], after: number): { events: LedgerEvent[]; lines: number[]; paths: string[]; streams: string[] } {
  const items: { e: LedgerEvent; line: number; path: string; stream: string }[] = [];
  for (const p of parts) {
    p.events.forEach((e, i) => {
      items.push({ e, line: p.lines[i]!, path: p.path, stream: p.stream });
    });
  }
  items.sort((a, b) => a.e.seq - b.e.seq || (a.stream < b.stream ? -1 : a.stream > b.stream ? 1 : 0));
  const out = { events: [] as LedgerEvent[], lines: [] as number[], paths: [] as string[], streams: [] as string[] };
  items.forEach((item, k) => {
    item.e.seq = after + k + 1;
    out.events.push(item.e);
    out.lines.push(item.line);
    out.paths.push(item.path);
    out.streams.push(item.stream);
  });
  return out;
}
