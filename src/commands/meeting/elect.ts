// coop meeting elect <meeting> --seats N [--votes 3=41,7=38] [--tie-break N]
import { recordElection } from '../../api/elections.js';
import { print, printJson } from '../../io/output.js';
import type { CommonOptions } from './shared.js';

export interface MeetingElectOptions extends CommonOptions {
  seats: string;
  votes?: string;
  tieBreak?: string;
}

export async function meetingElect(ref: string, options: MeetingElectOptions): Promise<void> {
  const { cwd = process.cwd(), json, ...input } = options;
  const r = await recordElection(cwd, ref, input);
  if (json) return printJson(r);
  const e = r.election;
  print(`Recorded the board election at ${r.meeting}: ${e.uncontested ? 'uncontested' : 'contested'}, ${e.seats} ${e.seats === 1 ? 'seat' : 'seats'}.`);
  for (const c of e.candidates) print(`  ${c.member} ${c.name}: ${c.votes === null ? 'unopposed' : `${c.votes} votes`}, ${c.elected ? 'elected' : 'not elected'}`);
  print(`The register of officers changes when the meeting is closed: coop meeting close ${r.meeting}`);
}
