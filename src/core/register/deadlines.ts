// The statutory filings a group owes, counted from the day it was registered (a society) or
// incorporated (a company) as recorded by `coop registered`, and moved on by each filing that
// `coop filed` records. For each duty the first period not yet filed is shown, however long
// ago it fell due, so a missed first filing shows as overdue. Before a registration is
// recorded the founding date stands in for it, and each reason says so.

import {
  COMPANY_ACCOUNTS_MONTHS,
  COMPANY_FIRST_ACCOUNTS_AFTER_YEAR_END_MONTHS,
  COMPANY_FIRST_ANNIVERSARY_MONTHS,
  CONFIRMATION_STATEMENT_FILING_DAYS,
  CONFIRMATION_STATEMENT_MONTHS,
  FIRST_ACCOUNTING_PERIOD_MIN_MONTHS,
  SOCIETY_ANNUAL_RETURN_MONTHS,
  NI_SOCIETY_ANNUAL_RETURN_SOURCE,
  isCompany,
  isSociety,
} from '../law.js';
import { addDays, addMonths, longDate, yearEndAfter, type IsoDate } from '../dates.js';
import type { Filing } from '../ledger/events.js';
import type { CoopParams } from '../params.js';
import { lastFiledPeriod, type FilingRecord } from './filings.js';
import { InternalError } from '../../errors.js';

export interface Deadline {
  what: string;
  due: IsoDate;
  /** Why it falls then, with the law or rule it comes from. */
  reason: string;
  /** The filing that meets it (`coop filed <filing>`); absent for the AGM. */
  filing?: Filing;
  /** The last day of the period it covers: a year end, or the end of a review period. */
  periodEnd?: IsoDate;
}

const NONE: FilingRecord = { registered: null, filed: [] };

/** The last day of the period of `months` months beginning with `start` (12 months from 15 Jan end on 14 Jan). */
export function periodEnd(start: IsoDate, months: number): IsoDate {
  const next = addMonths(start, months);
  // No corresponding day in the last month (a period beginning 29 February or 31 January):
  // the period runs to the end of that month.
  return Number(next.slice(8)) < Number(start.slice(8)) ? next : addDays(next, -1);
}

/** Companies Act 2006 s.443: months from a month's last day end on a month's last day; otherwise on the corresponding date. */
export function monthsAfterS443(date: IsoDate, months: number): IsoDate {
  if (addDays(date, 1).slice(8) === '01') return addDays(addMonths(`${date.slice(0, 8)}01`, months + 1), -1);
  return addMonths(date, months);
}

/** The year ends of the group's financial years from `start`: the first more than six months on (a first accounting period runs at least that long). */
function* yearEnds(params: CoopParams, start: IsoDate): Generator<IsoDate> {
  let end = yearEndAfter(params.group.financialYearEnd, addMonths(start, FIRST_ACCOUNTING_PERIOD_MIN_MONTHS));
  for (;;) {
    yield end;
    end = yearEndAfter(params.group.financialYearEnd, end);
  }
}

/** The first year end after the last one filed for (the first of all when none is). */
function nextYearEnd(params: CoopParams, start: IsoDate, lastFiled: IsoDate | null): { end: IsoDate; first: boolean } {
  let first = true;
  for (const end of yearEnds(params, start)) {
    if (lastFiled === null || end > lastFiled) return { end, first };
    first = false;
  }
  throw new InternalError('unreachable: year ends never run out');
}

/** When a company's accounts for the year ending `end` are due (s.442(2)(a), or s.442(3) for a first period over 12 months). */
function companyAccountsDue(start: IsoDate, end: IsoDate, first: boolean): IsoDate {
  if (!first || end <= periodEnd(start, 12)) return monthsAfterS443(end, COMPANY_ACCOUNTS_MONTHS);
  const a = monthsAfterS443(addMonths(start, COMPANY_FIRST_ANNIVERSARY_MONTHS), COMPANY_ACCOUNTS_MONTHS);
  const b = monthsAfterS443(end, COMPANY_FIRST_ACCOUNTS_AFTER_YEAR_END_MONTHS);
  return a > b ? a : b;
}

/** The review period now running or last ended without a statement: from `start`, moved on by the latest confirmation date. */
export function reviewPeriod(start: IsoDate, lastConfirmation: IsoDate | null): { from: IsoDate; to: IsoDate } {
  let from = start;
  if (lastConfirmation !== null && lastConfirmation >= start) {
    // Review periods follow one another; a statement confirming to a date within one starts
    // the next the day after that date (s.853A).
    while (periodEnd(from, CONFIRMATION_STATEMENT_MONTHS) < lastConfirmation) from = addDays(periodEnd(from, CONFIRMATION_STATEMENT_MONTHS), 1);
    from = addDays(lastConfirmation, 1);
  }
  return { from, to: periodEnd(from, CONFIRMATION_STATEMENT_MONTHS) };
}

/** The date filings are counted from, and a note when it is the founding date standing in for registration. */
function countingStart(params: CoopParams, record: FilingRecord): { start: IsoDate; note: string } {
  if (record.registered) return { start: record.registered.date, note: '' };
  const what = isCompany(params.group.form) ? 'incorporation' : 'registration';
  return {
    start: params.group.founded,
    note: ` Counted from the founding date, as no ${what} is recorded: record it with coop registered --date YYYY-MM-DD.`,
  };
}

export function statutoryDeadlines(params: CoopParams, record: FilingRecord = NONE): Deadline[] {
  const { form, jurisdiction } = params.group;
  const out: Deadline[] = [];
  if (!isSociety(form) && !isCompany(form)) return out;
  const { start, note } = countingStart(params, record);
  if (isSociety(form)) {
    const { end } = nextYearEnd(params, start, lastFiledPeriod(record, 'annual-return'));
    const act = jurisdiction === 'northern-ireland' ? NI_SOCIETY_ANNUAL_RETURN_SOURCE : 'Co-operative and Community Benefit Societies Act 2014 s.89';
    out.push({
      what: `Annual return and accounts to the FCA for the year ending ${longDate(end)}`,
      due: addMonths(end, SOCIETY_ANNUAL_RETURN_MONTHS),
      reason: `within ${SOCIETY_ANNUAL_RETURN_MONTHS} months of the year end (${act}; no extensions).${note}`,
      filing: 'annual-return',
      periodEnd: end,
    });
  }
  if (isCompany(form)) {
    const review = reviewPeriod(start, lastFiledPeriod(record, 'confirmation-statement'));
    out.push({
      what: `Confirmation statement to Companies House (review period ${longDate(review.from)} to ${longDate(review.to)})`,
      due: addDays(review.to, CONFIRMATION_STATEMENT_FILING_DAYS),
      reason: `within ${CONFIRMATION_STATEMENT_FILING_DAYS} days after the end of each review period of ${CONFIRMATION_STATEMENT_MONTHS} months, the first beginning with the day of incorporation (Companies Act 2006 s.853A).${note}`,
      filing: 'confirmation-statement',
      periodEnd: review.to,
    });
    const accounts = nextYearEnd(params, start, lastFiledPeriod(record, 'accounts'));
    out.push({
      what: `Accounts to Companies House for the year ending ${longDate(accounts.end)}`,
      due: companyAccountsDue(start, accounts.end, accounts.first),
      reason: `within ${COMPANY_ACCOUNTS_MONTHS} months of the year end; for a first period longer than 12 months, ${COMPANY_ACCOUNTS_MONTHS} months from the first anniversary of incorporation or ${COMPANY_FIRST_ACCOUNTS_AFTER_YEAR_END_MONTHS} after the year end, whichever is later (Companies Act 2006 ss.442–443).${note}`,
      filing: 'accounts',
      periodEnd: accounts.end,
    });
    if (form === 'cic') {
      const report = nextYearEnd(params, start, lastFiledPeriod(record, 'cic-report'));
      out.push({
        what: `Community interest company report (CIC34) for the year ending ${longDate(report.end)}`,
        due: companyAccountsDue(start, report.end, report.first),
        reason: `delivered with the accounts for the same year (Companies (Audit, Investigations and Community Enterprise) Act 2004 s.34; Community Interest Company Regulations 2005 reg.26).${note}`,
        filing: 'cic-report',
        periodEnd: report.end,
      });
    }
  }
  return out;
}

/** The period a new filing covers when none is given: the one now due (for a confirmation statement, its confirmation date). */
export function defaultFilingPeriod(params: CoopParams, record: FilingRecord, filing: Filing, filedOn: IsoDate): IsoDate | undefined {
  const d = statutoryDeadlines(params, record).find((x) => x.filing === filing);
  if (!d?.periodEnd) return undefined;
  // A statement delivered within its review period confirms to the day it is made, at the latest.
  if (filing === 'confirmation-statement') return filedOn < d.periodEnd ? filedOn : d.periodEnd;
  return d.periodEnd;
}
