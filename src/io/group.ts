// Reading a group's repository: find its root, load and validate coop.yml (with line numbers
// for every problem), read the ledger. Everything a command needs before it plans a change.

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { LineCounter, parseDocument, isMap, isSeq, type Document } from 'yaml';
import { UserError } from '../errors.js';
import { WITHDRAWABLE_SHARE_CAP_PENCE } from '../core/law.js';
import type { LedgerRules } from '../core/ledger/derive.js';
import { paramsSchema, type CoopParams } from '../core/params.js';
import { validateParams } from '../core/validate-params.js';
import { openLedger, refuseUnreadable, type Ledger } from './ledger-store.js';
import { needsRecovery, withWriteLock } from './transaction.js';

export const PARAMS_FILE = 'coop.yml';
export const PRIVATE_DIR = 'private';
export const CONTACTS_FILE = 'private/contacts.jsonl';

export interface Located {
  /** "coop.yml:12" */
  where: string;
  message: string;
}

/** The folder holding coop.yml, searching upwards from cwd. */
export function findGroupRoot(cwd: string): string {
  let dir = resolve(cwd);
  for (;;) {
    if (existsSync(join(dir, PARAMS_FILE))) return dir;
    const parent = dirname(dir);
    if (parent === dir) {
      throw new UserError(
        `This folder is not a group made by coop (no ${PARAMS_FILE} here or above ${resolve(cwd)}). ` +
          'Run coop inside your group’s folder, or found one with: coop new my-group',
      );
    }
    dir = parent;
  }
}

/** Parses and validates coop.yml text: the params, or every problem with its line. */
export function parseParamsText(text: string, file = PARAMS_FILE): { params?: CoopParams; problems: Located[]; doc?: Document } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      problems: doc.errors.map((e) => ({
        where: `${file}:${e.linePos?.[0]?.line ?? 1}`,
        message: `is not valid YAML: ${e.message.split('\n')[0]}`,
      })),
    };
  }
  const lineOf = (path: (string | number)[]): number => {
    for (let n = path.length; n >= 0; n--) {
      const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
      const range = (node as { range?: [number, number, number] } | undefined)?.range;
      if (range && (n > 0 || path.length === 0)) return lineCounter.linePos(range[0]).line;
      if (n > 0) {
        const parent = n === 1 ? doc.contents : doc.getIn(path.slice(0, n - 1), true);
        if (isMap(parent)) {
          const pair = parent.items.find((p) => String((p.key as { value?: unknown })?.value) === String(path[n - 1]));
          const keyRange = (pair?.key as { range?: [number, number, number] } | undefined)?.range;
          if (keyRange) return lineCounter.linePos(keyRange[0]).line;
        } else if (isSeq(parent)) continue;
      }
    }
    return 1;
  };
  // Aliases are resolved only here: one to nowhere, or a "billion laughs" of them, throws.
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    const message = (error as Error).message.split('\n')[0] ?? '';
    const alias = /alias.*: (\S+)$/.exec(message)?.[1];
    const line = alias ? text.split('\n').findIndex((l) => l.includes(`*${alias}`)) + 1 : 0;
    return { problems: [{ where: `${file}:${line || 1}`, message: `is not valid YAML: ${message}` }] };
  }
  const parsed = paramsSchema.safeParse(data);
  if (!parsed.success) {
    return {
      doc,
      problems: parsed.error.issues.map((issue) => {
        const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
        const key = path.join('.') || '(top level)';
        const message =
          issue.code === 'unrecognized_keys'
            ? `has unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')} (check the spelling against the comments in ${file})`
            : issue.message.startsWith('Invalid input') && issue.code === 'invalid_type'
              ? `is missing or of the wrong type (${issue.message})`
              : issue.message;
        return { where: `${file}:${lineOf(path)}`, message: `${key} ${message}` };
      }),
    };
  }
  const params = parsed.data;
  const problems = validateParams(params).map((p) => ({ where: `${file}:${lineOf(p.path.split('.'))}`, message: `${p.path}: ${p.message}` }));
  return { params, problems, doc };
}

/** Loads coop.yml or throws one UserError listing every problem with its line. */
export function loadParams(root: string): CoopParams {
  const file = join(root, PARAMS_FILE);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UserError(`Cannot read ${file} (${(error as NodeJS.ErrnoException).code}).`);
  }
  const { params, problems } = parseParamsText(text);
  if (!params || problems.length > 0) {
    throw new UserError(`${PARAMS_FILE} has ${problems.length === 1 ? 'a problem' : `${problems.length} problems`}; fix ${problems.length === 1 ? 'it' : 'them'} and try again:\n${formatLocated(problems)}`);
  }
  return params;
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
  if (!tolerant) refuseUnreadable(ledger);
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
        }
      : null,
    officersMustBeMembers: params.board.officersMustBeMembers,
  };
}

/** True when the group's folder is a git repository (groups made with --no-git are not). */
export function isGitGroup(root: string): boolean {
  return existsSync(join(root, '.git'));
}

/**
 * Read commands call this first: if a crash left a change half made, undo it (under the lock)
 * so that what they read is the state before or after a command, never between.
 */
export async function settle(root: string): Promise<void> {
  if (needsRecovery(root)) await withWriteLock(root, async () => undefined);
}
