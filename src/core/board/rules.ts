// The board's rules and the written-resolution rules, resolved from coop.yml. The keys were added
// after groups were founded, so each may be missing: the defaults here stand for it, per form,
// and both the governing document and every check read these resolved values.

import { COMPANY_SPECIAL_RESOLUTION_PERCENT, COMPANY_WRITTEN_RESOLUTION_LAPSE_DAYS, isCompany } from '../law.js';
import { parseFraction, type Fraction } from '../fraction.js';
import type { CoopParams, Form } from '../params.js';

export type ElectionMethod = NonNullable<CoopParams['board']['elections']>['method'];
export type TieBreak = NonNullable<CoopParams['board']['elections']>['tieBreak'];

export interface BoardRules {
  /** The ledger's role for a board member: director, board-member or committee-member. */
  role: string;
  /** The same, co-opted by the board between general meetings. */
  coOptedRole: string;
  /** What one is called in documents: "director". */
  word: string;
  minSize: number;
  maxSize: number;
  coOptedMax: number;
  /** Every member is on the board (style all-members): no appointments, no elections. */
  allMembers: boolean;
  method: ElectionMethod;
  tieBreak: TieBreak;
  nominationDeadlineDays: number | null;
  mustBeMembers: boolean;
}

const ROLE: Record<Form, string> = {
  'co-operative-society': 'board-member',
  'community-benefit-society': 'board-member',
  'company-limited-by-guarantee': 'director',
  cic: 'director',
  'unincorporated-association': 'committee-member',
};

/** The words people may type for a board seat, whatever the form calls it. */
export const BOARD_ROLE_WORDS = ['director', 'board-member', 'committee-member', 'board', 'committee'] as const;

/** The defaults a founder gets, and that stand for any key an older coop.yml lacks. */
export function defaultBoardExtras(style: CoopParams['board']['style']): Required<Pick<CoopParams['board'], 'coOptedMax' | 'elections'>> {
  return {
    coOptedMax: style === 'all-members' ? 0 : 2,
    // A company formed under the 2006 Act has no chair's casting vote at general meetings (law.ts).
    elections: { method: 'up-to-seats', tieBreak: 'lot', nominationDeadlineDays: null },
  };
}

export function boardRules(params: CoopParams): BoardRules {
  const { board, group } = params;
  const extras = defaultBoardExtras(board.style);
  const role = ROLE[group.form];
  const elections = board.elections ?? extras.elections;
  return {
    role,
    coOptedRole: `co-opted-${role}`,
    word: role.replace(/-/g, ' '),
    minSize: board.minSize,
    maxSize: board.maxSize,
    coOptedMax: board.coOptedMax ?? extras.coOptedMax,
    allMembers: board.style === 'all-members',
    method: elections.method,
    tieBreak: elections.tieBreak,
    nominationDeadlineDays: elections.nominationDeadlineDays,
    mustBeMembers: board.officersMustBeMembers,
  };
}

/** Is this ledger role a seat on the board (elected or co-opted), for a group whose board role is `role`? */
export function isBoardRole(role: string, boardRole: string): boolean {
  return role === boardRole || role === `co-opted-${boardRole}`;
}

export interface WrittenRules {
  allowed: boolean;
  lapseDays: number;
  /** Share of ALL eligible members needed for a special resolution. */
  special: Fraction;
  company: boolean;
}

/**
 * Companies: the statutory 28 days (s.297). Societies and associations have no statutory period;
 * their rules set one, and the same 28 days is the default, so every written resolution ends.
 */
export function defaultWrittenResolutions(): NonNullable<CoopParams['decisions']['writtenResolutions']> {
  return { allowed: true, lapseDays: COMPANY_WRITTEN_RESOLUTION_LAPSE_DAYS };
}

export function writtenRules(params: CoopParams): WrittenRules {
  const form = params.group.form;
  const w = params.decisions.writtenResolutions ?? defaultWrittenResolutions();
  const company = isCompany(form);
  return {
    allowed: w.allowed,
    lapseDays: w.lapseDays,
    // A company's written special resolution needs 75% of eligible members by statute (s.283(2));
    // a society's or association's needs the share its rules set for special resolutions.
    special: company ? parseFraction(`${COMPANY_SPECIAL_RESOLUTION_PERCENT}%`)! : params.meetings.specialResolution,
    company,
  };
}
