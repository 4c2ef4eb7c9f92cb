// Runs the built coop with the record-loads.mjs hook and returns every module it loaded.

import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { coop, join, read, ROOT, tempDir } from './cli.js';

export const RECORD_LOADS_HOOK = pathToFileURL(join(ROOT, 'test', 'support', 'record-loads.mjs')).href;

export async function modulesLoadedBy(args: string[], cwd: string): Promise<{ loaded: string[]; exitCode: number | undefined; stdout: string }> {
  const file = join(tempDir(), 'loads.txt');
  const r = await coop(args, { cwd, env: { NODE_OPTIONS: `--import ${RECORD_LOADS_HOOK}`, COOP_RECORD_LOADS: file } });
  // No file at all means nothing was loaded through the module loader.
  const loaded = (existsSync(file) ? read(file) : '').split('\n').filter(Boolean);
  return { loaded, exitCode: r.exitCode, stdout: String(r.stdout) };
}

/** The CLI's entry module: as tsc wrote it (dist/cli.js) or bundled (dist/bundle/cli.js, what bin/coop.js runs). */
export const isCliEntry = (url: string): boolean => url.endsWith('/dist/cli.js') || url.endsWith('/dist/bundle/cli.js');
