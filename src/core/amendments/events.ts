// The ledger of amendments, amendments/events.jsonl: one JSON object a line, appended, never
// rewritten, like the register's ledger. Each amendment moves proposed → tabled at a meeting →
// passed or failed → registered (a society's, by the FCA; an association's, recorded as
// adopted) or filed (a company's, at Companies House). The history of the rules parameters
// is read from here: coop.yml holds only today's.

import { z } from 'zod';
import { isoDate } from '../params.js';
import type { IsoDate } from '../dates.js';
import type { ParamChange } from './changes.js';

import { AMENDMENT_EVENTS_FILE } from './files.js';

export { AMENDMENTS_DIR, AMENDMENT_EVENTS_FILE } from './files.js';

const value = z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.string())]);
const id = z.string().regex(/^\d{4}-\d{2}-\d{2}-[a-z0-9-]+$/, 'must be an amendment id such as 2027-05-01-quorum');
const base = { seq: z.number().int().min(1), date: isoDate, amendment: id };
const tally = { for: z.number().int().min(0), against: z.number().int().min(0), abstain: z.number().int().min(0) };

const eventSchema = z.discriminatedUnion('type', [
  z.strictObject({
    ...base,
    type: z.literal('proposed'),
    /** The changes to coop.yml's rules, each with its value before and after. */
    changes: z.array(z.strictObject({ path: z.string(), from: value, to: value })).min(1),
    /** Set by `coop rules upgrade`: the template versions the documents move between. */
    templateVersion: z.strictObject({ from: z.number().int(), to: z.number().int() }).optional(),
  }),
  z.strictObject({ ...base, type: z.literal('tabled'), meeting: z.string(), resolution: z.number().int().min(1) }),
  z.strictObject({ ...base, type: z.literal('passed'), meeting: z.string().nullable(), ...tally }),
  z.strictObject({ ...base, type: z.literal('failed'), meeting: z.string().nullable(), ...tally }),
  z.strictObject({ ...base, type: z.literal('registered') }),
  z.strictObject({ ...base, type: z.literal('filed') }),
]);

export type AmendmentEvent = z.infer<typeof eventSchema> & { changes?: ParamChange[] };
export type NewAmendmentEvent = AmendmentEvent extends infer E ? (E extends AmendmentEvent ? Omit<E, 'seq'> : never) : never;

/** Decodes the file's text: the events, or the first bad line in words. */
export function decodeAmendmentEvents(text: string): { events: AmendmentEvent[]; problem?: string } {
  const events: AmendmentEvent[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (!line) continue;
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch {
      return { events, problem: `${AMENDMENT_EVENTS_FILE}:${i + 1} is not valid JSON (was the file edited by hand?)` };
    }
    const parsed = eventSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return { events, problem: `${AMENDMENT_EVENTS_FILE}:${i + 1}: ${issue?.path.join('.') || 'event'} ${issue?.message ?? 'is not an amendment event'}` };
    }
    events.push(parsed.data);
  }
  return { events };
}

export type { IsoDate };
