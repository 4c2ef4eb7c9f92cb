// Every change to the register goes the same way: under the write lock, read the group, let
// the operation work out its events (refusing bad input), check them against the rules with
// the whole ledger, and write the ledger (and any private contact lines) in one transaction.

import { UserError } from '../errors.js';
import type { ContactLine } from '../core/contacts.js';
import { planAppend } from '../core/ledger/append.js';
import type { LedgerProblem, RegisterState } from '../core/ledger/derive.js';
import { LEDGER_FILE, type LedgerEvent, type NewEvent } from '../core/ledger/events.js';
import { contactsChange, ensureContactsPrivate } from '../io/contacts-store.js';
import { findGroupRoot } from '../io/group.js';
import { applyPlan, withWriteLock, type FileChange } from '../io/transaction.js';
import { readGroup, type GroupContext, type WriteOptions } from './group.js';

export interface Change<T> {
  events: NewEvent[];
  contacts?: ContactLine[];
  /** The commit message: "Admit member 12: Priya Sharma". */
  message: string;
  /** What the operation returns, given the numbered events and the register with them. */
  result: (added: LedgerEvent[], state: RegisterState) => T;
  /** Says what was being done, for a refusal: "Cannot admit Priya Sharma". */
  refusal: string;
  /** Where a new event came from, for refusals ("members.csv:5"); the default names no place. */
  where?: (event: LedgerEvent) => string | undefined;
  /** Check everything, then stop before writing (coop member import --dry-run). */
  dryRun?: boolean;
}

export interface Recorded {
  /** The commit made, or null with commit: false (or in a group without git). */
  commit: string | null;
}

export async function recordChange<T>(
  cwd: string,
  options: WriteOptions,
  build: (group: GroupContext) => Change<T> | Promise<Change<T>>,
): Promise<T & Recorded> {
  const root = findGroupRoot(cwd);
  return withWriteLock(root, async () => {
    const group = await readGroup(root, options);
    const change = await build(group);
    const plan = planAppend(group.text, group.events, change.events, { rules: group.rules, today: group.today });
    if (plan.problems.length > 0) throw new UserError(explainRefusal(change, plan.problems, plan.added, group));
    if (change.dryRun) return { ...change.result(plan.added, plan.state), commit: null };
    const changes: FileChange[] = [];
    // The ledger only grows: append the new lines rather than rewrite megabytes at 100,000 members.
    if (plan.added.length > 0) changes.push({ path: LEDGER_FILE, content: plan.text.slice(group.text.length), tracked: true, append: true });
    if (change.contacts && change.contacts.length > 0) {
      await ensureContactsPrivate(root);
      changes.push(contactsChange(root, change.contacts));
    }
    const result = change.result(plan.added, plan.state);
    if (changes.length === 0) return { ...result, commit: null };
    // Contact details alone change no tracked file, so there is nothing to commit.
    const commit = options.commit !== false && plan.added.length > 0;
    const made = await applyPlan(root, { changes, message: change.message }, { git: group.git, commit });
    return { ...result, commit: made };
  });
}

function explainRefusal<T>(change: Change<T>, problems: LedgerProblem[], added: LedgerEvent[], group: GroupContext): string {
  const mine = new Map(added.map((e) => [e.seq, e]));
  const lineOf = new Map<number, number>();
  group.events.forEach((e, i) => lineOf.set(e.seq, group.lines[i]!));
  const byDate = new Map(group.events.map((e) => [e.seq, e]));
  const lines = problems.map((p) => {
    const own = mine.get(p.seq);
    if (own) {
      const where = change.where?.(own);
      return where ? `  ${where}: ${p.message}` : `  - ${p.message}`;
    }
    const e = byDate.get(p.seq);
    return `  - it would make a later entry wrong (${LEDGER_FILE}:${lineOf.get(p.seq) ?? '?'}, ${e?.type ?? 'event'} dated ${e?.date ?? '?'}): ${p.message}`;
  });
  return `${change.refusal}:\n${lines.join('\n')}\nNothing was changed.`;
}
