// The register's first entries: the founders admitted on the founding date, in the order
// given (membership numbers 1, 2, 3 …), then the first officers appointed the same day.

import { encodeContactLine, type ContactLine } from '../contacts.js';
import { encodeEvent, type LedgerEvent } from '../ledger/events.js';
import type { CoopParams } from '../params.js';
import type { Founder } from './founders.js';

export interface FirstOfficer {
  role: string;
  member: number;
  name: string;
}

/**
 * Who holds each office at founding: the first founder the first role, the second the second,
 * and so on. With fewer founders than offices, roles go round again (one founder of a small
 * company may be chair and treasurer), so every office named in the rules is filled.
 */
export function firstOfficers(params: CoopParams, founders: readonly Founder[]): FirstOfficer[] {
  return params.board.roles.map((role, i) => {
    const index = i % founders.length;
    return { role, member: index + 1, name: founders[index]!.name };
  });
}

/** Shares each founder takes: the rules' minimum holding, or none where the form has no shares. */
export function foundingShares(params: CoopParams): number {
  return params.shares ? params.shares.minimumHolding : 0;
}

export function foundingEvents(params: CoopParams, founders: readonly Founder[]): LedgerEvent[] {
  const date = params.group.founded;
  const shares = foundingShares(params);
  const events: LedgerEvent[] = founders.map((f, i) => ({ seq: i + 1, date, type: 'admit', member: i + 1, name: f.name, shares }));
  for (const o of firstOfficers(params, founders)) {
    events.push({ seq: events.length + 1, date, type: 'appoint', member: o.member, role: o.role });
  }
  return events;
}

export function ledgerText(events: readonly LedgerEvent[]): string {
  return events.map((e) => `${encodeEvent(e)}\n`).join('');
}

/** The private contact store's first lines: founders' emails and addresses, keyed by membership number. */
export function foundingContacts(founders: readonly Founder[]): string {
  return founders
    .map((f, i): ContactLine | undefined =>
      f.email || f.address ? { member: i + 1, ...(f.email ? { email: f.email } : {}), ...(f.address ? { address: f.address } : {}) } : undefined,
    )
    .filter((line): line is ContactLine => line !== undefined)
    .map(encodeContactLine)
    .join('');
}
