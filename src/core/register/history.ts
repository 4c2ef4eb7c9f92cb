// A member's history in words, for `coop member show`.

import type { LedgerEvent } from '../ledger/events.js';
import { plural } from './messages.js';
import { formatPounds } from '../numbers.js';

const poundsText = (pence: number) => formatPounds(pence, { pence: true });

const PAID_TO = { member: '', nominee: ', to their nominee', representatives: ', to their personal representatives' } as const;

/** One event as it concerns one member: "Issued 5 shares", "Received 2 shares from member 1". */
export function describeForMember(e: LedgerEvent, member: number): string {
  switch (e.type) {
    case 'admit':
      return `Admitted as member ${e.member}, ${e.name}${e.shares > 0 ? `, with ${plural(e.shares, 'share')}` : ''}`;
    case 'leave':
      // Repaid only when a repay-shares event says so: until then the shares are owed.
      return `Left (${e.reason})${e.repaid > 0 ? `; ${plural(e.repaid, 'share')} to be repaid` : ''}`;
    case 'rename':
      return `Name changed to ${e.name}`;
    case 'issue':
      return `Issued ${plural(e.shares, 'share')}`;
    case 'withdraw':
      return `Withdrew ${plural(e.shares, 'share')} (to be repaid)`;
    case 'transfer':
      return e.from === member ? `Transferred ${plural(e.shares, 'share')} to member ${e.to}` : `Received ${plural(e.shares, 'share')} from member ${e.from}`;
    case 'appoint':
      return `Appointed ${e.role}`;
    case 'retire':
      return `Left the office of ${e.role}`;
    case 'notices':
      return e.method === 'email' ? 'Consented to notices by email' : 'Notices by post (no consent to email)';
    case 'lend':
      return `${e.kind === 'loan' ? 'Lent' : 'Deposited'} ${poundsText(e.pence)}`;
    case 'repay':
      return `${e.kind === 'loan' ? 'Loan' : 'Deposit'} of ${poundsText(e.pence)} repaid`;
    case 'forget':
      return 'Contact details erased (retention period over)';
    case 'repay-shares':
      return `Paid ${poundsText(e.pence)} for their shares${PAID_TO[e.payee]}`;
    case 'nominee':
      return `Nominee recorded: ${e.name}`;
    case 'renumber':
      return `Became member ${e.member}, was ${e.from} (two officers had given ${e.from} to different people)`;
    case 'registered':
    case 'filed':
      return e.type;
  }
}
