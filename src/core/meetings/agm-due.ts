// When the next AGM is due by the rules: within so many months of the financial year end, and no
// more than so many months after the last AGM, whichever comes first.

import { addMonths, longDate, yearEndAfter, type IsoDate } from '../dates.js';
import { FIRST_ACCOUNTING_PERIOD_MIN_MONTHS } from '../law.js';
import type { CoopParams } from '../params.js';

export interface AgmDue {
  due: IsoDate;
  reason: string;
}

/**
 * The date the next AGM must be held by.
 *
 * After an AGM: the earlier of (withinMonthsOfYearEnd after the first year end following the
 * last AGM) and (maxMonthsBetween after the last AGM).
 *
 * A new group (no AGM yet): its first AGM receives the first year's accounts, so it is due
 * within withinMonthsOfYearEnd of the first year end. That first year end is the first one more
 * than six months after founding (as for a company's first accounting period): a group founded
 * in March with a 31 March year end does not hold an AGM on a fortnight's trading. The
 * "months between AGMs" limit does not apply yet: there is no last AGM, and counting it from
 * founding would often fall before the first accounts could be ready.
 */
export function nextAgmDue(params: Pick<CoopParams, 'group' | 'meetings'>, heldAgmDates: string[]): AgmDue {
  const { withinMonthsOfYearEnd, maxMonthsBetween } = params.meetings.agm;
  const yearEnd = params.group.financialYearEnd;
  const last = heldAgmDates.reduce<string | undefined>((a, b) => (a === undefined || b > a ? b : a), undefined);
  if (last === undefined) {
    const firstYearEnd = yearEndAfter(yearEnd, addMonths(params.group.founded, FIRST_ACCOUNTING_PERIOD_MIN_MONTHS));
    return {
      due: addMonths(firstYearEnd, withinMonthsOfYearEnd),
      reason: `the first AGM: within ${months(withinMonthsOfYearEnd)} of the first financial year end (${longDate(firstYearEnd)})`,
    };
  }
  const nextYearEnd = yearEndAfter(yearEnd, last);
  const byYearEnd = addMonths(nextYearEnd, withinMonthsOfYearEnd);
  const byGap = addMonths(last, maxMonthsBetween);
  if (byGap < byYearEnd) {
    return { due: byGap, reason: `no more than ${months(maxMonthsBetween)} after the last AGM (${longDate(last)})` };
  }
  return { due: byYearEnd, reason: `within ${months(withinMonthsOfYearEnd)} of the financial year end (${longDate(nextYearEnd)})` };
}

function months(n: number): string {
  return n === 1 ? '1 month' : `${n} months`;
}
