// Which admission a contact line belongs to. A membership number alone is not enough: a number
// given on an older checkout may be given again on the branch, and a provisional number may be
// changed after a merge (renumbering). So each contact line also names its member's admission
// by a key worked out from the admission event itself — the stream that recorded it, the
// number first given, the date and the name — which every copy of the register computes alike
// and which no later event changes. The private store is joined back to the register by it.

import type { LedgerEvent } from './events.js';

/** The key of an admission recorded in `stream` ('' for the group's first ledger). */
export function admissionKey(stream: string, e: { member: number; date: string; name: string }): string {
  return hash53(`${stream}\u0000${e.member}\u0000${e.date}\u0000${e.name}`);
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
 * admissions of one number are never mistaken for each other. Not for secrets.
 */
function hash53(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}
