// coop resolution status [<id>] [--json]
import { oneResolutionStatus, resolutionStatus, type ResolutionStatus } from '../../api/resolutions.js';
import { longDate } from '../../core/dates.js';
import { print, printJson } from '../../io/output.js';

export interface StatusOptions {
  cwd?: string;
  json?: boolean;
}

export async function resolutionStatusCommand(id: string | undefined, opts: StatusOptions): Promise<void> {
  const cwd = opts.cwd ?? process.cwd();
  if (id !== undefined) {
    const r = await oneResolutionStatus(cwd, id);
    if (opts.json) return printJson(r);
    print(describe(r));
    return;
  }
  const all = await resolutionStatus(cwd);
  if (opts.json) return printJson(all);
  if (all.length === 0) print('No written resolutions yet (coop resolution propose …).');
  for (const r of all) print(describe(r));
}

function describe(r: ResolutionStatus): string {
  const head = `${r.id} (${r.kind}, circulated ${longDate(r.circulated)}): ${r.text.length > 70 ? `${r.text.slice(0, 67)}…` : r.text}`;
  const count = `${r.agreed} of ${r.required} needed agreed (${r.eligible} entitled)`;
  if (r.state === 'passed') return `${head}\n  passed on ${longDate(r.passedOn!)}: ${count}`;
  if (r.state === 'lapsed') return `${head}\n  lapsed at the end of ${longDate(r.lapses)}: ${count}`;
  return `${head}\n  open until the end of ${longDate(r.lapses)}: ${count}`;
}
