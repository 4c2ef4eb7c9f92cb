// The meeting operations as a script uses them: import { callMeeting, … } from 'create-coop'
// does what `coop meeting new|attend|vote|close|list` does, and refuses with the same words.

import { describe, expect, it } from 'vitest';
import { git, join, read } from '../support/cli.js';
import { companyGroup } from '../support/meeting-group.js';

describe('the library: meetings', { timeout: 120_000 }, () => {
  it('calls a meeting, records attendance and votes, and closes it, one commit each', async () => {
    const lib = await import('create-coop');
    const dir = await companyGroup(2); // members 1–5; proxies allowed
    const called = await lib.callMeeting(dir, {
      type: 'general',
      date: '2025-06-20',
      time: '19:00',
      place: 'The Hall',
      noticeDate: '2025-05-01',
      resolutions: [{ kind: 'special', text: 'To change the name' }],
    });
    expect(called.dir).toBe('meetings/2025-06-20-general');
    expect(called.files).toContain('notice.md');
    expect(called.quorum).toEqual({ required: expect.any(Number), entitled: 5 });
    expect(await git(dir, ['log', '-1', '--format=%s'])).toBe('Call the general meeting on 20 June 2025');

    const short = await lib.callMeeting(dir, { type: 'general', date: '2025-05-10', time: '19:00', place: 'x', noticeDate: '2025-05-01' }).catch((e: Error) => e);
    expect(short).toBeInstanceOf(lib.UserError);
    // Nobody has agreed to email: every notice goes by post, served 3 May, so 18 May at the earliest.
    expect((short as Error).message).toContain('The earliest valid date is 18 May 2025');

    const attended = await lib.recordAttendance(dir, '2025-06-20', { present: [1, 2, 3], proxies: ['1=4'] });
    expect(attended.voters).toBe(4);
    expect(attended.attendance.proxies).toEqual([{ holder: 1, member: 4 }]);

    const voted = await lib.recordVote(dir, '2025-06-20', 1, { for: 3, against: 1 });
    expect(voted.outcome.passed).toBe(true);
    const tooMany = await lib.recordVote(dir, '2025-06-20', 1, { for: 5, against: 0 }).catch((e: Error) => e);
    expect((tooMany as Error).message).toContain('only 4 may vote');

    const early = await lib.closeMeeting(dir, '2025-06-20', { today: '2025-06-19' }).catch((e: Error) => e);
    expect((early as Error).message).toContain('is after today (19 June 2025), so it has not been held');
    const closed = await lib.closeMeeting(dir, '2025-06-20', { today: '2025-06-21' });
    expect(closed.summary).toBe('quorate, 1 of 1 resolution passed');
    expect(closed.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(read(join(dir, closed.minutes))).toContain('To change the name');
    const listed = await lib.listMeetings(dir);
    expect(listed.meetings).toEqual([{ id: '2025-06-20-general', type: 'general', date: '2025-06-20', closed: true, quorate: true }]);
  });
});
