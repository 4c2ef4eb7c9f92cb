// Appending to the ledger: give new events their sequence numbers, check them against the
// register with them in place, and report what they would break. Every change to the register
// goes through here, so `coop check` and every command agree on what is valid.

import { deriveState, newProblems, type LedgerProblem, type LedgerRules, type RegisterState } from './derive.js';
import { encodeEvent, type LedgerEvent, type NewEvent } from './events.js';
import type { IsoDate } from '../dates.js';

/** The ledger a change is added to: what is known of it at once, and all of it on demand. */
export interface LedgerSoFar {
  summary: {
    lastSeq: number;
    /** The highest membership number any event names, admitted or not. */
    maxMentioned: number;
  };
  /** Every event so far, in file order (may decode the whole ledger). */
  events(): readonly LedgerEvent[];
}

export interface AppendPlan {
  /** The new events, numbered. */
  added: LedgerEvent[];
  /** The new events as ledger lines, each ending in a line break. */
  lines: string[];
  /** The register with the new events, as at the end of time (derived when first asked for). */
  readonly state: RegisterState;
  /** Problems the new events would add (none: the change may be written). */
  problems: LedgerProblem[];
}

export function planAppend(ledger: LedgerSoFar, additions: readonly NewEvent[], options: { rules: LedgerRules; today: IsoDate }): AppendPlan {
  let seq = ledger.summary.lastSeq;
  const added = additions.map((e) => ({ seq: ++seq, ...e }) as LedgerEvent);
  const lines = added.map((e) => `${encodeEvent(e)}\n`);
  let state: RegisterState | undefined;
  const all = () => ledger.events().concat(added);
  let problems: LedgerProblem[];
  if (admitsOnlyNewcomers(added, ledger.summary.maxMentioned)) {
    // No event so far names these members, so nothing already recorded bears on them and they
    // bear on nothing already recorded: checking them alone finds exactly what checking the
    // whole ledger would add. This is what keeps `coop member add` quick at 100,000 members.
    problems = deriveState(added, options).problems;
  } else {
    const after = deriveState(all(), options);
    state = after.state;
    // Only a ledger that already has problems needs a second pass, to tell old problems from new.
    problems = after.problems.length === 0 ? [] : newProblems(deriveState(ledger.events(), options).problems, after.problems);
  }
  return {
    added,
    lines,
    get state() {
      return (state ??= deriveState(all()).state);
    },
    problems,
  };
}

/** True when every new event admits a member whose number no earlier event names. */
function admitsOnlyNewcomers(added: readonly LedgerEvent[], maxMentioned: number): boolean {
  return added.length > 0 && added.every((e) => e.type === 'admit' && e.member > maxMentioned);
}

/** The number the next admission gets: one more than any ever given, so numbers are never reused. */
export function nextMemberNumber(summary: { maxAdmitted: number }): number {
  return summary.maxAdmitted + 1;
}
