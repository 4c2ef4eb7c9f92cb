import { recordOfficerDetails } from '../api/officer-details.js';
import { DETAIL_LABELS } from '../core/officer-details.js';
import { OFFICER_DETAILS_FILE } from '../core/officer-details.js';
import { print, printJson } from '../io/output.js';

export interface OfficerDetailsOptions {
  cwd?: string;
  serviceAddress?: string;
  residence?: string;
  nationality?: string;
  occupation?: string;
  born?: string;
  json?: boolean;
}

export async function officerDetails(number: string, opts: OfficerDetailsOptions): Promise<void> {
  const { cwd, json, ...fields } = opts;
  const r = await recordOfficerDetails(cwd ?? process.cwd(), number, fields);
  if (json) return printJson(r);
  print(`Recorded for member ${r.member}: ${r.changed.map((f) => DETAIL_LABELS[f].toLowerCase()).join(', ')}. Kept in ${OFFICER_DETAILS_FILE}, never committed.`);
}
