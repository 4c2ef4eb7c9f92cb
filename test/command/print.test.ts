// coop print, end to end on one group of 300 members: the letters pack for a notice, the
// attendance sheet, the proxy form, a certificate, the rules, a poster; each PDF read back with a PDF text tool
// and compared with the record it was made from. Hostile names (markup in Typst, Handlebars,
// HTML, Markdown) must print as written, and PDFs with addresses stay out of git.

import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { addDays, longDate, todayInUk } from '../../dist/core/dates.js';
import { blocksText, markdownBlocks } from '../../dist/core/print/blocks.js';
import { DL_WINDOW } from '../../dist/core/print/layout.js';
import { coop, git } from '../support/cli.js';
import { fixtureGroup } from '../support/fixture-group.js';
import { addMembers } from '../support/meeting-group.js';
import { encodeEvent } from '../../src/core/ledger/events.js';
import { renderGoverningDocument } from '../../dist/io/render-governing.js';
import { loadParams } from '../../dist/io/group.js';
import { writeFileSync } from 'node:fs';
import { pdfPages, pdfPlacedText, solid } from '../support/pdf.js';

const HOSTILE = [
  '#set page(width: 1cm)',
  '{{x}}',
  '<b>Qxbold</b>',
  '\\x \\n Qxslash',
  '*Qxstar* _under_ `tick`',
  'Siân Ŵyn Ŷ',
  'Łukasz Wójcik',
  '[Qxlink](http://evil.example) | pipe',
  '=HYPERLINK("http://evil.example") Qxformula',
];
/** Member n's name: the hostile ones first, then names no other name contains. */
const nameOf = (n: number) => HOSTILE[n - 4] ?? `Aelod ${n}x`;
const addressOf = (n: number) => `${n} Heol y Bont, Aberystwyth, SY23 ${n}AA`;
/** 3 founders + 297 members, all with an address; the founders and the last 37 consented to notices by email: 260 letters, 40 left out. */
const MEMBERS = 300;
const BY_POST = (n: number) => n >= 4 && n <= 263;

let dir: string;
/** An AGM with a special resolution: a notice too long for the page under the address. */
let meeting: string;
/** A general meeting with one ordinary resolution: a notice that fits under the address. */
let general: string;
const json = async (args: string[]) => {
  const r = await coop([...args, '--json'], { cwd: dir });
  expect(r.stderr, `coop ${args.join(' ')}`).toBe('');
  expect(r.exitCode).toBe(0);
  return JSON.parse(String(r.stdout)) as {
    files: { path: string; pages: number; copies?: number }[];
    included: { number: number; name: string }[];
    leftOut: { number: number; name: string; reason: string }[];
  };
};

beforeAll(async () => {
  // Proxies allowed, so the meeting has a proxy form to print.
  dir = await fixtureGroup({
    founded: addDays(todayInUk(), -400),
    tweak: (p) => {
      p.meetings.proxies = { allowed: true, maxPerHolder: 2, countTowardsQuorum: true };
    },
  });
  await addMembers(
    dir,
    Array.from({ length: MEMBERS - 3 }, (_, i) => ({ name: nameOf(i + 4), joined: addDays(todayInUk(), -300) })),
    1,
  );
  const all = Array.from({ length: MEMBERS }, (_, i) => i + 1);
  mkdirSync(join(dir, 'private'), { recursive: true });
  appendFileSync(join(dir, 'private', 'contacts.jsonl'), all.map((n) => `${JSON.stringify({ member: n, address: addressOf(n), email: `m${n}@coop.example` })}\n`).join(''));
  // Consent to notices by email, as coop member update --notices email records it.
  const ledger = join(dir, 'register', 'ledger.jsonl');
  let seq = readFileSync(ledger, 'utf8').trim().split('\n').length;
  appendFileSync(
    ledger,
    all
      .filter((n) => !BY_POST(n))
      .map((n) => `${encodeEvent({ seq: ++seq, date: addDays(todayInUk(), -200), type: 'notices', member: n, method: 'email' })}\n`)
      .join(''),
  );
  await git(dir, ['commit', '-qam', 'Consent to notices by email']);
  // The fixture group has no governing document of its own: draft it as coop new would.
  const rules = renderGoverningDocument(await loadParams(dir));
  writeFileSync(join(dir, rules.path), rules.content);
  await git(dir, ['add', '-A']);
  await git(dir, ['commit', '-qm', 'Rules']);
  meeting = addDays(todayInUk(), 40);
  const r = await coop(['meeting', 'new', 'agm', '--date', meeting, '--time', '18:30', '--place', 'Neuadd y Pentref', '--special', 'Change the name to Ŷ Co-op Limited'], {
    cwd: dir,
  });
  expect(r.exitCode, String(r.stderr)).toBe(0);
  general = addDays(todayInUk(), 41);
  const g = await coop(['meeting', 'new', 'general', '--date', general, '--time', '19:00', '--place', 'Neuadd y Pentref', '--resolution', 'Buy a kettle'], { cwd: dir });
  expect(g.exitCode, String(g.stderr)).toBe(0);
}, 60_000);

const inWindow = (t: { x: number; y: number }) => t.x >= DL_WINDOW.x - 1 && t.x <= DL_WINDOW.x + DL_WINDOW.width && t.y >= DL_WINDOW.y - 1 && t.y <= DL_WINDOW.y + DL_WINDOW.height;

/** Each of the first 260 pages is one letter, to the member served by post in turn, addressed in the window; the pages after them are the posting list. */
function expectOneLetterAPage(placed: Awaited<ReturnType<typeof pdfPlacedText>>, included: { number: number }[]) {
  expect(included).toHaveLength(260);
  included.forEach((m, i) => {
    const page = placed[i]!;
    expect(page.filter(inWindow).map((t) => t.text.trim())).toEqual([nameOf(m.number), ...addressOf(m.number).split(', ')]);
    expect(page.filter((t) => t.text.startsWith('Dear ')).map((t) => t.text)).toEqual([`Dear ${nameOf(m.number)},`]);
  });
  const rest = placed.slice(included.length);
  expect(rest.length).toBeGreaterThan(0);
  expect(rest[0]!.map((t) => t.text).join(' ')).toMatch(/^Posting list/);
  for (const page of rest) expect(page.some((t) => t.text.startsWith('Dear '))).toBe(false);
}

describe('coop print notice --letters', () => {
  let out: Awaited<ReturnType<typeof json>>;
  let placed: Awaited<ReturnType<typeof pdfPlacedText>>;
  beforeAll(async () => {
    out = await json(['print', 'notice', meeting, '--letters']);
    placed = await pdfPlacedText(join(dir, out.files[0]!.path));
  }, 180_000);

  it('writes the letters under private/ for the 260 members served by post, leaves out the 40 who consented to email, and the notice to enclose under print/', () => {
    expect(out.files.map((f) => [f.path, f.copies])).toEqual([
      [`private/print/notice-letters-${meeting}-agm.pdf`, undefined],
      [`print/notice-${meeting}-agm.pdf`, 260],
    ]);
    expect(out.files[0]!.pages).toBe(placed.length);
    expect(out.included.map((m) => m.number)).toEqual(Array.from({ length: MEMBERS }, (_, i) => i + 1).filter(BY_POST));
    expect(out.leftOut).toHaveLength(40);
    expect(out.leftOut.every((m) => m.reason === 'agreed to notices by email')).toBe(true);
  });

  it('a notice too long for one page: each letter is one page, addressed in the window, a covering letter for the notice enclosed', () => {
    expectOneLetterAPage(placed, out.included);
    const record = JSON.parse(readFileSync(join(dir, 'meetings', `${meeting}-agm`, 'meeting.json'), 'utf8')) as { date: string; time: string; place: string };
    const covering = solid(
      `Annual General Meeting of Fixture Group Limited • Date: ${longDate(record.date)} • Time: ${record.time} (UK time) • Place: ${record.place} ` +
        'The notice of the meeting is enclosed. It is the formal notice: it sets out the business of the meeting, with the special resolution to be proposed in full.',
    );
    for (const page of placed.slice(0, 260)) expect(solid(page.map((t) => t.text).join(''))).toContain(covering);
  });

  it('the notice to enclose is the record word for word', async () => {
    const record = blocksText(markdownBlocks(readFileSync(join(dir, 'meetings', `${meeting}-agm`, 'notice.md'), 'utf8')));
    const pages = await pdfPages(join(dir, out.files[1]!.path));
    expect(out.files[1]!.pages).toBe(pages.length);
    const footer = new RegExp(`FixtureGroupLimited·AnnualGeneralMeeting,\\d+\\w+\\d{4}Page\\d+of${pages.length}`, 'g');
    expect(solid(pages.join('\n')).replace(footer, '')).toBe(solid(record));
  });

  it('a notice that fits: each one-page letter holds the notice in full, word for word, and nothing is enclosed', async () => {
    const short = await json(['print', 'notice', general, '--letters']);
    expect(short.files.map((f) => f.path)).toEqual([`private/print/notice-letters-${general}-general.pdf`]);
    const pages = await pdfPlacedText(join(dir, short.files[0]!.path));
    expectOneLetterAPage(pages, short.included);
    const record = solid(blocksText(markdownBlocks(readFileSync(join(dir, 'meetings', `${general}-general`, 'notice.md'), 'utf8'))));
    for (const page of pages.slice(0, 260)) expect(solid(page.map((t) => t.text).join(''))).toContain(record);
  }, 60_000);
});

describe('papers printed from their records', () => {
  it('attendance lists every member entitled to vote once, exactly as the record', async () => {
    const out = await json(['print', 'attendance', meeting]);
    expect(out.files[0]!.path).toBe(`print/attendance-${meeting}-agm.pdf`);
    // Each page has the footer, and each page after the first repeats the table's header.
    const running = new RegExp(
      `FixtureGroupLimited·AnnualGeneralMeeting,\\d+\\w+\\d{4}Page\\d+of${out.files[0]!.pages}(${solid('Number Name Notice served (how, when) Signature Proxy for (membership numbers)').replace(/[()]/g, '\\$&')})?`,
      'g',
    );
    const text = solid((await pdfPages(join(dir, out.files[0]!.path))).join('\n')).replace(running, '');
    const record = readFileSync(join(dir, 'meetings', `${meeting}-agm`, 'attendance.md'), 'utf8');
    expect(text).toBe(solid(blocksText(markdownBlocks(record))));
    for (let n = 1; n <= MEMBERS; n++) {
      const name = n <= 3 ? undefined : solid(nameOf(n));
      if (name) expect(text.split(name).length - 1, nameOf(n)).toBe(1);
    }
    for (const hostile of HOSTILE) expect(text).toContain(solid(hostile));
  }, 120_000);

  it('the proxy form is its record, word for word', async () => {
    const out = await json(['print', 'proxy-form', meeting]);
    expect(out.files[0]!.path).toBe(`print/proxy-form-${meeting}-agm.pdf`);
    const pages = await pdfPages(join(dir, out.files[0]!.path));
    const footer = new RegExp(`FixtureGroupLimited·AnnualGeneralMeeting,\\d+\\w+\\d{4}Page\\d+of${pages.length}`, 'g');
    const record = readFileSync(join(dir, 'meetings', `${meeting}-agm`, 'proxy-form.md'), 'utf8');
    expect(solid(pages.join('\n')).replace(footer, '')).toBe(solid(blocksText(markdownBlocks(record))));
    expect(record).toContain('Change the name to Ŷ Co-op Limited');
  });

  it('certificate 12 shows member 12’s holding as at today', async () => {
    const out = await json(['print', 'certificate', '12']);
    const [page, ...rest] = await pdfPages(join(dir, out.files[0]!.path));
    expect(rest).toEqual([]);
    expect(page).toContain('Share certificate');
    expect(page).toContain(nameOf(12));
    expect(page).toMatch(/membership number 12, is the registered holder of 1 fully paid share of £1\.00 each/);
  });

  it('the rules have numbered pages and the adoption date, and the text of RULES.md', async () => {
    const out = await json(['print', 'rules']);
    const pages = await pdfPages(join(dir, out.files[0]!.path));
    expect(pages.length).toBeGreaterThan(2);
    pages.forEach((p, i) => {
      expect(p).toContain(`Page ${i + 1} of ${pages.length}`);
    });
    expect(pages[0]).toMatch(/Rules, adopted \d{1,2} \w+ \d{4}/);
    const rules = readFileSync(join(dir, 'RULES.md'), 'utf8');
    const body = solid(pages.join('\n')).replace(new RegExp(`FixtureGroupLimited·Rules,adopted\\d+\\w+\\d{4}Page\\d+of${pages.length}`, 'g'), '');
    expect(body).toBe(solid(blocksText(markdownBlocks(rules))));
  });

  it('the draft minutes and the register say what their records say', async () => {
    const minutes = await json(['print', 'minutes', meeting]);
    expect(minutes.files[0]!.path).toBe(`print/minutes-draft-${meeting}-agm.pdf`);
    const pages = await pdfPages(join(dir, minutes.files[0]!.path));
    const footer = new RegExp(`FixtureGroupLimited·AnnualGeneralMeeting,\\d+\\w+\\d{4}Page\\d+of${pages.length}`, 'g');
    const record = readFileSync(join(dir, 'meetings', `${meeting}-agm`, 'minutes-draft.md'), 'utf8');
    expect(solid(pages.join('\n')).replace(footer, '')).toBe(solid(blocksText(markdownBlocks(record))));

    const register = await json(['print', 'register', '--as-of', todayInUk()]);
    expect(register.files[0]!.path).toBe(`print/register-${todayInUk()}.pdf`);
    const text = solid((await pdfPages(join(dir, register.files[0]!.path))).join('\n'));
    const markdown = String((await coop(['register', '--as-of', todayInUk()], { cwd: dir })).stdout);
    // Each page has the footer, and each page of a table after its first repeats its header.
    const running = new RegExp(
      `FixtureGroupLimited·registerasat\\d+\\w+\\d{4}Page\\d+of${register.files[0]!.pages}(${['No. Name Date entered Date ceased Shares held Amount paid Other property (loans, deposits)', 'Name Member no. Office Took office Left office'].map((h) => solid(h).replace(/[.()]/g, '\\$&')).join('|')})?`,
      'g',
    );
    expect(text.replace(running, '')).toBe(solid(blocksText(markdownBlocks(markdown))));
    expect(text).not.toMatch(/HeolyBont/);
  }, 120_000);

  it('the poster is one page about the meeting with no one’s name or address', async () => {
    const out = await json(['print', 'poster', meeting]);
    const pages = await pdfPages(join(dir, out.files[0]!.path));
    expect(pages).toHaveLength(1);
    expect(pages[0]).toContain('Neuadd y Pentref');
    expect(pages[0]).not.toMatch(/Heol y Bont|Aelod/);
  });
});

describe('privacy', () => {
  it('keeps prints out of git: print/ ignores itself, and git status stays clean', async () => {
    expect(existsSync(join(dir, 'print', '.gitignore'))).toBe(true);
    expect(await git(dir, ['status', '--porcelain'])).toBe('');
  });

  it('warns when --out puts addresses outside private/, and coop check finds them once the PDF is committed', async () => {
    const r = await coop(['print', 'register', '--with-contacts', '--out', 'register.pdf'], { cwd: dir });
    expect(r.exitCode).toBe(0);
    expect(String(r.stderr)).toMatch(/register\.pdf holds personal data/);
    expect((await coop(['check'], { cwd: dir })).exitCode).toBe(0);
    await git(dir, ['add', 'register.pdf']);
    await git(dir, ['commit', '-qm', 'a mistake']);
    const check = await coop(['check', '--json'], { cwd: dir });
    expect(check.exitCode).toBe(1);
    expect(String(check.stdout)).toMatch(/register\.pdf.*postal address of member 4\b/s);
    await git(dir, ['rm', '-q', 'register.pdf']);
    await git(dir, ['commit', '-qm', 'undo the mistake']);
  }, 60_000);

  it('never overwrites a file named with --out', async () => {
    const r = await coop(['print', 'rules', '--out', 'RULES.md'], { cwd: dir });
    expect(r.exitCode).toBe(1);
    expect(String(r.stderr)).toMatch(/already exists/);
  });
});
