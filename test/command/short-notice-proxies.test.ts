// Short notice with consent recorded, and proxies who are not members, through the built CLI:
// a company meeting as a secretary would run it, and a society that refuses an outsider proxy.

import { beforeAll, describe, expect, it } from 'vitest';
import { coop, git, join, read } from '../support/cli.js';
import { fixtureGroup } from '../support/fixture-group.js';
import { companyGroup } from '../support/meeting-group.js';

const call = (date: string, extra: string[]) => ['meeting', 'new', 'general', '--date', date, '--time', '19:00', '--place', 'The Hall', '--notice-date', '2025-05-01', ...extra];

describe('a company meeting at short notice with a non-member proxy', { timeout: 240_000 }, () => {
  let dir = '';
  const folder = () => join(dir, 'meetings', '2025-05-10-general');
  const record = () => JSON.parse(read(join(folder(), 'meeting.json')));

  beforeAll(async () => {
    dir = await companyGroup(7); // 10 members: 90% is 9
    const r = await coop(call('2025-05-10', ['--short-notice', '--short-notice-consent', '1-8', '--resolution', 'To adopt the accounts']), { cwd: dir });
    expect(r.exitCode, String(r.stderr)).toBe(0);
    expect(r.stdout).toContain('at least 9 of 10 members must consent, 8 on record (record the rest with: coop meeting consent 2025-05-10 <numbers>)');
  });

  it('records who agreed, and the notice does not claim consent it does not have', () => {
    expect(record().shortNotice.consents.map((c: { member: number }) => c.member)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(record().shortNotice.consents[0]).toEqual({ member: 1, date: '2025-05-01' });
    const notice = read(join(folder(), 'notice.md'));
    expect(notice).toContain(
      'It can be held only with the consent of at least 90% of the members entitled to attend and vote, and a majority of them in number (Companies Act 2006, section 307(5) and (6)): at least 9 of the 10 members.',
    );
    expect(notice).not.toContain('with the consent of 8');
    expect(notice).toContain('who need not be a member');
    expect(notice).not.toContain('One person may hold at most');
    expect(read(join(folder(), 'proxy-form.md'))).toContain('(name of your proxy, who need not be a member)');
    expect(read(join(folder(), 'attendance.md'))).toContain('Proxies who are not members (a member may appoint anyone as proxy, Companies Act 2006, section 324)');
  });

  it('refuses a proxy given with contact details, and records nothing', async () => {
    const before = read(join(folder(), 'meeting.json'));
    const r = await coop(['meeting', 'attend', '2025-05-10', '1', '--proxy', 'jane@example.org=7'], { cwd: dir });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain("give only the proxy's name");
    expect(read(join(folder(), 'meeting.json'))).toBe(before);
  });

  it('records a non-member proxy by name, without a cap, and counts a show of hands per proxy', async () => {
    const args = ['meeting', 'attend', '2025-05-10', '1-3', '--proxy', 'Jane Outsider=7', '--proxy', 'Jane Outsider=8', '--proxy', 'Jane Outsider=9', '--proxy', '1=10'];
    const r = await coop(args, { cwd: dir });
    expect(r.exitCode, String(r.stderr)).toBe(0);
    expect(r.stdout).toContain('Recorded at the general meeting on 10 May 2025: 3 present, 4 proxies');
    // 3 in person; Jane (three members: at most one for, one against); member 1 as proxy for 10.
    expect(r.stdout).toContain('at most 6 on a show of hands');
    expect(r.stdout).toContain('at most 7 on a poll');
    expect(record().attendance.proxies).toContainEqual({ holder: 'Jane Outsider', member: 7 });
  });

  it('refuses to close without enough consent, then closes once it is recorded', async () => {
    expect((await coop(['meeting', 'vote', '2025-05-10', '1', '--for', '7'], { cwd: dir })).exitCode).toBe(0);
    // status says so too, with what settles it, until the consent is on record.
    const warned = JSON.parse(String((await coop(['status', '--json'], { cwd: dir })).stdout)).warnings as string[];
    expect(warned.filter((w) => w.includes('short notice'))).toEqual([
      'The general meeting on 10 May 2025 was called at short notice and can be held only with the consent of 9 of the 10 members entitled to attend and vote; consent is recorded from 8. Record it with coop meeting consent 2025-05-10-general <numbers>, or call the meeting again with full notice',
    ]);
    const refused = await coop(['meeting', 'close', '2025-05-10'], { cwd: dir });
    expect(refused.exitCode).toBe(1);
    expect(refused.stderr).toContain('9 of the 10 members. Consent is recorded from 8 (members 1, 2, 3, 4, 5, 6, 7, 8)');
    expect(record().closed).toBe(false);

    const consent = await coop(['meeting', 'consent', '2025-05-10', '9', '--date', '2025-05-05', '--json'], { cwd: dir });
    expect(consent.exitCode, String(consent.stderr)).toBe(0);
    expect(JSON.parse(String(consent.stdout))).toMatchObject({ agreed: 9, entitled: 10, needed: 9, enough: true });
    expect(await git(dir, ['log', '-1', '--format=%s'])).toBe('Record consent to short notice for the general meeting on 10 May 2025: 9 of 10 (9 needed)');

    expect((await coop(['status'], { cwd: dir })).stdout).not.toContain('short notice');
    const closed = await coop(['meeting', 'close', '2025-05-10'], { cwd: dir });
    expect(closed.exitCode, String(closed.stderr)).toBe(0);
    const minutes = read(join(folder(), 'minutes.md'));
    expect(minutes).toContain('with the consent of 9 of the 10 members entitled to attend and vote (members 1, 2, 3, 4, 5, 6, 7, 8, 9), the last received on 5 May 2025');
    expect(minutes).toMatch(/- Jane Outsider \(not a member\) held the proxy of: 7 Member 7; 8 Member 8; 9 Member 9/);
    expect(minutes).toContain('at most 6 votes in all with the members present. On a poll each appointing member’s vote counts: at most 7.');
  });

  it('keeps no contact details of the proxy in git', async () => {
    const tracked = await git(dir, ['grep', '-n', 'Jane Outsider']);
    expect(tracked.split('\n').every((l) => !/@|\d{5,}/.test(l.replace(/^[^:]*:\d+:/, '')))).toBe(true);
  });
});

describe('a society meeting', { timeout: 180_000 }, () => {
  it('refuses a non-member proxy, as its rules say proxies are members; short notice with full consent is stated', async () => {
    const dir = await fixtureGroup({
      form: 'co-operative-society',
      tweak: (p) => {
        p.meetings.proxies = { allowed: true, maxPerHolder: 2, countTowardsQuorum: true };
      },
    });
    const called = await coop(call('2025-05-10', ['--short-notice', '--short-notice-consent', '1-3']), { cwd: dir });
    expect(called.exitCode, String(called.stderr)).toBe(0);
    const folder = join(dir, 'meetings', '2025-05-10-general');
    expect(read(join(folder, 'notice.md'))).toContain(
      '**This meeting is called at short notice, with the consent of 3 of the 3 members entitled to attend and vote (members 1, 2, 3), the last received on 1 May 2025.**',
    );
    const before = read(join(folder, 'meeting.json'));
    const r = await coop(['meeting', 'attend', '2025-05-10', '1', '2', '--proxy', 'Jane Outsider=3'], { cwd: dir });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('proxy Jane Outsider=3: Jane Outsider is not a member, and the rules say a proxy must be another member');
    expect(read(join(folder, 'meeting.json'))).toBe(before);
    // A member as proxy is fine.
    expect((await coop(['meeting', 'attend', '2025-05-10', '1', '2', '--proxy', '1=3'], { cwd: dir })).exitCode).toBe(0);
  });

  it('consent is refused for a meeting on full notice and for someone not a member', async () => {
    const dir = await fixtureGroup();
    expect((await coop(call('2025-06-20', []), { cwd: dir })).exitCode).toBe(0);
    const none = await coop(['meeting', 'consent', '2025-06-20', '1'], { cwd: dir });
    expect(none.exitCode).toBe(1);
    expect(none.stderr).toContain('was not called at short notice');
    expect((await coop(call('2025-05-10', ['--short-notice']), { cwd: dir })).exitCode).toBe(0);
    const stranger = await coop(['meeting', 'consent', '2025-05-10', '1', '9'], { cwd: dir });
    expect(stranger.exitCode).toBe(1);
    expect(stranger.stderr).toContain('there is no member 9 in the register');
  });
});
