// Checking what a secretary typed for a meeting (or a script passed) before anything is
// recorded: kinds of meeting, dates, times, places, links, resolutions, membership numbers,
// counts of votes and proxies, each refused with a message saying what a right value looks like.

import { UsageError } from '../../errors.js';
import { parseDate, type IsoDate } from '../dates.js';
import type { Proxy, ResolutionKind } from './counting.js';
import { MEETING_TYPES, type MeetingType, type Resolution } from './record.js';

/** A resolution as typed: the CLI collects --resolution and --special into one list, in order. */
export interface ResolutionArg {
  kind: ResolutionKind;
  text: string;
  /** Removing a director, or confirming a first meeting's resolution: carried into the record (special-business.ts). */
  director?: Resolution['director'];
  confirms?: Resolution['confirms'];
}

const MAX_TEXT = 5000;

export function parseMeetingType(text: string): MeetingType {
  if ((MEETING_TYPES as readonly string[]).includes(text)) return text as MeetingType;
  throw new UsageError(`"${text}" is not a kind of meeting: use agm, general or committee.`);
}

export function parseDateFlag(text: string, flag: string): IsoDate {
  const date = parseDate(String(text));
  if (!date) throw new UsageError(`${flag} "${text}" is not a real date: write it YYYY-MM-DD, for example 2027-06-10.`);
  return date;
}

export function parseTime(text: string): string {
  const m = /^(\d{1,2})[:.](\d{2})$/.exec(String(text).trim());
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) {
    throw new UsageError(`--time "${text}" is not a time: write it on the 24-hour clock as HH:MM, for example 18:30.`);
  }
  return `${m[1]!.padStart(2, '0')}:${m[2]}`;
}

export function requiredText(text: string, flag: string, max: number): string {
  const t = String(text ?? '').trim();
  if (t === '') throw new UsageError(`${flag} cannot be empty.`);
  if (t.length > max) throw new UsageError(`${flag} is too long (at most ${max} characters).`);
  return t;
}

export function parseUrl(text: string): string {
  const t = String(text).trim();
  let ok = false;
  try {
    const u = new URL(t);
    ok = (u.protocol === 'https:' || u.protocol === 'http:') && !/\s/.test(t);
  } catch {
    ok = false;
  }
  if (!ok) throw new UsageError(`--online "${text}" is not a web link: give the full address, for example https://meet.example.org/agm.`);
  return t;
}

/** Numbers the resolutions 1, 2, … in the order given, refusing empty or over-long texts. */
export function parseResolutions(list: readonly ResolutionArg[]): Resolution[] {
  return list.map((r, i) => {
    const text = r.text.trim();
    const flag = r.kind === 'special' ? '--special' : '--resolution';
    if (text === '') throw new UsageError(`${flag} cannot be empty: give the resolution’s full text.`);
    if (text.length > MAX_TEXT) throw new UsageError(`${flag} is too long (at most ${MAX_TEXT} characters).`);
    return { number: i + 1, kind: r.kind, text, ...(r.director ? { director: r.director } : {}), ...(r.confirms ? { confirms: r.confirms } : {}) };
  });
}

export function parseResolutionNumber(text: string | number): number {
  if (!/^\d{1,4}$/.test(String(text).trim()) || Number(text) < 1) {
    throw new UsageError(`"${text}" is not a resolution number: resolutions are numbered 1, 2, … as on the agenda.`);
  }
  return Number(text);
}

/** A membership number given on the command line. */
export function parseNumber(text: string | number, what: string): number {
  const t = String(text);
  if (!/^\d{1,9}$/.test(t.trim()) || Number(t) < 1) throw new UsageError(`${what} "${t}" is not a membership number (a whole number from 1).`);
  return Number(t);
}

/** The most numbers one range may stand for: a typo like 1-100000 is refused, not recorded. */
const MAX_RANGE = 10_000;

/**
 * Membership numbers as a secretary types them off a signing-in sheet: "4", "1-5,8", "3 7 9"
 * (each argument may hold a list; a range includes both ends).
 */
export function parseNumberList(text: string | number, what: string): number[] {
  const out: number[] = [];
  for (const piece of String(text)
    .split(/[\s,]+/)
    .filter(Boolean)) {
    const range = /^(\d{1,9})-(\d{1,9})$/.exec(piece);
    if (!range) {
      out.push(parseNumber(piece, what));
      continue;
    }
    const from = Number(range[1]);
    const to = Number(range[2]);
    if (from < 1 || to < from || to - from >= MAX_RANGE) {
      throw new UsageError(`${what} "${piece}" is not a range of membership numbers: write the lower number first, e.g. 1-5.`);
    }
    for (let n = from; n <= to; n++) out.push(n);
  }
  return out;
}

/** A count of votes given on the command line. */
export function parseCount(text: string | number | undefined, flag: string): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d{1,9}$/.test(String(text).trim())) throw new UsageError(`${flag} must be a whole number of votes (0 or more), not "${text}".`);
  return Number(text);
}

export function parseProxy(text: string): Proxy {
  const m = /^\s*(\d{1,9})\s*=\s*(\d{1,9})\s*$/.exec(text);
  if (m && Number(m[1]) >= 1 && Number(m[2]) >= 1) return { holder: Number(m[1]), member: Number(m[2]) };
  const named = /^(.*\D.*)=\s*(\d{1,9})\s*$/s.exec(text);
  if (named && Number(named[2]) >= 1) return { holder: parseProxyName(named[1]!, text), member: Number(named[2]) };
  throw new UsageError(
    `--proxy "${text}" should be HOLDER=MEMBER: who holds the proxy (the number of the member present, or, at a company, the name of a person who is not a member), ` +
      `then the number of the member who appointed them, e.g. --proxy 4=17 or --proxy "Jane Outsider=17".`,
  );
}

const MAX_PROXY_NAME = 100;

/**
 * A proxy who is not a member, by name only: their address, email or phone never go into the
 * meeting record (it is in git), so anything that looks like one is refused.
 */
function parseProxyName(raw: string, text: string): string {
  const name = raw.trim().replace(/\s+/g, ' ');
  if (name === '') throw new UsageError(`--proxy "${text}": give the proxy's name before the =, e.g. --proxy "Jane Outsider=17".`);
  if (name.length > MAX_PROXY_NAME) throw new UsageError(`--proxy "${text}": the proxy's name is too long (at most ${MAX_PROXY_NAME} characters).`);
  if (!/^\p{L}[\p{L}\p{M} .'’-]*$/u.test(name)) {
    throw new UsageError(
      `--proxy "${text}": give only the proxy's name (letters, spaces, hyphens and apostrophes). ` +
        `Their address, email or phone are not recorded: the meeting record is kept in git. Keep the signed proxy appointment with the meeting's papers instead.`,
    );
  }
  return name;
}

export function unique(list: readonly number[]): number[] {
  return [...new Set(list)];
}
