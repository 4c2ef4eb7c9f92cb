// The shape a meeting record read from disk must have (zod), kept apart from record.ts so
// that commands which only read records already vetted (from the snapshot) need not load zod.

import { z } from 'zod';
import { isoDate } from '../params.js';
import { MEETING_TYPES, type MeetingRecord } from './record.js';
import { STATUTORY_KINDS } from './special-business.js';

const count = z.number().int().min(0);
const number = z.number().int().min(1);
const tally = { for: count, against: count, abstain: count };
const kind = z.enum(['ordinary', 'special', 'audit-exemption', ...STATUTORY_KINDS]);
const director = z.object({ member: number, name: z.string().min(1), specialNotice: isoDate, representations: z.boolean() });
const confirms = z.object({ meeting: z.string(), date: isoDate, resolution: number, kind: z.enum(['merger', 'conversion']) });

export const recordSchema = z.object({
  id: z.string(),
  type: z.enum(MEETING_TYPES),
  date: isoDate,
  time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time written HH:MM'),
  place: z.string().min(1),
  online: z.string().nullable(),
  noticeDate: isoDate,
  byPost: z.boolean(),
  served: isoDate,
  service: z.array(z.object({ method: z.enum(['email', 'post']), served: isoDate, members: z.array(number) })).optional(),
  shortNotice: z
    .object({
      required: count,
      given: count,
      consent: z.string(),
      consentMembers: count,
      entitledMembers: count,
      consents: z.array(z.object({ member: number, date: isoDate })).optional(),
    })
    .nullable(),
  resolutions: z.array(z.object({ number, kind, text: z.string().min(1), director: director.optional(), confirms: confirms.optional() })),
  attendance: z.object({
    present: z.array(number),
    proxies: z.array(z.object({ holder: z.union([number, z.string().trim().min(1).max(100)]), member: number })),
    apologies: z.array(number),
  }),
  votes: z.array(
    z.union([
      z.object({ resolution: number, method: z.literal('vote'), ...tally, castingVote: z.enum(['for', 'against']).optional() }),
      z.object({
        resolution: number,
        method: z.literal('consensus'),
        outcome: z.enum(['agreed', 'blocked']),
        standAsides: count,
        fallback: z.object(tally).optional(),
      }),
    ]),
  ),
  closed: z.boolean(),
  closedOn: isoDate.nullable(),
  outcome: z
    .object({
      quorum: z.object({ required: count, present: count, met: z.boolean() }),
      resolutions: z.array(z.object({ number, kind, text: z.string(), ...tally, passed: z.boolean(), firstStage: z.boolean().optional() })),
      elections: z
        .array(z.object({ seats: number, candidates: z.array(z.object({ member: number, name: z.string(), votes: count.nullable(), elected: z.boolean() })) }))
        .optional(),
    })
    .nullable(),
  nominations: z.array(z.object({ member: number, proposer: number.nullable(), seconder: number.nullable(), date: isoDate, retiring: z.boolean() })).optional(),
  election: z
    .object({ seats: number, votes: z.array(z.object({ member: number, votes: count })), tieWinners: z.array(number) })
    .nullable()
    .optional(),
  chair: number.optional(),
});

/** Checks a record read from disk: the record, or the first problem in words. */
export function parseRecord(raw: unknown): { record?: MeetingRecord; problem?: string } {
  const parsed = recordSchema.safeParse(raw);
  if (parsed.success) return { record: parsed.data as MeetingRecord };
  const issue = parsed.error.issues[0];
  return { problem: `${issue?.path.join('.') || '(top level)'}: ${issue?.message ?? 'is not a meeting record'}` };
}
