// coop.yml changes rarely and is read by every command. Parsing it and checking it against the
// schema means loading yaml and zod, which took longer than everything else in a
// `coop member add` put together. So once a coop.yml has passed in full, its params are kept
// in .coop/cache/params.json with the exact text they came from and a stamp of the code that
// judged it; a later command given the same text by the same code uses them as they are.
//
// The cache can only ever say "this text was valid, and here is what it says". Anything else
// — no cache, unreadable, half-written, another text, another build of coop or of yaml or
// zod — means the full check runs, with its own messages. Writing it is best effort: a
// read-only folder or a full disk costs speed, never a command.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CoopParams } from '../core/params.js';
import { buildId, readCacheFile, writeCacheFile } from './cache-files.js';
import { packageRoot } from './package-files.js';

const PARAMS_CACHE = 'params.json';

interface CacheFile {
  stamp: string;
  text: string;
  params: CoopParams;
}

let stamp: string | null | undefined;

/**
 * What a verdict depends on besides the text: this build of coop and the versions of yaml and
 * zod it runs with. Null, and no caching, when any of these cannot be known.
 */
function buildStamp(): string | null {
  if (stamp !== undefined) return stamp;
  stamp = null;
  const id = buildId();
  if (id === null) return stamp;
  try {
    const versions = ['yaml', 'zod'].map((name) => dependencyVersion(packageRoot(), name));
    if (versions.every(Boolean)) stamp = `${id} yaml@${versions[0]} zod@${versions[1]}`;
  } catch {
    // No versions: no cache.
  }
  return stamp;
}

/**
 * The installed version of a dependency, looked for where Node would find it: in our own
 * node_modules, then beside us (an installed create-coop's dependencies are usually hoisted).
 * Undefined elsewhere (other layouts simply go without the cache).
 */
function dependencyVersion(packageRoot: string, name: string): string | undefined {
  for (const at of [`node_modules/${name}/package.json`, `../${name}/package.json`]) {
    let text: string;
    try {
      text = readFileSync(join(packageRoot, at), 'utf8');
    } catch {
      continue;
    }
    const version = (JSON.parse(text) as { version?: unknown }).version;
    return typeof version === 'string' ? version : undefined;
  }
  return undefined;
}

/** The params of exactly this coop.yml text, when this build of coop has validated it before. */
export function cachedParams(root: string, text: string): CoopParams | undefined {
  const key = buildStamp();
  if (key === null) return undefined;
  // Missing or spoiled: the full check answers.
  const cache = readCacheFile(root, PARAMS_CACHE) as Partial<CacheFile> | null | undefined;
  if (cache?.stamp === key && cache.text === text && typeof cache.params === 'object' && cache.params !== null) return cache.params;
  return undefined;
}

/** Remembers that this text gave these params. Never fails: the cache is only a shortcut. */
export function cacheParams(root: string, text: string, params: CoopParams): void {
  const key = buildStamp();
  // Only what JSON gives back exactly: a cached answer must be the same answer.
  if (key === null || !isPlainJson(params)) return;
  writeCacheFile(root, PARAMS_CACHE, { stamp: key, text, params } satisfies CacheFile);
}

/** True when JSON.stringify then JSON.parse gives back an equal value. */
function isPlainJson(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0);
  if (Array.isArray(value)) return value.every(isPlainJson);
  if (typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return false;
  return Object.values(value as object).every((v) => v !== undefined && isPlainJson(v));
}
