// The register as it stands today, derived once and kept in the snapshot (io/snapshot.ts), so
// that commands reading only today's state (`status`, `member list`, `register` for today) need
// not decode the ledger when nothing has changed since a command derived it.

import { deriveState, type LedgerProblem, type RegisterState } from '../core/ledger/derive.js';
import { registerDay } from '../core/register/input.js';
import { filingRecord, type FilingRecord } from '../core/register/filings.js';
import type { IsoDate } from '../core/dates.js';
import { decodeJson, encodeJson, keepDerived, snapshotDerived, snapshotHoldsParams } from '../io/snapshot.js';
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
export function todayRegister(group: GroupContext): TodayRegister {
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
