// coop meeting nominate <meeting> <member> [--proposer N --seconder N] [--date DATE]
import { nominateCandidate } from '../../api/elections.js';
import { longDate } from '../../core/dates.js';
import { print, printJson } from '../../io/output.js';
import type { CommonOptions } from './shared.js';

export interface MeetingNominateOptions extends CommonOptions {
  proposer?: string;
  seconder?: string;
  date?: string;
}

export async function meetingNominate(ref: string, member: string, options: MeetingNominateOptions): Promise<void> {
  const { cwd = process.cwd(), json, ...input } = options;
  const r = await nominateCandidate(cwd, ref, member, input);
  if (json) return printJson(r);
  const n = r.nomination;
  print(
    `Nominated member ${n.member} (${r.name}) for the board${n.retiring ? ', standing again on retiring' : ''}, received ${longDate(n.date)}${n.proposer ? `; proposed by member ${n.proposer}` : ''}${n.seconder ? `, seconded by member ${n.seconder}` : ''}.`,
  );
  print(`Candidates so far: ${r.candidates.join(', ')}.${r.retiring.length ? ` Retiring at this meeting: ${r.retiring.map((x) => `${x.member} (${x.name})`).join(', ')}.` : ''}`);
}
