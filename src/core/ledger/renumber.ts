// Membership numbers that never clash. Two copies of the register (two officers' clones) that
// admit members while apart both give out the next number, so after a merge two people can
// hold member 4. One fixed rule settles it, the same on every copy, whatever order the merges
// came in: the earlier admission keeps the number — earlier by the date of admission, then by
// the order every copy reads the streams in (streams.ts: clock, then writer id) — and each later
// one takes the next number never given, in that order. A number once given by a recorded
// renumbering is kept: an admission elsewhere that gave the same number moves instead, so no
// one is told of a new number twice when the copies sync one after another.
//
// The rule is applied where the events are read, so every copy derives the same register as
// soon as it has both admissions, before anyone records anything. The next change made on a
// copy then appends a `renumber` event saying so (api/record.ts, coop sync): that makes the new
// number permanent (later admissions elsewhere cannot take it back) and tells the person who
// admitted the member, once. Two copies may both append one; the second names the move already
// made, and changes nothing (a `renumber` applies only from the number the member then holds).
//
// What "member 4" means in an event: the events of the stream that admitted the renumbered
// member, written before that stream recorded the renumbering, meant its own member (that is
// all its writer knew). Every other event means whoever holds the number now. So a writer must
// record a renumbering of its own admission before it writes anything else (api/record.ts does).

import type { LedgerEvent } from './events.js';
import { admissionKey } from './admission.js';

export interface Renumbering {
  /** The admission's key (admission.ts). */
  key: string;
  /** The name given on admission. */
  name: string;
  /** The stream that admitted the member. */
  stream: string;
  /** The number the admission gave. */
  admitted: number;
  /** The number a `renumber` event last recorded (or the admitted one, if none has). */
  recorded: number;
  /** The number the member holds now. */
  now: number;
  /** The streams that have a `renumber` event for this admission to its number now. */
  recordedBy: Set<string>;
}

interface Claim {
  key: string;
  index: number;
  stream: string;
  name: string;
  admitted: number;
  number: number;
  /** The date the claim to `number` was made (the admission's, or the renumbering's), and where in the order. */
  since: string;
  at: number;
  /** The number was given by a recorded renumbering: said to people, so it is kept. */
  kept: boolean;
}

/**
 * Settles clashing membership numbers. Returns the events with every number as it now stands
 * (the same array when nothing changes; changed events are copies), and each renumbered
 * admission. Events in the group's first ledger are read as they stand: clashes within one
 * stream are reported by derive as a number admitted twice.
 */
export function resolveNumbers(events: readonly LedgerEvent[], streamOf: (i: number) => string): { events: readonly LedgerEvent[]; renumbered: Renumbering[] } {
  if (!mayClash(events, streamOf)) return { events, renumbered: [] };
  const byNumber = new Map<number, Claim[]>();
  const renumbers: number[] = [];
  let max = 0;
  events.forEach((e, i) => {
    if (e.type === 'renumber') {
      renumbers.push(i);
      if (e.member > max) max = e.member;
      return;
    }
    if (e.type !== 'admit') return;
    if (e.member > max) max = e.member;
    const stream = streamOf(i);
    let claims = byNumber.get(e.member);
    if (!claims) byNumber.set(e.member, (claims = []));
    // Only a stream's first admission of a number claims it; a second is an error derive reports.
    if (claims.some((c) => c.stream === stream)) return;
    claims.push({ key: '', index: i, stream, name: e.name, admitted: e.member, number: e.member, since: e.date, at: i, kept: false });
  });
  let clashing = renumbers.length > 0;
  if (!clashing) for (const claims of byNumber.values()) if (claims.length > 1) clashing = true;
  if (!clashing) return { events, renumbered: [] };

  const byKey = new Map<string, Claim>();
  for (const claims of byNumber.values()) {
    for (const c of claims) {
      c.key = admissionKey(c.stream, events[c.index] as { member: number; date: string; name: string });
      byKey.set(c.key, c);
    }
  }
  // Recorded renumberings first, in order: each applies from the number the member then holds,
  // so a second record of the same move (made on another copy meanwhile) changes nothing.
  const acks = new Map<string, { stream: string; index: number; to: number }[]>();
  for (const i of renumbers) {
    const e = events[i]!;
    if (e.type !== 'renumber') continue;
    const c = byKey.get(e.of);
    if (!c) continue;
    let list = acks.get(c.key);
    if (!list) acks.set(c.key, (list = []));
    list.push({ stream: streamOf(i), index: i, to: e.member });
    if (e.from === c.number && e.member !== c.number) {
      c.number = e.member;
      c.since = e.date;
      c.at = i;
      c.kept = true;
    }
  }
  const recorded = new Map<Claim, number>();
  const all: Claim[] = [];
  for (const claims of byNumber.values()) all.push(...claims);
  for (const c of all) recorded.set(c, c.number);
  // Then the rule, over the numbers as they stand: a number a recorded renumbering gave keeps
  // (people were told it, and certificates reissued); otherwise the earlier claim keeps it.
  const holders = new Map<number, Claim[]>();
  for (const c of all) {
    let list = holders.get(c.number);
    if (!list) holders.set(c.number, (list = []));
    list.push(c);
  }
  for (const n of [...holders.keys()].sort((a, b) => a - b)) {
    const list = holders.get(n)!;
    if (list.length < 2) continue;
    list.sort((a, b) => Number(b.kept) - Number(a.kept) || (a.since < b.since ? -1 : a.since > b.since ? 1 : a.at - b.at));
    for (const loser of list.slice(1)) loser.number = ++max;
  }

  const renumbered: Renumbering[] = [];
  const moved = new Set<Claim>();
  for (const c of all) {
    if (c.number === c.admitted && !acks.has(c.key)) continue;
    moved.add(c);
    const recordedBy = new Set((acks.get(c.key) ?? []).filter((a) => a.to === c.number).map((a) => a.stream));
    if (c.number !== c.admitted) renumbered.push({ key: c.key, name: c.name, stream: c.stream, admitted: c.admitted, recorded: recorded.get(c)!, now: c.number, recordedBy });
  }
  if (moved.size === 0) return { events, renumbered };

  // Each stream's own renumbered admissions, by the number it gave, with where the stream first
  // recorded the renumbering (its events after that use the new numbers).
  const own = new Map<string, Map<number, { claim: Claim; until: number }>>();
  for (const c of moved) {
    const firstAck = (acks.get(c.key) ?? []).find((a) => a.stream === c.stream)?.index ?? Infinity;
    let mine = own.get(c.stream);
    if (!mine) own.set(c.stream, (mine = new Map()));
    mine.set(c.admitted, { claim: c, until: firstAck });
  }
  const claimAt = new Map<number, Claim>();
  for (const c of moved) claimAt.set(c.index, c);
  const out = events.slice();
  const refer = (n: number, i: number, mine: Map<number, { claim: Claim; until: number }> | undefined): number => {
    const o = mine?.get(n);
    return o && o.claim.index < i && i < o.until ? o.claim.number : n;
  };
  events.forEach((e, i) => {
    if (e.type === 'renumber') return;
    const c = claimAt.get(i);
    if (c) {
      if (c.number !== (e as { member: number }).member) out[i] = { ...e, member: c.number } as LedgerEvent;
      return;
    }
    const mine = own.get(streamOf(i));
    if (!mine) return;
    if (e.type === 'transfer') {
      const from = refer(e.from, i, mine);
      const to = refer(e.to, i, mine);
      if (from !== e.from || to !== e.to) out[i] = { ...e, from, to };
    } else if ('member' in e) {
      const m = refer(e.member, i, mine);
      if (m !== e.member) out[i] = { ...e, member: m } as LedgerEvent;
    }
  });
  return { events: out, renumbered };
}

/**
 * False when nothing can need settling: no `renumber` event, and no number admitted in two
 * streams — exactly when resolveNumbers finds no clash, told without a claim for every
 * admission. Almost every ledger has one stream holding nearly all its admissions: only the
 * other streams' numbers are gathered, and that stream's are looked up among them.
 */
function mayClash(events: readonly LedgerEvent[], streamOf: (i: number) => string): boolean {
  const admits = new Map<string, number>();
  for (let i = 0; i < events.length; i++) {
    const type = events[i]!.type;
    if (type === 'renumber') return true;
    if (type !== 'admit') continue;
    const stream = streamOf(i);
    admits.set(stream, (admits.get(stream) ?? 0) + 1);
  }
  if (admits.size < 2) return false;
  let big = '';
  let most = -1;
  for (const [stream, n] of admits) {
    if (n > most) [big, most] = [stream, n];
  }
  const others = new Map<number, string>();
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    if (e.type !== 'admit') continue;
    const stream = streamOf(i);
    if (stream === big) continue;
    const seen = others.get(e.member);
    if (seen !== undefined && seen !== stream) return true;
    others.set(e.member, stream);
  }
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    if (e.type === 'admit' && others.has(e.member) && streamOf(i) === big) return true;
  }
  return false;
}

/**
 * The `renumber` events a writer owes (stream: its id): one for every renumbering no event
 * records yet, and one for a renumbering of its own admission that it has not recorded itself.
 * `news` are the renumberings that no one has recorded: the ones to tell the person at the
 * terminal about.
 */
export function owedRenumbers(renumbered: readonly Renumbering[], stream: string): { owed: Renumbering[]; news: Renumbering[] } {
  const owed: Renumbering[] = [];
  const news: Renumbering[] = [];
  for (const r of renumbered) {
    if (r.recordedBy.size === 0) {
      owed.push(r);
      news.push(r);
    } else if (r.stream === stream && !r.recordedBy.has(stream)) owed.push(r);
  }
  return { owed, news };
}
