// coop resolution sign <id> <member>... [--date DATE]
import { signResolution } from '../../api/resolutions.js';
import { longDate } from '../../core/dates.js';
import { committedNote, print, printJson } from '../../io/output.js';

export interface SignOptions {
  cwd?: string;
  date?: string;
  commit?: boolean;
  json?: boolean;
}

export async function resolutionSign(id: string, members: string[], opts: SignOptions): Promise<void> {
  const r = await signResolution(opts.cwd ?? process.cwd(), id, members, { date: opts.date, commit: opts.commit });
  if (opts.json) return printJson(r);
  print(
    `Recorded agreement to written resolution ${r.id} from ${r.signed.length === 1 ? `member ${r.signed[0]}` : `members ${r.signed.join(', ')}`}: ${r.agreed} of the ${r.required} needed (of ${r.eligible} entitled).`,
  );
  if (r.state === 'passed' && r.passedOn) print(`It passed on ${longDate(r.passedOn)}. Minutes of the decision: ${r.minutes}.`);
  else print(`Still open: it lapses at the end of ${longDate(r.lapses)}.`);
  const c = committedNote(r.commit, opts.commit);
  if (c) print(c);
}
