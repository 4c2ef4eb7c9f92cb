// A contact value typed into a public field is refused before it is committed (issue 18 item 4):
// every change goes through the one transaction path, which searches what it adds to tracked
// files for stored contact details and for anything that looks like an email or phone number.

import { appendFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { coop, existsSync, foundGroup, git, join, read } from '../support/cli.js';
import { fixtureGroup } from '../support/fixture-group.js';

const EMAIL = 'priya.sharma@riverside-mail.co.uk';
const PHONE = '07700 900789';
const ADDRESS = '9 Cedar Road, Nottingham NG7 1AB';

describe('a calendar file’s folded lines', () => {
  it('are read unfolded: a UID cut inside its domain is not taken for an email address', async () => {
    // This name puts the fold of the UID line (75 octets) between "inval" and "id".
    const dir = await foundGroup(['--name', 'Riverside Community Bakery Limited']);
    const r = await coop(['meeting', 'new', 'general', '--date', '2099-01-29', '--notice-date', '2098-12-01', '--time', '18:30', '--place', 'Hall'], { cwd: dir });
    expect(r.exitCode, String(r.stderr)).toBe(0);
    expect(read(join(dir, 'meetings', '2099-01-29-general', 'meeting.ics'))).toMatch(/UID:2099-01-29-general\.riverside-community-bakery-limited@create-coop\.inval\r?\n id/);
  });
});

describe('contact details typed into public text are refused before the commit', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await fixtureGroup();
    const r = await coop(['member', 'add', 'Priya Sharma', '--joined', '2024-03-01', '--email', EMAIL, '--phone', PHONE, '--address', ADDRESS], { cwd: dir });
    expect(r.exitCode, String(r.stderr)).toBe(0);
  });

  const refused: [string, string[], RegExp][] = [
    [
      'a stored phone number in a new member’s name',
      ['member', 'add', 'Sam Carer 07700900789'],
      /the phone number of member 4 \(077\*\* \*{4}89\): register\/(\w+\/)?ledger\.jsonl \(the new entry\)/,
    ],
    ['a stored address in a new name', ['member', 'update', '1', '--name', `Ada of ${ADDRESS}`], /the postal address of member 4 \(9\*\*\* C\*\*\* R\*\*\* …\)/],
    [
      'a stored address as a meeting place',
      ['meeting', 'new', 'general', '--date', '2024-06-20', '--time', '19:00', '--notice-date', '2024-05-01', '--place', ADDRESS],
      /the postal address of member 4 \(9\*\*\* C\*\*\* R\*\*\* …\): meetings\/2024-06-20-general\/\S+:\d+ and \d+ more places/,
    ],
    [
      'a stored email in a resolution (in other case)',
      [
        'meeting',
        'new',
        'general',
        '--date',
        '2024-06-20',
        '--time',
        '19:00',
        '--notice-date',
        '2024-05-01',
        '--place',
        'Village Hall',
        '--resolution',
        `To write to ${EMAIL.toUpperCase()}`,
      ],
      /the email address of member 4 \(p\*\*\*@r\*\*\*\.co\.uk\)/,
    ],
    [
      'a look-alike phone number nobody stored, in a written resolution',
      ['resolution', 'propose', 'ordinary', 'To ask the council to ring 0115 496 0000 about the lease', '--date', '2024-06-01'],
      /what looks like a phone number \(011\* \*\*\* \*\*00\): resolutions\//,
    ],
    [
      'a look-alike email nobody stored, in an agenda item',
      [
        'meeting',
        'new',
        'committee',
        '--date',
        '2024-06-20',
        '--time',
        '19:00',
        '--notice-date',
        '2024-06-10',
        '--place',
        'Village Hall',
        '--resolution',
        'To reply to jo@parish-council.gov.uk',
      ],
      /what looks like an email address \(j\*\*\*@p\*\*\*\.gov\.uk\)/,
    ],
  ];
  for (const [name, args, shown] of refused) {
    it(`refuses ${name}, masked, and changes nothing`, async () => {
      const head = await git(dir, ['rev-parse', 'HEAD']);
      const r = await coop(args, { cwd: dir });
      expect(r.exitCode, String(r.stdout)).toBe(1);
      expect(r.stderr).toMatch(/This would put contact details into git/);
      expect(r.stderr).toMatch(shown);
      expect(r.stderr).toMatch(/coop member update <number> --email/);
      expect(r.stderr).toMatch(/Nothing was changed\.$/m);
      for (const value of [EMAIL, EMAIL.toUpperCase(), PHONE, '07700900789', ADDRESS, 'Cedar Road', '0115 496 0000', 'jo@parish-council']) expect(r.stderr).not.toContain(value);
      expect(await git(dir, ['rev-parse', 'HEAD'])).toBe(head);
      expect(await git(dir, ['status', '--porcelain'])).toBe('');
    });
  }

  it('lets the same change through once the contact detail is taken out', async () => {
    const r = await coop(
      [
        'meeting',
        'new',
        'general',
        '--date',
        '2024-06-20',
        '--time',
        '19:00',
        '--notice-date',
        '2024-05-01',
        '--place',
        'Village Hall',
        '--resolution',
        'To write to Priya Sharma (member 4)',
      ],
      { cwd: dir },
    );
    expect(r.exitCode, String(r.stderr)).toBe(0);
  });

  it('does not block a change to a file that already held one (coop check reports that)', async () => {
    // Put there by hand and committed: the guard judges only what a change adds.
    const minutes = join(dir, 'meetings', '2024-06-20-general', 'agenda.md');
    appendFileSync(minutes, `\nCall Priya on ${PHONE}.\n`);
    await git(dir, ['commit', '-qam', 'A note by hand']);
    const check = await coop(['check'], { cwd: dir });
    expect(check.exitCode).toBe(1);
    expect(String(check.stdout) + String(check.stderr)).toMatch(/agenda\.md:\d+: contains the phone number of member 4/);
    const r = await coop(['meeting', 'attend', '2024-06-20', '1-4'], { cwd: dir });
    expect(r.exitCode, String(r.stderr)).toBe(0);
  });
});

describe('founding', () => {
  it('refuses a founder whose name holds a phone number, before anything is written', async () => {
    const parent = (await foundGroup()).replace(/\/group$/, '');
    const r = await coop(['new', '--yes', '--founder', 'Ada Lovelace 07700 900123', '--founder', 'Ben Bo', '--founder', 'Cai Cy', join(parent, 'second')], { cwd: parent });
    expect(r.exitCode).not.toBe(0);
    expect(r.stderr).toMatch(/what looks like a phone number \(077\*\* \*\*\*\*23\)/);
    expect(r.stderr).not.toContain('07700 900123');
    expect(existsSync(join(parent, 'second'))).toBe(false);
  });

  it('refuses a founder’s home address typed as the area it serves, naming whose it is', async () => {
    const parent = (await foundGroup()).replace(/\/group$/, '');
    const home = '9 Cedar Road, Nottingham NG7 1AB';
    const r = await coop(
      ['new', '--yes', '--founder', `Ada Lovelace <ada@mailbox.org>; ${home}`, '--founder', 'Ben Bo', '--founder', 'Cai Cy', '--area', home, join(parent, 'third')],
      {
        cwd: parent,
      },
    );
    expect(r.exitCode).not.toBe(0);
    expect(r.stderr).toMatch(/the postal address of member 1 \(9\*\*\* C\*\*\* R\*\*\* …\)/);
    expect(r.stderr).not.toContain(home);
    expect(existsSync(join(parent, 'third'))).toBe(false);
  });

  it('lets a founder’s home be the registered office, which the law makes public', async () => {
    const home = '9 Cedar Road, Nottingham NG7 1AB';
    const dir = await foundGroup(['--founder', `Ada Lovelace <ada@mailbox.org>; ${home}`, '--founder', 'Ben Bo', '--founder', 'Cai Cy', '--office', home]);
    expect(read(join(dir, 'coop.yml'))).toContain(home);
    expect((await coop(['check'], { cwd: dir })).exitCode).toBe(0);
  });

  it('knows the registered office however its case and punctuation are written', async () => {
    const home = '9 Cedar Road, Nottingham NG7 1AB';
    const office = '9 CEDAR ROAD NOTTINGHAM, NG7-1AB';
    const dir = await foundGroup(['--founder', `Ada Lovelace <ada@mailbox.org>; ${home}`, '--founder', 'Ben Bo', '--founder', 'Cai Cy', '--office', office]);
    expect(read(join(dir, 'coop.yml'))).toContain(office);
    const r = await coop(['check'], { cwd: dir });
    expect(r.exitCode, String(r.stderr)).toBe(0);
  });
});
