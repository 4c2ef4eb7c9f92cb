// coop print, end to end on one group of 300 members: the letters pack for a notice, the
// attendance sheet, a certificate, the rules, a poster; each PDF read back with a PDF text tool
// and compared with the record it was made from. Hostile names (markup in Typst, Handlebars,
// HTML, Markdown) must print as written, and PDFs with addresses stay out of git.

import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayInUk } from '../../dist/core/dates.js';
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

const HOSTILE = ['#set page(width: 1cm)', '{{x}}', '<b>Qxbold</b>', '\\x \\n Qxslash', '*Qxstar* _under_ `tick`', 'Siân Ŵyn Ŷ', 'Łukasz Wójcik'];
/** Member n's name: the hostile ones first, then names no other name contains. */
const nameOf = (n: number) => HOSTILE[n - 4] ?? `Aelod ${n}x`;
const addressOf = (n: number) => `${n} Heol y Bont, Aberystwyth, SY23 ${n}AA`;
/** 3 founders + 297 members, all with an address; the founders and the last 37 consented to notices by email: 260 letters, 40 left out. */
const MEMBERS = 300;
const BY_POST = (n: number) => n >= 4 && n <= 263;

let dir: string;
let meeting: string;
const json = async (args: string[]) => {
  const r = await coop([...args, '--json'], { cwd: dir });
  expect(r.stderr, `coop ${args.join(' ')}`).toBe('');
  expect(r.exitCode).toBe(0);
  return JSON.parse(String(r.stdout)) as {
    files: { path: string; pages: number }[];
    included: { number: number; name: string }[];
    leftOut: { number: number; name: string; reason: string }[];
  };
};

beforeAll(async () => {
  dir = await fixtureGroup({ founded: addDays(todayInUk(), -400) });
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
}, 60_000);

describe('coop print notice --letters', () => {
  let out: Awaited<ReturnType<typeof json>>;
  let placed: Awaited<ReturnType<typeof pdfPlacedText>>;
  beforeAll(async () => {
    out = await json(['print', 'notice', meeting, '--letters']);
    placed = await pdfPlacedText(join(dir, out.files[0]!.path));
  }, 180_000);

  it('writes one PDF under private/ with a letter for each of the 260 members served by post, and leaves out the 40 who consented to email', () => {
    expect(out.files).toHaveLength(1);
    expect(out.files[0]!.path).toBe(`private/print/notice-letters-${meeting}-agm.pdf`);
    expect(out.files[0]!.pages).toBe(placed.length);
    expect(out.included.map((m) => m.number)).toEqual(Array.from({ length: MEMBERS }, (_, i) => i + 1).filter(BY_POST));
    expect(out.leftOut).toHaveLength(40);
    expect(out.leftOut.every((m) => m.reason === 'agreed to notices by email')).toBe(true);
  });

  it('starts each letter on its own page with the name and address, as written, in the envelope window', () => {
    const inWindow = (t: { x: number; y: number }) =>
      t.x >= DL_WINDOW.x - 1 && t.x <= DL_WINDOW.x + DL_WINDOW.width && t.y >= DL_WINDOW.y - 1 && t.y <= DL_WINDOW.y + DL_WINDOW.height;
    // A letter's first page is the one that greets the member; a long notice runs on overleaf.
    const firstPages = placed.filter((page) => page.some((t) => t.text.startsWith('Dear ')));
    expect(firstPages).toHaveLength(260);
    firstPages.forEach((page, i) => {
      const m = out.included[i]!;
      expect(page.filter(inWindow).map((t) => t.text.trim())).toEqual([nameOf(m.number), ...addressOf(m.number).split(', ')]);
      expect(page.some((t) => t.text === `Dear ${nameOf(m.number)},`)).toBe(true);
    });
  });

  it('prints the notice in each letter, word for word as the record', async () => {
    const record = blocksText(markdownBlocks(readFileSync(join(dir, 'meetings', `${meeting}-agm`, 'notice.md'), 'utf8')));
    const pages = placed.map((page) => page.map((t) => t.text).join('\n'));
    const second = placed.findIndex((p, i) => i > 0 && p.some((t) => t.text.startsWith('Dear ')));
    const first = solid(pages.slice(0, second).join('\n')).replaceAll(solid('Fixture Group Limited'), '');
    expect(first).toContain(solid(record).replaceAll(solid('Fixture Group Limited'), ''));
  });
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
    // Each page has the footer, and each page of a table after its first repeats the header.
    const running = new RegExp(
      `FixtureGroupLimited·registerasat\\d+\\w+\\d{4}Page\\d+of${register.files[0]!.pages}(${solid('No. Name Date entered Date ceased Shares held Amount paid Other property (loans, deposits)').replace(/[.()]/g, '\\$&')})?`,
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
