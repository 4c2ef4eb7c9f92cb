// Helpers for register command tests: read a group's ledger and git history as a person would.

import { readdirSync } from 'node:fs';
import { decodeLedger, type LedgerEvent } from '../../src/core/ledger/events.js';
import { partNumberOf, STREAM_ID } from '../../src/core/ledger/parts.js';
import { existsSync, git, join, read } from './cli.js';

/** One folder's parts in order (ledger.jsonl, ledger-2.jsonl, …), as paths from the group. */
function partsIn(dir: string, folder: string): string[] {
  return readdirSync(join(dir, folder))
    .map((name) => ({ name, n: partNumberOf(name) }))
    .filter((p): p is { name: string; n: number } => p.n !== undefined)
    .sort((a, b) => a.n - b.n)
    .map((p) => `${folder}/${p.name}`);
}

/** The writers' streams (register/<id>/), by id. */
export function ledgerStreams(dir: string): string[] {
  return readdirSync(join(dir, 'register'))
    .filter((name) => STREAM_ID.test(name))
    .sort();
}

/** The ledger's parts: the first ledger's in order (register/ledger.jsonl, -2, …), then each stream's. */
export function ledgerParts(dir: string): string[] {
  return [...partsIn(dir, 'register'), ...ledgerStreams(dir).flatMap((s) => partsIn(dir, `register/${s}`))];
}

/**
 * Every event of the ledger as a person reading the files would put them: the first ledger's,
 * then the streams' by their seq (a clock), ties by stream id. Each with the seq in its file.
 */
export function ledgerEvents(dir: string): LedgerEvent[] {
  const first = partsIn(dir, 'register').flatMap((p) => decodeLedger(read(join(dir, p))).events);
  const streamed = ledgerStreams(dir).flatMap((s) => partsIn(dir, `register/${s}`).flatMap((p) => decodeLedger(read(join(dir, p))).events.map((e) => ({ e, s }))));
  streamed.sort((a, b) => a.e.seq - b.e.seq || (a.s < b.s ? -1 : 1));
  return [...first, ...streamed.map((x) => x.e)];
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
