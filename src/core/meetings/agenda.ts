// The business of a meeting, in agenda order. An AGM has the standard business for the group's
// legal form; every meeting then takes its resolutions, numbered 1, 2, … in the order given,
// and ends with other business of which notice was given.

import { addDays, longDate, yearEndOnOrBefore, type IsoDate } from '../dates.js';
import { isCompany, isSociety } from '../law.js';
import type { CoopParams } from '../params.js';
import type { Voter } from './entitled.js';
import { isStatutoryKind, statutoryLabel } from './special-business.js';
import type { MeetingType, Resolution } from './record.js';

export interface AgendaResolution {
  number: number;
  special: boolean;
  /** "Special resolution" or "Ordinary resolution" (or "Proposal" at a committee meeting). */
  label: string;
  text: string;
}

export interface AgendaItem {
  number: number;
  /** Our words: safe to print as they are. */
  title: string;
  note: string;
  /** People's names and details, printed through the Markdown escaper. */
  people: string[];
  resolution: AgendaResolution | null;
}

export interface AgendaInput {
  type: MeetingType;
  params: Pick<CoopParams, 'group' | 'board' | 'decisions' | 'shares'>;
  date: IsoDate;
  resolutions: readonly Resolution[];
  /** Directors retiring by rotation (AGM, elected-rotation board); empty otherwise. */
  retiring: readonly Voter[];
  quorumNote: string;
}

type Item = Omit<AgendaItem, 'number'>;
const item = (title: string, note = '', people: string[] = []): Item => ({ title, note, people, resolution: null });

export function resolutionLabel(type: MeetingType, r: Pick<Resolution, 'kind'>): string {
  if (type === 'committee') return 'Proposal';
  if (isStatutoryKind(r.kind)) return statutoryLabel(r.kind);
  return r.kind === 'special' ? 'Special resolution' : r.kind === 'audit-exemption' ? 'Resolution not to appoint auditors' : 'Ordinary resolution';
}

export function buildAgenda(input: AgendaInput): AgendaItem[] {
  const { type, params } = input;
  const chair = params.decisions.method === 'consensus' ? 'facilitator' : 'chair';
  const items: Item[] = [
    item(`Welcome: the ${chair} opens the meeting`, type === 'committee' ? '' : `The meeting chooses its ${chair} if the rules do not name one.`),
    item('Apologies for absence'),
    item('Quorum', input.quorumNote),
  ];
  if (type === 'committee') items.push(item('Declarations of interest', 'Anyone with a personal interest in an item says so now.'));
  if (type !== 'general') {
    items.push(item(`Minutes of the last ${type === 'agm' ? 'general' : 'committee'} meeting`, 'To approve them as a correct record, for the chair to sign.'));
    items.push(item('Matters arising from those minutes'));
  }
  if (type === 'agm') items.push(...agmBusiness(input));
  for (const r of input.resolutions) {
    const label = resolutionLabel(type, r);
    items.push({
      title: type === 'committee' ? `Proposal ${r.number}` : `Resolution ${r.number} (${label.toLowerCase()})`,
      note: '',
      people: [],
      resolution: { number: r.number, special: r.kind === 'special', label, text: r.text },
    });
  }
  items.push(
    item(type === 'committee' ? 'Any other business' : 'Other business of which notice has been given', type === 'committee' ? '' : 'Nothing else can be decided at this meeting.'),
  );
  return items.map((it, i) => ({ number: i + 1, ...it }));
}

function agmBusiness({ params, date, retiring }: AgendaInput): Item[] {
  const form = params.group.form;
  const yearEnd = lastYearEnd(params.group.financialYearEnd, date);
  const out: Item[] = [item('Annual report and accounts', `To receive the report and accounts for the year ended ${longDate(yearEnd)}.`)];
  if (isSociety(form)) {
    out.push(
      item(
        'Audit',
        'To appoint auditors for the coming year, or, where the society qualifies and its rules allow, to resolve not to have its accounts audited (Co-operative and Community Benefit Societies Act 2014).',
      ),
    );
  } else if (isCompany(form)) {
    out.push(item('Accounts and audit', 'To appoint accountants or auditors, or to note that the company is exempt from audit as a small company (Companies Act 2006).'));
  } else {
    out.push(item('Examination of the accounts', 'To appoint an independent examiner or auditor for next year’s accounts, as the constitution provides.'));
  }
  if (params.board.style === 'elected-rotation') {
    out.push(
      retiring.length > 0
        ? item(
            'Elections to the board',
            'One third of the board retires by rotation, longest in office first; those retiring may stand again. Retiring:',
            retiring.map((v) => `${v.name} (member ${v.number}${v.inOfficeSince ? `, in office since ${longDate(v.inOfficeSince)}` : ''})`),
          )
        : item('Elections to the board', 'No one is due to retire by rotation this year; any vacancies are filled.'),
    );
  } else {
    out.push(item('Officers', `Every member is on the board, so there is no election to it; the meeting confirms the officers (${params.board.roles.join(', ')}).`));
  }
  if (isSociety(form)) out.push(item('Application of profits', 'To decide how any surplus for the year is applied, as the rules provide.'));
  return out;
}

/** The year whose accounts an AGM receives: the last year end before the meeting day. */
function lastYearEnd(monthDay: string, date: IsoDate): IsoDate {
  return yearEndOnOrBefore(monthDay, addDays(date, -1));
}
