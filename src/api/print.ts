// coop print: the paperwork people sign, post and pin up, as A4 PDF. Each paper is made from
// a record coop keeps (see core/print/papers.ts); this module finds the record, chooses where
// the PDF goes, and writes it. PDFs with addresses go under private/ (git-ignored) unless --out
// says otherwise; every other PDF goes to print/, which ignores itself.

import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { UsageError, UserError } from '../errors.js';
import { longDate, type IsoDate } from '../core/dates.js';
import { governingDocumentFile } from '../core/documents/governing.js';
import { currentMembers, deriveState, type Member } from '../core/ledger/derive.js';
import { findMeeting, meetingTitle } from '../core/meetings/record.js';
import { certificate, chooseLetters, noticeLetters, poster, recordPaper, recordsPaper, type LetterChoice } from '../core/print/papers.js';
import type { PrintDocument } from '../core/print/layout.js';
import { parseAsOf } from '../core/register/input.js';
import { registerMarkdown } from '../core/register/statutory-register.js';
import { writeFileAtomic } from '../io/atomic.js';
import { readContacts } from '../io/contacts-store.js';
import { isIgnored } from '../io/git.js';
import { PRIVATE_DIR } from '../io/group.js';
import { listMeetings, type StoredMeeting } from '../io/meetings.js';
import { memberAdmissions, openGroup, type CommonOptions, type GroupContext } from './group.js';
import { registerOf } from './register.js';

export const PRINTABLE = ['rules', 'notice', 'proxy-form', 'attendance', 'minutes', 'register', 'certificate', 'poster', 'founding'] as const;
export type Printable = (typeof PRINTABLE)[number];

/** Where prints go by default: a folder that ignores itself, so nothing printed is committed by accident. */
export const PRINT_DIR = 'print';
const PRIVATE_PRINT_DIR = `${PRIVATE_DIR}/print`;
const SELF_IGNORE = '# Written by coop print: printed papers are made from the records, so git keeps the records, not these.\n*\n';

export interface PrintOptions extends CommonOptions {
  /** The meeting (notice, proxy-form, attendance, minutes, poster) or member number (certificate). */
  target?: string;
  /** The file to write, instead of the default under print/ or private/print/. */
  out?: string;
  /** notice: one addressed letter per member served by post. */
  letters?: boolean;
  /** register, certificate: the date (default today). */
  asOf?: string;
  /** register: with private contact details (written under private/). */
  withContacts?: boolean;
}

export interface PrintResult {
  /** What was written; `copies` on a notice to print once for each letter and put behind it. */
  files: { path: string; pages: number; copies?: number }[];
  included: LetterChoice['included'];
  leftOut: LetterChoice['leftOut'];
  /** Said when a PDF with personal data was written outside private/ because --out said so. */
  warnings: string[];
}

interface Paper {
  doc: PrintDocument;
  /** File name under the default folder. */
  name: string;
  /** Holds addresses or other contact details. */
  personal: boolean;
  choice?: LetterChoice;
  /** Letters: the same letters as covering letters, and the notice to enclose, for a notice too long for the letter's page. */
  enclosed?: { doc: PrintDocument; notice: Paper };
}

export async function printPaper(cwd: string, what: string, options: PrintOptions = {}): Promise<PrintResult> {
  if (!(PRINTABLE as readonly string[]).includes(what)) throw new UsageError(`coop print does not know "${what}": choose one of ${PRINTABLE.join(', ')}.`);
  const group = await openGroup(cwd, options);
  const paper = await makePaper(group, what as Printable, options);
  const { path, warnings } = await destination(group, cwd, paper, options.out);
  const { typeset } = await import('../io/pdf.js');
  const files: PrintResult['files'] = [];
  const made = paper.enclosed ? await lettersPack(paper.doc, paper.enclosed, typeset) : { main: await typeset(paper.doc), enclosure: null };
  if (paper.enclosed && made.enclosure) {
    const notice = await destination(group, cwd, paper.enclosed.notice, undefined);
    writeFileAtomic(notice.path, made.enclosure.pdf);
    files.push({ path: relative(cwd, notice.path) || notice.path, pages: made.enclosure.pages, copies: paper.choice?.included.length ?? 0 });
  }
  mkdirSync(dirname(path), { recursive: true });
  writeFileAtomic(path, made.main.pdf);
  files.unshift({ path: relative(cwd, path) || path, pages: made.main.pages });
  return { files, included: paper.choice?.included ?? [], leftOut: paper.choice?.leftOut ?? [], warnings };
}

/**
 * Letters with the notice in full when every letter then fits its one page; otherwise covering
 * letters, and the notice typeset once to copy and enclose.
 */
async function lettersPack(inFull: PrintDocument, enclosed: NonNullable<Paper['enclosed']>, typeset: Typesetter) {
  const main = await inFullLetters(inFull, typeset);
  if (main) return { main, enclosure: null };
  return { main: await typeset(enclosed.doc), enclosure: await typeset(enclosed.notice.doc) };
}

type Typesetter = (doc: PrintDocument) => Promise<{ pdf: Uint8Array; pages: number }>;

/**
 * The letters with the notice in full, or undefined when a letter would run onto a second
 * page. First a trial: the letter to the member with the longest name, alone (the name is the
 * only part of a letter's flow that differs), so that a notice that cannot fit costs one page
 * of typesetting. Then, once typeset, every letter must have taken exactly one page: the pages
 * are the letters and the posting list's own.
 */
async function inFullLetters(doc: PrintDocument, typeset: Typesetter): Promise<{ pdf: Uint8Array; pages: number } | undefined> {
  const letters = doc.sections.filter((s) => s.window !== null);
  if (letters.length > 0) {
    const longest = letters.reduce((a, b) => (JSON.stringify(b.blocks).length > JSON.stringify(a.blocks).length ? b : a));
    if ((await typeset({ ...doc, sections: [longest] })).pages !== 1) return undefined;
  }
  const all = await typeset(doc);
  const list = await typeset({ ...doc, sections: doc.sections.filter((s) => s.window === null) });
  return all.pages === letters.length + list.pages ? all : undefined;
}

async function makePaper(group: GroupContext, what: Printable, options: PrintOptions): Promise<Paper> {
  const { params, root } = group;
  const org = params.group.name;
  switch (what) {
    case 'rules': {
      const file = governingDocumentFile(params.group.form);
      const footer = `${org} · ${file.title}, adopted ${longDate(params.group.founded)}`;
      return { doc: recordPaper(`${org}: ${file.title}`, footer, readRecord(root, file.path)), name: 'rules.pdf', personal: false };
    }
    case 'founding': {
      const file = governingDocumentFile(params.group.form);
      const parts = ['documents/founding-minutes.md', file.path, 'documents/next-steps.md'].filter((p, i) => i < 2 || existsSync(join(root, p)));
      return {
        doc: recordsPaper(
          `${org}: founding papers`,
          `${org} · founding papers`,
          parts.map((p) => readRecord(root, p)),
        ),
        name: 'founding.pdf',
        personal: false,
      };
    }
    case 'register': {
      // The same register `coop register` prints: every register the form keeps, as at the date.
      const register = await registerOf(group, { asOf: options.asOf, withContacts: options.withContacts });
      const asOf = register.asOf;
      const footer = `${org} · register as at ${longDate(asOf)}`;
      return { doc: recordPaper(`${org}: register ${asOf}`, footer, registerMarkdown(register)), name: `register-${asOf}.pdf`, personal: options.withContacts === true };
    }
    case 'certificate': {
      const number = memberNumber(options.target);
      const asOf = parseAsOf(options.asOf, group.today);
      const member = deriveState(group.events, { asOf }).state.members.get(number);
      if (!member) throw new UserError(`There is no member ${number} on the register as at ${longDate(asOf)}. Nothing was written.`);
      const doc = certificate({
        org,
        member,
        asOf,
        sharePence: params.shares ? params.shares.nominalPence : null,
        signatories: ['Signed for the group (secretary)', 'Signed (another officer)', 'Date'],
      });
      return { doc, name: `certificate-${number}.pdf`, personal: false };
    }
    default:
      return meetingPaper(group, what, options);
  }
}

async function meetingPaper(group: GroupContext, what: Exclude<Printable, 'rules' | 'founding' | 'register' | 'certificate'>, options: PrintOptions): Promise<Paper> {
  const { params, root } = group;
  const org = params.group.name;
  const meeting = await meetingNamed(root, options.target);
  const footer = `${org} · ${meetingTitle(meeting.type)}, ${longDate(meeting.date)}`;
  const id = meeting.dir.split('/').pop()!;
  if (options.letters && what !== 'notice') throw new UsageError('--letters goes with coop print notice only.');
  switch (what) {
    case 'notice': {
      const notice = readRecord(root, `${meeting.dir}/notice.md`);
      const plain: Paper = { doc: recordPaper(`Notice: ${meetingTitle(meeting.type)} ${meeting.date}`, footer, notice), name: `notice-${id}.pdf`, personal: false };
      if (!options.letters) return plain;
      const choice = chooseLetters(letterMembers(group, meeting));
      return {
        doc: noticeLetters(org, notice, meeting, choice, 'in-full'),
        name: `notice-letters-${id}.pdf`,
        personal: true,
        choice,
        enclosed: { doc: noticeLetters(org, notice, meeting, choice, 'enclosed'), notice: plain },
      };
    }
    case 'proxy-form': {
      const file = `${meeting.dir}/proxy-form.md`;
      if (!existsSync(join(root, file)))
        throw new UserError(`${meeting.dir} has no proxy form: proxies are not allowed at this meeting under the rules (coop.yml). Nothing was written.`);
      return { doc: recordPaper(`Proxy form: ${meeting.date}`, footer, readRecord(root, file)), name: `proxy-form-${id}.pdf`, personal: false };
    }
    case 'attendance':
      return { doc: recordPaper(`Attendance: ${meeting.date}`, footer, readRecord(root, `${meeting.dir}/attendance.md`)), name: `attendance-${id}.pdf`, personal: false };
    case 'minutes': {
      const file = meeting.closed && existsSync(join(root, meeting.dir, 'minutes.md')) ? 'minutes.md' : 'minutes-draft.md';
      return { doc: recordPaper(`Minutes: ${meeting.date}`, footer, readRecord(root, `${meeting.dir}/${file}`)), name: `${file.replace('.md', '')}-${id}.pdf`, personal: false };
    }
    case 'poster':
      return { doc: poster(org, meeting), name: `poster-${id}.pdf`, personal: false };
  }
}

/**
 * Members to be served the notice: those on the register when the letters are posted (today,
 * but not before the notice date nor after the meeting), with their address and how they have
 * asked to be sent notices (post unless they agreed to email).
 */
function letterMembers(group: GroupContext, meeting: StoredMeeting) {
  const asOf: IsoDate = [group.today < meeting.noticeDate ? meeting.noticeDate : group.today, meeting.date].sort()[0]!;
  const contacts = readContacts(group.root, memberAdmissions(group)).contacts;
  return currentMembers(deriveState(group.events, { asOf }).state).map((m: Member) => ({
    number: m.number,
    name: m.name,
    notices: m.notices,
    address: contacts.get(m.number)?.address,
  }));
}

async function meetingNamed(root: string, ref: string | undefined): Promise<StoredMeeting> {
  if (!ref) throw new UsageError('Say which meeting: its date (2027-06-10), or date and type (2027-06-10-agm). coop meeting list shows them.');
  const found = findMeeting(await listMeetings(root), ref);
  if (typeof found === 'string') throw new UserError(found);
  return found;
}

function memberNumber(text: string | undefined): number {
  if (!text || !/^\d{1,9}$/.test(text.trim()) || Number(text) < 1)
    throw new UsageError(`Say which member by membership number, e.g. coop print certificate 12${text ? ` ("${text}" is not one)` : ''}.`);
  return Number(text);
}

function readRecord(root: string, path: string): string {
  const full = join(root, path);
  if (!existsSync(full)) throw new UserError(`${path} is missing, so there is nothing to print. Restore it from git (git checkout -- ${path}). Nothing was written.`);
  return readFileSync(full, 'utf8');
}

/**
 * The default folder, or --out. A paper with contact details is only ever put under private/
 * by default; --out may put it elsewhere, and then a warning says it holds personal data.
 */
async function destination(group: GroupContext, cwd: string, paper: Paper, out: string | undefined): Promise<{ path: string; warnings: string[] }> {
  const { root } = group;
  if (out !== undefined) {
    const path = isAbsolute(out) ? out : resolve(cwd, out);
    if (existsSync(path))
      throw new UserError(`${out} already exists; coop never overwrites a file you named. Choose another name, or move the old one away first. Nothing was written.`);
    const inside = relative(root, path);
    const inPrivate = !inside.startsWith(`..`) && (inside === PRIVATE_DIR || inside.startsWith(`${PRIVATE_DIR}${sep}`));
    const warnings =
      paper.personal && !inPrivate
        ? [
            `${out} holds personal data (members' contact details). Keep it private: do not commit it, share it or leave it where others can read it, and delete it when you are done with it.`,
          ]
        : [];
    return { path, warnings };
  }
  if (paper.personal) {
    const rel = `${PRIVATE_PRINT_DIR}/${paper.name}`;
    if (group.git && !(await isIgnored(root, rel))) {
      throw new UserError(
        `git does not ignore ${PRIVATE_DIR}/, so a PDF of addresses written there could be committed. Add the line /private/ to the group’s .gitignore, then try again. Nothing was written.`,
      );
    }
    return { path: join(root, rel), warnings: [] };
  }
  const ignore = join(root, PRINT_DIR, '.gitignore');
  if (!existsSync(ignore)) {
    mkdirSync(join(root, PRINT_DIR), { recursive: true });
    writeFileAtomic(ignore, SELF_IGNORE);
  }
  return { path: join(root, PRINT_DIR, paper.name), warnings: [] };
}
