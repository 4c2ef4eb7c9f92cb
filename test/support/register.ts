// Helpers for register command tests: read a group's ledger and git history as a person would.

import { readdirSync } from 'node:fs';
import { decodeLedger, type LedgerEvent } from '../../src/core/ledger/events.js';
import { partNumberOf } from '../../src/core/ledger/parts.js';
import { existsSync, git, join, read } from './cli.js';

/** The ledger's parts in order (register/ledger.jsonl, register/ledger-2.jsonl, …), as paths. */
export function ledgerParts(dir: string): string[] {
  return readdirSync(join(dir, 'register'))
    .map((name) => ({ name, n: partNumberOf(name) }))
    .filter((p): p is { name: string; n: number } => p.n !== undefined)
    .sort((a, b) => a.n - b.n)
    .map((p) => `register/${p.name}`);
}

/** Every event of the ledger, read part after part as a person reading the files would. */
export function ledgerEvents(dir: string): LedgerEvent[] {
  return ledgerParts(dir).flatMap((p) => decodeLedger(read(join(dir, p))).events);
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
// biome-ignore lint/suspicious/noExplicitAny: tests read the CLI's JSON loosely and assert on it
export function json(r: { stdout?: unknown }): any {
  return JSON.parse(String(r.stdout));
}
