// The file behind coop check's incremental proof of the ledger (declared in snapshot.ts, beside
// the snapshot in .coop/cache/): read only under this build's stamp, written whole or not at all.

import { readCacheFile, writeCacheFile } from './cache-files.js';
import { CHECK_FILE, CHECK_NAMES_FILE, CHECK_SCAN_FILE, CHECK_STATE_FILE, snapshotStamp } from './snapshot.js';
import type { Located } from './params-file.js';

/** Bumped whenever the proof's shape changes: another format is simply not read. */
const FORMAT = 1;

/** The proof kept for this build, or undefined (none, another build's, another format, spoiled). */
export function readCheckProof(root: string): Record<string, unknown> | undefined {
  const stamp = snapshotStamp();
  if (stamp === null) return undefined;
  const data = readCacheFile(root, CHECK_FILE) as { format?: unknown; stamp?: unknown; proof?: unknown } | null | undefined;
  if (typeof data !== 'object' || data === null || data.format !== FORMAT || data.stamp !== stamp) return undefined;
  return typeof data.proof === 'object' && data.proof !== null && !Array.isArray(data.proof) ? (data.proof as Record<string, unknown>) : undefined;
}

/** Keeps a proof (best effort: only where coop's working folder exists, like every cache). */
export function keepCheckProof(root: string, proof: unknown): void {
  const stamp = snapshotStamp();
  if (stamp !== null) writeCacheFile(root, CHECK_FILE, { format: FORMAT, stamp, proof });
}

/** The state kept under this id (or, with `names`, the names and keys), or undefined. */
export function readCheckState(root: string, id: string, names = false): unknown {
  const data = readCacheFile(root, names ? CHECK_NAMES_FILE : CHECK_STATE_FILE) as { id?: unknown; state?: unknown } | null | undefined;
  return typeof data === 'object' && data !== null && data.id === id && typeof data.state === 'object' && data.state !== null ? data.state : undefined;
}

/** Keeps the state and the names: both before the proof that names their id, so a crash between leaves no match. */
export function keepCheckState(root: string, id: string, state: unknown, names: unknown): void {
  writeCacheFile(root, CHECK_STATE_FILE, { id, state });
  writeCacheFile(root, CHECK_NAMES_FILE, { id, state: names });
}

/** What was found under exactly this key (a hash: see CHECK_SCAN_FILE), or undefined. */
export function readCheckScan(root: string, key: string): { contacts: Located[]; details: Located[] } | undefined {
  if (snapshotStamp() === null) return undefined;
  const data = readCacheFile(root, CHECK_SCAN_FILE) as { stamp?: unknown; key?: unknown; contacts?: unknown; details?: unknown } | null | undefined;
  if (typeof data !== 'object' || data === null || data.stamp !== snapshotStamp() || data.key !== key) return undefined;
  return isLocatedList(data.contacts) && isLocatedList(data.details) ? { contacts: data.contacts, details: data.details } : undefined;
}

export function keepCheckScan(root: string, key: string, found: { contacts: Located[]; details: Located[] }): void {
  const stamp = snapshotStamp();
  if (stamp !== null) writeCacheFile(root, CHECK_SCAN_FILE, { stamp, key, ...found });
}

function isLocatedList(value: unknown): value is Located[] {
  return Array.isArray(value) && value.every((p) => typeof p === 'object' && p !== null && typeof (p as Located).where === 'string' && typeof (p as Located).message === 'string');
}
