// coop resolution sign <id> <member>... [--date DATE]
import { signResolution } from '../../api/resolutions.js';
import { longDate } from '../../core/dates.js';
import { committedNote, print, printJson } from '../../io/output.js';
import type { Context } from '../../io/context.js';

export interface SignOptions {
  date?: string;
  commit?: boolean;
  json?: boolean;
}

export async function resolutionSign(opts: SignOptions & { id: string; members: string[] }, ctx: Context): Promise<void> {
  const { id, members } = opts;
  const r = await signResolution(ctx.cwd, id, members, { date: opts.date, commit: opts.commit });
  if (opts.json) return printJson(ctx, r);
  print(
    ctx,
    `Recorded agreement to written resolution ${r.id} from ${r.signed.length === 1 ? `member ${r.signed[0]}` : `members ${r.signed.join(', ')}`}: ${r.agreed} of the ${r.required} needed (of ${r.eligible} entitled).`,
  );
  if (r.state === 'passed' && r.passedOn) print(ctx, `It passed on ${longDate(r.passedOn)}. Minutes of the decision: ${r.minutes}.`);
  else print(ctx, `Still open: it lapses at the end of ${longDate(r.lapses)}.`);
  const c = committedNote(r, opts.commit);
  if (c) print(ctx, c);
}
