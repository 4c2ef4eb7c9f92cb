// Resolutions the law treats specially, and minutes that record the whole meeting, run from the
// built bin: removing a company director on special notice, a society's merger confirmed at a
// second meeting, the chair and the draft's notes carried into the minutes, and expulsion only
// with its special resolution on record.

import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { coop, join } from '../support/cli.js';
import { fixtureGroup } from '../support/fixture-group.js';
import { addMembers, callMeeting, companyGroup } from '../support/meeting-group.js';

const general = (date: string, noticeDate: string, extra: string[] = []) => callMeeting('general', date, noticeDate, extra);
const record = (dir: string, id: string) => JSON.parse(readFileSync(join(dir, 'meetings', id, 'meeting.json'), 'utf8'));
const paper = (dir: string, id: string, name: string) => readFileSync(join(dir, 'meetings', id, name), 'utf8');

describe('removing a company director (Companies Act 2006 s.168)', { timeout: 180_000 }, () => {
  it('checks special notice against the dates, says so in the notice, and passes by a majority at the meeting', async () => {
    const dir = await companyGroup(3);
    const missing = await coop(general('2025-06-23', '2025-05-26', ['--remove-director', '2']), { cwd: dir });
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toContain('--special-notice-received');

    const after = await coop(general('2025-06-23', '2025-05-20', ['--remove-director', '2', '--special-notice-received', '2025-05-25']), { cwd: dir });
    expect(after.exitCode).toBe(1);
    expect(after.stderr).toContain('after the notice of the meeting');

    const short = await coop(general('2025-06-22', '2025-05-26', ['--remove-director', '2', '--special-notice-received', '2025-05-25']), { cwd: dir });
    expect(short.exitCode).toBe(1);
    expect(short.stderr).toContain('27 clear days');
    expect(short.stderr).toContain('The earliest valid date is 23 June 2025 (--date 2025-06-23)');

    const notDirector = await coop(general('2025-06-23', '2025-05-26', ['--remove-director', '5', '--special-notice-received', '2025-05-25']), { cwd: dir });
    expect(notDirector.exitCode).toBe(1);
    expect(notDirector.stderr).toContain('Member 5 is not a director');

    const ok = await coop(general('2025-06-23', '2025-05-26', ['--remove-director', '2', '--special-notice-received', '2025-05-25', '--director-representations']), {
      cwd: dir,
    });
    expect(ok.exitCode, String(ok.stderr)).toBe(0);
    expect(ok.stderr).toContain('Send Ben Founder a copy of the special notice now');
    const id = '2025-06-23-general';
    const r = record(dir, id).resolutions[0];
    expect(r).toMatchObject({ number: 1, kind: 'director-removal', director: { member: 2, name: 'Ben Founder', specialNotice: '2025-05-25', representations: true } });
    const notice = paper(dir, id, 'notice.md');
    expect(notice).toContain('## Resolutions the law treats specially');
    expect(notice).toContain('Special notice of the intention to move it was received by the company on 25 May 2025, 28 clear days before the meeting');
    expect(notice).toContain(
      'Ben Founder is entitled to a copy of the special notice, to be heard on the resolution at the meeting, and to make written representations (Companies Act 2006, section 169)',
    );
    expect(notice).toContain('Ben Founder has made written representations');
    expect(notice).toContain('That Ben Founder be removed from office as a director of the company.');

    expect((await coop(['meeting', 'attend', '2025-06-23', '1-5'], { cwd: dir })).exitCode).toBe(0);
    expect((await coop(['meeting', 'vote', '2025-06-23', '1', '--for', '3', '--against', '2'], { cwd: dir })).exitCode).toBe(0);
    const closed = await coop(['meeting', 'close', '2025-06-23', '--json'], { cwd: dir });
    expect(closed.exitCode, String(closed.stderr)).toBe(0);
    expect(JSON.parse(String(closed.stdout)).resolutions[0]).toMatchObject({ kind: 'director-removal', passed: true });
    expect(closed.stderr).toContain('coop officer leave 2 --role director --date 2025-06-23');
    expect(paper(dir, id, 'minutes.md')).toContain('removing a director needs more than half of the votes cast');
  });

  it('is refused for a society, whose rules say how a board member is removed', async () => {
    const dir = await fixtureGroup();
    const r = await coop(general('2025-06-23', '2025-05-26', ['--remove-director', '2', '--special-notice-received', '2025-05-25']), { cwd: dir });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('this group is a co-operative-society');
  });
});

describe('a society’s merger: two meetings (2014 Act s.111)', { timeout: 180_000 }, () => {
  it('passes only when a second meeting in the window confirms it', async () => {
    const dir = await fixtureGroup();
    await addMembers(dir, [
      { name: 'Dee Member', joined: '2024-02-01' },
      { name: 'Eve Member', joined: '2024-02-01' },
      { name: 'Fay Member', joined: '2024-02-01' },
    ]);
    const first = await coop(general('2025-06-20', '2025-05-01', ['--merger', 'To transfer the engagements of the society to Other Co-op Limited']), { cwd: dir });
    expect(first.exitCode, String(first.stderr)).toBe(0);
    expect(paper(dir, '2025-06-20-general', 'notice.md')).toContain('a second general meeting held between 4 July 2025 and 20 July 2025');
    expect((await coop(['meeting', 'attend', '2025-06-20', '1-6'], { cwd: dir })).exitCode).toBe(0);
    // 4 of 6 voting: exactly two thirds, enough at the first meeting.
    expect((await coop(['meeting', 'vote', '2025-06-20', '1', '--for', '4', '--against', '2'], { cwd: dir })).exitCode).toBe(0);
    const closedFirst = await coop(['meeting', 'close', '2025-06-20', '--json'], { cwd: dir });
    expect(closedFirst.exitCode, String(closedFirst.stderr)).toBe(0);
    expect(JSON.parse(String(closedFirst.stdout)).resolutions[0]).toMatchObject({ kind: 'merger', passed: false, firstStage: true });
    expect(closedFirst.stderr).toContain('--confirm 2025-06-20-general');

    const early = await coop(general('2025-07-03', '2025-06-16', ['--confirm', '2025-06-20']), { cwd: dir });
    expect(early.exitCode).toBe(1);
    expect(early.stderr).toContain('between 4 July 2025 and 20 July 2025, not 3 July 2025');
    const late = await coop(general('2025-07-21', '2025-06-16', ['--confirm', '2025-06-20']), { cwd: dir });
    expect(late.exitCode).toBe(1);

    const second = await coop(general('2025-07-10', '2025-06-21', ['--confirm', '2025-06-20']), { cwd: dir });
    expect(second.exitCode, String(second.stderr)).toBe(0);
    const confirming = record(dir, '2025-07-10-general').resolutions[0];
    expect(confirming).toMatchObject({ kind: 'confirmation', confirms: { meeting: '2025-06-20-general', resolution: 1, kind: 'merger' } });
    expect((await coop(['meeting', 'attend', '2025-07-10', '1-4'], { cwd: dir })).exitCode).toBe(0);
    expect((await coop(['meeting', 'vote', '2025-07-10', '1', '--for', '3', '--against', '1'], { cwd: dir })).exitCode).toBe(0);
    const closedSecond = await coop(['meeting', 'close', '2025-07-10', '--json'], { cwd: dir });
    expect(closedSecond.exitCode, String(closedSecond.stderr)).toBe(0);
    expect(JSON.parse(String(closedSecond.stdout)).resolutions[0]).toMatchObject({ kind: 'confirmation', passed: true });
    expect(paper(dir, '2025-07-10-general', 'minutes.md')).toContain('is passed as a special resolution (Co-operative and Community Benefit Societies Act 2014, section 111)');
  });
});

describe('minutes of the whole meeting', { timeout: 180_000 }, () => {
  it('names the chair, lists each item, carries the draft’s notes, and refuses a chair who was not there', async () => {
    const dir = await fixtureGroup();
    expect((await coop(general('2025-06-20', '2025-05-01', ['--resolution', 'To open a bank account']), { cwd: dir })).exitCode).toBe(0);
    const id = '2025-06-20-general';
    const draftPath = join(dir, 'meetings', id, 'minutes-draft.md');
    const draft = readFileSync(draftPath, 'utf8')
      .replace('- **In attendance (not voting):** ______________________', '- **In attendance (not voting):** Gil Adviser, accountant')
      .replace(/(## 1\. [^\n]*\n[\s\S]*?)Notes: _+/, '$1Notes: The chair welcomed everyone and explained the fire exits.')
      .replace('For: ______ Against: ______ Abstain: ______ Result: ______________', 'For: 2 Against: 0 Abstain: 0 Result: passed');
    writeFileSync(draftPath, `${draft}\nAction: Ben to ask two banks for terms.\n`);
    expect((await coop(['meeting', 'attend', '2025-06-20', '1', '2'], { cwd: dir })).exitCode).toBe(0);
    expect((await coop(['meeting', 'vote', '2025-06-20', '1', '--for', '2'], { cwd: dir })).exitCode).toBe(0);

    const absent = await coop(['meeting', 'close', '2025-06-20', '--chair', '3'], { cwd: dir });
    expect(absent.exitCode).toBe(1);
    expect(absent.stderr).toContain('Member 3 is not recorded as present');
    expect(record(dir, id).closed).toBe(false);

    const closed = await coop(['meeting', 'close', '2025-06-20', '--chair', '1'], { cwd: dir });
    expect(closed.exitCode, String(closed.stderr)).toBe(0);
    expect(closed.stderr).toContain('vote counts written in the draft minutes (item');
    const minutes = paper(dir, id, 'minutes.md');
    expect(minutes).toContain('- **Chair:** Ada Founder (member 1)');
    expect(minutes).toContain('- **In attendance (not voting):** Gil Adviser, accountant');
    expect(minutes).toMatch(/### 1\. Welcome[^\n]*\n\nThe chair welcomed everyone and explained the fire exits\./);
    expect(minutes).toContain('### 2. Apologies for absence\n\nNo notes were recorded.');
    expect(minutes).toContain('Decided as recorded under resolution 1 below.');
    expect(minutes).toContain('Action: Ben to ask two banks for terms.');
    expect(minutes).not.toContain('For: 2 Against: 0 Abstain: 0 Result: passed');
    expect(record(dir, id).chair).toBe(1);
  });
});

describe('expelling a member', { timeout: 180_000 }, () => {
  it('is refused without a passed special resolution on record, and recorded with one', async () => {
    const dir = await fixtureGroup();
    await addMembers(dir, [{ name: 'Dee Member', joined: '2024-02-01' }]);
    const bare = await coop(['member', 'leave', '4', '--date', '2025-06-21', '--reason', 'expelled'], { cwd: dir });
    expect(bare.exitCode).toBe(1);
    expect(bare.stderr).toContain('only with the members');
    expect(
      (
        await coop(general('2025-06-20', '2025-05-01', ['--resolution', 'To thank the volunteers', '--special', 'That Dee Member (member 4) be expelled from the society']), {
          cwd: dir,
        })
      ).exitCode,
    ).toBe(0);
    const open = await coop(['member', 'leave', '4', '--date', '2025-06-21', '--reason', 'expelled', '--decision', '2025-06-20:2'], { cwd: dir });
    expect(open.exitCode).toBe(1);
    expect(open.stderr).toContain('is not closed yet');
    expect((await coop(['meeting', 'attend', '2025-06-20', '1-4'], { cwd: dir })).exitCode).toBe(0);
    expect((await coop(['meeting', 'vote', '2025-06-20', '1', '--for', '4'], { cwd: dir })).exitCode).toBe(0);
    expect((await coop(['meeting', 'vote', '2025-06-20', '2', '--for', '3', '--against', '1'], { cwd: dir })).exitCode).toBe(0);
    expect((await coop(['meeting', 'close', '2025-06-20'], { cwd: dir })).exitCode).toBe(0);
    const ordinary = await coop(['member', 'leave', '4', '--date', '2025-06-21', '--reason', 'expelled', '--decision', '2025-06-20:1'], { cwd: dir });
    expect(ordinary.exitCode).toBe(1);
    expect(ordinary.stderr).toContain('is not a special resolution');
    const ok = await coop(['member', 'leave', '4', '--date', '2025-06-21', '--reason', 'expelled', '--decision', '2025-06-20:2', '--json'], { cwd: dir });
    expect(ok.exitCode, String(ok.stderr)).toBe(0);
    expect(JSON.parse(String(ok.stdout)).decision).toEqual({ decision: '2025-06-20-general:2', warning: null });
    // Should they apply again, the secretary is told their former number and that they were expelled.
    const again = await coop(['member', 'add', 'Dee Member', '--joined', '2025-09-01'], { cwd: dir });
    expect(again.exitCode, String(again.stderr)).toBe(0);
    expect(again.stderr).toContain('their former number was 4');
    expect(again.stderr).toContain("They were expelled: check the rules' conditions");
  });
});
