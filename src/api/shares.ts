// Issuing, withdrawing (repaying) and transferring members' shares. The rules' limits — the
// minimum and maximum holding, the statutory cap on withdrawable shares, whether shares may be
// withdrawn or transferred at all — are checked by the ledger's derivation, on every date.

import { UsageError, UserError } from '../errors.js';
import type { IsoDate } from '../core/dates.js';
import type { RegisterState } from '../core/ledger/derive.js';
import { parseEventDate, parseMemberNumber, parseShareCount } from '../core/register/input.js';
import { commitMessages, plural } from '../core/register/messages.js';
import type { GroupContext, WriteOptions } from './group.js';
import { noSuchMember, requireShares } from './guards.js';
import { recordChange, type Recorded } from './record.js';

export interface SharesInput extends WriteOptions {
  /** When it happened, YYYY-MM-DD or dd/mm/yyyy (default today). */
  date?: string;
}

export interface SharesRecorded {
  member: number;
  shares: number;
  date: IsoDate;
  /** The member's holding once every recorded event is counted. */
  holding: number;
}

export interface TransferRecorded {
  from: number;
  to: number;
  shares: number;
  date: IsoDate;
  /** Both members' holdings once every recorded event is counted. */
  holdings: { from: number; to: number };
}

function known(group: GroupContext, number: number): void {
  if (number >= group.nextNumber) throw new UserError(noSuchMember(group, number));
}

const holdingOf = (state: RegisterState, n: number): number => state.members.get(n)?.shares ?? 0;

export async function issueShares(cwd: string, member: number | string, count: number | string, input: SharesInput = {}): Promise<SharesRecorded & Recorded> {
  return changeHolding('issue', cwd, member, count, input, (group) => {
    requireShares(group);
  });
}

export async function withdrawShares(cwd: string, member: number | string, count: number | string, input: SharesInput = {}): Promise<SharesRecorded & Recorded> {
  return changeHolding('withdraw', cwd, member, count, input, (group) => {
    const rules = requireShares(group);
    if (!rules.withdrawable) {
      throw new UserError(
        `The group's rules make shares non-withdrawable, so they cannot be repaid${rules.transferable ? '; they may be transferred to another member (coop shares transfer)' : ''}. Nothing was changed.`,
      );
    }
  });
}

/** An issue to, or a withdrawal from, one member's holding; `allowed` refuses what the rules forbid outright. */
function changeHolding(
  type: 'issue' | 'withdraw',
  cwd: string,
  member: number | string,
  count: number | string,
  input: SharesInput,
  allowed: (group: GroupContext) => void,
): Promise<SharesRecorded & Recorded> {
  const number = parseMemberNumber(member);
  const shares = parseShareCount(count);
  return recordChange(cwd, input, (group) => {
    allowed(group);
    known(group, number);
    const date = parseEventDate(input.date, 'date', group);
    return {
      events: [{ date, type, member: number, shares }],
      message: commitMessages[type](number, shares),
      refusal: type === 'issue' ? `Cannot issue ${plural(shares, 'share')} to member ${number}` : `Cannot withdraw ${plural(shares, 'share')} from member ${number}`,
      result: (_added, { state }) => ({ member: number, shares, date, holding: holdingOf(state, number) }),
    };
  });
}

export async function transferShares(
  cwd: string,
  fromMember: number | string,
  toMember: number | string,
  count: number | string,
  input: SharesInput = {},
): Promise<TransferRecorded & Recorded> {
  const from = parseMemberNumber(fromMember);
  const to = parseMemberNumber(toMember);
  const shares = parseShareCount(count);
  if (from === to) throw new UsageError(`Member ${from} cannot transfer shares to themselves: give two different membership numbers.`);
  return recordChange(cwd, input, (group) => {
    const rules = requireShares(group);
    if (!rules.transferable) {
      throw new UserError("The group's rules make shares non-transferable, so shares cannot pass from one member to another. Nothing was changed.");
    }
    known(group, from);
    known(group, to);
    const date = parseEventDate(input.date, 'date', group);
    return {
      events: [{ date, type: 'transfer', from, to, shares }],
      message: commitMessages.transfer(from, to, shares),
      refusal: `Cannot transfer ${plural(shares, 'share')} from member ${from} to member ${to}`,
      result: (_added, { state }) => ({ from, to, shares, date, holdings: { from: holdingOf(state, from), to: holdingOf(state, to) } }),
    };
  });
}
