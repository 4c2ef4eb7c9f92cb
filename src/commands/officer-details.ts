import { recordOfficerDetails } from '../api/officer-details.js';
import { DETAIL_LABELS } from '../core/officer-details.js';
import { OFFICER_DETAILS_FILE } from '../core/officer-details.js';
import { print, printJson } from '../io/output.js';
import type { Context } from '../io/context.js';

export interface OfficerDetailsOptions {
  serviceAddress?: string;
  residence?: string;
  nationality?: string;
  occupation?: string;
  born?: string;
  json?: boolean;
}

export async function officerDetails(opts: OfficerDetailsOptions & { number: string }, ctx: Context): Promise<void> {
  const { number, json, ...fields } = opts;
  const r = await recordOfficerDetails(ctx.cwd, number, fields);
  if (json) return printJson(ctx, r);
  print(ctx, `Recorded for member ${r.member}: ${r.changed.map((f) => DETAIL_LABELS[f].toLowerCase()).join(', ')}. Kept in ${OFFICER_DETAILS_FILE}, never committed.`);
}
