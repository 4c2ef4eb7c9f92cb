// The next statutory deadlines for a group's legal form, from its founding date and financial
// year end. coop does not record filings, so for each duty it shows the next due date that has
// not yet passed.

import {
  COMPANY_ACCOUNTS_MONTHS,
  COMPANY_FIRST_ACCOUNTS_AFTER_YEAR_END_MONTHS,
  COMPANY_FIRST_ACCOUNTS_MONTHS,
  CONFIRMATION_STATEMENT_FILING_DAYS,
  CONFIRMATION_STATEMENT_MONTHS,
  FIRST_ACCOUNTING_PERIOD_MIN_MONTHS,
  CIC_REPORT_MONTHS,
  SOCIETY_ANNUAL_RETURN_MONTHS,
  NI_SOCIETY_ANNUAL_RETURN_SOURCE,
  isCompany,
  isSociety,
} from '../law.js';
import { addDays, addMonths, longDate, yearEndAfter, type IsoDate } from '../dates.js';
import type { CoopParams } from '../params.js';

export interface Deadline {
  what: string;
  due: IsoDate;
  /** Why it falls then, with the law or rule it comes from. */
  reason: string;
}

/**
 * The year ends of the group's financial years, first one first: the first more than six months
 * after founding (a first accounting period runs at least that long), as for the first AGM.
 */
function* yearEnds(params: CoopParams): Generator<IsoDate> {
  let end = yearEndAfter(params.group.financialYearEnd, addMonths(params.group.founded, FIRST_ACCOUNTING_PERIOD_MIN_MONTHS));
  for (;;) {
    yield end;
    end = yearEndAfter(params.group.financialYearEnd, end);
  }
}

/** The first year end whose deadline (computed by dueFor) is today or later. */
function nextAfterYearEnd(params: CoopParams, today: IsoDate, dueFor: (yearEnd: IsoDate, first: boolean) => IsoDate): { yearEnd: IsoDate; due: IsoDate } {
  let first = true;
  for (const yearEnd of yearEnds(params)) {
    const due = dueFor(yearEnd, first);
    if (due >= today) return { yearEnd, due };
    first = false;
  }
  throw new Error('unreachable: year ends never run out');
}

export function statutoryDeadlines(params: CoopParams, today: IsoDate): Deadline[] {
  const { form, founded } = params.group;
  const out: Deadline[] = [];
  if (isSociety(form)) {
    const { yearEnd, due } = nextAfterYearEnd(params, today, (end) => addMonths(end, SOCIETY_ANNUAL_RETURN_MONTHS));
    out.push({
      what: `Annual return and accounts to the FCA for the year ending ${longDate(yearEnd)}`,
      due,
      // The FCA registers Northern Ireland societies too (since 2018), under the 1969 Act's own section.
      reason: `within ${SOCIETY_ANNUAL_RETURN_MONTHS} months of the year end (${params.group.jurisdiction === 'northern-ireland' ? NI_SOCIETY_ANNUAL_RETURN_SOURCE : 'Co-operative and Community Benefit Societies Act 2014 s.89'}; no extensions)`,
    });
  }
  if (isCompany(form)) {
    let review = addMonths(founded, CONFIRMATION_STATEMENT_MONTHS);
    for (let k = 2; addDays(review, CONFIRMATION_STATEMENT_FILING_DAYS) < today; k++) review = addMonths(founded, CONFIRMATION_STATEMENT_MONTHS * k);
    out.push({
      what: `Confirmation statement to Companies House (review date ${longDate(review)})`,
      due: addDays(review, CONFIRMATION_STATEMENT_FILING_DAYS),
      reason: `at least every ${CONFIRMATION_STATEMENT_MONTHS} months, filed within ${CONFIRMATION_STATEMENT_FILING_DAYS} days of the review date (Companies Act 2006 s.853A)`,
    });
    const accounts = nextAfterYearEnd(params, today, (end, first) => {
      if (!first || end <= addMonths(founded, 12)) return addMonths(end, COMPANY_ACCOUNTS_MONTHS);
      const a = addMonths(founded, COMPANY_FIRST_ACCOUNTS_MONTHS);
      const b = addMonths(end, COMPANY_FIRST_ACCOUNTS_AFTER_YEAR_END_MONTHS);
      return a > b ? a : b;
    });
    out.push({
      what: `Accounts to Companies House for the year ending ${longDate(accounts.yearEnd)}`,
      due: accounts.due,
      reason: `within ${COMPANY_ACCOUNTS_MONTHS} months of the year end; after a first year longer than 12 months, ${COMPANY_FIRST_ACCOUNTS_MONTHS} months after incorporation or ${COMPANY_FIRST_ACCOUNTS_AFTER_YEAR_END_MONTHS} after the year end, whichever is later (Companies Act 2006 s.442)`,
    });
    if (form === 'cic') {
      const report = nextAfterYearEnd(params, today, (end) => addMonths(end, CIC_REPORT_MONTHS));
      out.push({
        what: `Community interest company report (CIC34) for the year ending ${longDate(report.yearEnd)}`,
        due: report.due,
        reason: 'filed with the accounts (Community Interest Company Regulations 2005 reg.26)',
      });
    }
  }
  return out;
}
