// The meeting commands' refusals and special cases, run from the built bin in temp groups.

import { describe, expect, it } from 'vitest';
import { escapeMarkdown } from '../../src/io/render.js';
import { coop, existsSync, git, join, read } from '../support/cli.js';
import { fixtureGroup } from '../support/fixture-group.js';
import { addMembers, callMeeting, companyGroup } from '../support/meeting-group.js';

const call = (type: string, date: string, extra: string[] = []) => callMeeting(type, date, '2025-05-01', extra);

describe('calling a meeting', { timeout: 180_000 }, () => {
  it('refuses a meeting before its notice date, a bad time, and a second meeting of one type on one day', async () => {
    const dir = await fixtureGroup();
    const past = await coop(call('general', '2025-04-20'), { cwd: dir });
    expect(past.exitCode).toBe(1);
    expect(past.stderr).toContain('is before the notice date');
    const badTime = await coop([...call('general', '2025-06-20').slice(0, 5), '--time', '25:00', '--place', 'x'], { cwd: dir });
    expect(badTime.exitCode).toBe(2);
    expect(badTime.stderr).toContain('HH:MM');
    expect((await coop(call('general', '2025-06-20'), { cwd: dir })).exitCode).toBe(0);
    const again = await coop(call('general', '2025-06-20'), { cwd: dir });
    expect(again.exitCode).toBe(1);
    expect(again.stderr).toContain('There is already a general meeting on 20 June 2025');
  });

  it('refuses to close a meeting dated tomorrow', async () => {
    const dir = await fixtureGroup();
    const tomorrow = new Date(Date.now() + 36 * 3600 * 1000).toISOString().slice(0, 10);
    const r = await coop(['meeting', 'new', 'general', '--date', tomorrow, '--time', '19:00', '--place', 'Hall', '--short-notice'], { cwd: dir });
    expect(r.exitCode, String(r.stderr)).toBe(0);
    const closed = await coop(['meeting', 'close', tomorrow], { cwd: dir });
    expect(closed.exitCode).toBe(1);
    expect(closed.stderr).toContain('so it has not been held');
    expect(JSON.parse(read(join(dir, 'meetings', `${tomorrow}-general`, 'meeting.json'))).closed).toBe(false);
  });

  it('records short notice with the consent the rules require', async () => {
    const dir = await fixtureGroup();
    const r = await coop(call('general', '2025-05-10', ['--short-notice', '--resolution', 'To open a bank account']), { cwd: dir });
    expect(r.exitCode, String(r.stderr)).toBe(0);
    const notice = read(join(dir, 'meetings', '2025-05-10-general', 'notice.md'));
    expect(notice).toContain('**This meeting is called at short notice.** The rules require 14 clear days’ notice; this notice gives 6.');
    expect(notice).toContain('It can be held only with the consent of at least 90% of the members entitled to attend and vote (the rules): at least 3 of the 3 members.');
    const record = JSON.parse(read(join(dir, 'meetings', '2025-05-10-general', 'meeting.json')));
    expect(record.shortNotice).toEqual({ required: 14, given: 6, consent: '90%', consentMembers: 3, entitledMembers: 3, consents: [] });
    // Nobody agreed to email, so everyone is served by post, 2 days after sending.
    expect(record.service).toEqual([{ method: 'post', served: '2025-05-03', members: [1, 2, 3] }]);
  });

  it('leaves out the proxy form where the rules allow no proxies, and refuses proxies at attendance', async () => {
    const dir = await fixtureGroup(); // worker co-op: no proxies
    await coop(call('general', '2025-06-20', ['--resolution', 'x']), { cwd: dir });
    const folder = join(dir, 'meetings', '2025-06-20-general');
    expect(existsSync(join(folder, 'proxy-form.md'))).toBe(false);
    expect(read(join(folder, 'notice.md'))).not.toContain('## Proxies');
    const r = await coop(['meeting', 'attend', '2025-06-20', '1', '2', '--proxy', '1=3'], { cwd: dir });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('the rules do not allow proxies');
  });
});

describe('serving the notice on each member as they take notices', { timeout: 180_000 }, () => {
  const consent = async (dir: string, n: number) => {
    const r = await coop(['member', 'update', String(n), '--email', `m${n}@example.org`, '--notices', 'email', '--notices-date', '2025-04-01'], { cwd: dir });
    expect(r.exitCode, String(r.stderr)).toBe(0);
  };
  it('all by email: sent 1 May, a meeting on 16 May is a day short, 17 May is the earliest; a mix waits for the post', async () => {
    const dir = await fixtureGroup();
    for (const n of [1, 2, 3]) await consent(dir, n);
    const short = await coop(call('general', '2025-05-16'), { cwd: dir });
    expect(short.exitCode).toBe(1);
    expect(short.stderr).toContain('counts as served on 2 May 2025 on the 3 members who agreed to email (1 day after sending)');
    expect(short.stderr).toContain('The earliest valid date is 17 May 2025 (--date 2025-05-17)');
    expect((await coop(call('general', '2025-05-17'), { cwd: dir })).exitCode).toBe(0);
    const folder = join(dir, 'meetings', '2025-05-17-general');
    expect(read(join(folder, 'notice.md'))).toContain(
      'sent by email, to those who have agreed to receive notices that way, on 1 May 2025 to 3 members, and counts as served on them on 2 May 2025, 1 day after sending',
    );
    expect(read(join(folder, 'attendance.md'))).toContain('| 1 | Ada Founder | email, 2 May 2025 | | |');
    // The papers say how, never where: no email address is written into the meeting's folder.
    for (const f of ['notice.md', 'attendance.md', 'meeting.json']) expect(read(join(folder, f))).not.toContain('@example.org');

    // --by-post posts it to everyone: served 3 May.
    const posted = await coop(call('agm', '2025-05-17', ['--by-post']), { cwd: dir });
    expect(posted.exitCode).toBe(1);
    expect(posted.stderr).toContain('The earliest valid date is 18 May 2025');

    const mixed = await fixtureGroup();
    await consent(mixed, 1);
    await consent(mixed, 2);
    const r = await coop(call('general', '2025-05-17'), { cwd: mixed });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('on 2 May 2025 on the 2 members who agreed to email (1 day after sending) and on 3 May 2025 on the 1 member sent it by post (2 days after sending)');
    expect(r.stderr).toContain('The earliest valid date is 18 May 2025');
    expect((await coop(call('general', '2025-05-18'), { cwd: mixed })).exitCode).toBe(0);
    expect(read(join(mixed, 'meetings', '2025-05-18-general', 'attendance.md'))).toContain('| 3 | Cai Founder | post, 3 May 2025 | | |');
  });

  it('counts consent as it stood when the notice was sent, not later', async () => {
    const dir = await fixtureGroup();
    for (const n of [1, 2, 3]) {
      const r = await coop(['member', 'update', String(n), '--email', `m${n}@example.org`, '--notices', 'email', '--notices-date', '2025-05-05'], { cwd: dir });
      expect(r.exitCode, String(r.stderr)).toBe(0);
    }
    const r = await coop(call('general', '2025-05-17'), { cwd: dir });
    expect(r.stderr).toContain('The earliest valid date is 18 May 2025');
  });
});

describe('the audit-exemption resolution (2014 Act s.84)', { timeout: 180_000 }, () => {
  it('is put on the agenda with --audit-exemption, and fails at exactly 20% of votes cast against', async () => {
    const dir = await fixtureGroup();
    await addMembers(
      dir,
      Array.from({ length: 27 }, (_, i) => ({ name: `Member ${i + 4}`, joined: '2024-03-01' })),
      1,
    );
    const company = await companyGroup(0);
    const refused = await coop(call('general', '2025-06-20', ['--audit-exemption']), { cwd: company });
    expect(refused.exitCode).toBe(1);
    expect(refused.stderr).toContain("is a registered society's resolution");
    const r = await coop(call('general', '2025-06-20', ['--audit-exemption']), { cwd: dir });
    expect(r.exitCode, String(r.stderr)).toBe(0);
    const notice = read(join(dir, 'meetings', '2025-06-20-general', 'notice.md'));
    expect(notice).toContain('Resolution not to appoint auditors');
    expect(notice).toContain('for the year of account ending');
    await coop(['meeting', 'attend', '2025-06-20', ...Array.from({ length: 11 }, (_, i) => String(i + 1))], { cwd: dir });
    const atEdge = JSON.parse(String((await coop(['meeting', 'vote', '2025-06-20', '1', '--for', '8', '--against', '2', '--json'], { cwd: dir })).stdout));
    expect(atEdge.passesIfQuorate).toBe(false);
    const below = JSON.parse(String((await coop(['meeting', 'vote', '2025-06-20', '1', '--for', '9', '--against', '2', '--json'], { cwd: dir })).stdout));
    expect(below.passesIfQuorate).toBe(true);
  });
});

describe('referring to a meeting', { timeout: 180_000 }, () => {
  it('asks which when two meetings fall on one day, and takes date-type', async () => {
    const dir = await fixtureGroup();
    await coop(call('agm', '2025-06-20'), { cwd: dir });
    await coop(call('committee', '2025-06-20'), { cwd: dir });
    const r = await coop(['meeting', 'attend', '2025-06-20', '1'], { cwd: dir });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('There is more than one meeting on 20 June 2025: 2025-06-20-agm, 2025-06-20-committee');
    expect((await coop(['meeting', 'attend', '2025-06-20-agm', '1'], { cwd: dir })).exitCode).toBe(0);
    const missing = await coop(['meeting', 'attend', '2025-07-01', '1'], { cwd: dir });
    expect(missing.exitCode).toBe(1);
    expect(missing.stderr).toContain('There is no record of a meeting on 1 July 2025');
    const list = JSON.parse(String((await coop(['meeting', 'list', '--json'], { cwd: dir })).stdout));
    expect(list).toEqual([
      { id: '2025-06-20-agm', type: 'agm', date: '2025-06-20', closed: false },
      { id: '2025-06-20-committee', type: 'committee', date: '2025-06-20', closed: false },
    ]);
  });
});

describe('attendance and votes', { timeout: 180_000 }, () => {
  it('refuses a proxy over a society’s limit, a holder who is absent, and a member who left', async () => {
    // A society's rules cap proxies per holder; a company's may not (s.324: short-notice-proxies.test.ts).
    const society = await fixtureGroup({ tweak: (p) => (p.meetings.proxies = { allowed: true, maxPerHolder: 5, countTowardsQuorum: true }) });
    await addMembers(
      society,
      Array.from({ length: 6 }, (_, i) => ({ name: `Member ${i + 4}`, joined: '2024-02-01' })),
    );
    await coop(call('general', '2025-06-20', ['--resolution', 'x']), { cwd: society });
    const over = await coop(['meeting', 'attend', '2025-06-20', '1', '2', '3', ...['4', '5', '6', '7', '8', '9'].flatMap((m) => ['--proxy', `1=${m}`])], { cwd: society });
    expect(over.exitCode).toBe(1);
    expect(over.stderr).toContain('member 1 already holds 5 proxies, the most the rules allow');

    const dir = await companyGroup(9);
    await addMembers(dir, [{ name: 'Gone Member', joined: '2024-02-01', left: '2025-03-01' }]);
    await coop(call('general', '2025-06-20', ['--resolution', 'x']), { cwd: dir });
    const absent = await coop(['meeting', 'attend', '2025-06-20', '1', '--proxy', '2=4'], { cwd: dir });
    expect(absent.exitCode).toBe(1);
    expect(absent.stderr).toContain('the proxy holder, member 2, is not present');
    const left = await coop(['meeting', 'attend', '2025-06-20', '13'], { cwd: dir });
    expect(left.exitCode).toBe(1);
    expect(left.stderr).toContain('member 13 (Gone Member) left on 1 March 2025');
    const record = JSON.parse(read(join(dir, 'meetings', '2025-06-20-general', 'meeting.json')));
    expect(record.attendance).toEqual({ present: [], proxies: [], apologies: [] });
  });

  it('an inquorate meeting passes nothing and its minutes record the adjournment', async () => {
    const dir = await companyGroup(37); // 40 members: quorum 3 or 10% = 4
    await coop(call('general', '2025-06-20', ['--resolution', 'To paint the hall']), { cwd: dir });
    await coop(['meeting', 'attend', '2025-06-20', '1', '2', '3'], { cwd: dir });
    await coop(['meeting', 'vote', '2025-06-20', '1', '--for', '3', '--against', '0'], { cwd: dir });
    const r = await coop(['meeting', 'close', '2025-06-20', '--json'], { cwd: dir });
    expect(JSON.parse(String(r.stdout))).toEqual({
      quorum: { required: 4, present: 3, met: false },
      resolutions: [{ number: 1, kind: 'ordinary', text: 'To paint the hall', for: 3, against: 0, abstain: 0, passed: false }],
    });
    const minutes = read(join(dir, 'meetings', '2025-06-20-general', 'minutes.md'));
    expect(minutes).toContain('**The meeting was not quorate.**');
    expect(minutes).toContain('adjourned');
    expect(minutes).toContain('**Result: not passed.** The meeting was not quorate');
    expect(await git(dir, ['log', '-1', '--format=%s'])).toBe('Close the general meeting on 20 June 2025: not quorate, adjourned');
  });

  it('a consensus group records consensus and its fallback vote', async () => {
    const dir = await fixtureGroup({
      tweak: (p) => {
        p.decisions = { method: 'consensus', fallbackThreshold: '75%' };
      },
    });
    await coop(call('general', '2025-06-20', ['--resolution', 'A', '--resolution', 'B', '--special', 'C']), { cwd: dir });
    await coop(['meeting', 'attend', '2025-06-20', '1', '2', '3'], { cwd: dir });
    const plain = await coop(['meeting', 'vote', '2025-06-20', '1', '--for', '3', '--against', '0'], { cwd: dir });
    expect(plain.exitCode).toBe(1);
    expect(plain.stderr).toContain('decides by consensus');
    expect((await coop(['meeting', 'vote', '2025-06-20', '1', '--consensus', 'agreed', '--stand-asides', '1'], { cwd: dir })).exitCode).toBe(0);
    const noFallback = await coop(['meeting', 'vote', '2025-06-20', '2', '--consensus', 'blocked'], { cwd: dir });
    expect(noFallback.exitCode).toBe(2);
    expect((await coop(['meeting', 'vote', '2025-06-20', '2', '--consensus', 'blocked', '--for', '2', '--against', '1'], { cwd: dir })).exitCode).toBe(0);
    // Consensus alone does not pass a special resolution: the vote is required, and then counted.
    const bare = await coop(['meeting', 'vote', '2025-06-20', '3', '--consensus', 'agreed'], { cwd: dir });
    expect(bare.exitCode).toBe(2);
    expect(bare.stderr).toContain('consensus alone cannot pass it');
    expect((await coop(['meeting', 'vote', '2025-06-20', '3', '--consensus', 'agreed', '--for', '2', '--against', '1'], { cwd: dir })).exitCode).toBe(0);
    const out = JSON.parse(String((await coop(['meeting', 'close', '2025-06-20', '--json'], { cwd: dir })).stdout));
    expect(out.resolutions.map((r: { passed: boolean }) => r.passed)).toEqual([true, false, false]);
    const minutes = read(join(dir, 'meetings', '2025-06-20-general', 'minutes.md'));
    expect(minutes).toContain('Agreed by consensus; 1 stood aside.');
    // One statement of the rule, the same in the notice, the agenda and the minutes.
    const rule = 'The meeting decides by consensus. Where consensus is blocked, a vote decides: a proposal then needs at least three quarters (75%) of the votes cast.';
    for (const paper of ['notice.md', 'agenda.md', 'minutes-draft.md', 'minutes.md']) expect(read(join(dir, 'meetings', '2025-06-20-general', paper)), paper).toContain(rule);
    expect(minutes).toContain('Consensus was blocked, so it went to the fallback vote.');
    expect(minutes).toContain(
      'confirmed by a vote as a special resolution needs. 2 of 3 votes cast were for (66.7%); it needed at least three quarters (75%) of the votes cast, so it was not passed.',
    );
  });
});

describe('committee meetings', { timeout: 180_000 }, () => {
  it('use the board and the board quorum, not the membership', async () => {
    // A neighbourhood group elects its board: the three officers. Board quorum: 2 or 50% of 3 = 2.
    const dir = await fixtureGroup({ kind: 'neighbourhood-group', form: 'unincorporated-association' });
    await addMembers(
      dir,
      Array.from({ length: 30 }, (_, i) => ({ name: `Neighbour ${i + 4}`, joined: '2024-03-01' })),
    );
    const special = await coop(call('committee', '2025-05-02', ['--special', 'x']), { cwd: dir });
    expect(special.exitCode).toBe(2);
    const r = await coop(call('committee', '2025-05-02', ['--resolution', 'To book the hall']), { cwd: dir });
    expect(r.exitCode, String(r.stderr)).toBe(0);
    const folder = join(dir, 'meetings', '2025-05-02-committee');
    const sheet = read(join(folder, 'attendance.md'));
    expect(sheet).toContain('| 2 | Ben Founder | secretary | |');
    expect(sheet).not.toContain('Neighbour');
    expect(read(join(folder, 'notice.md'))).toContain('2 must be present for the meeting to decide anything: the greater of 2 and one half (50%) of the 3 members of the board.');
    const notBoard = await coop(['meeting', 'attend', '2025-05-02', '4'], { cwd: dir });
    expect(notBoard.exitCode).toBe(1);
    expect(notBoard.stderr).toContain('is not on the board');
    await coop(['meeting', 'attend', '2025-05-02', '1', '2'], { cwd: dir });
    await coop(['meeting', 'vote', '2025-05-02', '1', '--for', '2', '--against', '0'], { cwd: dir });
    const out = JSON.parse(String((await coop(['meeting', 'close', '2025-05-02', '--json'], { cwd: dir })).stdout));
    expect(out.quorum).toEqual({ required: 2, present: 2, met: true });
    expect(out.resolutions[0].passed).toBe(true);
  });
});

describe('papers as files', { timeout: 180_000 }, () => {
  it('match the reviewed snapshots of a notice and minutes', async () => {
    const dir = await companyGroup(3);
    const hostile = 'Amend rule 3 | *all* <b>members</b> [x](y) # now';
    await coop(call('agm', '2025-06-20', ['--resolution', 'To receive the accounts', '--special', hostile, '--online', 'https://meet.example.org/a']), { cwd: dir });
    await coop(['meeting', 'attend', '2025-06-20', '1', '2', '3', '--proxy', '1=4', '--apologies', '5'], { cwd: dir });
    await coop(['meeting', 'vote', '2025-06-20', '1', '--for', '4', '--against', '0'], { cwd: dir });
    await coop(['meeting', 'vote', '2025-06-20', '2', '--for', '3', '--against', '1'], { cwd: dir });
    await coop(['meeting', 'close', '2025-06-20'], { cwd: dir });
    const folder = join(dir, 'meetings', '2025-06-20-agm');
    const notice = read(join(folder, 'notice.md'));
    const minutes = read(join(folder, 'minutes.md'));
    expect(notice).toContain(escapeMarkdown(hostile));
    expect(minutes).toContain(escapeMarkdown(hostile));
    await expect(notice).toMatchFileSnapshot('../snapshots/meeting/notice.md');
    await expect(read(join(folder, 'agenda.md'))).toMatchFileSnapshot('../snapshots/meeting/agenda.md');
    await expect(minutes).toMatchFileSnapshot('../snapshots/meeting/minutes.md');
  });
});
