// A written resolution as kept in the group's repository: resolutions/<id>/resolution.json,
// beside the resolution's text, a form for each eligible member, and (once passed) its minutes.

import { z } from 'zod';
import { isoDate } from '../params.js';

export const RESOLUTIONS_DIR = 'resolutions';
export const RESOLUTION_RECORD = 'resolution.json';

const member = z.number().int().min(1);

export const resolutionRecordSchema = z.strictObject({
  id: z.number().int().min(1),
  kind: z.enum(['ordinary', 'special']),
  text: z.string().min(1),
  circulated: isoDate,
  lapses: isoDate,
  /** Members entitled to vote on the circulation date, with their names then. */
  eligible: z.array(z.strictObject({ member, name: z.string() })),
  agreements: z.array(z.strictObject({ member, date: isoDate })),
  /** Set once it passed (the day the last needed agreement came), with the minutes written. */
  passedOn: isoDate.nullable(),
});

export type ResolutionRecord = z.output<typeof resolutionRecordSchema>;

export function resolutionDir(id: number): string {
  return `${RESOLUTIONS_DIR}/${String(id).padStart(3, '0')}`;
}

export function parseResolutionRecord(raw: unknown): { record?: ResolutionRecord; problem?: string } {
  const r = resolutionRecordSchema.safeParse(raw);
  if (r.success) return { record: r.data };
  const issue = r.error.issues[0];
  return { problem: `${issue?.path.join('.') || 'the record'} ${issue?.message ?? 'is not valid'}` };
}
