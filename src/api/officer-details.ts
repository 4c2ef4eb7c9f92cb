// A director's particulars for the company's register of directors (Companies Act 2006 s.163),
// kept in the private store: never in git.

import { UsageError, UserError } from '../errors.js';
import { parseDate } from '../core/dates.js';
import { DETAIL_FIELDS, type DetailField, type DetailsLine } from '../core/officer-details.js';
import { cleanAddress, parseMemberNumber } from '../core/register/input.js';
import { officerDetailsChange } from '../io/officer-details-store.js';
import type { WriteOptions } from './group.js';
import { noSuchMember } from './guards.js';
import { recordChange, type Recorded } from './record.js';

export type OfficerDetailsInput = WriteOptions & Partial<Record<DetailField, string>>;

export interface OfficerDetailsRecorded {
  member: number;
  /** Which particulars were set or (with an empty value) removed; their values are never returned. */
  changed: DetailField[];
}

function cleanText(value: string, what: string): string {
  const t = value.trim().replace(/\s+/g, ' ');
  if (t.length > 200 || /[\u0000-\u001f\u007f]/.test(t)) throw new UsageError(`The ${what} "${t.slice(0, 40)}" is not text coop can keep (one line, at most 200 characters).`);
  return t;
}

export async function recordOfficerDetails(cwd: string, member: number | string, input: OfficerDetailsInput): Promise<OfficerDetailsRecorded & Recorded> {
  const number = parseMemberNumber(member);
  const line: DetailsLine = { member: number };
  for (const f of DETAIL_FIELDS) {
    const v = input[f];
    if (v === undefined) continue;
    if (v.trim() === '') line[f] = null;
    else if (f === 'born') {
      const d = parseDate(v);
      if (!d) throw new UsageError(`The date of birth "${v}" is not a date: write it as YYYY-MM-DD.`);
      line[f] = d;
    } else line[f] = f === 'serviceAddress' ? cleanAddress(v) : cleanText(v, f);
  }
  const changed = Object.keys(line).filter((k) => k !== 'member') as DetailField[];
  if (changed.length === 0) throw new UsageError('Nothing to record: give --service-address, --residence, --nationality, --occupation or --born.');
  return recordChange(cwd, input, (group) => {
    if (number >= group.nextNumber) throw new UserError(noSuchMember(group, number));
    if (line.born && line.born >= group.today) throw new UserError(`The date of birth ${line.born} is not in the past. Nothing was changed.`);
    return {
      events: [],
      privateFiles: [officerDetailsChange(group.root, [line])],
      message: '',
      refusal: `Cannot record member ${number}'s particulars`,
      result: () => ({ member: number, changed }),
    };
  });
}
