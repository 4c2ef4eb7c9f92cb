// Who retires from the board at an AGM, from the register as at the meeting date: one third of
// the elected board members (the nearest whole number), those longest in office since they were
// last elected first; everyone co-opted since the last AGM, whose term ends at it. Between equals
// the rules say lots decide: coop draws the lot itself, from the meeting's id, so the same
// meeting always gives the same draw, and the minutes say it was drawn.

import type { IsoDate } from '../dates.js';
import { ROTATION_RETIRING_FRACTION } from '../law.js';
import type { RegisterState } from '../ledger/derive.js';

export interface Retiring {
  member: number;
  name: string;
  since: IsoDate;
  why: 'rotation' | 'co-opted';
  /** Chosen by lot from among those in office equally long. */
  byLot: boolean;
}

export interface Seat {
  member: number;
  name: string;
  since: IsoDate;
  coOpted: boolean;
}

/** The board's seats running at the end of the derived date. */
export function boardSeats(state: RegisterState, role: string): Seat[] {
  const coOptedRole = `co-opted-${role}`;
  return state.officers
    .filter((t) => t.to === null && (t.role === role || t.role === coOptedRole))
    .map((t) => ({ member: t.member, name: state.members.get(t.member)?.name ?? `member ${t.member}`, since: t.from, coOpted: t.role === coOptedRole }))
    .sort((a, b) => a.member - b.member);
}

/** A number in [0, 2^32) from text: the lot's draw (FNV-1a), the same on every machine. */
function draw(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

export function retiringAt(seats: readonly Seat[], lotSeed: string): Retiring[] {
  const elected = seats.filter((s) => !s.coOpted);
  const count = Math.round((elected.length * ROTATION_RETIRING_FRACTION.num) / ROTATION_RETIRING_FRACTION.den);
  const order = [...elected].sort((a, b) =>
    a.since < b.since ? -1 : a.since > b.since ? 1 : draw(`${lotSeed}:${a.member}`) - draw(`${lotSeed}:${b.member}`) || a.member - b.member,
  );
  const chosen = order.slice(0, count);
  const boundary = chosen[chosen.length - 1];
  // A lot was needed only where the last one chosen shares their date with one left out.
  const tiedAtEdge = boundary !== undefined && order.slice(count).some((s) => s.since === boundary.since);
  const out: Retiring[] = chosen.map((s) => ({ member: s.member, name: s.name, since: s.since, why: 'rotation', byLot: tiedAtEdge && s.since === boundary!.since }));
  for (const s of seats) if (s.coOpted) out.push({ member: s.member, name: s.name, since: s.since, why: 'co-opted', byLot: false });
  return out;
}
