// The register of officers: appointments and departures from office, dated. Whether an officer
// must be a member, and that an office has one holder at a time, is checked by the derivation.

import { UsageError, UserError } from '../errors.js';
import type { IsoDate } from '../core/dates.js';
import { cleanRole, parseEventDate, parseMemberNumber } from '../core/register/input.js';
import { commitMessages } from '../core/register/messages.js';
import type { WriteOptions } from './group.js';
import { noSuchMember } from './guards.js';
import { recordChange, type Recorded } from './record.js';
import { BOARD_ROLE_WORDS, boardRules, isBoardRole, type BoardRules } from '../core/board/rules.js';
import { deriveState } from '../core/ledger/derive.js';
import type { LedgerEvent } from '../core/ledger/events.js';
import type { CoopParams } from '../core/params.js';

/** The ledger role for a seat on the board when `role` names one (director, board member, committee member), else undefined. */
function boardSeatRole(input: Pick<OfficeInput, 'role' | 'coOpted'>, params: CoopParams): string | undefined {
  const typed = input.role
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
  const b = boardRules(params);
  const plain = typed.replace(/^co-opted-/, '');
  if (!(BOARD_ROLE_WORDS as readonly string[]).includes(plain) && plain !== b.role) return undefined;
  return input.coOpted || typed.startsWith('co-opted-') ? b.coOptedRole : b.role;
}

/** The board seat a member holds now (elected or co-opted), if any. */
function heldSeat(events: readonly LedgerEvent[], member: number, b: BoardRules): string | undefined {
  const { state } = deriveState(events);
  return state.officers.find((t) => t.member === member && t.to === null && isBoardRole(t.role, b.role))?.role;
}

export interface OfficeInput extends WriteOptions {
  /** The office, e.g. secretary. An appointment must be to an office the rules name (board.roles). */
  role: string;
  /** YYYY-MM-DD or dd/mm/yyyy (default today). */
  date?: string;
  /** With a board role (director, board member, committee member): co-opted by the board between general meetings. */
  coOpted?: boolean;
}

export interface OfficeRecorded {
  member: number;
  name: string;
  role: string;
  date: IsoDate;
}

export async function appointOfficer(cwd: string, member: number | string, input: OfficeInput): Promise<OfficeRecorded & Recorded> {
  const number = parseMemberNumber(member);
  return recordChange(cwd, input, (group) => {
    const role = boardSeatRole(input, group.params) ?? cleanRole(input.role, group.params.board.roles);
    if (input.coOpted && !isBoardRole(role, boardRules(group.params).role)) {
      throw new UsageError(`--co-opted is for a seat on the board (--role ${boardRules(group.params).role}), not for the office of ${role}.`);
    }
    if (number >= group.nextNumber) throw new UserError(noSuchMember(group, number));
    const date = parseEventDate(input.date, 'date of appointment', group);
    return {
      events: [{ date, type: 'appoint', member: number, role }],
      message: commitMessages.appoint(number, role),
      refusal: `Cannot appoint member ${number} as ${role}`,
      result: (_added, { state }) => ({ member: number, name: state.members.get(number)?.name ?? '', role, date }),
    };
  });
}

export async function endOfficerTerm(cwd: string, member: number | string, input: OfficeInput): Promise<OfficeRecorded & Recorded> {
  const number = parseMemberNumber(member);
  // Not checked against the rules' list: an office since dropped from the rules still ends.
  const typed = input.role
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
  if (!/^[a-z][a-z-]{0,39}$/.test(typed)) throw new UsageError(`"${input.role}" is not an office name (lower-case words, e.g. secretary).`);
  return recordChange(cwd, input, (group) => {
    if (number >= group.nextNumber) throw new UserError(noSuchMember(group, number));
    // Leaving the board ends whichever seat the member holds, elected or co-opted.
    const seat = boardSeatRole({ role: typed }, group.params);
    const role = seat === undefined ? typed : (heldSeat(group.events, number, boardRules(group.params)) ?? seat);
    const date = parseEventDate(input.date, 'date of leaving office', group);
    return {
      events: [{ date, type: 'retire', member: number, role }],
      message: commitMessages.retire(number, role),
      refusal: `Cannot record that member ${number} left the office of ${role}`,
      result: (_added, { state }) => ({ member: number, name: state.members.get(number)?.name ?? '', role, date }),
    };
  });
}
