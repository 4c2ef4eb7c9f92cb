import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { buildCalendar, escapeText, foldLine, type CalendarEvent } from '../../src/core/meetings/ics.js';

const EVENT: CalendarEvent = {
  uid: '2027-06-10-agm.fixture@create-coop.invalid',
  stamp: new Date('2027-05-01T09:15:00Z'),
  date: '2027-06-10',
  time: '18:30',
  durationMinutes: 120,
  summary: 'Annual General Meeting: Ça, “Co-op”; Ltd',
  location: 'Hall, 1 High St; Town \\ back',
  description: `Business:\n1. Accounts\n${'Café résumé 漢字 '.repeat(20)}`,
  url: 'https://meet.example.org/agm?x=1,2;3',
};

function parse(text: string) {
  const comp = new ICAL.Component(ICAL.parse(text));
  const tz = comp.getFirstSubcomponent('vtimezone')!;
  ICAL.TimezoneService.register(tz);
  const event = new ICAL.Event(comp.getFirstSubcomponent('vevent')!);
  return { comp, event };
}

describe('the meeting calendar file', () => {
  const text = buildCalendar(EVENT);

  it('uses CRLF line ends and folds every line at 75 octets', () => {
    expect(text.endsWith('\r\n')).toBe(true);
    const lines = text.split('\r\n').slice(0, -1);
    expect(lines.every((l) => !l.includes('\n') && !l.includes('\r'))).toBe(true);
    for (const l of lines) expect(Buffer.byteLength(l, 'utf8')).toBeLessThanOrEqual(75);
    expect(lines.some((l) => l.startsWith(' '))).toBe(true);
  });

  it('parses in ical.js with the start in Europe/London (BST in June)', () => {
    const { event } = parse(text);
    expect(event.uid).toBe(EVENT.uid);
    expect(event.startDate.zone.tzid).toBe('Europe/London');
    expect(event.component.getFirstProperty('dtstart')!.getParameter('tzid')).toBe('Europe/London');
    expect(event.startDate.toJSDate().toISOString()).toBe('2027-06-10T17:30:00.000Z');
    expect(event.endDate.toJSDate().toISOString()).toBe('2027-06-10T19:30:00.000Z');
  });

  it('puts a winter meeting on GMT', () => {
    const { event } = parse(buildCalendar({ ...EVENT, date: '2027-01-14', time: '19:00' }));
    expect(event.startDate.toJSDate().toISOString()).toBe('2027-01-14T19:00:00.000Z');
  });

  it('round-trips escaped text: commas, semicolons, backslashes and line breaks', () => {
    const { event, comp } = parse(text);
    expect(event.summary).toBe(EVENT.summary);
    expect(event.location).toBe(EVENT.location);
    expect(event.description).toBe(EVENT.description);
    const vevent = comp.getFirstSubcomponent('vevent')!;
    expect(String(vevent.getFirstPropertyValue('url'))).toBe(EVENT.url);
    expect(String(vevent.getFirstPropertyValue('dtstamp'))).toBe('2027-05-01T09:15:00Z');
  });

  it('ends a meeting late in the evening on the next day', () => {
    const { event } = parse(buildCalendar({ ...EVENT, time: '23:00' }));
    expect(event.endDate.toString()).toBe('2027-06-11T01:00:00');
  });

  it('escapes and folds by the rules', () => {
    expect(escapeText('a,b;c\\d\ne')).toBe('a\\,b\\;c\\\\d\\ne');
    const folded = foldLine(`DESCRIPTION:${'é'.repeat(80)}`);
    for (const part of folded.split('\r\n')) expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(75);
    expect(
      folded
        .split('\r\n')
        .map((p, i) => (i === 0 ? p : p.slice(1)))
        .join(''),
    ).toBe(`DESCRIPTION:${'é'.repeat(80)}`);
  });
});
