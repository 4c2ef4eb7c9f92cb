// A whole AGM through the built CLI: call it, record who came and how they voted, close it. The
// minutes, the --json outcome, the record and the commit must all tell the same story.

import ICAL from 'ical.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { escapeMarkdown } from '../../src/io/render.js';
import { coop, existsSync, git, join, read } from '../support/cli.js';
import { addMembers, companyGroup } from '../support/meeting-group.js';

const ORDINARY_1 = 'To receive the accounts for the year ended 31 March 2025';
const SPECIAL = 'To change rule 12 so that the quorum is 4 members or 10%, whichever is greater';
const ORDINARY_2 = 'To thank the volunteers';
const HOSTILE = '*Bold* [link](https://evil.example) <script>alert(1)</script> | pipe # {{group.name}} `tick` \\ back_slash\n# not a heading';

// The steps run in order on one group, each picking up where the last left off.
describe('a scripted AGM', { timeout: 180_000 }, () => {
  let dir = '';
  let folder = '';
  let late = 0;
  let outcome: { resolutions: { number: number; text: string; for: number; against: number; abstain: number; passed: boolean }[] } & Record<string, unknown>;
  const base = ['meeting', 'new', 'agm', '--date', '2025-06-13', '--time', '18:30', '--place', 'Village Hall, Main St', '--online', 'https://meet.example.org/agm'];

  beforeAll(async () => {
    dir = await companyGroup(9); // members 1–12
    [late] = (await addMembers(dir, [{ name: 'Late Joiner', joined: '2025-06-20' }])) as [number];
    folder = join(dir, 'meetings', '2025-06-13-agm');
  });

  it('refuses a notice one day too short, saying the earliest valid date', async () => {
    // One day too short: posted 27 May, served 29 May, 14 clear days need 13 June at the earliest.
    const short = await coop(['meeting', 'new', 'agm', '--date', '2025-06-12', '--time', '18:30', '--place', 'Hall', '--notice-date', '2025-05-27', '--by-post'], { cwd: dir });
    expect(short.exitCode).toBe(1);
    expect(short.stderr).toContain('The earliest valid date is 13 June 2025 (--date 2025-06-13)');
    expect(short.stderr).toContain('14 clear days');
    expect(existsSync(join(dir, 'meetings'))).toBe(false);
  });

  it('calls the AGM: the papers, the notice and a calendar file in UK time', async () => {
    const called = await coop(
      [...base, '--notice-date', '2025-05-27', '--by-post', '--resolution', ORDINARY_1, '--special', SPECIAL, '--resolution', ORDINARY_2, '--resolution', HOSTILE],
      { cwd: dir },
    );
    expect(called.stderr).toBe('');
    expect(called.exitCode).toBe(0);
    expect(await git(dir, ['log', '-1', '--format=%s'])).toBe('Call the AGM on 13 June 2025');
    for (const f of ['meeting.json', 'notice.md', 'agenda.md', 'proxy-form.md', 'attendance.md', 'minutes-draft.md', 'meeting.ics']) {
      expect(existsSync(join(folder, f)), f).toBe(true);
    }
    expect(await git(dir, ['status', '--porcelain'])).toBe('');

    const notice = read(join(folder, 'notice.md'));
    // Resolutions keep the order typed across --resolution and --special.
    expect(notice.indexOf(ORDINARY_1)).toBeLessThan(notice.indexOf(escapeMarkdown(SPECIAL)));
    expect(notice).toContain(`**Special resolution (in full):** “${escapeMarkdown(SPECIAL)}”`);
    expect(notice).toContain(escapeMarkdown(HOSTILE));
    expect(notice).not.toContain('<script>');
    expect(notice).toContain('sent by post on 27 May 2025 to 12 members, and counts as served on them on 29 May 2025, 2 days after sending');
    expect(notice).toContain('Companies Act 2006, section 324');
    expect(notice).toContain('https://meet.example.org/agm');
    const attendance = read(join(folder, 'attendance.md'));
    expect(attendance).toContain('| 12 | Member 12 |');
    expect(attendance).not.toContain('Late Joiner');

    // The calendar file parses, in UK summer time.
    const cal = new ICAL.Component(ICAL.parse(read(join(folder, 'meeting.ics'))));
    ICAL.TimezoneService.register(cal.getFirstSubcomponent('vtimezone')!);
    const event = new ICAL.Event(cal.getFirstSubcomponent('vevent')!);
    expect(event.startDate.zone.tzid).toBe('Europe/London');
    expect(event.startDate.toJSDate().toISOString()).toBe('2025-06-13T17:30:00.000Z');
    expect(event.location).toBe('Village Hall, Main St');
  });

  it('records attendance, refusing a member who joined after the meeting date', async () => {
    // Attendance: a member who joined after the meeting date is refused; nothing is written.
    const refused = await coop(['meeting', 'attend', '2025-06-13', '1', String(late)], { cwd: dir });
    expect(refused.exitCode).toBe(1);
    expect(refused.stderr).toContain(`member ${late} (Late Joiner) joined on 20 June 2025, after the meeting date`);

    const attend = await coop(['meeting', 'attend', '2025-06-13', '1', '2', '3', '4', '--proxy', '1=5', '--proxy', '1=6', '--apologies', '7', '8'], { cwd: dir });
    expect(attend.stderr).toBe('');
    expect(attend.exitCode).toBe(0);
    expect(await git(dir, ['log', '-1', '--format=%s'])).toBe('Record attendance at the AGM on 13 June 2025');
  });

  it('records votes, refusing more votes than people who may vote', async () => {
    // 4 present + 2 proxies = 6 may vote.
    const tooMany = await coop(['meeting', 'vote', '2025-06-13', '1', '--for', '5', '--against', '1', '--abstain', '1'], { cwd: dir });
    expect(tooMany.exitCode).toBe(1);
    expect(tooMany.stderr).toContain('only 6 may vote');
    for (const [n, f, a, ab] of [
      [1, 5, 1, 0],
      [2, 4, 2, 0], // 4 of 6 = 67%: a special resolution needing 75% fails
      [3, 3, 0, 3],
      [4, 3, 3, 0], // a tie is lost
    ] as const) {
      const r = await coop(['meeting', 'vote', '2025-06-13-agm', String(n), '--for', String(f), '--against', String(a), '--abstain', String(ab)], { cwd: dir });
      expect(r.exitCode, String(r.stderr)).toBe(0);
    }
  });

  it('closes it: the JSON, the minutes, the record and the commit agree', async () => {
    const closed = await coop(['meeting', 'close', '2025-06-13', '--json'], { cwd: dir });
    expect(closed.exitCode, String(closed.stderr)).toBe(0);
    outcome = JSON.parse(String(closed.stdout));
    expect(outcome).toEqual({
      quorum: { required: 3, present: 6, met: true },
      resolutions: [
        { number: 1, kind: 'ordinary', text: ORDINARY_1, for: 5, against: 1, abstain: 0, passed: true },
        { number: 2, kind: 'special', text: SPECIAL, for: 4, against: 2, abstain: 0, passed: false },
        { number: 3, kind: 'ordinary', text: ORDINARY_2, for: 3, against: 0, abstain: 3, passed: true },
        { number: 4, kind: 'ordinary', text: HOSTILE, for: 3, against: 3, abstain: 0, passed: false },
      ],
    });
    expect(await git(dir, ['log', '-1', '--format=%s'])).toBe('Close the AGM on 13 June 2025: quorate, 2 of 4 resolutions passed');
    expect(await git(dir, ['status', '--porcelain'])).toBe('');

    const minutes = read(join(folder, 'minutes.md'));
    for (const r of outcome.resolutions) {
      const section = minutes.slice(minutes.indexOf(`resolution ${r.number}\n`));
      expect(section).toContain(`“${escapeMarkdown(r.text)}”`);
      expect(section).toContain(`| ${r.for} | ${r.against} | ${r.abstain} |`);
      expect(section).toMatch(new RegExp(`\\*\\*Result: ${r.passed ? 'passed' : 'not passed'}\\.\\*\\*`));
    }
    expect(minutes).toContain('3 needed');
    expect(minutes).toContain('Present: 4 in person and 2 by proxy, so 6 counted.');
    expect(minutes).toContain('- 1 Ada Founder\n- 2 Ben Founder');
    expect(minutes).toMatch(/- 1 Ada Founder held the proxy of: 5 Member 5; 6 Member 6/);
    expect(minutes).toContain('- 7 Member 7');
    expect(minutes).toContain('a tie is lost');

    const record = JSON.parse(read(join(folder, 'meeting.json')));
    expect(record.closed).toBe(true);
    expect(record.outcome).toEqual(outcome);
    expect(record.resolutions[3].text).toBe(HOSTILE);
  });

  it('lists the meeting and the next AGM due', async () => {
    const list = await coop(['meeting', 'list', '--json'], { cwd: dir });
    expect(JSON.parse(String(list.stdout))).toEqual([{ id: '2025-06-13-agm', type: 'agm', date: '2025-06-13', closed: true }]);
    const listText = await coop(['meeting', 'list'], { cwd: dir });
    expect(listText.stdout).toContain('Next AGM due by 13 September 2026: no more than 15 months after the last AGM (13 June 2025).');
  });

  it('never rewrites a closed meeting’s papers', async () => {
    const head = await git(dir, ['rev-parse', 'HEAD']);
    const before = read(join(folder, 'minutes.md')) + read(join(folder, 'meeting.json'));
    for (const args of [
      ['meeting', 'attend', '2025-06-13', '9'],
      ['meeting', 'vote', '2025-06-13', '2', '--for', '6', '--against', '0'],
      ['meeting', 'close', '2025-06-13'],
    ]) {
      const r = await coop(args, { cwd: dir });
      expect(r.exitCode).toBe(1);
      expect(r.stderr).toContain('was closed');
    }
    expect(await git(dir, ['rev-parse', 'HEAD'])).toBe(head);
    expect(read(join(folder, 'minutes.md')) + read(join(folder, 'meeting.json'))).toBe(before);
  });
});
