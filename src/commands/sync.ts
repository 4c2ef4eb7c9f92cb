import { syncGroup } from '../api/sync.js';
import { plural } from '../core/register/messages.js';
import { print, printJson } from '../io/output.js';

export interface SyncCommandOptions {
  cwd?: string;
  remote?: string;
  push?: boolean;
  json?: boolean;
}

/** Brings in the other officers' changes and sends this copy's; a plain summary of both. */
export async function syncCommand(opts: SyncCommandOptions): Promise<void> {
  const r = await syncGroup(opts.cwd ?? process.cwd(), { remote: opts.remote, push: opts.push });
  if (opts.json) {
    printJson(r);
    if (r.problems.length > 0) process.exitCode = 1;
    return;
  }
  const where = `${r.remote}/${r.branch}`;
  print(r.received === 0 ? `Nothing new from ${where}.` : `Brought in ${plural(r.received, 'commit')} from ${where}.`);
  for (const m of r.renumbered)
    print(`${m.name} is now member ${m.now} (was ${m.was}: two copies of the register gave ${m.was} to different people). Reissue their share certificate if they have one.`);
  if (opts.push === false) print('Not sent (--no-push).');
  else print(r.sent === 0 ? `${where} already had everything here.` : `Sent ${plural(r.sent, 'commit')} to ${where}.`);
  if (r.problems.length > 0) {
    print(`coop check finds ${plural(r.problems.length, 'problem')} (not made by this sync):`);
    for (const p of r.problems.slice(0, 20)) print(`  ${p}`);
    process.exitCode = 1;
  } else print('The register checks clean.');
}
