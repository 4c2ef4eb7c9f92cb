// Checking that an expulsion has the members' decision behind it before the register records it
// (core/meetings/expulsion.ts says what counts): the meeting is read from meetings/.

import { UsageError, UserError } from '../errors.js';
import type { IsoDate } from '../core/dates.js';
import { expulsionNamesMember, expulsionProblem, parseDecisionRef } from '../core/meetings/expulsion.js';
import { findMeeting } from '../core/meetings/record.js';
import { listMeetings as readMeetings } from '../io/meetings.js';

export interface ExpulsionDecision {
  /** The meeting's id and the resolution's number: "2025-06-20-general:2". */
  decision: string;
  /** Set when the resolution's words do not name the member. */
  warning: string | null;
}

export async function checkExpulsion(root: string, member: { number: number; name: string }, leaveDate: IsoDate, decision: string | undefined): Promise<ExpulsionDecision> {
  if (decision === undefined || decision.trim() === '') {
    throw new UserError(
      `Member ${member.number} (${member.name}) can be recorded as expelled only with the members' decision on record: the rules allow expulsion only by special resolution at a general meeting. ` +
        `Give it with --decision MEETING:RESOLUTION (e.g. --decision 2025-06-20:2), once that meeting is closed. Nothing was changed.`,
    );
  }
  const ref = parseDecisionRef(decision);
  if (!ref) throw new UsageError(`--decision "${decision}" should name the meeting and the resolution's number there, e.g. 2025-06-20:2 or 2025-06-20-general:2.`);
  const found = findMeeting(await readMeetings(root), ref.meeting);
  if (typeof found === 'string') throw new UserError(`--decision: ${found} Nothing was changed.`);
  const problem = expulsionProblem(found, ref.resolution, leaveDate);
  if (problem) throw new UserError(`Cannot record that member ${member.number} (${member.name}) was expelled: ${problem}. Nothing was changed.`);
  const text = found.resolutions.find((r) => r.number === ref.resolution)?.text ?? '';
  return {
    decision: `${found.id}:${ref.resolution}`,
    warning: expulsionNamesMember(text, member.number, member.name)
      ? null
      : `Warning: resolution ${ref.resolution} of ${found.id} does not name ${member.name} or member ${member.number}: check it is the resolution that expelled them.`,
  };
}
