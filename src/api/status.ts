// `coop status`: the group at a glance — who it is, how many members, its share capital, its
// officers, and the next statutory deadlines for its legal form.

import type { IsoDate } from '../core/dates.js';
import type { OwedShares } from '../core/register/shares-owed.js';
import { nextAgmDue } from '../core/meetings/agm-due.js';
import { describeMeeting, heldAgmDates } from '../core/meetings/record.js';
import { consentsOnRecord, decideShortNoticeConsent, shortNoticeRule } from '../core/meetings/short-notice.js';
import type { CoopParams } from '../core/params.js';
import { statutoryDeadlines, type Deadline } from '../core/register/deadlines.js';
import { listMeetings, type StoredMeeting } from '../io/meetings.js';
import type { Form, Jurisdiction, Kind } from '../core/params.js';
import { openGroup, type CommonOptions } from './group.js';
import { registerFor } from './meeting-context.js';
import { paramsInForce } from './rules-in-force.js';
import { rulesStatus, type RulesNotice } from './rules-status.js';
import { todayStatus } from './today.js';

/** The shape of `coop status --json`: scripts rely on these names. */
export interface GroupStatus {
  name: string;
  kind: Kind;
  form: Form;
  jurisdiction: Jurisdiction;
  founded: IsoDate;
  today: IsoDate;
  /** The founding meeting is after today: members, shares and officers are as it will record them. */
  foundingAhead: boolean;
  /** Members today (as at the founding meeting while it is ahead). */
  members: number;
  /** Shares held by members today (0 where the group has no shares). */
  shares: number;
  /** Share capital today, in pence: shares held × nominal value. */
  shareCapital: number;
  officers: { role: string; member: number; name: string; since: IsoDate }[];
  /** Next deadlines, soonest first: the AGM and the filings the form requires. */
  deadlines: (Deadline & { overdue: boolean })[];
  /** The registration or incorporation recorded with `coop registered`, or null. */
  registered: { date: IsoDate; number: string } | null;
  /** Problems `coop check` would report in the register itself (run it for details). */
  registerProblems: number;
  /** Amendments under way (a company's filing deadline among them) and template upgrades. */
  rules: RulesNotice[];
  /** Shares withdrawn or given up on leaving and not yet paid for, oldest first. */
  sharesOwed: OwedShares[];
  /** A vacant secretary, a board below the rules' minimum: each with what to do. */
  warnings: string[];
}

export async function groupStatus(cwd: string, options: CommonOptions = {}): Promise<GroupStatus> {
  return (await statusOf(cwd, options, 'all')).status;
}

/**
 * The status, and how many debts for shares there are: with `owed` 'oldest', sharesOwed holds
 * only the oldest OWED_KEPT (what the printed status shows), read from a few kilobytes.
 */
export async function statusOf(cwd: string, options: CommonOptions, owed: 'all' | 'oldest'): Promise<{ status: GroupStatus; owedCount: number }> {
  const group = await openGroup(cwd, options);
  const { params, today } = group;
  const facts = todayStatus(group, owed);
  const record = facts.filings;
  const foundingAhead = params.group.founded > today;
  const { shares, officers } = facts;
  const meetings = await listMeetings(group.root);
  const agm = nextAgmDue(params, heldAgmDates(meetings));
  // Filings count from the recorded registration, each from the first period not yet filed;
  // the AGM comes from the meetings on record. Either kind, missed, shows as overdue.
  const deadlines = [{ what: 'Annual general meeting', due: agm.due, reason: agm.reason } as Deadline, ...statutoryDeadlines(params, record)]
    .map((d) => ({ ...d, overdue: d.due < today }))
    .sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0));
  const status: GroupStatus = {
    name: params.group.name,
    kind: params.group.kind,
    form: params.group.form,
    jurisdiction: params.group.jurisdiction,
    founded: params.group.founded,
    today,
    foundingAhead,
    members: facts.members,
    shares,
    shareCapital: shares * (params.shares?.nominalPence ?? 0),
    officers,
    deadlines,
    registered: record.registered,
    registerProblems: facts.registerProblems,
    rules: await rulesStatus(group.root, params, today),
    sharesOwed: facts.sharesOwed,
    warnings: [...facts.warnings, ...(await shortNoticeWarnings(group.root, params, today, meetings))],
  };
  return { status, owedCount: facts.owedCount };
}

/**
 * A meeting called at short notice is validly held only with the consent its rule needs; until
 * that is on record (and the meeting closed) the secretary is told, with what settles it.
 */
async function shortNoticeWarnings(root: string, current: CoopParams, today: IsoDate, meetings: readonly StoredMeeting[]): Promise<string[]> {
  const out: string[] = [];
  for (const meeting of meetings) {
    if (meeting.closed || !meeting.shortNotice) continue;
    const params = await paramsInForce(root, current, meeting.date);
    const register = registerFor(root, params, meeting.type, meeting.date, { current, today });
    const decision = decideShortNoticeConsent(shortNoticeRule(params), register.entitled, consentsOnRecord(meeting));
    if (decision.enough) continue;
    const what = describeMeeting(meeting);
    out.push(
      `${what.charAt(0).toUpperCase()}${what.slice(1)} was called at short notice and can be held only with the consent of ${decision.needed} of the ${decision.entitled} members entitled to attend and vote; ` +
        `consent is recorded from ${decision.agreed.length}. Record it with coop meeting consent ${meeting.id} <numbers>, or call the meeting again with full notice`,
    );
  }
  return out;
}
