// Which admission a contact line belongs to. A membership number alone is not enough: a number
// given on an older checkout may be given again on the branch, and a provisional number may be
// changed after a merge (renumbering). So each contact line also names its member's admission
// by a key worked out from the admission event itself — the stream that recorded it, the
// number first given, the date and the name — which every copy of the register computes alike
// and which no later event changes. The private store is joined back to the register by it.

import type { LedgerEvent } from './events.js';

/** The key of an admission recorded in `stream` ('' for the group's first ledger). */
export function admissionKey(stream: string, e: { member: number; date: string; name: string }): string {
  // hash53 of `${stream}\0${member}\0${date}\0${name}`, fed piece by piece: joining them first
  // made a string per admission for the hash to flatten, most of the cost at 100,000 members.
  h1 = 0xdeadbeef;
  h2 = 0x41c6ce57;
  feed(stream);
  feedCode(0);
  feed(String(e.member));
  feedCode(0);
  feed(e.date);
  feedCode(0);
  feed(e.name);
  return digest();
}

/**
 * Each member's admission key, by membership number now, for the events in order; keyOf(i)
 * is events[i]'s key, worked out from the line as written (a renumbered member keeps its key).
 */
export function admissionKeys(events: readonly LedgerEvent[], keyOf: (i: number) => string | undefined): Map<number, string> {
  const out = new Map<number, string>();
  events.forEach((e, i) => {
    // The first admission of a number is the member (derive reports any second one).
    if (e.type === 'admit' && !out.has(e.member)) {
      const key = keyOf(i);
      if (key !== undefined) out.set(e.member, key);
    }
  });
  return out;
}

/**
 * A 53-bit hash of text as 14 hex digits (cyrb53): pure and quick, and wide enough that two
 * admissions of one number are never mistaken for each other. Not for secrets. The text is fed
 * in pieces (feed, then digest) so that it need never be one string.
 */
let h1 = 0;
let h2 = 0;

function feedCode(c: number): void {
  h1 = Math.imul(h1 ^ c, 2654435761);
  h2 = Math.imul(h2 ^ c, 1597334677);
}

function feed(text: string): void {
  for (let i = 0; i < text.length; i++) feedCode(text.charCodeAt(i));
}

function digest(): string {
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  // The number (2097151 & h2) · 2³² + h1 in 14 hex digits: 6 from the high part, 8 from the low.
  // Written out digit by digit: Number's toString(16) of a number past 2³² is slow in V8, and
  // every admission's key is worked out on every full read of the register.
  const hi = 2097151 & h2;
  const lo = h1 >>> 0;
  return String.fromCharCode(
    hex(hi >>> 20),
    hex(hi >>> 16),
    hex(hi >>> 12),
    hex(hi >>> 8),
    hex(hi >>> 4),
    hex(hi),
    hex(lo >>> 28),
    hex(lo >>> 24),
    hex(lo >>> 20),
    hex(lo >>> 16),
    hex(lo >>> 12),
    hex(lo >>> 8),
    hex(lo >>> 4),
    hex(lo),
  );
}

/** The character code of the lowest four bits' hex digit. */
function hex(n: number): number {
  const d = n & 15;
  return d < 10 ? 0x30 + d : 0x57 + d;
}
