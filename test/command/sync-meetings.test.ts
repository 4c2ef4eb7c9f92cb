// One meeting recorded on two computers (issue 14): attendance taken on one laptop, votes and
// consents on another. coop sync merges the record field by field; a real clash (one member
// present here and absent there, one resolution counted twice differently) and any change to
// a closed meeting are refused with the repository left exactly as it was; and after a plain
// `git merge` that left conflict markers, every coop command refuses instead of misreading.

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { coop, git, join, tempDir } from '../support/cli.js';
import { fixtureGroup } from '../support/fixture-group.js';
import { addMembers, callMeeting } from '../support/meeting-group.js';

const ID = '2025-06-10-general';
const RECORD = `meetings/${ID}/meeting.json`;

async function ok(dir: string, args: string[]) {
  const r = await coop(args, { cwd: dir });
  expect(r.exitCode, `${args.join(' ')}: ${r.stderr}${r.stdout}`).toBe(0);
  return r;
}

function record(dir: string) {
  return JSON.parse(readFileSync(join(dir, RECORD), 'utf8')) as {
    attendance: { present: number[]; apologies: number[]; proxies: unknown[] };
    votes: { resolution: number; for: number; against: number }[];
    shortNotice: { consents: { member: number; date: string }[] };
    closed: boolean;
  };
}

/** Everything a refusal must leave as it was: HEAD, a clean tree, no merge under way. */
async function untouched(dir: string, head: string) {
  expect(await git(dir, ['rev-parse', 'HEAD'])).toBe(head);
  expect(await git(dir, ['status', '--porcelain', '--untracked-files=no'])).toBe('');
  expect(existsSync(join(dir, '.git', 'MERGE_HEAD'))).toBe(false);
  expect(readFileSync(join(dir, RECORD), 'utf8')).not.toMatch(/^<<<<<<<|^>>>>>>>/m);
}

describe('a meeting recorded on two computers', { timeout: 120_000 }, () => {
  let hub: string;
  let a: string;
  let b: string;
  const clone = async (name: string) => {
    const dir = join(hub, '..', name);
    await git(join(hub, '..'), ['clone', '-q', hub, dir]);
    mkdirSync(join(dir, 'private'));
    writeFileSync(join(dir, 'private', 'contacts.jsonl'), '');
    return dir;
  };

  beforeAll(async () => {
    // Members 1–8; a general meeting at short notice, with two resolutions; 1–3 already recorded present.
    const origin = await fixtureGroup();
    await addMembers(
      origin,
      ['Dee', 'Eli', 'Fay', 'Gus', 'Hal'].map((n) => ({ name: `${n} Member`, joined: '2024-02-01' })),
      1,
    );
    await ok(origin, callMeeting('general', '2025-06-10', '2025-06-05', ['--short-notice', '--resolution', 'To paint the hall.', '--resolution', 'To buy a kettle.']));
    await ok(origin, ['meeting', 'attend', ID, '1', '2', '3']);
    hub = join(tempDir(), 'hub.git');
    await git(join(hub, '..'), ['clone', '-q', '--bare', origin, hub]);
    a = await clone('a');
    b = await clone('b');
  });

  it('attendance on one, votes and consents on the other: coop sync merges them, field by field', async () => {
    await ok(a, ['meeting', 'attend', ID, '4', '5', '--apologies', '6']);
    await ok(a, ['meeting', 'consent', ID, '1', '2', '--date', '2025-06-04']);
    await ok(b, ['meeting', 'vote', ID, '1', '--for', '3']);
    await ok(b, ['meeting', 'consent', ID, '3', '4', '--date', '2025-06-05']);
    await ok(a, ['sync']);
    const r = await ok(b, ['sync']);
    expect(r.stdout).toMatch(/Brought in 2 commits/);
    for (const dir of [b, a]) {
      if (dir === a) await ok(a, ['sync']);
      const m = record(dir);
      expect(m.attendance).toEqual({ present: [1, 2, 3, 4, 5], proxies: [], apologies: [6] });
      expect(m.votes).toEqual([{ resolution: 1, method: 'vote', for: 3, against: 0, abstain: 0 }]);
      expect(m.shortNotice.consents.map((c) => c.member)).toEqual([1, 2, 3, 4]);
      expect(await git(dir, ['status', '--porcelain', '--untracked-files=no'])).toBe('');
      expect((await coop(['check'], { cwd: dir })).exitCode).toBe(0);
    }
    // One merge commit, with both copies' commits as parents.
    expect((await git(b, ['log', '-1', '--format=%P', 'HEAD'])).split(' ')).toHaveLength(2);
  });

  it('the same member or resolution recorded differently: refused, both values and the commands shown, nothing changed', async () => {
    await ok(a, ['meeting', 'attend', ID, '7']);
    await ok(a, ['meeting', 'vote', ID, '2', '--for', '4', '--against', '1']);
    await ok(a, ['sync']);
    await ok(b, ['meeting', 'attend', ID, '--apologies', '7']);
    await ok(b, ['meeting', 'vote', ID, '2', '--for', '3', '--against', '2']);
    const head = await git(b, ['rev-parse', 'HEAD']);
    const r = await coop(['sync'], { cwd: b });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/member 7's attendance: here apologies; on origin\/main present/);
    expect(r.stderr).toMatch(/the vote on resolution 2: here 3 for, 2 against, 0 abstaining; on origin\/main 4 for, 1 against, 0 abstaining/);
    expect(r.stderr).toMatch(/Nothing was changed here: the merge was undone/);
    expect(r.stderr).toMatch(/all as recorded on origin\/main: coop sync --prefer remote/);
    expect(r.stderr).toMatch(/all as recorded on this copy: coop sync --prefer here/);
    expect(r.stderr).toMatch(new RegExp(`the vote on resolution 2, as here: coop meeting vote ${ID} 2 --for 3 --against 2 --abstain 0`));
    await untouched(b, head);
    // Settled as the message says: the officers agree origin's record was right.
    const settled = await ok(b, ['sync', '--prefer', 'remote']);
    expect(settled.stdout).toMatch(/Sent 3 commits/);
    const m = record(b);
    expect(m.attendance).toEqual({ present: [1, 2, 3, 4, 5, 7], proxies: [], apologies: [6] });
    expect(m.votes.map((v) => [v.resolution, v.for, v.against])).toEqual([
      [1, 3, 0],
      [2, 4, 1],
    ]);
    expect(await git(b, ['status', '--porcelain', '--untracked-files=no'])).toBe('');
  });

  it('closed on one copy while attendance was added on the other: refused, the meeting stays closed', async () => {
    await ok(a, ['sync']);
    await ok(a, ['meeting', 'consent', ID, '5-8', '--date', '2025-06-05']);
    await ok(a, ['meeting', 'close', ID, '--chair', '1']);
    await ok(a, ['sync']);
    await ok(b, ['meeting', 'attend', ID, '8']);
    const head = await git(b, ['rev-parse', 'HEAD']);
    const r = await coop(['sync'], { cwd: b });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`would change a meeting that is closed \\(meetings/${ID}\\).*git revert <commit>.*Nothing was changed here`, 's'));
    await untouched(b, head);
    expect(record(b).closed).toBe(false);
    // As the message says: undo the change here, then sync.
    await git(b, ['revert', '--no-edit', 'HEAD']);
    await ok(b, ['sync']);
    expect(record(b).closed).toBe(true);
    expect(record(b).attendance.present).not.toContain(8);

    // Changed after closing (by hand, pushed with plain git): the next coop sync elsewhere refuses it.
    const m = record(b);
    m.attendance.present.push(8);
    writeFileSync(join(b, RECORD), `${JSON.stringify(m, null, 2)}\n`);
    await git(b, ['commit', '-qam', 'Add member 8']);
    await git(b, ['push', '-q']);
    await ok(a, ['member', 'add', 'Ivy Member', '--joined', '2025-07-01']);
    const headA = await git(a, ['rev-parse', 'HEAD']);
    const after = await coop(['sync'], { cwd: a });
    expect(after.exitCode).toBe(1);
    expect(after.stderr).toMatch(new RegExp(`meetings/${ID}`));
    await untouched(a, headA);
    await git(b, ['reset', '-q', '--hard', 'HEAD~1']);
    await git(b, ['push', '-q', '--force']);
    await ok(a, ['sync']);
    await git(b, ['pull', '-q', '--no-rebase', '--no-edit']);
  });

  it('after a plain git merge left conflict markers, every coop command refuses, naming the files, until the merge is finished or aborted', async () => {
    // Both copies change the same lines by hand: the meeting's place, and a note at the end of coop.yml.
    for (const [dir, place] of [
      [a, 'The Annexe'],
      [b, 'The Barn'],
    ] as const) {
      writeFileSync(join(dir, RECORD), readFileSync(join(dir, RECORD), 'utf8').replace('"place": "The Hall"', `"place": "${place}"`));
      writeFileSync(join(dir, 'coop.yml'), `${readFileSync(join(dir, 'coop.yml'), 'utf8')}# Usual meeting place: ${place}\n`);
      await git(dir, ['commit', '-qam', `Meet in ${place}`]);
    }
    await git(a, ['push', '-q']);
    const pulled = await git(b, ['pull', '-q', '--no-rebase', '--no-edit']).catch((e: Error) => e);
    expect(pulled).toBeInstanceOf(Error);
    expect(readFileSync(join(b, RECORD), 'utf8')).toMatch(/^<<<<<<< /m);
    const commands = [['status'], ['meeting', 'list'], ['member', 'list'], ['register', '--json'], ['check'], ['member', 'add', 'Jo Member', '--joined', '2025-07-02'], ['sync']];
    for (const args of commands) {
      const r = await coop(args, { cwd: b });
      expect(r.exitCode, args.join(' ')).toBe(1);
      expect(r.stderr, args.join(' ')).toMatch(
        /A git merge is unfinished: coop\.yml \(line \d+\), meetings\/2025-06-10-general\/meeting\.json \(line \d+\) still have git's conflict markers/,
      );
      expect(r.stderr, args.join(' ')).toMatch(/Finish or abort the merge: git merge --abort/);
    }
    await git(b, ['merge', '--abort']);
    expect((await coop(['meeting', 'list'], { cwd: b })).exitCode).toBe(0);

    // The markers committed (git commit -a in the middle of the merge): still refused, never misread.
    await git(b, ['pull', '-q', '--no-rebase', '--no-edit']).catch(() => undefined);
    await git(b, ['commit', '-qam', 'Merge']);
    const merge = await git(b, ['rev-parse', 'HEAD']);
    const list = await coop(['meeting', 'list'], { cwd: b });
    expect(list.exitCode).toBe(1);
    expect(list.stderr).toMatch(/coop\.yml \(line \d+\) holds git's conflict markers .*a merge was committed before its conflicts were settled.*git checkout <commit> -- <file>/s);
    const check = await coop(['check'], { cwd: b });
    expect(check.exitCode).toBe(1);
    expect(`${check.stdout}${check.stderr}`).toMatch(/coop\.yml \(line \d+\) holds git's conflict markers/);
    // Put back as the other copy had it: the meeting record too is refused while it holds markers.
    await git(b, ['checkout', `${merge}^2`, '--', 'coop.yml']);
    await git(b, ['commit', '-qm', 'Keep the name as agreed']);
    const meetings = await coop(['meeting', 'list'], { cwd: b });
    expect(meetings.exitCode).toBe(1);
    expect(meetings.stderr).toMatch(/meetings\/2025-06-10-general\/meeting\.json \(line \d+\) holds git's conflict markers/);
    await git(b, ['checkout', `${merge}^1`, '--', RECORD]);
    await git(b, ['commit', '-qm', 'Keep the place as agreed']);
    expect((await coop(['meeting', 'list'], { cwd: b })).exitCode).toBe(0);
    const clean = await coop(['check'], { cwd: b });
    expect(clean.exitCode, `${clean.stdout}${clean.stderr}`).toBe(0);
    // The same for the register: a merge's markers committed into the ledger are named as such.
    const ledger = join(b, 'register', 'ledger.jsonl');
    const lines = readFileSync(ledger, 'utf8');
    writeFileSync(ledger, `${lines}<<<<<<< HEAD\n=======\n>>>>>>> origin/main\n`);
    await git(b, ['commit', '-qam', 'Merge with markers']);
    const members = await coop(['member', 'list'], { cwd: b });
    expect(members.exitCode).toBe(1);
    expect(members.stderr).toMatch(/register\/ledger\.jsonl \(line \d+\) holds git's conflict markers/);
    await git(b, ['reset', '-q', '--hard', 'HEAD^']);
  });
});
