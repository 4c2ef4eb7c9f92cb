// coop resolution propose <ordinary|special> "TEXT" [--date DATE] [--remove-director N]
import { proposeResolution } from '../../api/resolutions.js';
import { longDate } from '../../core/dates.js';
import { UsageError } from '../../errors.js';
import { committedNote, print, printJson } from '../../io/output.js';
import type { Context } from '../../io/context.js';

export interface ProposeOptions {
  date?: string;
  removeDirector?: string;
  removeAuditor?: boolean;
  commit?: boolean;
  json?: boolean;
}

export async function resolutionPropose(opts: ProposeOptions & { kind: string; text: string }, ctx: Context): Promise<void> {
  const { kind, text } = opts;
  if (kind !== 'ordinary' && kind !== 'special') throw new UsageError(`The kind of resolution must be ordinary or special (got "${kind}").`);
  const r = await proposeResolution(ctx.cwd, {
    kind,
    text,
    date: opts.date,
    removeDirector: opts.removeDirector,
    removeAuditor: opts.removeAuditor,
    commit: opts.commit,
  });
  if (opts.json) return printJson(ctx, r);
  print(ctx, `Circulated written ${r.kind} resolution ${r.id} on ${longDate(r.circulated)} to the ${r.eligible} members entitled to agree.`);
  print(ctx, `It passes when ${r.required} of them have agreed; it lapses at the end of ${longDate(r.lapses)}.`);
  print(ctx, `Send each member their form from ${r.dir}/forms/, and record each signed form that comes back: coop resolution sign ${r.id} <member>… --date <received>`);
  const c = committedNote(r, opts.commit);
  if (c) print(ctx, c);
}
