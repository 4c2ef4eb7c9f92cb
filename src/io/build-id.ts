// Which build of coop is running: dist/build-id.json, a hash of the built code written by
// scripts/write-build-id.js as the last build step. coop's caches (.coop/cache) are keyed on it,
// so code that reads a file differently never trusts what an older build concluded from it.

import { readFileSync, statSync } from 'node:fs';

let id: string | null | undefined;

/**
 * The build's id; null, and no caching, when it cannot be known: when run from the sources, or
 * from a build whose code was recompiled after its id was written.
 */
export function buildId(): string | null {
  if (id !== undefined) return id;
  id = null;
  try {
    const dist = new URL('../', import.meta.url);
    const idFile = new URL('build-id.json', dist);
    if (statSync(idFile).mtimeMs < statSync(new URL('cli.js', dist)).mtimeMs) return id;
    const value = (JSON.parse(readFileSync(idFile, 'utf8')) as { id?: unknown }).id;
    if (typeof value === 'string' && value !== '') id = value;
  } catch {
    // No build id: no cache.
  }
  return id;
}
