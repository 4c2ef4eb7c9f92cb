// Every change to the register goes the same way: under the write lock, read the group, let
// the operation work out its events (refusing bad input), check them against the rules and the
// register (planAppend says how much of the register each change needs), and write the new
// ledger lines (and any private contact lines) in one transaction.

import { UserError } from '../errors.js';
import type { ContactLine } from '../core/contacts.js';
import { planAppend } from '../core/ledger/append.js';
import type { LedgerProblem, RegisterState } from '../core/ledger/derive.js';
import { LEDGER_FILE, type LedgerEvent, type NewEvent } from '../core/ledger/events.js';
import { contactsChange, ensureContactsPrivate } from '../io/contacts-store.js';
import { CONTACTS_FILE } from '../core/layout.js';
import { findGroupRoot, isGitGroup } from '../io/group.js';
import { gitIdentity, worktreeState } from '../io/git.js';
import { applyPlan, withWriteLock, type FileChange } from '../io/transaction.js';
import { memberAdmissions, readGroup, type GroupContext, type WriteOptions } from './group.js';
import { admissionKey } from '../core/ledger/admission.js';
import { owedRenumbers } from '../core/ledger/renumber.js';

/** A member who now holds another number: "Dafydd Jones is now member 5 (was 4)". */
export interface RenumberNews {
  name: string;
  was: number;
  now: number;
}

/**
 * The renumber events this copy owes (core/ledger/renumber.ts): none unless another copy's
 * stream has events, so a group kept on one computer never reads its whole register for this.
 */
function owedRenumberEvents(group: GroupContext): { events: NewEvent[]; news: RenumberNews[]; lines: string[]; highest: number } {
  if (!group.ledger.shared) return { events: [], news: [], lines: [], highest: 0 };
  const { owed, news } = owedRenumbers(group.ledger.read().renumbered, group.ledger.stream);
  const told = new Set(news);
  const events: NewEvent[] = owed.map((r) => ({ date: group.today, type: 'renumber', member: r.now, from: told.has(r) ? r.recorded : r.admitted, of: r.key }));
  const lines = owed.map((r) => `${r.name}: member ${told.has(r) ? r.recorded : r.admitted} is now member ${r.now} (two copies of the register gave out the same number).`);
  const highest = Math.max(0, ...group.ledger.read().renumbered.map((r) => r.now));
  return { events, news: news.map((r) => ({ name: r.name, was: r.recorded, now: r.now })), lines, highest };
}

export interface Change<T> {
  events: NewEvent[];
  contacts?: ContactLine[];
  /** Other changes to git-ignored files under private/ (a rewrite of the contact store included). */
  privateFiles?: FileChange[];
  /** The commit message: "Admit member 12: Priya Sharma". */
  message: string;
  /** What the operation returns, given the numbered events and the register with them (derived only if read). */
  result: (added: LedgerEvent[], register: { readonly state: RegisterState }) => T;
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
  /** Members given a new number by this change, because two copies had given out theirs (said once). */
  renumbered?: RenumberNews[];
}

export async function recordChange<T>(cwd: string, options: WriteOptions, build: (group: GroupContext) => Change<T> | Promise<Change<T>>): Promise<T & Recorded> {
  const root = findGroupRoot(cwd);
  return withWriteLock(root, async () => {
    // Who commits is asked of git now, while the group is read: it depends on nothing the change
    // does, and git starts quicker from a process that has not yet read the register.
    const identity = options.commit !== false && isGitGroup(root) ? gitIdentity(root) : undefined;
    identity?.catch(() => {});
    // So is git's status of the checkout, for the checkout guard (applyPlan): the lock held, nothing
    // coop does before writing changes what it says, and git works while the register is read and
    // the change worked out. Asked with what git ignores, in case the change stores contact details.
    const worktree = isGitGroup(root) ? worktreeState(root, { ignored: true }) : undefined;
    worktree?.catch(() => {});
    const group = await readGroup(root, options, true, true);
    // The snapshot learns the parts as read, and those the change wrote, in one write however this ends.
    let written: FileChange[] = [];
    try {
      const owed = owedRenumberEvents(group);
      // A member renumbered holds a number the summary has not seen given: never give it again.
      if (owed.highest >= group.nextNumber) group.nextNumber = owed.highest + 1;
      const change = await build(group);
      const plan = planAppend({ summary: group.ledger.summary, events: () => group.events }, [...owed.events, ...change.events], { rules: group.rules, today: group.today });
      if (plan.problems.length > 0) throw new UserError(explainRefusal(change, plan.problems, plan.added, group));
      // The renumberings owed go first, in the same commit; the operation sees only its own events.
      const own = plan.added.slice(owed.events.length);
      const renumbered = owed.news.length > 0 ? { renumbered: owed.news } : {};
      if (change.dryRun) return { ...change.result(own, plan), commit: null, ...renumbered };
      const changes: FileChange[] = [];
      // The ledger only grows: the new lines go on the end of its last part (or start a new one).
      changes.push(...group.ledger.appendChanges(plan.added));
      // Whether git ignores the store is asked with git's status of the checkout (applyPlan).
      let storesPrivate = false;
      if (change.contacts && change.contacts.length > 0) {
        storesPrivate = true;
        keyContacts(change.contacts, own, group);
        changes.push(contactsChange(root, change.contacts));
      }
      if (change.privateFiles && change.privateFiles.length > 0) {
        storesPrivate = true;
        changes.push(...change.privateFiles);
      }
      const result = change.result(own, plan);
      if (changes.length === 0) {
        if (storesPrivate) await ensureContactsPrivate(root);
        return { ...result, commit: null };
      }
      // Contact details alone change no tracked file, so there is nothing to commit.
      const commit = options.commit !== false && plan.added.length > 0;
      const message = owed.events.length === 0 ? change.message : `${change.message || 'Record renumbered members'}\n\n${owed.lines.join('\n')}`;
      const made = await applyPlan(
        root,
        { changes, message },
        {
          git: group.git,
          commit,
          ...(identity ? { identity } : {}),
          ...(worktree ? { worktree } : {}),
          ...(storesPrivate ? { ignored: { path: CONTACTS_FILE, check: () => ensureContactsPrivate(root) } } : {}),
        },
      );
      written = changes;
      return { ...result, commit: made, ...renumbered };
    } finally {
      group.ledger.remember(written);
    }
  });
}

/**
 * Names each contact line's admission (see core/ledger/admission.ts), so the details can only
 * ever join the person they were given for: a member admitted by this change, or one already in
 * the register (then the whole ledger is read, as updating a member reads it anyway).
 */
function keyContacts(lines: ContactLine[], added: readonly LedgerEvent[], group: GroupContext): void {
  const admitted = new Map<number, string>();
  for (const e of added) if (e.type === 'admit') admitted.set(e.member, admissionKey(group.ledger.stream, e));
  let existing: Map<number, string> | undefined;
  for (const line of lines) {
    const key = admitted.get(line.member) ?? (existing ??= memberAdmissions(group)).get(line.member);
    if (key !== undefined) {
      line.of = key;
      line.at = new Date().toISOString();
    }
  }
}

function explainRefusal<T>(change: Change<T>, problems: LedgerProblem[], added: LedgerEvent[], group: GroupContext): string {
  const mine = new Map(added.map((e) => [e.seq, e]));
  const ledger = group.ledger.read();
  const whereOf = new Map<number, string>();
  for (const [i, e] of ledger.events.entries()) whereOf.set(e.seq, ledger.whereOf(i));
  const bySeq = new Map(ledger.events.map((e) => [e.seq, e]));
  const lines = problems.map((p) => {
    const own = mine.get(p.seq);
    if (own) {
      const where = change.where?.(own);
      return where ? `  ${where}: ${p.message}` : `  - ${p.message}`;
    }
    const e = bySeq.get(p.seq);
    return `  - it would make a later entry wrong (${whereOf.get(p.seq) ?? LEDGER_FILE}, ${e?.type ?? 'event'} dated ${e?.date ?? '?'}): ${p.message}`;
  });
  return `${change.refusal}:\n${lines.join('\n')}\nNothing was changed.`;
}
