// The personal particulars a company's register of directors holds beyond a name (Companies Act
// 2006 s.163: service address, country or state of usual residence, nationality, business
// occupation, date of birth). Personal, so kept with the contact details in git-ignored
// private/, one JSON object a line; a later line for the same member overrides the fields it
// names (null removes one). The usual residential address (s.165) is the contact address.

export const OFFICER_DETAILS_FILE = 'private/officers.jsonl';

export const DETAIL_FIELDS = ['serviceAddress', 'residence', 'nationality', 'occupation', 'born'] as const;
export type DetailField = (typeof DETAIL_FIELDS)[number];

export type OfficerDetails = Partial<Record<DetailField, string>>;

export interface DetailsLine extends Partial<Record<DetailField, string | null>> {
  member: number;
}

/** What each field is called in the register (s.163(1)). */
export const DETAIL_LABELS: Record<DetailField, string> = {
  serviceAddress: 'Service address',
  residence: 'Country or state of usual residence',
  nationality: 'Nationality',
  occupation: 'Business occupation',
  born: 'Date of birth',
};

export function encodeDetailsLine(line: DetailsLine): string {
  return `${JSON.stringify(line)}\n`;
}

export function decodeOfficerDetails(text: string): { details: Map<number, OfficerDetails>; problems: { line: number; message: string }[] } {
  const details = new Map<number, OfficerDetails>();
  const problems: { line: number; message: string }[] = [];
  text.split('\n').forEach((raw, i) => {
    if (raw.trim() === '') return;
    let o: unknown;
    try {
      o = JSON.parse(raw);
    } catch {
      problems.push({ line: i + 1, message: 'is not valid JSON' });
      return;
    }
    const rec = o as Record<string, unknown>;
    if (typeof rec !== 'object' || rec === null || !Number.isSafeInteger(rec.member) || (rec.member as number) < 1) {
      problems.push({ line: i + 1, message: 'has no valid membership number' });
      return;
    }
    const current = details.get(rec.member as number) ?? {};
    for (const f of DETAIL_FIELDS) {
      const v = rec[f];
      if (v === null) delete current[f];
      else if (typeof v === 'string' && v.trim() !== '') current[f] = v;
    }
    details.set(rec.member as number, current);
  });
  return { details, problems };
}
