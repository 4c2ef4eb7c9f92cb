// coop meeting elect <meeting> --seats N [--votes 3=41,7=38] [--tie-break N]
import { recordElection } from '../../api/elections.js';
import { print, printJson } from '../../io/output.js';
import type { CommonOptions } from './shared.js';
import type { Context } from '../../io/context.js';

export interface MeetingElectOptions extends CommonOptions {
  seats: string;
  votes?: string;
  tieBreak?: string;
}

export async function meetingElect(options: MeetingElectOptions & { ref: string }, ctx: Context): Promise<void> {
  const cwd = ctx.cwd;
  const { ref, json, ...input } = options;
  const r = await recordElection(cwd, ref, input);
  if (json) return printJson(ctx, r);
  const e = r.election;
  print(ctx, `Recorded the board election at ${r.meeting}: ${e.uncontested ? 'uncontested' : 'contested'}, ${e.seats} ${e.seats === 1 ? 'seat' : 'seats'}.`);
  for (const c of e.candidates) print(ctx, `  ${c.member} ${c.name}: ${c.votes === null ? 'unopposed' : `${c.votes} votes`}, ${c.elected ? 'elected' : 'not elected'}`);
  print(ctx, `The register of officers changes when the meeting is closed: coop meeting close ${r.meeting}`);
}
