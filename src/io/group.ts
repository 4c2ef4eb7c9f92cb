// Reading a group's repository: find its root, load and validate coop.yml (with line numbers
// for every problem; params-file.ts does the parsing, the snapshot (snapshot.ts) remembers a
// clean verdict), read the ledger. Everything a command needs before it plans a change.

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { UserError } from '../errors.js';
import { WITHDRAWABLE_SHARE_CAP_PENCE } from '../core/law.js';
import type { BoardSeats, LedgerRules } from '../core/ledger/derive.js';
import { boardRules } from '../core/board/rules.js';
import { PARAMS_FILE } from '../core/layout.js';
import type { CoopParams } from '../core/params.js';
import { openLedger, refuseUnreadable, type Ledger } from './ledger-store.js';
import { keepParams, snapshotParams } from './snapshot.js';
import { needsRecovery } from './journal.js';
import { refuseUnfinishedMerge } from './merge-guard.js';
import { conflictMarkerLine, conflictMarkersMessage } from '../core/conflict-markers.js';
import type { Located } from './params-file.js';

export { CONTACTS_FILE, PARAMS_FILE, PRIVATE_DIR } from '../core/layout.js';
export type { Located };

/** The folder holding coop.yml, searching upwards from cwd. */
export function findGroupRoot(cwd: string): string {
  let dir = resolve(cwd);
  for (;;) {
    if (existsSync(join(dir, PARAMS_FILE))) {
      // A git merge stopped halfway with conflict markers in coop's files: refused, not misread.
      refuseUnfinishedMerge(dir);
      return dir;
    }
    const parent = dirname(dir);
    if (parent === dir) {
      throw new UserError(
        `This folder is not a group made by coop (no ${PARAMS_FILE} here or above ${resolve(cwd)}). Run coop inside your group’s folder, or found one with: coop new my-group`,
      );
    }
    dir = parent;
  }
}

/** Loads coop.yml or throws one UserError listing every problem with its line. */
export async function loadParams(root: string): Promise<CoopParams> {
  const file = join(root, PARAMS_FILE);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UserError(`Cannot read ${file} (${(error as NodeJS.ErrnoException).code}).`);
  }
  const { params, problems } = await checkParamsText(root, text);
  if (!params || problems.length > 0) {
    const marker = conflictMarkerLine(text);
    if (marker !== undefined) throw new UserError(conflictMarkersMessage([{ path: PARAMS_FILE, line: marker }], false));
    throw new UserError(
      `${PARAMS_FILE} has ${problems.length === 1 ? 'a problem' : `${problems.length} problems`}; fix ${problems.length === 1 ? 'it' : 'them'} and try again:\n${formatLocated(problems)}`,
    );
  }
  return params;
}

/**
 * The params in the group's coop.yml text, or every problem with its line: parseParamsText's
 * verdict, answered from the snapshot when this same text has passed before. Only a clean
 * verdict is cached, so every problem is still found, and worded, by the full check.
 */
export async function checkParamsText(root: string, text: string): Promise<{ params?: CoopParams; problems: Located[] }> {
  const cached = snapshotParams(root, text);
  if (cached) return { params: cached, problems: [] };
  const { parseParamsText } = await import('./params-file.js');
  const { params, problems } = parseParamsText(text);
  if (params && problems.length === 0) keepParams(root, text, params);
  return params ? { params, problems } : { problems };
}

export function formatLocated(problems: readonly Located[]): string {
  return problems.map((p) => `  ${p.where}: ${p.message}`).join('\n');
}

/**
 * Reads and decodes the whole ledger, every part; a problem is fatal unless `tolerant` (coop
 * check reports them all). Changes use openLedger, which decodes only what they need.
 */
export function readLedger(root: string, tolerant = false): Ledger {
  const ledger = openLedger(root, { cache: false }).read();
  if (!tolerant) refuseUnreadable(ledger, root);
  return ledger;
}

/** The rules the ledger is checked against, from the params. */
export function ledgerRules(params: CoopParams): LedgerRules {
  const s = params.shares;
  return {
    founded: params.group.founded,
    shares: s
      ? {
          minimumHolding: s.minimumHolding,
          maximumHolding: s.maximumHolding,
          withdrawable: s.withdrawable,
          transferable: s.transferable,
          statutoryMaximum: s.withdrawable ? Math.floor(WITHDRAWABLE_SHARE_CAP_PENCE[params.group.jurisdiction] / s.nominalPence) : null,
          nominalPence: s.nominalPence,
        }
      : null,
    officersMustBeMembers: params.board.officersMustBeMembers,
    board: boardSeats(params),
  };
}

function boardSeats(params: CoopParams): BoardSeats {
  const b = boardRules(params);
  return { role: b.role, coOptedRole: b.coOptedRole, maxSize: b.maxSize, coOptedMax: b.coOptedMax, allMembers: b.allMembers };
}

/** True when the group's folder is a git repository (groups made with --no-git are not). */
export function isGitGroup(root: string): boolean {
  return existsSync(join(root, '.git'));
}

/**
 * Read commands call this first: if a crash left a change half made, undo it (under the lock)
 * so that what they read is the state before or after a command, never between. The
 * transaction code is loaded only then: a read that finds no journal never needs it.
 */
export async function settle(root: string): Promise<void> {
  if (!needsRecovery(root)) return;
  const { withWriteLock } = await import('./transaction.js');
  await withWriteLock(root, async () => undefined);
}
