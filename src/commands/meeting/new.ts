// coop meeting new <agm|general|committee>: checks the notice period, then writes the meeting's
// folder (record, notice, agenda, proxy form, attendance sheet, draft minutes, calendar file)
// and commits it as one change.

import { callMeeting, type CalledMeeting, type ResolutionArg } from '../../api/meetings.js';
import { describeMeeting } from '../../core/meetings/record.js';
import { note, print, printJson } from '../../io/output.js';
import type { CommonOptions } from './shared.js';

export type { ResolutionArg } from '../../api/meetings.js';

export interface MeetingNewOptions extends CommonOptions {
  date: string;
  time: string;
  place: string;
  online?: string;
  noticeDate?: string;
  byPost?: boolean;
  resolution?: (string | ResolutionArg)[];
  special?: (string | ResolutionArg)[];
  shortNotice?: boolean;
  /** --short-notice-consent: members whose consent is in hand. */
  shortNoticeConsent?: string[];
  /** --amendment: a proposed amendment's id, its special resolution put on the notice in full. */
  amendment?: string;
  auditExemption?: boolean;
  /** Resolutions the law treats specially (api/special-business.ts). */
  removeDirector?: string;
  specialNoticeReceived?: string;
  directorRepresentations?: boolean;
  merger?: string;
  conversion?: string;
  confirm?: string;
  /** The moment the papers are made (the calendar file's DTSTAMP); now when omitted. */
  now?: Date;
}

export async function meetingNew(typeArg: string, options: MeetingNewOptions): Promise<void> {
  const { cwd = process.cwd(), json, resolution: _r, special: _s, ...input } = options;
  const r = await callMeeting(cwd, { ...input, type: typeArg, resolutions: resolutionList(options) });
  for (const n of r.notes) note(n);
  if (json) {
    printJson({ ...r.record, dir: r.dir, files: r.files, quorum: r.quorum });
    return;
  }
  report(r);
}

/** --resolution and --special in the order typed: from the CLI both options hold the same list; called directly, two lists. */
function resolutionList(options: MeetingNewOptions): ResolutionArg[] {
  const shared = options.resolution !== undefined && options.resolution === options.special;
  const typed = shared ? (options.resolution ?? []) : [...(options.resolution ?? []), ...(options.special ?? [])];
  return typed.map((r, i) => (typeof r === 'string' ? { kind: i < (options.resolution?.length ?? 0) ? 'ordinary' : 'special', text: r } : r));
}

function report(r: CalledMeeting): void {
  const { record, dir, files, notice, quorum } = r;
  print(`Called ${describeMeeting(record)} at ${record.time}, ${record.place}.`);
  print(`Papers in ${dir}/: ${files.join(', ')}`);
  if (notice) {
    print(
      record.shortNotice
        ? `Short notice: ${record.shortNotice.given} clear days (the rules require ${record.shortNotice.required}); at least ${record.shortNotice.consentMembers} of ${record.shortNotice.entitledMembers} members must consent` +
            `, ${record.shortNotice.consents?.length ?? 0} on record${(record.shortNotice.consents?.length ?? 0) < record.shortNotice.consentMembers ? ` (record the rest with: coop meeting consent ${record.date} <numbers>)` : ''}.`
        : `Notice: ${notice.given} clear days (the rules require ${notice.required}).`,
    );
  }
  print(`Quorum: ${quorum.required} of the ${quorum.entitled} ${record.type === 'committee' ? 'members of the board' : 'members entitled to vote'}.`);
  if (record.resolutions.length > 0) print(`Resolutions: ${record.resolutions.map((r) => `${r.number} (${r.kind})`).join(', ')}.`);
  print(
    `Next: send the notice${r.proxyForm ? ' and proxy form' : ''} to every ${record.type === 'committee' ? 'member of the board' : 'member'}; at the meeting, record who came with: coop meeting attend ${record.date} <numbers>`,
  );
}
