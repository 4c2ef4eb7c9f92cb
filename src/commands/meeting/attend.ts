// coop meeting attend <meeting> <number>... [--proxy HOLDER=MEMBER]... [--apologies <number>...]
// Adds to the attendance on record: who is present, the proxies they hold, who sent apologies.
// Only those entitled to vote on the meeting date may be recorded, and proxies only as the
// rules allow them.

import { UsageError, UserError } from '../../errors.js';
import { decideQuorum, votersAllowed, type Proxy } from '../../core/meetings/counting.js';
import { whyNotEntitled } from '../../core/meetings/entitled.js';
import { describeMeeting, type MeetingRecord } from '../../core/meetings/record.js';
import { findGroupRoot } from '../../io/group.js';
import { loadParamsOn } from '../../api/rules-in-force.js';
import { withWriteLock } from '../../io/transaction.js';
import { apply, assess, capitalise, meetingRules, openMeeting, parseNumber, print, recordChange, registerFor, type CommonOptions } from './shared.js';

export interface MeetingAttendOptions extends CommonOptions {
  proxy?: string[];
  apologies?: string[];
}

export async function meetingAttend(ref: string, numbersArg: string[] | undefined, options: MeetingAttendOptions): Promise<void> {
  const present = unique((numbersArg ?? []).map((n) => parseNumber(n, 'Membership number')));
  const apologies = unique((options.apologies ?? []).map((n) => parseNumber(n, '--apologies')));
  const proxies = (options.proxy ?? []).map(parseProxy);
  if (present.length + apologies.length + proxies.length === 0) {
    throw new UsageError('Give the membership numbers of those present, and any --proxy HOLDER=MEMBER or --apologies <numbers>.');
  }
  const both = present.filter((n) => apologies.includes(n));
  if (both.length > 0) throw new UsageError(`Member${both.length > 1 ? 's' : ''} ${both.join(', ')} cannot be both present and sending apologies.`);

  const root = findGroupRoot(options.cwd ?? process.cwd());
  await withWriteLock(root, async () => {
    const meeting = openMeeting(root, ref, 'record attendance');
    // The rules in force on the meeting's date: an amendment registered later does not apply.
    const params = await loadParamsOn(root, meeting.date);
    const register = registerFor(root, params, meeting.type, meeting.date);
    const rules = meetingRules(params, meeting.type);

    const problems: string[] = [];
    const mentioned = unique([...present, ...apologies, ...proxies.flatMap((p) => [p.holder, p.member])]);
    for (const n of mentioned) {
      const why = register.entitled.has(n) ? undefined : whyNotEntitled(n, register.entitled, register.atDate, register.latest, meeting.type, meeting.date);
      if (why) problems.push(why);
    }
    if (proxies.length > 0 && !rules.proxies.allowed) {
      problems.push(
        meeting.type === 'committee'
          ? 'a committee meeting has no proxies: only members of the board present vote'
          : 'the rules do not allow proxies (coop.yml meetings.proxies.allowed is false)',
      );
    }
    if (problems.length > 0) throw new UserError(refusal(meeting, problems));

    const before = meeting.attendance;
    const presentAfter = new Set([...before.present, ...present]);
    const lateApology = apologies.filter((n) => presentAfter.has(n));
    if (lateApology.length > 0) {
      throw new UserError(refusal(meeting, lateApology.map((n) => `member ${n} is recorded as present, so cannot send apologies`)));
    }
    const known = new Set(before.proxies.map(key));
    const added = proxies.filter((p) => !known.has(key(p)));
    const attendance: MeetingRecord['attendance'] = {
      present: [...presentAfter].sort((a, b) => a - b),
      proxies: [...before.proxies, ...added],
      // Someone who sent apologies and then came is present, not absent.
      apologies: unique([...before.apologies, ...apologies]).filter((n) => !presentAfter.has(n)).sort((a, b) => a - b),
    };
    const record: MeetingRecord = { ...meeting, attendance };
    const assessed = assess(params, record, register);
    const refusedNew = assessed.refused.filter((r) => added.some((p) => p.holder === r.holder && p.member === r.member));
    if (refusedNew.length > 0) throw new UserError(refusal(meeting, refusedNew.map((r) => `proxy ${r.holder}=${r.member}: ${r.reason}`)));

    await apply(root, { changes: [recordChange(meeting.dir, record)], message: `Record attendance at ${describeMeeting(meeting)}` }, options);

    const quorum = decideQuorum(rules.quorum, register.voters.length, assessed, rules.proxies.countTowardsQuorum);
    if (options.json) {
      print(JSON.stringify({ id: meeting.id, ...attendance, voters: votersAllowed(assessed), quorum: { required: quorum.required, present: quorum.present, met: quorum.met } }, null, 2));
      return;
    }
    print(
      `Recorded at ${describeMeeting(meeting)}: ${assessed.present.length} present` +
        `${rules.proxies.allowed ? `, ${assessed.proxies.length} ${assessed.proxies.length === 1 ? 'proxy' : 'proxies'}` : ''}, ${attendance.apologies.length} ${attendance.apologies.length === 1 ? 'apology' : 'apologies'}.`,
    );
    print(`Quorum: ${quorum.required} needed, ${quorum.present} counted so far: ${quorum.met ? 'quorate' : 'not yet quorate'}.`);
    const unused = assessed.refused.filter((r) => !refusedNew.includes(r));
    for (const r of unused) print(`Note: proxy ${r.holder}=${r.member} is not used: ${r.reason}.`);
  });
}

function refusal(meeting: MeetingRecord, problems: string[]): string {
  return `${capitalise(describeMeeting(meeting))}: nothing was recorded, because\n${problems.map((p) => `  - ${p}`).join('\n')}`;
}

function parseProxy(text: string): Proxy {
  const m = /^\s*(\d{1,9})\s*=\s*(\d{1,9})\s*$/.exec(text);
  if (!m || Number(m[1]) < 1 || Number(m[2]) < 1) {
    throw new UsageError(`--proxy "${text}" should be HOLDER=MEMBER: the number of the member present who holds the proxy, then the number of the member who gave it, e.g. --proxy 4=17.`);
  }
  return { holder: Number(m[1]), member: Number(m[2]) };
}

function key(p: Proxy): string {
  return `${p.holder}=${p.member}`;
}

function unique(list: number[]): number[] {
  return [...new Set(list)];
}
