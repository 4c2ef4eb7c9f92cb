// coop resolution status [<id>] [--json]
import { oneResolutionStatus, resolutionStatus, type ResolutionStatus } from '../../api/resolutions.js';
import { longDate } from '../../core/dates.js';
import { print, printJson } from '../../io/output.js';
import type { Context } from '../../io/context.js';

export interface StatusOptions {
  json?: boolean;
}

export async function resolutionStatusCommand(opts: StatusOptions & { id?: string }, ctx: Context): Promise<void> {
  const { id } = opts;
  const cwd = ctx.cwd;
  if (id !== undefined) {
    const r = await oneResolutionStatus(cwd, id);
    if (opts.json) return printJson(ctx, r);
    print(ctx, describe(r));
    return;
  }
  const all = await resolutionStatus(cwd);
  if (opts.json) return printJson(ctx, all);
  if (all.length === 0) print(ctx, 'No written resolutions yet (coop resolution propose …).');
  for (const r of all) print(ctx, describe(r));
}

function describe(r: ResolutionStatus): string {
  const head = `${r.id} (${r.kind}, circulated ${longDate(r.circulated)}): ${r.text.length > 70 ? `${r.text.slice(0, 67)}…` : r.text}`;
  const count = `${r.agreed} of ${r.required} needed agreed (${r.eligible} entitled)`;
  if (r.state === 'passed') return `${head}\n  passed on ${longDate(r.passedOn!)}: ${count}`;
  if (r.state === 'lapsed') return `${head}\n  lapsed at the end of ${longDate(r.lapses)}: ${count}`;
  return `${head}\n  open until the end of ${longDate(r.lapses)}: ${count}`;
}
