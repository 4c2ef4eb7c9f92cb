// Checking what a secretary typed (or a script passed) before it goes near the register:
// numbers, dates, names and contact details, each refused with a message saying what a
// right value looks like. Shared by the commands, the library and the spreadsheet import.

import { UsageError, UserError } from '../../errors.js';
import { explainBadDate, parseDate, type IsoDate } from '../dates.js';
import type { NoticeMethod } from '../ledger/events.js';

/** A positive whole number, from a flag's text or a script's number. `what` names it in messages. */
export function parsePositiveWhole(value: string | number, what: string): number {
  if (typeof value === 'number') {
    if (Number.isSafeInteger(value) && value >= 1) return value;
    throw new UsageError(`The ${what} must be a whole number from 1 up (got ${value}).`);
  }
  const text = value.trim();
  if (/^\d+$/.test(text)) {
    const n = Number(text);
    if (n >= 1 && Number.isSafeInteger(n)) return n;
    if (n === 0) throw new UsageError(`The ${what} must be at least 1 (got "${value}").`);
    throw new UsageError(`The ${what} "${value}" is too large.`);
  }
  if (/^-\d+(\.\d+)?$/.test(text)) throw new UsageError(`The ${what} cannot be negative (got "${value}"): give a whole number from 1 up.`);
  if (/^\d*\.\d+$/.test(text)) throw new UsageError(`The ${what} must be a whole number, not a fraction (got "${value}").`);
  if (/^[\d.]+e[+-]?\d+$/i.test(text)) throw new UsageError(`The ${what} must be written in plain digits, like 1000 (got "${value}").`);
  throw new UsageError(`The ${what} must be a whole number, like 3 (got "${value}").`);
}

export const parseMemberNumber = (value: string | number): number => parsePositiveWhole(value, 'membership number');
export const parseShareCount = (value: string | number): number => parsePositiveWhole(value, 'number of shares');

export interface DateLimits {
  today: IsoDate;
  founded: IsoDate;
}

/**
 * A date the register records: ISO or dd/mm/yyyy, not in the future (the register records what
 * has happened) and not before the group was founded. Defaults to today when not given; given empty, refused.
 */
export function parseEventDate(value: string | undefined, what: string, limits: DateLimits): IsoDate {
  // Papers drafted ahead of the founding meeting: entries are made as at that meeting.
  const foundingAhead = limits.founded > limits.today;
  const byDefault = foundingAhead ? limits.founded : limits.today;
  if (value === undefined) return byDefault;
  // A flag given with nothing after it (--joined '') is a slip, not a request for today.
  if (value.trim() === '') {
    throw new UsageError(
      `The ${what} cannot be empty: give a date as YYYY-MM-DD or dd/mm/yyyy, or leave the flag out for ${foundingAhead ? 'the founding day' : 'today'} (${byDefault}).`,
    );
  }
  const date = parseDate(value);
  if (!date) {
    throw new UsageError(notADate(`The ${what}`, value, 'write it as YYYY-MM-DD or dd/mm/yyyy, for example 2025-03-01 or 01/03/2025'));
  }
  if (date > limits.today && !(foundingAhead && date === limits.founded)) {
    const ahead = foundingAhead ? ` Until the founding meeting (${limits.founded}), entries can be dated only on the day of that meeting.` : '';
    throw new UserError(`The ${what} ${date} is in the future (today is ${limits.today}): the register records what has already happened.${ahead}`);
  }
  if (date < limits.founded) throw new UserError(`The ${what} ${date} is before the group was founded (${limits.founded}).`);
  return date;
}

/** The refusal of a text that is no date: what date was probably meant where that can be told. */
function notADate(subject: string, value: string, howToWrite: string): string {
  return `${subject} "${value}" is not a date coop understands: ${explainBadDate(value) ?? howToWrite}.`;
}

/** The day a reading of "the register today" shows: the founding day while the founding meeting is ahead. */
export function registerDay(today: IsoDate, founded: IsoDate): IsoDate {
  return founded > today ? founded : today;
}

/** A date to read the register as at: any real date (later dates simply show today's state). */
export function parseAsOf(value: string | undefined, today: IsoDate): IsoDate {
  if (value === undefined || value.trim() === '') return today;
  const date = parseDate(value);
  if (!date) throw new UsageError(notADate('The date', value, 'write it as YYYY-MM-DD or dd/mm/yyyy'));
  return date;
}

// Control characters (other than the line breaks an address may hold) would corrupt a table or
// a commit message, and never belong in a name.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f\u2028\u2029]/;
const LINE_BREAK = /[\r\n]/;

/** A member's name as the register will hold it: trimmed, single-spaced, one line. */
export function cleanName(value: string): string {
  const name = value.trim().replace(/[ \t]+/g, ' ');
  if (name === '') throw new UsageError('The name is empty: give the member’s full name, e.g. "Priya Sharma".');
  if (CONTROL.test(name) || LINE_BREAK.test(name) || name.includes('\t')) throw new UsageError(`The name ${JSON.stringify(value)} contains a line break or control character.`);
  if (name.length > 200) throw new UsageError('The name is longer than 200 characters.');
  if (!/\p{L}/u.test(name)) throw new UsageError(`"${name}" does not look like a name (it has no letters).`);
  // The ledger is committed to git; an email typed as a name would leak into history for ever.
  if (name.includes('@')) throw new UsageError(`"${name}" looks like an email address, not a name: email addresses are kept privately (--email), never in the register.`);
  return name;
}

/** Loose on purpose: something@somewhere.tld, no spaces. Real validation is whether mail arrives. */
export function cleanEmail(value: string): string {
  const email = value.trim();
  if (!/^[^\s@]+@[^\s@]+\.[^\s@.][^\s@]*$/.test(email)) {
    throw new UsageError(`The email address "${value}" does not look right: it needs an @ and a dot after it, like name@example.org.`);
  }
  if (email.length > 254) throw new UsageError('The email address is longer than 254 characters.');
  return email;
}

export function cleanPhone(value: string): string {
  const phone = value.trim().replace(/\s+/g, ' ');
  if (CONTROL.test(phone) || phone.length > 40 || (phone.match(/\d/g)?.length ?? 0) < 6) {
    throw new UsageError(`The phone number "${value}" does not look right: give the digits, e.g. 07700 900123 or +44 7700 900123.`);
  }
  return phone;
}

/** A postal address; line breaks are kept (as \n) since addresses are written on lines. */
export function cleanAddress(value: string): string {
  const address = value
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .join('\n');
  if (address === '') throw new UsageError('The address is empty.');
  if (CONTROL.test(address) || address.length > 500) throw new UsageError('The address contains a control character or is longer than 500 characters.');
  return address;
}

/** "Vice Chair" → "vice-chair"; refused unless the group's rules name the office. */
export function cleanRole(value: string, roles: readonly string[]): string {
  const role = value
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
  if (!roles.includes(role)) {
    throw new UserError(
      `"${value}" is not one of the offices in the group's rules (${roles.join(', ')}). To add an office, add it to board.roles in coop.yml (and to the rules), then appoint.`,
    );
  }
  return role;
}

/**
 * How a member takes notices: "email" (with their consent) or "post". A spreadsheet's consent
 * column may say yes or no instead.
 */
export function parseNoticeMethod(value: string): NoticeMethod {
  const t = value.trim().toLowerCase();
  if (['email', 'e-mail', 'yes', 'y', 'true'].includes(t)) return 'email';
  if (['post', 'postal', 'letter', 'no', 'n', 'false'].includes(t)) return 'post';
  throw new UsageError(`Notices by "${value}" is not a way coop serves notices: use email (the member has agreed to notices by email) or post.`);
}
