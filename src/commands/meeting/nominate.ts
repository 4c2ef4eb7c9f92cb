// coop meeting nominate <meeting> <member> [--proposer N --seconder N] [--date DATE]
import { nominateCandidate } from '../../api/elections.js';
import { longDate } from '../../core/dates.js';
import { print, printJson } from '../../io/output.js';
import type { CommonOptions } from './shared.js';
import type { Context } from '../../io/context.js';

export interface MeetingNominateOptions extends CommonOptions {
  proposer?: string;
  seconder?: string;
  date?: string;
}

export async function meetingNominate(options: MeetingNominateOptions & { ref: string; member: string }, ctx: Context): Promise<void> {
  const cwd = ctx.cwd;
  const { ref, member, json, ...input } = options;
  const r = await nominateCandidate(cwd, ref, member, input);
  if (json) return printJson(ctx, r);
  const n = r.nomination;
  print(
    ctx,
    `Nominated member ${n.member} (${r.name}) for the board${n.retiring ? ', standing again on retiring' : ''}, received ${longDate(n.date)}${n.proposer ? `; proposed by member ${n.proposer}` : ''}${n.seconder ? `, seconded by member ${n.seconder}` : ''}.`,
  );
  print(
    ctx,
    `Candidates so far: ${r.candidates.join(', ')}.${r.retiring.length ? ` Retiring at this meeting: ${r.retiring.map((x) => `${x.member} (${x.name})`).join(', ')}.` : ''}`,
  );
}
