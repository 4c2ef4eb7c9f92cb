// Before a change is written to a git group: is this checkout one a change may safely go on?
//
// A change made on an older commit (a detached HEAD, or a branch behind what was last fetched)
// gives out membership numbers that later ones already have, and the private store then joins
// one person's details to another. A change made while coop.yml or the register has edits of
// the person's own would be checked against rules nobody committed, or would sweep those edits
// into its own commit. All are refused, with what to do instead.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../errors.js';
import { isRegisterFile } from '../core/ledger/parts.js';
import { committedText, worktreeState, type WorktreeState } from './git.js';

const PARAMS_FILE = 'coop.yml';

/**
 * The refusal for this checkout, or nothing. `committing`: the change will be committed
 * (then staged files and uncommitted edits of coop.yml and the register matter too).
 * Returns the state read, so the caller need not ask git again (with `ignored`, what git ignores too).
 */
export async function guardCheckout(root: string, committing: boolean, options: { ignored?: boolean; asked?: Promise<WorktreeState> } = {}): Promise<WorktreeState> {
  // A state already asked for (with what git ignores listed) is judged as if asked now.
  const state = await (options.asked ?? worktreeState(root, options));
  if (state.unmerged.length > 0) {
    throw new UserError(
      `A git merge is unfinished: ${list(state.unmerged)} still have conflicts. Finish it (git merge --continue) or undo it (git merge --abort) first. Nothing was changed.`,
    );
  }
  if (state.branch === undefined) {
    throw new UserError(
      'This checkout is not on a branch (git calls it a "detached HEAD": an older commit, or a rebase under way), so a change made here ' +
        'could give out membership numbers already given on the branch. Go back to the branch first (git switch main, or git rebase --continue). Nothing was changed.',
    );
  }
  if (state.behind > 0) {
    throw new UserError(
      `This copy is ${state.behind} commit${state.behind === 1 ? '' : 's'} behind ${state.upstream ?? 'its upstream'}, which has changes made elsewhere. ` +
        'Bring them in first (coop sync, or git pull), so that no membership number is given twice. Nothing was changed.',
    );
  }
  if (!committing) return state;
  if (state.staged.length > 0) {
    throw new UserError(
      `You have staged changes of your own (${list(state.staged)}). ` +
        'coop commits only its own files: commit or unstage yours first (git commit, or git restore --staged <file>). Nothing was changed.',
    );
  }
  const own: string[] = [];
  for (const path of state.edited) {
    if (path === PARAMS_FILE) own.push(path);
    // A ledger file that only grew (a change made with --no-commit) is coop's own; one whose
    // committed lines were edited or removed is not.
    else if (isRegisterFile(path) && (await editedLines(root, path)) !== undefined) own.push(path);
  }
  if (own.length > 0) {
    throw new UserError(
      `${list(own)} ${own.length === 1 ? 'has' : 'have'} uncommitted edits of your own, which this change would be checked against or swept into its commit. ` +
        'Commit them (git commit -am "…"), or put back what git has (git restore <file>), then try again. Nothing was changed.',
    );
  }
  return state;
}

/**
 * Where a ledger file no longer holds what git committed: the first line (1-based) that differs
 * or is gone, with what it was; undefined when the committed lines are all still there, in
 * order, at its start (lines added after them are fine: the ledger only grows).
 */
export async function editedLines(root: string, path: string, now?: string): Promise<{ line: number; was: string; is: string | undefined } | undefined> {
  const committed = await committedText(root, path);
  if (committed === undefined || committed === '') return undefined;
  let text = now;
  if (text === undefined) {
    try {
      text = readFileSync(join(root, path), 'utf8');
    } catch {
      text = '';
    }
  }
  const before = committed.split('\n');
  const after = text.split('\n');
  for (let i = 0; i < before.length; i++) {
    if (before[i] !== after[i]) return { line: i + 1, was: before[i]!, is: after[i] };
  }
  return undefined;
}

function list(paths: readonly string[]): string {
  return `${paths.slice(0, 5).join(', ')}${paths.length > 5 ? ', …' : ''}`;
}
