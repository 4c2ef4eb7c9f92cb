// Offices and board places the register shows empty: a secretary who left or died, or a board
// smaller than the rules' minimum (coop.yml board.minSize). Each says what to do about it.

import type { CoopParams } from '../params.js';
import { boardRules } from './rules.js';
import { currentMembers, currentOfficers, type RegisterState } from '../ledger/derive.js';

/**
 * The board as the register shows it. With every member on the board (all-members), the members;
 * otherwise everyone holding a running office or seat: the first board is the founders named in
 * the founding minutes, who the register records as its first officers, not as seats.
 */
export function boardSize(params: CoopParams, state: RegisterState): number {
  if (params.board.style === 'all-members') return currentMembers(state).length;
  return new Set(currentOfficers(state).map((t) => t.member)).size;
}

/** Warnings, each with what to do; none when the offices the rules name are filled and the board is big enough. */
export function vacancyWarnings(params: CoopParams, state: RegisterState): string[] {
  const out: string[] = [];
  const held = new Set(currentOfficers(state).map((t) => t.role));
  // The secretary keeps the register and gives notice of meetings: the one office we insist on.
  if (params.board.roles.includes('secretary') && !held.has('secretary')) {
    const last = state.officers.filter((t) => t.role === 'secretary' && t.to !== null).sort((a, b) => (a.to! < b.to! ? 1 : -1))[0];
    const since = last ? ` since ${last.to} (member ${last.member} left the office)` : '';
    out.push(`the office of secretary is vacant${since}: the board appoints one with coop officer appoint <number> --role secretary`);
  }
  const size = boardSize(params, state);
  if (size < params.board.minSize) {
    const how =
      params.board.style === 'all-members'
        ? 'admit members (coop member add)'
        : `co-opt (coop officer appoint <number> --role ${boardRules(params).role} --co-opted) or elect at a general meeting (coop meeting nominate)`;
    out.push(`the board has ${size} ${size === 1 ? 'member' : 'members'}, fewer than the rules' minimum of ${params.board.minSize} (coop.yml board.minSize): ${how}`);
  }
  return out;
}
