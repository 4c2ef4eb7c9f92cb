// Putting the resolutions the law treats specially on a meeting's notice, and reading the first
// meeting back when the second confirms it. The tests and numbers are in
// core/meetings/special-business.ts; this reads the register and the meetings on record for them.

import { UsageError, UserError } from '../errors.js';
import { longDate, type IsoDate } from '../core/dates.js';
import { CONVERSION_SOURCE, DIRECTOR_PROTEST_SOURCE, DIRECTOR_REMOVAL_SOURCE, MERGER_SOURCE, isCompany, isSociety } from '../core/law.js';
import { parseDateFlag, parseNumber, type ResolutionArg } from '../core/meetings/input.js';
import { findMeeting, type MeetingRecord, type MeetingType } from '../core/meetings/record.js';
import { checkConfirmationDate, checkSpecialNotice, confirmationWindow, isTwoMeetingKind } from '../core/meetings/special-business.js';
import type { CoopParams } from '../core/params.js';
import { listMeetings as readMeetings } from '../io/meetings.js';
import type { MeetingRegister } from './meeting-context.js';

export interface SpecialBusinessInput {
  /** A company: the membership number of the director to remove (Companies Act 2006 s.168). */
  removeDirector?: number | string;
  /** The day the company received special notice of the intention to move the removal (s.312). */
  specialNoticeReceived?: string;
  /** The director has made written representations that go out with the notice (s.169(3)). */
  directorRepresentations?: boolean;
  /** A society: the text of a resolution to amalgamate with, or transfer engagements to, another society (2014 Act ss.109–111). */
  merger?: string;
  /** A society: the text of a resolution to convert into, amalgamate with or transfer engagements to a company (ss.112–113). */
  conversion?: string;
  /** The first meeting whose two-meeting resolutions this meeting confirms: its date or id. */
  confirm?: string;
}

/** Refuses flags that cannot go together, before anything is read. */
export function checkSpecialBusinessFlags(type: MeetingType, input: SpecialBusinessInput): void {
  const any = input.removeDirector !== undefined || input.merger !== undefined || input.conversion !== undefined || input.confirm !== undefined;
  if (type === 'committee' && any) {
    throw new UsageError('--remove-director, --merger, --conversion and --confirm are resolutions of the members at a general meeting or AGM, not of a committee meeting.');
  }
  if (input.removeDirector === undefined && (input.specialNoticeReceived !== undefined || input.directorRepresentations)) {
    throw new UsageError('--special-notice-received and --director-representations go with --remove-director.');
  }
  if (input.removeDirector !== undefined && input.specialNoticeReceived === undefined) {
    throw new UsageError(
      `--remove-director needs --special-notice-received DATE: the day the company received notice of the intention to move the resolution (special notice, ${DIRECTOR_REMOVAL_SOURCE} and section 312).`,
    );
  }
}

export interface MeetingDates {
  type: MeetingType;
  date: IsoDate;
  noticeDate: IsoDate;
}

/** The resolutions these flags add, in order: removal, merger, conversion, then confirmations. */
export async function specialBusinessResolutions(
  root: string,
  params: CoopParams,
  register: MeetingRegister,
  input: SpecialBusinessInput,
  when: MeetingDates,
): Promise<ResolutionArg[]> {
  const out: ResolutionArg[] = [];
  const form = params.group.form;
  if (input.removeDirector !== undefined) {
    if (!isCompany(form)) {
      throw new UserError(
        `--remove-director is a company's removal of a director by ordinary resolution with special notice (${DIRECTOR_REMOVAL_SOURCE}); this group is a ${form}: its rules say how a board member is removed, so put that to the meeting with --resolution or --special. Nothing was changed.`,
      );
    }
    const member = parseNumber(input.removeDirector, '--remove-director');
    const received = parseDateFlag(String(input.specialNoticeReceived), '--special-notice-received');
    const director = register.board.find((v) => v.number === member);
    if (!director) {
      const why = register.whyNot(member);
      throw new UserError(
        `Member ${member} is not a director on ${longDate(when.date)}${why ? ` (${why})` : ''}, so there is no director to remove. The register of officers lists the board: coop officer list. Nothing was changed.`,
      );
    }
    checkSpecialNotice(received, when.noticeDate, when.date);
    out.push({
      kind: 'director-removal',
      text: `That ${director.name} be removed from office as a director of the company.`,
      director: { member, name: director.name, specialNotice: received, representations: Boolean(input.directorRepresentations) },
    });
  }
  for (const [flag, kind, text] of [
    ['--merger', 'merger', input.merger],
    ['--conversion', 'conversion', input.conversion],
  ] as const) {
    if (text === undefined) continue;
    if (!isSociety(form)) {
      throw new UserError(
        `${flag} is a registered society's special resolution (${kind === 'merger' ? MERGER_SOURCE : CONVERSION_SOURCE}); this group is a ${form}. Nothing was changed.`,
      );
    }
    out.push({ kind, text });
  }
  if (input.confirm !== undefined) out.push(...(await confirmingResolutions(root, params, input.confirm, when)));
  return out;
}

async function confirmingResolutions(root: string, params: CoopParams, ref: string, when: MeetingDates): Promise<ResolutionArg[]> {
  if (!isSociety(params.group.form))
    throw new UserError(`--confirm confirms a registered society's special resolution (${MERGER_SOURCE} or 113); this group is a ${params.group.form}. Nothing was changed.`);
  const found = findMeeting(await readMeetings(root), ref);
  if (typeof found === 'string') throw new UserError(`--confirm: ${found}`);
  const first: MeetingRecord = found;
  const twoMeeting = first.resolutions.filter((r) => isTwoMeetingKind(r.kind));
  if (first.type === 'committee' || twoMeeting.length === 0) {
    throw new UserError(`--confirm ${ref}: ${first.id} put no resolution to the members that needs a second meeting (--merger or --conversion). Nothing was changed.`);
  }
  for (const r of twoMeeting) if (isTwoMeetingKind(r.kind)) checkConfirmationDate(first.date, when.date, r.kind);
  // Once the first meeting is closed, only what reached its majority there can be confirmed.
  const open = first.closed ? twoMeeting.filter((r) => first.outcome?.resolutions.find((o) => o.number === r.number)?.firstStage === true) : twoMeeting;
  if (open.length === 0) {
    throw new UserError(`Nothing to confirm: no resolution of ${first.id} reached the majority the first meeting needs, so none can be confirmed. Nothing was changed.`);
  }
  return open.map((r) => ({
    kind: 'confirmation' as const,
    text: `That special resolution ${r.number} of the general meeting on ${longDate(first.date)}, “${r.text}”, be confirmed.`,
    confirms: { meeting: first.id, date: first.date, resolution: r.number, kind: r.kind as 'merger' | 'conversion' },
  }));
}

/** For closing a meeting: how each resolution its confirming resolutions confirm fared at the first meeting. */
export async function firstStagesFor(root: string, meeting: MeetingRecord): Promise<Map<number, { closed: boolean; firstStage: boolean } | undefined>> {
  const out = new Map<number, { closed: boolean; firstStage: boolean } | undefined>();
  const confirming = meeting.resolutions.filter((r) => r.confirms);
  if (confirming.length === 0) return out;
  const meetings = await readMeetings(root);
  for (const r of confirming) {
    const first = meetings.find((m) => m.id === r.confirms!.meeting);
    if (first && !first.closed) {
      throw new UserError(
        `Resolution ${r.number} confirms resolution ${r.confirms!.resolution} of ${first.id}, which is not closed yet: close that meeting first (coop meeting close ${first.id}), so its count is on record. Nothing was changed.`,
      );
    }
    const o = first?.outcome?.resolutions.find((x) => x.number === r.confirms!.resolution);
    out.set(r.number, first ? { closed: true, firstStage: o?.firstStage === true } : undefined);
  }
  return out;
}

/** After calling: what the secretary must do now (s.169(1): the director gets a copy of the special notice at once). */
export function specialBusinessNotesAtCall(added: readonly ResolutionArg[]): string[] {
  return added.flatMap((r) => (r.director ? [`Send ${r.director.name} a copy of the special notice now, if it has not been sent (${DIRECTOR_PROTEST_SOURCE}(1)).`] : []));
}

/** After closing: what to do next about each two-meeting resolution. */
export function specialBusinessNotesAtClose(meeting: MeetingRecord, outcome: MeetingRecord['outcome']): string[] {
  const notes: string[] = [];
  for (const o of outcome?.resolutions ?? []) {
    const director = meeting.resolutions.find((r) => r.number === o.number)?.director;
    if (o.kind === 'director-removal' && o.passed && director) {
      notes.push(
        `${director.name} was removed as a director: record the end of each office they held in the register of officers, e.g. coop officer leave ${director.member} --role director --date ${meeting.date}`,
      );
    }
    if (isTwoMeetingKind(o.kind) && o.firstStage) {
      const { from, to } = confirmationWindow(meeting.date);
      notes.push(
        `Resolution ${o.number} reached the first meeting's majority. It is passed only when confirmed at a second general meeting between ${longDate(from)} and ${longDate(to)}: coop meeting new general --date <date> --confirm ${meeting.id} …`,
      );
    }
  }
  return notes;
}
