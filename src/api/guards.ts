// Refusals shared by the register operations, worded for a secretary.

import { UserError } from '../errors.js';
import { deriveState, type Member } from '../core/ledger/derive.js';
import type { GroupContext } from './group.js';

/** The member as the register stands now (all events); refuses a number never given. */
export function existingMember(group: GroupContext, number: number): Member {
  const m = deriveState(group.events).state.members.get(number);
  if (!m) throw new UserError(noSuchMember(group, number));
  return m;
}

export function noSuchMember(group: GroupContext, number: number): string {
  const next = group.nextNumber;
  return next === 1
    ? `There is no member ${number}: nobody has been admitted yet.`
    : `There is no member ${number} in the register (membership numbers so far run from 1 to ${next - 1}).`;
}

export function requireShares(group: GroupContext): NonNullable<GroupContext['params']['shares']> {
  if (!group.params.shares) {
    throw new UserError(`This group (a ${group.params.group.form}) has no members' shares in its rules, so there are no shares to record.`);
  }
  return group.params.shares;
}
