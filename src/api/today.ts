// The register as it stands today, derived once and kept in the snapshot (io/snapshot.ts), so
// that commands reading only today's state (`status`, `member list`, `register` for today) need
// not decode the ledger when nothing has changed since a command derived it.

import { currentMembers, currentOfficers, deriveState, sharesIssued, type LedgerProblem, type RegisterState } from '../core/ledger/derive.js';
import { vacancyWarnings } from '../core/board/vacancies.js';
import { sharesOwed, type OwedShares } from '../core/register/shares-owed.js';
import type { CoopParams } from '../core/params.js';
import { registerDay } from '../core/register/input.js';
import { filingRecord, type FilingRecord } from '../core/register/filings.js';
import type { IsoDate } from '../core/dates.js';
import {
  decodeJson,
  encodeJson,
  keepDerived,
  snapshotDerived,
  snapshotHoldsParams,
  snapshotMemberLine,
  snapshotStatus,
  keepMemberLines,
  keepOutput,
  snapshotHasDerived,
  snapshotOutput,
} from '../io/snapshot.js';
import type { GroupContext } from './group.js';

export interface TodayRegister {
  /** The day the state is as at: the founding day while it is ahead, else today. */
  asOf: IsoDate;
  state: RegisterState;
  /** The rules' problems with every event, as `coop check` finds them in the register. */
  problems: LedgerProblem[];
  filings: FilingRecord;
  /** The date of the last event in the ledger (null when it has none): a state as at any day from it on is this one. */
  lastDate?: IsoDate | null;
}

/** Today's register: from the snapshot when it was derived from these very files, else derived (and kept). */
export function todayRegister(group: Pick<GroupContext, 'root' | 'params' | 'rules' | 'ledger' | 'events' | 'today' | 'founded'>): TodayRegister {
  const kept = keptTodayRegister(group);
  if (kept) return kept;
  const asOf = registerDay(group.today, group.founded);
  const paramsCurrent = snapshotHoldsParams(group.root, group.params);
  const events = group.events;
  const full = deriveState(events, { rules: group.rules, today: group.today });
  // Only a ledger with events dated after the day (which check reports) needs a second pass.
  const state = events.some((e) => e.date > asOf) ? deriveState(events, { asOf }).state : full.state;
  let lastDate: IsoDate | null = null;
  for (const e of events) if (lastDate === null || e.date > lastDate) lastDate = e.date;
  const today: TodayRegister = { asOf, state, problems: full.problems, filings: filingRecord(events), lastDate };
  const encoded = { state: encodeJson(state), problems: encodeJson(full.problems), filings: encodeJson(today.filings) };
  if (encoded.state !== undefined && Array.isArray(encoded.problems) && encoded.filings !== undefined) {
    keepDerived(
      group.root,
      { today: group.today, asOf, state: encoded.state, problems: encoded.problems, extra: { filings: encoded.filings, lastDate } },
      paramsCurrent && group.ledger.allKnown,
      statusOrNothing(statusFacts(group.params, today)),
    );
  }
  return today;
}

/**
 * Today's register as the snapshot keeps it, when it was derived from these very files (the
 * group's current params and ledger parts); undefined otherwise, and nothing is derived. The
 * meeting commands use it for a meeting on or after the last event (api/meeting-context.ts).
 */
export function keptTodayRegister(group: Pick<GroupContext, 'root' | 'params' | 'ledger' | 'today' | 'founded'>): TodayRegister | undefined {
  const asOf = registerDay(group.today, group.founded);
  const kept = snapshotDerived(group.root, group.today, snapshotHoldsParams(group.root, group.params) && group.ledger.fromSnapshot);
  if (kept?.asOf !== asOf) return undefined;
  const state = decodeJson(kept.state) as RegisterState;
  const filings = decodeJson(kept.extra.filings) as FilingRecord;
  const last = kept.extra.lastDate;
  const lastDate = last === null || (typeof last === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(last)) ? (last as IsoDate | null) : undefined;
  if (!(state instanceof Object) || !(state.members instanceof Map) || !filings) return undefined;
  return { asOf, state, problems: kept.problems as LedgerProblem[], filings, ...(lastDate === undefined ? {} : { lastDate }) };
}

/** What `coop status` shows of today's register: a few kilobytes, kept beside it (see todayStatus). */
export interface StatusFacts {
  asOf: IsoDate;
  members: number;
  shares: number;
  /** Current officers, in the order of the rules' roles. */
  officers: { role: string; member: number; name: string; since: IsoDate }[];
  /** Every debt for shares, oldest first; only the first OWED_KEPT where kept (see todayStatus). */
  sharesOwed: OwedShares[];
  /** How many debts there are in all. */
  owedCount: number;
  warnings: string[];
  registerProblems: number;
  filings: FilingRecord;
}

/** The debts kept with status's facts: the oldest few it prints (an imported register can owe thousands). */
export const OWED_KEPT = 10;

/** The facts status shows, from today's register and the rules that derived it. */
export function statusFacts(params: CoopParams, today: TodayRegister): StatusFacts {
  const { state } = today;
  const roleOrder = (role: string) => {
    const i = params.board.roles.indexOf(role);
    return i === -1 ? params.board.roles.length : i;
  };
  const officers = currentOfficers(state)
    .map((t) => ({ role: t.role, member: t.member, name: state.members.get(t.member)?.name ?? '', since: t.from }))
    .sort((a, b) => roleOrder(a.role) - roleOrder(b.role) || a.role.localeCompare(b.role));
  const owed = sharesOwed(state, params.shares?.nominalPence ?? 0);
  return {
    asOf: today.asOf,
    members: currentMembers(state).length,
    shares: sharesIssued(state),
    officers,
    sharesOwed: owed,
    owedCount: owed.length,
    warnings: vacancyWarnings(params, state),
    registerProblems: today.problems.length,
    filings: today.filings,
  };
}

/**
 * What status shows: kept beside today's register when that was derived from these very files
 * (so status reads kilobytes, not the register's megabytes), else from today's register. With
 * `owed` short, sharesOwed may hold only the oldest OWED_KEPT debts (owedCount says how many).
 */
export function todayStatus(group: GroupContext, owed: 'all' | 'oldest' = 'all'): StatusFacts {
  const asOf = registerDay(group.today, group.founded);
  const current = snapshotHoldsParams(group.root, group.params) && group.ledger.fromSnapshot;
  const kept = snapshotStatus(group.root, group.today, current) as StatusFacts | undefined;
  if (isStatusFacts(kept) && kept.asOf === asOf && (owed === 'oldest' || kept.sharesOwed.length === kept.owedCount)) return kept;
  return statusFacts(group.params, todayRegister(group));
}

function isStatusFacts(v: Partial<StatusFacts> | null | undefined): v is StatusFacts {
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.asOf === 'string' &&
    Number.isSafeInteger(v.members) &&
    Number.isSafeInteger(v.shares) &&
    Array.isArray(v.officers) &&
    Array.isArray(v.sharesOwed) &&
    Number.isSafeInteger(v.owedCount) &&
    v.sharesOwed.length === Math.min(v.owedCount!, OWED_KEPT) &&
    Array.isArray(v.warnings) &&
    Number.isSafeInteger(v.registerProblems) &&
    typeof v.filings === 'object' &&
    v.filings !== null
  );
}

/** The facts to keep (the oldest debts only), when JSON gives them back exactly (else none). */
function statusOrNothing(facts: StatusFacts): StatusFacts | undefined {
  const kept = { ...facts, sharesOwed: facts.sharesOwed.slice(0, OWED_KEPT) };
  return encodeJson(kept) === undefined ? undefined : kept;
}

/**
 * One member's line as member show keeps it ([number, admission key or null, …facts]), when
 * kept beside today's register derived from these very files; undefined otherwise.
 */
export function keptMember<F>(group: GroupContext, number: number, factsOf: (row: readonly unknown[]) => F | undefined): { key: string | undefined; facts: F } | undefined {
  const current = snapshotHoldsParams(group.root, group.params) && group.ledger.fromSnapshot;
  const row = snapshotMemberLine(group.root, group.today, number, current);
  if (!row || (row[1] !== null && typeof row[1] !== 'string')) return undefined;
  const facts = factsOf(row);
  return facts === undefined ? undefined : { key: (row[1] as string | null) ?? undefined, facts };
}

/**
 * Keeps every member's line (made by `lines`, only when it can be kept) beside today's register,
 * which is derived first if it is not kept: the lines are keyed by it.
 */
export function keepMembers(group: GroupContext, lines: () => Iterable<string>): void {
  if (!snapshotHoldsParams(group.root, group.params) || !group.ledger.allKnown) return;
  // The snapshot's parts are now those on disk (the ledger was just opened): a register it holds is current.
  if (!snapshotHasDerived(group.root, group.today)) todayRegister(group);
  keepMemberLines(group.root, group.today, lines(), true);
}

/**
 * The text a read prints of today's register (`name`: the command and every option that shapes
 * it; never one with contact details): kept beside the register when that was derived from these
 * very files, else made by `make` (from todayRegister) and kept for the next run.
 */
export async function todayOutput(group: GroupContext, name: string, make: () => string | Promise<string>): Promise<string | Uint8Array> {
  const current = snapshotHoldsParams(group.root, group.params);
  const kept = snapshotOutput(group.root, group.today, name, current && group.ledger.fromSnapshot);
  if (kept !== undefined) return kept;
  const text = await make();
  keepOutput(group.root, group.today, name, text, current && group.ledger.allKnown);
  return text;
}
