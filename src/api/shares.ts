// Issuing, withdrawing (repaying) and transferring members' shares. The rules' limits — the
// minimum and maximum holding, the statutory cap on withdrawable shares, whether shares may be
// withdrawn or transferred at all — are checked by the ledger's derivation, on every date.

import { UsageError, UserError } from '../errors.js';
import type { IsoDate } from '../core/dates.js';
import { deriveState, type RegisterState } from '../core/ledger/derive.js';
import { SHARE_PAYEES, type SharePayee } from '../core/ledger/events.js';
import { formatPounds } from '../core/numbers.js';
import { defaultPayee } from '../core/register/shares-owed.js';
import { parseAmount } from './property.js';
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
    if (!rules.transferable) throw new UserError(transferRefusal(from, to, shares, rules.withdrawable));
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

/** Why a transfer is refused under rules that forbid it, and what the rules allow instead. */
function transferRefusal(from: number, to: number, shares: number, withdrawable: boolean): string {
  const n = plural(shares, 'share');
  const instead = withdrawable
    ? [
        `Member ${from} may withdraw ${n}, as far as they hold more than the rules' minimum (coop shares withdraw ${from} ${shares}; the group then owes them the money), and member ${to} may take up new shares (coop shares issue ${to} ${shares}).`,
        `If member ${from} is leaving, record that (coop member leave ${from} --reason resigned): their shares are then repaid.`,
      ]
    : [`Member ${to} may take up new shares (coop shares issue ${to} ${shares}); member ${from}'s shares stay theirs until they leave, when the rules cancel them.`];
  return [
    "The group's rules make shares non-transferable, so shares cannot pass from one member to another. Instead:",
    ...instead.map((line) => `  - ${line}`),
    `  - When a member dies, their shares go to the person they nominated, or to their personal representatives, as the rules' clause on death says: coop member leave ${from} --reason deceased --nominee "<name>".`,
    'Nothing was changed.',
  ].join('\n');
}

// ---- Paying for shares owed (issue 18, item 7) ----

export interface RepaySharesInput extends SharesInput {
  /** The amount paid, when less than the shares' nominal value ("£0.80", "0.80"). */
  amount?: string;
  /** Who was paid: the member, or for a member who died their nominee or personal representatives. */
  to?: SharePayee | string;
}

export interface SharesRepaid {
  member: number;
  name: string;
  date: IsoDate;
  /** Shares paid for: every share owed on the date. */
  shares: number;
  /** What was paid, in pence, and what the shares were worth at their nominal value. */
  pence: number;
  nominalPence: number;
  payee: SharePayee;
  nominee: string | null;
}

/** Records that the group paid what it owed for a member's withdrawn or given-up shares. */
export async function repayShares(cwd: string, member: number | string, input: RepaySharesInput = {}): Promise<SharesRepaid & Recorded> {
  const number = parseMemberNumber(member);
  const asked = input.amount === undefined ? undefined : parseAmount(input.amount);
  if (input.to !== undefined && !(SHARE_PAYEES as readonly string[]).includes(input.to)) {
    throw new UsageError(`"${input.to}" is not someone coop records a payment to: use ${SHARE_PAYEES.join(', ')}.`);
  }
  return recordChange(cwd, input, (group) => {
    const rules = requireShares(group);
    known(group, number);
    const date = parseEventDate(input.date, 'date of the payment', group);
    const { state } = deriveState(group.events, { asOf: date });
    const m = state.members.get(number);
    const name = m?.name ?? `member ${number}`;
    const owed = state.sharesOwed.get(number);
    if (!owed) {
      const later = deriveState(group.events).state.sharesOwed.get(number);
      const paid = group.events.filter((e) => e.type === 'repay-shares' && e.member === number && e.date <= date).pop();
      throw new UserError(
        later
          ? `Member ${number} (${name}) was owed nothing for shares on ${date}: the ${plural(later.shares, 'share')} owed date from ${later.since}. Give the date of the payment (--date). Nothing was changed.`
          : paid
            ? `Member ${number} (${name}) is owed nothing for shares: the payment for them was recorded on ${paid.date}. Nothing was changed.`
            : `Member ${number} (${name}) is owed nothing for shares: payment is recorded only for shares withdrawn (coop shares withdraw) or given up on leaving (coop member leave). Nothing was changed.`,
      );
    }
    const nominalPence = owed.shares * rules.nominalPence;
    const money = (p: number) => formatPounds(p, { pence: true });
    if (asked !== undefined && asked > nominalPence) {
      throw new UserError(
        `${money(asked)} is more than member ${number}'s ${plural(owed.shares, 'share')} are worth (${money(nominalPence)} at their nominal value): the rules pay out no more than the amount paid on them. Nothing was changed.`,
      );
    }
    const payee = (input.to as SharePayee | undefined) ?? defaultPayee(state, number);
    const nominee = state.nominees.get(number) ?? null;
    if (payee === 'member' && m?.leftReason === 'deceased') {
      throw new UserError(`Member ${number} (${name}) has died: pay their nominee (--to nominee) or their personal representatives (--to representatives). Nothing was changed.`);
    }
    if (payee === 'nominee' && !nominee) {
      throw new UserError(
        `No nominee is recorded for member ${number} (${name})${m?.leftReason === 'deceased' ? '' : ', who has not died'}: pay ${m?.leftReason === 'deceased' ? 'their personal representatives (--to representatives)' : 'the member'}. Nothing was changed.`,
      );
    }
    const pence = asked ?? nominalPence;
    return {
      events: [{ date, type: 'repay-shares', member: number, pence, payee }],
      message: `Record payment of ${money(pence)} for member ${number}'s ${plural(owed.shares, 'share')}`,
      refusal: `Cannot record the payment for member ${number}'s shares`,
      result: () => ({ member: number, name, date, shares: owed.shares, pence, nominalPence, payee, nominee }),
    };
  });
}
