// A member's history in words, for `coop member show`.

import type { LedgerEvent } from '../ledger/events.js';
import { plural } from './messages.js';
import { formatPounds } from '../numbers.js';

const poundsText = (pence: number) => formatPounds(pence, { pence: true });

/** One event as it concerns one member: "Issued 5 shares", "Received 2 shares from member 1". */
export function describeForMember(e: LedgerEvent, member: number): string {
  switch (e.type) {
    case 'admit':
      return `Admitted as member ${e.member}, ${e.name}${e.shares > 0 ? `, with ${plural(e.shares, 'share')}` : ''}`;
    case 'leave':
      return `Left (${e.reason})${e.repaid > 0 ? `; ${plural(e.repaid, 'share')} repaid` : ''}`;
    case 'rename':
      return `Name changed to ${e.name}`;
    case 'issue':
      return `Issued ${plural(e.shares, 'share')}`;
    case 'withdraw':
      return `Withdrew ${plural(e.shares, 'share')} (repaid)`;
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
    case 'renumber':
      return `Became member ${e.member}, was ${e.from} (two officers had given ${e.from} to different people)`;
    case 'registered':
    case 'filed':
      return e.type;
  }
}
