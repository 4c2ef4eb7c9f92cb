// What the group owes for shares: withdrawn, or given up on leaving, and not yet paid for. A
// withdrawal or a departure is notice that a payment is due; only a recorded payment (a
// repay-shares event) says it was made, so "to be repaid" never reads as "repaid".

import type { IsoDate } from '../dates.js';
import type { RegisterState } from '../ledger/derive.js';
import type { SharePayee } from '../ledger/events.js';

export interface OwedShares {
  member: number;
  name: string;
  shares: number;
  /** Their nominal value, in pence: the most the rules pay out for them. */
  pence: number;
  /** The earliest date of the shares still owed. */
  since: IsoDate;
  /** Who is to be paid: the member, or for a member who died their nominee or personal representatives. */
  payee: SharePayee;
  /** The nominee's name, where one was recorded. */
  nominee: string | null;
}

/** Who is paid for a member's shares unless told otherwise. */
export function defaultPayee(state: RegisterState, member: number): SharePayee {
  if (state.members.get(member)?.leftReason !== 'deceased') return 'member';
  return state.nominees.has(member) ? 'nominee' : 'representatives';
}

/** Every member owed for shares on the derived date, oldest debt first. */
export function sharesOwed(state: RegisterState, nominalPence: number): OwedShares[] {
  const out: OwedShares[] = [];
  for (const [member, owed] of state.sharesOwed) {
    out.push({
      member,
      name: state.members.get(member)?.name ?? `member ${member}`,
      shares: owed.shares,
      pence: owed.shares * nominalPence,
      since: owed.since,
      payee: defaultPayee(state, member),
      nominee: state.nominees.get(member) ?? null,
    });
  }
  return out.sort((a, b) => (a.since < b.since ? -1 : a.since > b.since ? 1 : a.member - b.member));
}

/** "to the member", "to their nominee, Ann Smith", "to their personal representatives". */
export function payeeWords(payee: SharePayee, nominee: string | null, representatives = 'personal representatives'): string {
  if (payee === 'nominee') return nominee ? `to their nominee, ${nominee}` : 'to their nominee';
  if (payee === 'representatives') return `to their ${representatives}`;
  return 'to the member';
}
