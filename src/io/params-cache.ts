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

import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { CoopParams } from '../core/params.js';
import { buildId } from './build-id.js';

/** Inside coop's working folder, which groups' .gitignore keeps out of git. */
const COOP_DIR = '.coop';
export const PARAMS_CACHE_FILE = `${COOP_DIR}/cache/params.json`;

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
    const versions = ['yaml', 'zod'].map((name) => dependencyVersion(new URL('../../', import.meta.url), name));
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
function dependencyVersion(packageRoot: URL, name: string): string | undefined {
  for (const at of [`node_modules/${name}/package.json`, `../${name}/package.json`]) {
    let text: string;
    try {
      text = readFileSync(new URL(at, packageRoot), 'utf8');
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
  try {
    const cache = JSON.parse(readFileSync(join(root, PARAMS_CACHE_FILE), 'utf8')) as Partial<CacheFile> | null;
    if (cache?.stamp === key && cache.text === text && typeof cache.params === 'object' && cache.params !== null) return cache.params;
  } catch {
    // Missing or spoiled: the full check answers.
  }
  return undefined;
}

/** Remembers that this text gave these params. Never fails: the cache is only a shortcut. */
export function cacheParams(root: string, text: string, params: CoopParams): void {
  const key = buildStamp();
  // Only what JSON gives back exactly: a cached answer must be the same answer.
  if (key === null || !isPlainJson(params)) return;
  // coop's working folder is made by the first command that changes something. A command that
  // only reads does not make it: in a group whose .gitignore leaves .coop/ out, that would be a
  // new untracked folder appearing after a read.
  if (!existsSync(join(root, COOP_DIR))) return;
  const file = join(root, PARAMS_CACHE_FILE);
  const tmp = `${file}.${process.pid}-${Date.now()}.tmp`;
  try {
    mkdirSync(join(root, COOP_DIR, 'cache'), { recursive: true });
    const fd = openSync(tmp, 'wx', 0o644);
    try {
      writeSync(fd, JSON.stringify({ stamp: key, text, params } satisfies CacheFile));
      // Flushed before the rename, so that after a power cut the cache is whole or absent.
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, file);
  } catch {
    try {
      rmSync(tmp, { force: true });
    } catch {
      // Nothing more to do: a stray temporary file in .coop/cache is harmless.
    }
  }
}

/** True when JSON.stringify then JSON.parse gives back an equal value. */
function isPlainJson(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0);
  if (Array.isArray(value)) return value.every(isPlainJson);
  if (typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return false;
  return Object.values(value as object).every((v) => v !== undefined && isPlainJson(v));
}
