// The states coop's working caches (.coop/cache: the snapshot and its companions) can be found
// in, for suites that must give the same answers whatever state they are in: kept as coop left
// them, gone, cut short (a write interrupted), or with a byte changed (a disk's error).

import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const CACHE_STATES = ['kept', 'gone', 'cut short', 'a byte changed'] as const;
export type CacheState = (typeof CACHE_STATES)[number];

/** Leaves every file in the group's .coop/cache in one state. */
export function spoilCaches(group: string, state: CacheState): void {
  const dir = join(group, '.coop', 'cache');
  if (state === 'kept' || !existsSync(dir)) return;
  if (state === 'gone') {
    rmSync(dir, { recursive: true, force: true });
    return;
  }
  for (const name of readdirSync(dir)) {
    const file = join(dir, name);
    const bytes = readFileSync(file);
    if (bytes.length === 0) continue;
    if (state === 'cut short') writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length / 2)));
    else {
      const at = Math.floor(bytes.length / 2);
      bytes[at] = bytes[at]! ^ 0x01;
      writeFileSync(file, bytes);
    }
  }
}
