// Helpers for register command tests: read a group's ledger and git history as a person would.

import { decodeLedger, type LedgerEvent } from '../../src/core/ledger/events.js';
import { existsSync, git, join, read } from './cli.js';

export function ledgerEvents(dir: string): LedgerEvent[] {
  return decodeLedger(read(join(dir, 'register', 'ledger.jsonl'))).events;
}

export function contactsText(dir: string): string {
  const file = join(dir, 'private', 'contacts.jsonl');
  return existsSync(file) ? read(file) : '';
}

export async function lastCommitMessage(dir: string): Promise<string> {
  return git(dir, ['log', '-1', '--format=%s']);
}

export async function commitCount(dir: string): Promise<number> {
  return Number(await git(dir, ['rev-list', '--count', 'HEAD']));
}

/** `git status --porcelain`: empty when everything is committed (ignored files are not listed). */
export async function gitStatus(dir: string): Promise<string> {
  return git(dir, ['status', '--porcelain']);
}

/** A command's --json output, parsed. */
export function json(r: { stdout?: unknown }): any {
  return JSON.parse(String(r.stdout));
}
