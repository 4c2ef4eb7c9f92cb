// What every register operation starts from: the group's root, its rules, its ledger read once
// and decoded once, and today's date.

import { UsageError } from '../errors.js';
import { parseDate, todayInUk, type IsoDate } from '../core/dates.js';
import type { LedgerRules } from '../core/ledger/derive.js';
import type { LedgerEvent } from '../core/ledger/events.js';
import type { CoopParams } from '../core/params.js';
import { findGroupRoot, isGitGroup, ledgerRules, loadParams, settle } from '../io/group.js';
import { nextMemberNumber } from '../core/ledger/append.js';
import { admissionKeys } from '../core/ledger/admission.js';
import { openLedger, refuseUnreadable, type LedgerHandle } from '../io/ledger-store.js';

export interface GroupContext {
  root: string;
  params: CoopParams;
  rules: LedgerRules;
  /** The ledger as opened: its summary now, its events when first asked for. */
  ledger: LedgerHandle;
  /** Every event in file order, decoded when first asked for (admitting a member needs none). */
  readonly events: LedgerEvent[];
  /** The number the next admission gets: one more than any ever given, so numbers are never reused. */
  nextNumber: number;
  today: IsoDate;
  /** The founding date: nothing in the register is dated before it. */
  founded: IsoDate;
  git: boolean;
}

/** Options every library operation takes. */
export interface CommonOptions {
  /** Today's date, for scripts and tests that replay history (default: today in the UK). */
  today?: string;
}

export interface WriteOptions extends CommonOptions {
  /** Commit the change (default true); false leaves it written but uncommitted. */
  commit?: boolean;
}

/**
 * Reads a group's rules and opens its ledger, refusing one with lines coop cannot read. The
 * caller holds the write lock, or has settled. Changes use the cache of full parts (`cache`);
 * reads decode every part anyway, so they skip it. `forChange`: the caller calls
 * ledger.remember once it is done (see LedgerHandle.remember).
 */
export async function readGroup(root: string, options: CommonOptions = {}, cache = false, forChange = false): Promise<GroupContext> {
  const today = options.today === undefined ? todayInUk() : parseDate(options.today);
  if (!today) throw new UsageError(`The option today "${options.today}" is not a date: write it as YYYY-MM-DD.`);
  const params = await loadParams(root);
  const ledger = openLedger(root, { cache, forChange });
  if (!ledger.clean) refuseUnreadable(ledger.read(), root);
  return {
    root,
    params,
    rules: ledgerRules(params),
    ledger,
    get events() {
      return ledger.read().events;
    },
    nextNumber: nextMemberNumber(ledger.summary),
    today,
    founded: params.group.founded,
    git: isGitGroup(root),
  };
}

/** Each member's admission key, by membership number: what the private store is joined by. */
export function memberAdmissions(group: GroupContext): Map<number, string> {
  const ledger = group.ledger.read();
  return admissionKeys(ledger.events, ledger.keyOf);
}

/** For read operations: find the group from any folder inside it, finish any interrupted change, read it. */
export async function openGroup(cwd: string, options: CommonOptions = {}): Promise<GroupContext> {
  const root = findGroupRoot(cwd);
  await settle(root);
  // Parts the snapshot knows are not decoded until events are asked for (or at all: see today.ts).
  return readGroup(root, options, true);
}
