// The calendar file for a meeting, RFC 5545: CRLF line ends, lines folded at 75 octets, TEXT
// values escaped, the start in UK time with the Europe/London time zone defined in the file so
// every calendar program reads it the same way, summer or winter.

import type { IsoDate } from '../dates.js';

export interface CalendarEvent {
  uid: string;
  /** When the file was made (DTSTAMP), UTC. */
  stamp: Date;
  date: IsoDate;
  /** "18:30", UK time. */
  time: string;
  durationMinutes: number;
  summary: string;
  location: string;
  description: string;
  url: string | null;
}

// The UK's rule since 1996: summer time from 01:00 UTC on the last Sunday of March to 01:00 UTC
// on the last Sunday of October (the Summer Time Order 2002 keeps it in step with the EU).
const EUROPE_LONDON = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/London',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0000',
  'TZOFFSETTO:+0100',
  'TZNAME:BST',
  'DTSTART:19810329T010000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0000',
  'TZNAME:GMT',
  'DTSTART:19961027T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

/** Escapes a TEXT value: backslash, semicolon, comma and line breaks (RFC 5545 §3.3.11). */
export function escapeText(value: string): string {
  return (
    value
      .replace(/\\/g, '\\\\')
      .replace(/;/g, '\\;')
      .replace(/,/g, '\\,')
      .replace(/\r\n?|\n/g, '\\n')
      // Other control characters are not allowed in TEXT at all.
      .replace(/[\u0000-\u0008\u000a-\u001f\u007f]/g, '')
  );
}

/** Folds a content line at 75 octets, never inside a UTF-8 character (RFC 5545 §3.1). */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = utf8Length(ch.codePointAt(0) ?? 0);
    // Continuation lines start with a space, which counts towards their 75.
    if (octets + size > 75) {
      parts.push(current);
      current = ' ';
      octets = 1;
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n');
}

function utf8Length(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

function localStamp(date: IsoDate, time: string): string {
  return `${date.replace(/-/g, '')}T${time.replace(':', '')}00`;
}

/** The local date and time some minutes after a start, as wall-clock arithmetic. */
function addMinutes(date: IsoDate, time: string, minutes: number): { date: IsoDate; time: string } {
  const [h, m] = time.split(':').map(Number) as [number, number];
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCMinutes(h * 60 + m + minutes);
  return { date: d.toISOString().slice(0, 10), time: d.toISOString().slice(11, 16) };
}

function utcStamp(d: Date): string {
  return d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** Strips control characters a URI can never hold, so a hand-edited link cannot break the file. */
function cleanUri(url: string): string {
  return url.replace(/[\u0000-\u001f\u007f]/g, '');
}

export function buildCalendar(e: CalendarEvent): string {
  const end = addMinutes(e.date, e.time, e.durationMinutes);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//create-coop//meeting papers//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    ...EUROPE_LONDON,
    'BEGIN:VEVENT',
    `UID:${escapeText(e.uid)}`,
    `DTSTAMP:${utcStamp(e.stamp)}`,
    `DTSTART;TZID=Europe/London:${localStamp(e.date, e.time)}`,
    `DTEND;TZID=Europe/London:${localStamp(end.date, end.time)}`,
    `SUMMARY:${escapeText(e.summary)}`,
    `LOCATION:${escapeText(e.location)}`,
    `DESCRIPTION:${escapeText(e.description)}`,
    ...(e.url ? [`URL:${cleanUri(e.url)}`] : []),
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
