// What each printed paper holds. Records coop has written (notice, minutes, rules, register)
// are printed from their Markdown, so the PDF and the record cannot disagree; the papers that
// have no record of their own (letters, certificate, poster) are built here from the register
// and the meeting record, the same facts the records are made from.

import { longDate, type IsoDate } from '../dates.js';
import type { Member } from '../ledger/derive.js';
import { meetingTitle, type MeetingRecord } from '../meetings/record.js';
import { pounds } from '../register/statutory-register.js';
import { heading, markdownBlocks, para, type Block } from './blocks.js';
import { printDocument, windowAddress, type PrintDocument, type Section } from './layout.js';

/** One paper printed from one Markdown record. */
export function recordPaper(title: string, footer: string, markdown: string, numbered = true): PrintDocument {
  return printDocument({ title, footer, numbered, sections: [{ window: null, blocks: markdownBlocks(markdown) }] });
}

/** Several records one after another, each from a new page (the founding pack). */
export function recordsPaper(title: string, footer: string, markdowns: readonly string[]): PrintDocument {
  return printDocument({ title, footer, sections: markdowns.map((md) => ({ window: null, blocks: markdownBlocks(md) })) });
}

import type { NoticeMethod } from '../ledger/events.js';

export interface LetterMember {
  number: number;
  name: string;
  /** How the member takes notices: post unless they consented to email. */
  notices?: NoticeMethod;
  address?: string;
}

export interface LetterChoice {
  included: { number: number; name: string }[];
  leftOut: { number: number; name: string; reason: string }[];
}

/** Who gets a letter: every member served by post who has an address on file. */
export function chooseLetters(members: readonly LetterMember[]): LetterChoice & { letters: LetterMember[] } {
  const choice: LetterChoice & { letters: LetterMember[] } = { included: [], leftOut: [], letters: [] };
  for (const m of [...members].sort((a, b) => a.number - b.number)) {
    if ((m.notices ?? 'post') === 'email') choice.leftOut.push({ number: m.number, name: m.name, reason: 'agreed to notices by email' });
    else if (!m.address || m.address.trim() === '') choice.leftOut.push({ number: m.number, name: m.name, reason: 'no postal address on file (coop member update --address)' });
    else {
      choice.included.push({ number: m.number, name: m.name });
      choice.letters.push(m);
    }
  }
  return choice;
}

/**
 * How a letter carries the notice. "in-full": the notice is printed in the letter, below the
 * address, when all of it fits on that one page. "enclosed": the letter is a one-page covering
 * letter saying when and where the meeting is, and the notice itself, printed once, is copied
 * and put behind each letter. Either way every letter is one page, so a pack of letters can be
 * printed single-sided, folded and posted without sorting sheets.
 */
export type LetterForm = 'in-full' | 'enclosed';

type LetterMeeting = Pick<MeetingRecord, 'type' | 'date' | 'time' | 'place' | 'online' | 'noticeDate' | 'resolutions'>;

/**
 * The notice as letters, one page each: the member's name and address in the envelope window,
 * then the notice in full or a covering letter for it (see LetterForm); last, the posting list
 * to tick off.
 */
export function noticeLetters(org: string, noticeMarkdown: string, meeting: LetterMeeting, choice: ReturnType<typeof chooseLetters>, form: LetterForm): PrintDocument {
  const sections: Section[] = choice.letters.map((m) => ({
    window: windowAddress(m.name, m.address ?? ''),
    blocks: [para(`${longDate(meeting.noticeDate)} · membership number ${m.number}`), para(`Dear ${m.name},`)],
    common: true,
  }));
  const list: Block[] = [
    heading(1, `Posting list: ${meetingTitle(meeting.type)}, ${longDate(meeting.date)}`),
    para(`${choice.included.length} letters in this pack, in membership-number order, one page each.${form === 'enclosed' ? ' Put a copy of the notice behind each letter.' : ''}`),
  ];
  if (choice.included.length > 0)
    list.push({ t: 'table', head: [[['No.', '']], [['Name', '']], [['Posted', '']]], rows: choice.included.map((m) => [[[String(m.number), '']], [[m.name, '']], [['[ ]', '']]]) });
  if (choice.leftOut.length > 0) {
    list.push(heading(2, `No letter (${choice.leftOut.length})`));
    list.push({ t: 'table', head: [[['No.', '']], [['Name', '']], [['Why', '']]], rows: choice.leftOut.map((m) => [[[String(m.number), '']], [[m.name, '']], [[m.reason, '']]]) });
  }
  sections.push({ window: null, blocks: list });
  return printDocument({
    title: `Notice letters: ${meetingTitle(meeting.type)} ${meeting.date}`,
    footer: org,
    numbered: false,
    compact: true,
    tagged: false,
    sections,
    common: form === 'in-full' ? markdownBlocks(noticeMarkdown) : coveringLetter(org, meeting),
  });
}

/**
 * The body of a covering letter: what the meeting is, when and where, and that the notice (the
 * formal notice, with the business and any special resolution in full) is enclosed. It restates
 * only facts of the meeting record, so it cannot disagree with the notice.
 */
export function coveringLetter(org: string, meeting: LetterMeeting): Block[] {
  const specials = meeting.resolutions.filter((r) => r.kind === 'special').length;
  const title = meetingTitle(meeting.type);
  return [
    heading(1, `${title} of ${org}`),
    {
      t: 'list',
      ordered: false,
      start: 1,
      items: [
        [para(`Date: ${longDate(meeting.date)}`)],
        [para(`Time: ${meeting.time} (UK time)`)],
        [para(`Place: ${meeting.place}`)],
        ...(meeting.online ? [[para(`Online: ${meeting.online}`)]] : []),
      ],
    },
    para(
      `The notice of the meeting is enclosed. It is the formal notice: it sets out the business of the meeting${
        specials === 0 ? '' : specials === 1 ? ', with the special resolution to be proposed in full' : `, with the ${specials} special resolutions to be proposed in full`
      }. Please read it before the meeting.`,
    ),
    para('Yours sincerely,'),
    { t: 'sign', labels: [`Secretary, for and on behalf of ${org}`] },
  ];
}

export interface CertificateInput {
  org: string;
  member: Member;
  asOf: IsoDate;
  /** Nominal value of one share in pence; null where the group has no shares. */
  sharePence: number | null;
  /** The secretary's office, and a second signatory's, as the rules name them. */
  signatories: string[];
}

/** A share certificate (a group with shares) or a membership certificate, numbered by member and date. */
export function certificate({ org, member, asOf, sharePence, signatories }: CertificateInput): PrintDocument {
  const shares = sharePence !== null;
  const number = `${member.number}-${asOf.replaceAll('-', '')}`;
  const holding = shares
    ? `is the registered holder of ${member.shares} fully paid ${member.shares === 1 ? 'share' : 'shares'} of ${pounds(sharePence)} each (${pounds(member.shares * sharePence)} in all) in ${org}, as entered in the register of members on ${longDate(asOf)}.`
    : `is a member of ${org}, admitted on ${longDate(member.joined)}, as entered in the register of members on ${longDate(asOf)}.`;
  const blocks: Block[] = [
    heading(1, shares ? 'Share certificate' : 'Membership certificate'),
    para(org, 'b'),
    para(`Certificate number ${number}`),
    para('This is to certify that'),
    para(member.name, 'b'),
    para(`membership number ${member.number}, ${holding}`),
    ...(member.left ? [para(`This membership ended on ${longDate(member.left)}.`)] : []),
    { t: 'sign', labels: signatories },
  ];
  return printDocument({ title: `${shares ? 'Share' : 'Membership'} certificate ${number}`, footer: org, numbered: false, sections: [{ window: null, blocks }] });
}

/** A one-page public notice in large type: the meeting, not the members. */
export function poster(org: string, meeting: Pick<MeetingRecord, 'type' | 'date' | 'time' | 'place' | 'online'>): PrintDocument {
  const blocks: Block[] = [
    heading(1, meetingTitle(meeting.type)),
    para(org, 'b'),
    para(`${longDate(meeting.date)} at ${meeting.time}`),
    para(meeting.place),
    ...(meeting.online ? [para(`Online: ${meeting.online}`)] : []),
    para('All members are welcome. The notice, with the business of the meeting, is available from the secretary.'),
  ];
  return printDocument({ title: `${meetingTitle(meeting.type)} ${meeting.date}`, footer: null, numbered: false, poster: true, sections: [{ window: null, blocks }] });
}
