import { syncGroup } from '../api/sync.js';
import { plural } from '../core/register/messages.js';
import { print, printJson, renumberedSentence } from '../io/output.js';
import type { Context } from '../io/context.js';

export interface SyncCommandOptions {
  remote?: string;
  push?: boolean;
  prefer?: 'here' | 'remote';
  json?: boolean;
}

/** Brings in the other officers' changes and sends this copy's; a plain summary of both. */
export async function syncCommand(opts: SyncCommandOptions, ctx: Context): Promise<number> {
  const r = await syncGroup(ctx.cwd, { remote: opts.remote, push: opts.push, prefer: opts.prefer });
  if (opts.json) {
    printJson(ctx, r);
    return r.problems.length > 0 ? 1 : 0;
  }
  const where = `${r.remote}/${r.branch}`;
  if (r.resumed) print(ctx, 'An earlier coop sync was stopped during its merge: that unfinished merge was undone, and made again here.');
  print(ctx, r.received === 0 ? `Nothing new from ${where}.` : `Brought in ${plural(r.received, 'commit')} from ${where}.`);
  for (const m of r.renumbered) print(ctx, renumberedSentence(m));
  if (opts.push === false) print(ctx, 'Not sent (--no-push).');
  else print(ctx, r.sent === 0 ? `${where} already had everything here.` : `Sent ${plural(r.sent, 'commit')} to ${where}.`);
  if (r.problems.length > 0) {
    print(ctx, `coop check finds ${plural(r.problems.length, 'problem')} (not made by this sync):`);
    for (const p of r.problems.slice(0, 20)) print(ctx, `  ${p}`);
    return 1;
  }
  print(ctx, 'The register checks clean.');
  return 0;
}
