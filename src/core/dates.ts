// Calendar dates as "YYYY-MM-DD" strings: they sort as text, print as they are, and carry no
// time zone. All arithmetic is done in UTC so a date never slips a day.

export type IsoDate = string;

const UK = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/**
 * True for a real calendar date written YYYY-MM-DD. Character by character, with no regular
 * expression or Date: coop check runs it on every line of a 100,000-member ledger.
 */
export function isIsoDate(text: string): boolean {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return false;
  const digit = (i: number): number => {
    const c = text.charCodeAt(i) - 48;
    return c >= 0 && c <= 9 ? c : NaN;
  };
  const year = digit(0) * 1000 + digit(1) * 100 + digit(2) * 10 + digit(3);
  const month = digit(5) * 10 + digit(6);
  const day = digit(8) * 10 + digit(9);
  // NaN (a non-digit) fails every comparison below.
  if (!(month >= 1 && month <= 12 && day >= 1 && year >= 0)) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = month === 2 ? (leap ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  return day <= days;
}

/** Accepts YYYY-MM-DD or the UK's dd/mm/yyyy; returns the ISO form, or undefined if not a real date. */
export function parseDate(text: string): IsoDate | undefined {
  const t = text.trim();
  if (isIsoDate(t)) return t;
  const uk = UK.exec(t);
  if (uk) {
    const iso = `${uk[3]}-${uk[2]!.padStart(2, '0')}-${uk[1]!.padStart(2, '0')}`;
    return isIsoDate(iso) ? iso : undefined;
  }
  return undefined;
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const LOOSE_ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Why a text that parseDate refused is not a date, in words that point at the date meant:
 * "31 February 2026 does not exist (February 2026 has 28 days)", or the padded form of
 * "2026-2-3". Undefined when the text is not shaped like a date at all.
 */
export function explainBadDate(text: string): string | undefined {
  const t = text.trim();
  const iso = LOOSE_ISO.exec(t);
  const uk = UK.exec(t);
  const parts = iso ? { year: +iso[1]!, month: +iso[2]!, day: +iso[3]! } : uk ? { year: +uk[3]!, month: +uk[2]!, day: +uk[1]! } : undefined;
  if (!parts) return undefined;
  const { year, month, day } = parts;
  if (month < 1 || month > 12) {
    const swapped = day >= 1 && day <= 12 && month >= 1 && month <= daysInMonth(year, day);
    return swapped
      ? `there is no month ${month}; if you meant ${month} ${MONTH_NAMES[day - 1]} ${year}, write ${year}-${pad(day)}-${pad(month)} or ${pad(month)}/${pad(day)}/${year} (day first)`
      : `there is no month ${month}`;
  }
  const last = daysInMonth(year, month);
  if (day < 1 || day > last) return `${day} ${MONTH_NAMES[month - 1]} ${year} does not exist (${MONTH_NAMES[month - 1]} ${year} has ${last} days)`;
  if (iso && t.length !== 10) return `write the month and day with two digits each: ${year}-${pad(month)}-${pad(day)}`;
  return undefined;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return utcDay(d);
}

/**
 * A moment's day in UTC, as toISOString writes it: spelt out here because the first
 * toISOString in a process loads the local time zone, which it never uses (todayInUk says why
 * that is worth sparing). Years beyond four digits, and invalid dates, are toISOString's.
 */
function utcDay(d: Date): IsoDate {
  const year = d.getUTCFullYear();
  if (!(year >= 0 && year <= 9999)) return d.toISOString().slice(0, 10);
  return `${String(year).padStart(4, '0')}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** Adds calendar months, clamping to the month's last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** Whole days from a to b (b - a). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/**
 * Today's date in the UK (Europe/London), which is what a secretary means by "today".
 *
 * Worked out from the UK's summer-time rule rather than with Intl: the first Intl date format
 * in a process loads the time-zone data, which every command asking for today would pay
 * (bench/README.md). The rule (Summer Time Order 2002, as in EU Directive 2000/84/EC): clocks are one
 * hour ahead of UTC from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last
 * Sunday of October. A test compares this with the time-zone database hour by hour.
 */
export function todayInUk(now: Date = new Date()): IsoDate {
  const year = now.getUTCFullYear();
  const t = now.getTime();
  const summer = t >= lastSundayAt1Utc(year, 2) && t < lastSundayAt1Utc(year, 9);
  return utcDay(new Date(t + (summer ? 3_600_000 : 0)));
}

/** 01:00 UTC on the last Sunday of a month (0-based), in milliseconds. */
function lastSundayAt1Utc(year: number, month: number): number {
  const last = new Date(Date.UTC(year, month + 1, 0));
  return Date.UTC(year, month, last.getUTCDate() - last.getUTCDay(), 1);
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "10 June 2027" — as Intl's en-GB long date, without loading Intl's date data (see todayInUk). */
export function longDate(date: IsoDate): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

/** The financial year end ("MM-DD") on or before a date. */
export function yearEndOnOrBefore(monthDay: string, date: IsoDate): IsoDate {
  const year = Number(date.slice(0, 4));
  const candidate = clampMonthDay(year, monthDay);
  return candidate <= date ? candidate : clampMonthDay(year - 1, monthDay);
}

/** The first financial year end after a date. */
export function yearEndAfter(monthDay: string, date: IsoDate): IsoDate {
  const year = Number(date.slice(0, 4));
  const candidate = clampMonthDay(year, monthDay);
  return candidate > date ? candidate : clampMonthDay(year + 1, monthDay);
}

function clampMonthDay(year: number, monthDay: string): IsoDate {
  const [m, d] = monthDay.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return `${year}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}
