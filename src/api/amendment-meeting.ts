// Where amendments meet meetings: `coop meeting new … --amendment <id>` puts the special
// resolution on the notice in full, and closing that meeting records the amendment passed or
// failed, in the same commit as the meeting's own change.

import { UserError } from '../errors.js';
import { applyChanges, paramsInput } from '../core/amendments/changes.js';
import { deriveAmendments } from '../core/amendments/history.js';
import { resolutionText } from '../core/amendments/papers.js';
import { scheduleOfChanges } from '../core/amendments/schedule.js';
import type { IsoDate } from '../core/dates.js';
import type { MeetingRecord, MeetingType, Resolution } from '../core/meetings/record.js';
import type { CoopParams } from '../core/params.js';
import { appendAmendmentEvents, readAmendmentEvents } from '../io/amendments-store.js';
import type { FileChange } from '../io/transaction.js';

export interface Tabled {
  resolution: Resolution;
  change: FileChange;
}

/** The amendment's special resolution, numbered `number`, and the event that records it tabled. */
export async function tableAmendment(
  root: string,
  params: CoopParams,
  id: string,
  meeting: { id: string; type: MeetingType; noticeDate: IsoDate },
  number: number,
): Promise<Tabled> {
  if (meeting.type === 'committee')
    throw new UserError('A rules amendment is a special resolution of the members: put it to an AGM or general meeting, not a committee meeting. Nothing was changed.');
  const events = await readAmendmentEvents(root);
  const amendment = deriveAmendments(events, params.group.form).find((a) => a.id === id);
  if (!amendment) throw new UserError(`There is no amendment ${id}: see coop rules list, or propose one with coop rules amend. Nothing was changed.`);
  if (amendment.status !== 'proposed') {
    throw new UserError(
      `Amendment ${id} has already been decided (${amendment.status}); propose it again with coop rules amend to put it to another meeting. Nothing was changed.`,
    );
  }
  const { renderGoverningDocument } = await import('../io/render-governing.js');
  // zod only when an amendment is tabled: meeting commands without one never load it.
  const { paramsSchema } = await import('../core/params.js');
  const proposed = paramsSchema.parse(applyChanges(paramsInput(params), amendment.changes, 'to'));
  const schedule = scheduleOfChanges(renderGoverningDocument(params).content, renderGoverningDocument(proposed).content);
  const text = resolutionText(params, id, schedule);
  return {
    resolution: { number, kind: 'special', text },
    change: appendAmendmentEvents(events, [{ date: meeting.noticeDate, type: 'tabled', amendment: id, meeting: meeting.id, resolution: number }]),
  };
}

/** On closing a quorate meeting: each amendment tabled there, passed or failed as its resolution was. */
export async function amendmentOutcomes(
  root: string,
  params: CoopParams,
  record: MeetingRecord,
): Promise<{ change: FileChange | null; decided: { id: string; passed: boolean }[] }> {
  const events = await readAmendmentEvents(root);
  if (events.length === 0 || !record.outcome?.quorum.met) return { change: null, decided: [] };
  const decided: { id: string; passed: boolean }[] = [];
  const add = [];
  for (const a of deriveAmendments(events, params.group.form)) {
    if (a.status !== 'proposed' || a.tabled?.meeting !== record.id) continue;
    const r = record.outcome.resolutions.find((x) => x.number === a.tabled!.resolution);
    if (!r) continue;
    decided.push({ id: a.id, passed: r.passed });
    add.push({
      date: record.date,
      type: r.passed ? ('passed' as const) : ('failed' as const),
      amendment: a.id,
      meeting: record.id,
      for: r.for,
      against: r.against,
      abstain: r.abstain,
    });
  }
  return { change: add.length > 0 ? appendAmendmentEvents(events, add) : null, decided };
}
