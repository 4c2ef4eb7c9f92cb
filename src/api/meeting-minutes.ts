// The parts of the final minutes that record the whole meeting: who chaired it, each item of
// business in order, and the notes the secretary wrote into the draft minutes, carried across
// (core/meetings/draft-notes.ts finds them). Read at close, rendered with the minutes.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../errors.js';
import { readDraftNotes } from '../core/meetings/draft-notes.js';
import { parseNumber } from '../core/meetings/input.js';
import type { PaperContext } from '../core/meetings/papers.js';
import { describeMeeting, type MeetingRecord } from '../core/meetings/record.js';

export interface MinutesBusiness {
  /** The chair's name as the minutes print it, or null to leave a blank to sign. */
  chairName: string | null;
  business: { number: number; title: string; notes: string[]; resolution: number | null }[];
  draft: { inAttendance: string | null; other: string[] };
}

/** Reads --chair: a membership number of someone recorded as present and entitled to vote. */
export function parseChair(chair: number | string | undefined, meeting: MeetingRecord, present: readonly number[]): number | undefined {
  if (chair === undefined) return undefined;
  const n = parseNumber(chair, '--chair');
  if (!present.includes(n)) {
    const what = describeMeeting(meeting);
    throw new UserError(
      `Member ${n} is not recorded as present at ${what}, so cannot have chaired it: the chair is one of those present. ` +
        `Record them first (coop meeting attend ${meeting.id} ${n}), or give the number of the member who chaired. Nothing was changed.`,
    );
  }
  return n;
}

/** The whole meeting for the minutes, and notes for the person closing it (tallies not carried). */
export async function minutesBusiness(
  root: string,
  meeting: MeetingRecord & { dir: string },
  papers: PaperContext,
  chair: { number: number; name: string } | undefined,
): Promise<{ context: MinutesBusiness; notes: string[] }> {
  const path = join(root, meeting.dir, 'minutes-draft.md');
  const { renderTemplate } = await import('../io/render.js');
  const draft = existsSync(path) ? readDraftNotes(readFileSync(path, 'utf8'), renderTemplate('meeting/minutes-draft.md.hbs', papers)) : null;
  const notes: string[] = [];
  if (draft && draft.tallies.length > 0) {
    notes.push(
      `Note: vote counts written in the draft minutes (${draft.tallies.join('; ')}) are not copied into the minutes, which give the votes recorded with coop meeting vote. Check they agree.`,
    );
  }
  // No chair given: the minutes keep a blank for it, as the draft did (a note here would make every close noisy).
  return {
    context: {
      chairName: chair ? `${chair.name} (member ${chair.number})` : (draft?.chair ?? null),
      business: papers.agenda.map((a) => ({ number: a.number, title: a.title, notes: draft?.items.get(a.number) ?? [], resolution: a.resolution?.number ?? null })),
      draft: { inAttendance: draft?.inAttendance ?? null, other: draft?.other ?? [] },
    },
    notes,
  };
}
