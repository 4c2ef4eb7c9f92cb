// What the ledger records of a group's standing with its registrar: when it was registered (or
// incorporated), under what number, and each filing made since. Read by the deadline maths.

import type { IsoDate } from '../dates.js';
import type { Filing, LedgerEvent } from '../ledger/events.js';

export interface FilingRecord {
  /** The latest registration recorded (a later entry corrects an earlier one), or null. */
  registered: { date: IsoDate; number: string } | null;
  /** Every filing recorded, in ledger order. */
  filed: { filing: Filing; period: IsoDate; date: IsoDate }[];
}

export function filingRecord(events: readonly LedgerEvent[]): FilingRecord {
  const out: FilingRecord = { registered: null, filed: [] };
  for (const e of events) {
    if (e.type === 'registered') out.registered = { date: e.date, number: e.number };
    else if (e.type === 'filed') out.filed.push({ filing: e.filing, period: e.period, date: e.date });
  }
  return out;
}

/** The latest period a kind of filing has covered, or null when none is recorded. */
export function lastFiledPeriod(record: FilingRecord, filing: Filing): IsoDate | null {
  let last: IsoDate | null = null;
  for (const f of record.filed) if (f.filing === filing && (last === null || f.period > last)) last = f.period;
  return last;
}
