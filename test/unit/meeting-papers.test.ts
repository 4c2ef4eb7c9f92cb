import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { retiringByRotation, type Voter } from '../../src/core/meetings/entitled.js';
import { attendanceRows } from '../../src/core/meetings/papers.js';
import { findMeeting, parseMeetingRef } from '../../src/core/meetings/record.js';
import { TEMPLATES_DIR, renderTemplate } from '../../src/io/render.js';

describe('meeting templates', () => {
  const dir = join(TEMPLATES_DIR, 'meeting');
  const files = readdirSync(dir).filter((f) => f.endsWith('.hbs'));
  it('are all there', () => {
    expect(files.sort()).toEqual(['agenda.md.hbs', 'attendance.md.hbs', 'minutes-draft.md.hbs', 'minutes.md.hbs', 'notice.md.hbs', 'proxy-form.md.hbs']);
  });
  it.each(files)('%s holds no numbers: every number comes from coop.yml, the register or law.ts', (file) => {
    expect(readFileSync(join(dir, file), 'utf8')).not.toMatch(/\d/);
  });
  it.each(files)('%s prints people’s text only through {{md …}}', (file) => {
    const text = readFileSync(join(dir, file), 'utf8');
    for (const field of ['org', 'place', 'online', 'name', 'text', 'holderName', 'offices']) {
      expect(text).not.toMatch(new RegExp(`\\{\\{(?:[\\w.]+\\.)?${field}\\}\\}`));
    }
  });
});

describe('the attendance sheet of a general meeting', () => {
  const voters = [
    { number: 1, name: 'Ada Founder', offices: '', notice: 'email, 2 May 2025' },
    { number: 12, name: '*Bo* | Lloyd-Jones\nthe second', offices: '', notice: 'post, 3 May 2025' },
  ];
  const sheet = (people: typeof voters, proxies: object | null) =>
    renderTemplate('meeting/attendance.md.hbs', {
      title: 'General Meeting',
      org: 'Riverside',
      date: '20 May 2025',
      time: '18:30',
      place: 'Hall',
      isCommittee: false,
      quorum: { required: 2 },
      voters: people,
      memberRows: attendanceRows(people),
      proxies,
    });
  it('has a row a member, names escaped as {{md}} escapes them, and nothing between the rows and what follows', () => {
    const text = sheet(voters, { company: true, statute: 'Companies Act 2006, section 324' });
    expect(text).toContain(
      '| --- | --- | --- | --- | --- |\n| 1 | Ada Founder | email, 2 May 2025 | | |\n| 12 | \\*Bo\\* \\| Lloyd-Jones the second | post, 3 May 2025 | | |\n\nProxies who are not members',
    );
  });
  it('ends at the header when nobody is entitled to vote', () => {
    expect(sheet([], null).endsWith('| --- | --- | --- | --- | --- |\n')).toBe(true);
  });
});

describe('directors retiring by rotation', () => {
  const v = (number: number, since: string): Voter => ({ number, name: `M${number}`, offices: ['director'], inOfficeSince: since });
  const cases: [string, Voter[], number[]][] = [
    ['a board of three: the one longest in office', [v(1, '2024-01-01'), v(2, '2023-01-01'), v(3, '2025-01-01')], [2]],
    ['a board of five: two (nearest one third)', [v(1, '2024-01-01'), v(2, '2023-01-01'), v(3, '2025-01-01'), v(4, '2022-06-01'), v(5, '2025-02-01')], [4, 2]],
    ['a board of four: one', [v(1, '2024-01-01'), v(2, '2023-01-01'), v(3, '2025-01-01'), v(4, '2025-01-01')], [2]],
    ['appointed the same day: lower number first', [v(7, '2024-01-01'), v(3, '2024-01-01'), v(5, '2024-01-01')], [3]],
    ['a board of one: nobody', [v(1, '2024-01-01')], []],
    ['a board of six: two', [1, 2, 3, 4, 5, 6].map((n) => v(n, `202${n}-01-01`)), [1, 2]],
  ];
  it.each(cases)('%s', (_n, board, expected) => {
    expect(retiringByRotation(board).map((x) => x.number)).toEqual(expected);
  });
});

describe('meeting references', () => {
  const meetings = [
    { id: '2027-06-10-agm', type: 'agm' as const, date: '2027-06-10' },
    { id: '2027-06-10-committee', type: 'committee' as const, date: '2027-06-10' },
    { id: '2027-07-01-general', type: 'general' as const, date: '2027-07-01' },
  ];
  it('reads a date or date-type', () => {
    expect(parseMeetingRef('2027-06-10')).toEqual({ date: '2027-06-10' });
    expect(parseMeetingRef('2027-06-10-agm')).toEqual({ date: '2027-06-10', type: 'agm' });
    expect(parseMeetingRef('2027-02-30')).toBeUndefined();
    expect(parseMeetingRef('2027-06-10-party')).toBeUndefined();
  });
  it('finds one, lists both when ambiguous, and says when there is none', () => {
    expect(findMeeting(meetings, '2027-07-01')).toBe(meetings[2]);
    expect(findMeeting(meetings, '2027-06-10-committee')).toBe(meetings[1]);
    expect(findMeeting(meetings, '2027-06-10')).toMatch(/more than one meeting on 10 June 2027: 2027-06-10-agm, 2027-06-10-committee/);
    expect(findMeeting(meetings, '2027-07-01-agm')).toMatch(/no record of an AGM on 1 July 2027/);
    expect(findMeeting(meetings, 'next tuesday')).toMatch(/is not a meeting/);
  });
});
