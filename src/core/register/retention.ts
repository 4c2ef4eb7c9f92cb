// How long a former member's personal details are kept: their register entry, with its address,
// for REGISTER_REMOVAL_YEARS after they left (law.ts gives the source); after that nothing in
// coop needs them, and data protection law says not to keep personal data longer than needed.

import { REGISTER_REMOVAL_YEARS } from '../law.js';
import { addMonths, type IsoDate } from '../dates.js';
import type { LedgerEvent } from '../ledger/events.js';
import type { Member, RegisterState } from '../ledger/derive.js';

/** The first day a former member's details may be erased. */
export function retentionEnds(left: IsoDate): IsoDate {
  return addMonths(left, REGISTER_REMOVAL_YEARS * 12);
}

/** Members whose details were erased (coop member forget). */
export function forgottenMembers(events: readonly LedgerEvent[]): Set<number> {
  const out = new Set<number>();
  for (const e of events) if (e.type === 'forget') out.add(e.member);
  return out;
}

/** Why a member's details are still needed on `today`, or undefined when they may be erased. */
export function stillNeeded(m: Member, state: RegisterState, today: IsoDate): string | undefined {
  const ends = m.left === null ? undefined : retentionEnds(m.left);
  switch (neededFor(m, state, today, ends)) {
    case 'member':
      return `member ${m.number} (${m.name}) is still a member, so the register must hold their address`;
    case 'register':
      return `member ${m.number} (${m.name}) left on ${m.left}, and the register keeps a former member's entry for ${REGISTER_REMOVAL_YEARS} years: their details may be erased from ${ends}`;
    case 'money':
      return `member ${m.number} (${m.name}) still has money in the group (a loan or deposit), so the group still needs to reach them`;
    case undefined:
      return undefined;
  }
}

/** What still needs a member's details (stillNeeded says it in words); `ends` is retentionEnds(m.left). */
function neededFor(m: Member, state: RegisterState, today: IsoDate, ends: IsoDate | undefined): 'member' | 'register' | 'money' | undefined {
  if (m.left === null || ends === undefined) return 'member';
  if (today < ends) return 'register';
  const held = state.property.get(m.number);
  if (held && (held.loan > 0 || held.deposit > 0)) return 'money';
  return undefined;
}

/** Former members whose retention has ended and who have details stored, number order. */
export function dueForErasure(
  state: RegisterState,
  today: IsoDate,
  forgotten: ReadonlySet<number>,
  hasDetails: (member: number) => boolean,
): { member: number; name: string; left: IsoDate; since: IsoDate }[] {
  const out: { member: number; name: string; left: IsoDate; since: IsoDate }[] = [];
  // Thousands of former members left on far fewer days: each day's end of retention worked out once.
  const endsOn = new Map<IsoDate, IsoDate>();
  for (const m of state.members.values()) {
    if (m.left === null || forgotten.has(m.number) || !hasDetails(m.number)) continue;
    let since = endsOn.get(m.left);
    if (since === undefined) endsOn.set(m.left, (since = retentionEnds(m.left)));
    if (neededFor(m, state, today, since) === undefined) out.push({ member: m.number, name: m.name, left: m.left, since });
  }
  return out.sort((a, b) => a.member - b.member);
}
