// Appending to the ledger: give new events their sequence numbers, derive the register with
// them in place, and report what they would break. Every change to the register goes
// through here, so `coop check` and every command agree on what is valid.

import { deriveState, newProblems, type LedgerProblem, type LedgerRules, type RegisterState } from './derive.js';
import { encodeEvent, type LedgerEvent, type NewEvent } from './events.js';
import type { IsoDate } from '../dates.js';

export interface AppendPlan {
  /** The new events, numbered. */
  added: LedgerEvent[];
  /** Every event, the new ones last. */
  events: LedgerEvent[];
  /** The ledger's new text: the old text, unchanged, with the new lines after it. */
  text: string;
  /** The register with the new events, as at the end of time. */
  state: RegisterState;
  /** Problems the new events would add (none: the change may be written). */
  problems: LedgerProblem[];
}

export function lastSeqOf(events: readonly LedgerEvent[]): number {
  let last = 0;
  for (const e of events) if (e.seq > last) last = e.seq;
  return last;
}

export function planAppend(
  text: string,
  existing: readonly LedgerEvent[],
  additions: readonly NewEvent[],
  options: { rules: LedgerRules; today: IsoDate },
): AppendPlan {
  let seq = lastSeqOf(existing);
  const added = additions.map((e) => ({ seq: ++seq, ...e }) as LedgerEvent);
  const events = existing.concat(added);
  const after = deriveState(events, options);
  // Deriving twice costs a few tens of milliseconds at 100,000 members; only a ledger that
  // already has problems needs the second pass, to tell old problems from new.
  const problems = after.problems.length === 0 ? [] : newProblems(deriveState(existing, options).problems, after.problems);
  const sep = text === '' || text.endsWith('\n') ? '' : '\n';
  const lines = added.map((e) => `${encodeEvent(e)}\n`).join('');
  return { added, events, text: text + sep + lines, state: after.state, problems };
}

/** The number the next admission gets: one more than any ever given, so numbers are never reused. */
export function nextMemberNumber(events: readonly LedgerEvent[]): number {
  let max = 0;
  for (const e of events) if (e.type === 'admit' && e.member > max) max = e.member;
  return max + 1;
}
