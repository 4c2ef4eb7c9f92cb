// Registration and filings: `coop registered` records the day the society was registered or the
// company incorporated (filings count from it); `coop filed` records a filing made, which moves
// that duty on to its next period. Both are ledger events, committed like any other change.

import { UsageError, UserError } from '../errors.js';
import { longDate, parseDate, type IsoDate } from '../core/dates.js';
import { isCompany, isSociety } from '../core/law.js';
import { FILINGS, type Filing } from '../core/ledger/events.js';
import { defaultFilingPeriod } from '../core/register/deadlines.js';
import { filingRecord } from '../core/register/filings.js';
import { parseEventDate } from '../core/register/input.js';
import type { Form } from '../core/params.js';
import type { WriteOptions } from './group.js';
import { recordChange, type Recorded } from './record.js';

export interface RegisteredInput extends WriteOptions {
  /** The date on the certificate of registration or incorporation. */
  date: string;
  /** The register number, e.g. RS008765 (FCA) or 12345678 (Companies House). */
  number?: string;
}

export interface RegistrationRecorded {
  date: IsoDate;
  number: string;
  /** The date an earlier entry gave, which this one corrects; null for the first. */
  corrects: IsoDate | null;
}

export async function recordRegistration(cwd: string, input: RegisteredInput): Promise<RegistrationRecorded & Recorded> {
  const number = cleanRegisterNumber(input.number);
  return recordChange(cwd, input, (group) => {
    const { form } = group.params.group;
    if (!isSociety(form) && !isCompany(form)) {
      throw new UserError(`This group is an ${form}, which is not registered with the FCA or Companies House, so there is no registration to record. Nothing was changed.`);
    }
    const date = parseEventDate(input.date, isCompany(form) ? 'date of incorporation' : 'date of registration', group);
    const before = filingRecord(group.events).registered;
    if (before && before.date === date && before.number === number)
      throw new UserError(`The registration on ${date}${number ? ` (number ${number})` : ''} is already recorded. Nothing was changed.`);
    const what = isCompany(form) ? 'incorporation' : 'registration';
    return {
      events: [{ date, type: 'registered', number }],
      message: before ? `Correct the recorded ${what}: ${date}${number ? `, number ${number}` : ''}` : `Record ${what} on ${date}${number ? `, number ${number}` : ''}`,
      refusal: `Cannot record the ${what}`,
      result: () => ({ date, number, corrects: before?.date ?? null }),
    };
  });
}

function cleanRegisterNumber(value: string | undefined): string {
  const text = (value ?? '').trim();
  if (text.length > 40 || /[\u0000-\u001f\u007f]/.test(text))
    throw new UsageError(`"${text.slice(0, 40)}…" is not a register number: give it as on the certificate, e.g. --number RS008765 or --number 12345678.`);
  return text;
}

/** Which filings each form makes. */
export function filingsFor(form: Form): Filing[] {
  if (isSociety(form)) return ['annual-return'];
  if (form === 'cic') return ['confirmation-statement', 'accounts', 'cic-report'];
  if (isCompany(form)) return ['confirmation-statement', 'accounts'];
  return [];
}

export interface FiledInput extends WriteOptions {
  /** The day it was delivered (default today). */
  date?: string;
  /** The year end it covers, or a confirmation statement's confirmation date (default: the period now due). */
  period?: string;
}

export interface FilingRecorded {
  filing: Filing;
  date: IsoDate;
  period: IsoDate;
}

export async function recordFiling(cwd: string, what: string, input: FiledInput): Promise<FilingRecorded & Recorded> {
  const filing = what.trim().toLowerCase() as Filing;
  if (!FILINGS.includes(filing)) throw new UsageError(`"${what}" is not a filing coop knows: use one of ${FILINGS.join(', ')}.`);
  return recordChange(cwd, input, (group) => {
    const { form } = group.params.group;
    const allowed = filingsFor(form);
    if (!allowed.includes(filing)) {
      throw new UserError(
        allowed.length === 0
          ? `This group is an ${form}, which files nothing with a registrar. Nothing was changed.`
          : `A ${form} does not make the filing "${filing}": its filings are ${allowed.join(', ')}. Nothing was changed.`,
      );
    }
    const date = parseEventDate(input.date, 'date of filing', group);
    const record = filingRecord(group.events);
    let period: IsoDate | undefined;
    if (input.period !== undefined && input.period.trim() !== '') {
      period = parseDate(input.period);
      if (!period) throw new UsageError(`The period end "${input.period}" is not a date: write it as YYYY-MM-DD, e.g. the year end 2026-03-31.`);
    } else period = defaultFilingPeriod(group.params, record, filing, date);
    if (!period) throw new UserError(`Cannot tell which period this ${filing} covers: give it with --period-end YYYY-MM-DD. Nothing was changed.`);
    if (period > date) throw new UserError(`A ${filing} filed on ${date} cannot cover a period ending later, on ${period}. Nothing was changed.`);
    if (record.filed.some((f) => f.filing === filing && f.period === period)) {
      throw new UserError(`A ${filing} for the period ending ${longDate(period)} is already recorded. Nothing was changed.`);
    }
    return {
      events: [{ date, type: 'filed', filing, period }],
      message: `Record the ${filing.replace(/-/g, ' ')} filed on ${date} (period ending ${period})`,
      refusal: `Cannot record the ${filing}`,
      result: () => ({ filing, date, period }),
    };
  });
}
