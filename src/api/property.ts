// Members' other property in the group: loans and deposits (2014 Act s.30(2)(d) puts them in a
// society's register). Each is a ledger event, so the register shows what is held on any date.

import { UsageError, UserError } from '../errors.js';
import type { IsoDate } from '../core/dates.js';
import { deriveState } from '../core/ledger/derive.js';
import { PROPERTY_KINDS, type PropertyKind } from '../core/ledger/events.js';
import { parseEventDate, parseMemberNumber } from '../core/register/input.js';
import { formatPounds } from '../core/numbers.js';
import type { WriteOptions } from './group.js';
import { noSuchMember } from './guards.js';
import { recordChange, type Recorded } from './record.js';

export interface PropertyInput extends WriteOptions {
  /** "£500", "500" or "500.50": pounds, to the penny. */
  amount: string;
  kind?: PropertyKind | string;
  /** YYYY-MM-DD or dd/mm/yyyy (default today). */
  date?: string;
}

export interface PropertyRecorded {
  member: number;
  name: string;
  kind: PropertyKind;
  pence: number;
  date: IsoDate;
  /** What the member holds of this kind afterwards, in pence. */
  heldPence: number;
}

/** Pounds as people write them, to whole pence. */
export function parseAmount(text: string): number {
  const t = text.trim().replace(/^£\s*/, '').replace(/,/g, '');
  if (!/^\d+(\.\d{1,2})?$/.test(t)) throw new UsageError(`"${text}" is not an amount of money: write pounds, e.g. 500 or £250.50.`);
  const pence = Math.round(Number(t) * 100);
  if (pence < 1 || !Number.isSafeInteger(pence)) throw new UsageError(`"${text}" is not an amount coop can record (at least 1p).`);
  return pence;
}

function parseKind(kind: string | undefined): PropertyKind {
  const k = (kind ?? 'loan').trim().toLowerCase();
  if (!(PROPERTY_KINDS as readonly string[]).includes(k)) throw new UsageError(`"${kind}" is not a kind of property coop records: use ${PROPERTY_KINDS.join(' or ')}.`);
  return k as PropertyKind;
}

export async function recordProperty(cwd: string, verb: 'lend' | 'repay', member: number | string, input: PropertyInput): Promise<PropertyRecorded & Recorded> {
  const number = parseMemberNumber(member);
  const pence = parseAmount(input.amount);
  const kind = parseKind(input.kind);
  return recordChange(cwd, input, (group) => {
    if (number >= group.nextNumber) throw new UserError(noSuchMember(group, number));
    const date = parseEventDate(input.date, verb === 'lend' ? `date of the ${kind}` : 'date of repayment', group);
    const { state } = deriveState(group.events, { asOf: date });
    const name = state.members.get(number)?.name ?? `member ${number}`;
    const held = state.property.get(number)?.[kind] ?? 0;
    if (verb === 'repay' && pence > held) {
      throw new UserError(
        `Member ${number} (${name}) held ${formatPounds(held, { pence: true })} as a ${kind} on ${date}, so ${formatPounds(pence, { pence: true })} cannot be repaid. Nothing was changed.`,
      );
    }
    const amount = formatPounds(pence, { pence: true });
    return {
      events: [{ date, type: verb, member: number, kind, pence }],
      message: verb === 'lend' ? `Record a ${kind} of ${amount} from member ${number}` : `Record repayment of ${amount} of member ${number}'s ${kind}`,
      refusal: verb === 'lend' ? `Cannot record the ${kind}` : `Cannot record the repayment`,
      result: () => ({ member: number, name, kind, pence, date, heldPence: verb === 'lend' ? held + pence : held - pence }),
    };
  });
}
