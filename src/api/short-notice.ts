// Recording the members' consent to a meeting called at short notice (`coop meeting consent`):
// who agreed and when, checked against the register on the meeting date, and how much of the
// consent the rules need is now on record (core/meetings/short-notice.ts decides).

import { UsageError, UserError } from '../errors.js';
import { longDate } from '../core/dates.js';
import { parseDateFlag, parseNumberList } from '../core/meetings/input.js';
import { describeMeeting } from '../core/meetings/record.js';
import { decideShortNoticeConsent, describeShortNoticeRule, mergeConsents, shortNoticeRule, type ConsentDecision, type Consent } from '../core/meetings/short-notice.js';
import type { WriteOptions } from './group.js';
import { changeMeeting, openMeeting, recordFile, registerFor } from './meeting-context.js';
import type { MeetingRef } from './meetings.js';
import type { Recorded } from './record.js';
import { paramsInForce } from './rules-in-force.js';

export interface ConsentInput extends WriteOptions {
  /** Membership numbers of those who agreed: numbers, or lists and ranges such as "1-5,8". */
  members?: (number | string)[];
  /** Consents recorded by mistake: taken off. */
  remove?: (number | string)[];
  /** The day the consents were received (default today). */
  date?: string;
}

export interface ConsentRecorded extends MeetingRef {
  consents: Consent[];
  decision: ConsentDecision;
  /** Whose consent the rules need, in words. */
  rule: string;
}

export async function recordShortNoticeConsent(cwd: string, ref: string, input: ConsentInput): Promise<ConsentRecorded & Recorded> {
  const add = [...new Set((input.members ?? []).flatMap((n) => parseNumberList(n, 'Membership number')))];
  const remove = [...new Set((input.remove ?? []).flatMap((n) => parseNumberList(n, '--remove')))];
  if (add.length + remove.length === 0) throw new UsageError('Give the membership numbers of the members who agreed to short notice (e.g. 1-5,8), or --remove <numbers>.');
  const both = add.filter((n) => remove.includes(n));
  if (both.length > 0) throw new UsageError(`Member${both.length > 1 ? 's' : ''} ${both.join(', ')} cannot be both added and removed in one go.`);
  const date = input.date === undefined ? undefined : parseDateFlag(input.date, '--date');
  return changeMeeting(cwd, input, async ({ root, params: current, today }) => {
    const meeting = await openMeeting(root, ref, 'record consent to short notice');
    const what = describeMeeting(meeting);
    const sn = meeting.shortNotice;
    if (!sn) {
      throw new UserError(
        `${what.charAt(0).toUpperCase()}${what.slice(1)} was not called at short notice (it was called with the notice the rules require), so there is no consent to record. Nothing was changed.`,
      );
    }
    const received = date ?? today;
    if (received > today) throw new UserError(`--date ${received} is after today (${longDate(today)}): record consent once it has been received. Nothing was changed.`);
    const params = await paramsInForce(root, current, meeting.date);
    const register = registerFor(root, params, meeting.type, meeting.date, { current, today });
    const problems = add.map((n) => register.whyNot(n)).filter((w): w is string => w !== undefined);
    const onRecord = new Set((sn.consents ?? []).map((c) => c.member));
    for (const n of remove) if (!onRecord.has(n)) problems.push(`member ${n} has no consent on record, so there is nothing to remove`);
    if (problems.length > 0) {
      throw new UserError(`${what.charAt(0).toUpperCase()}${what.slice(1)}: no consent was recorded, because\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    }
    const consents = mergeConsents(sn.consents ?? [], add, remove, received);
    const rule = shortNoticeRule(params);
    const decision = decideShortNoticeConsent(
      rule,
      register.entitled,
      consents.map((c) => c.member),
    );
    const record = { ...meeting, shortNotice: { ...sn, consents } };
    return {
      changes: [recordFile(meeting.dir, record)],
      message: `Record consent to short notice for ${what}: ${decision.agreed.length} of ${decision.entitled} (${decision.needed} needed)`,
      result: { id: meeting.id, type: meeting.type, date: meeting.date, consents, decision, rule: describeShortNoticeRule(rule) },
    };
  });
}
