// How notices reach each member: by post unless the member consented to email, with the
// date of that consent, recorded in the register (never the address) by add, update and import.

import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { coop, join } from '../support/cli.js';
import { fixtureGroup } from '../support/fixture-group.js';
import { contactsText, lastCommitMessage, ledgerEvents } from '../support/register.js';

const show = async (dir: string, n: number) => JSON.parse(String((await coop(['member', 'show', String(n), '--json'], { cwd: dir })).stdout));

describe('notices by email or post, per member', { timeout: 120_000 }, () => {
  it('add, update and import record consent with its date; post is the default', async () => {
    const dir = await fixtureGroup();
    expect(await show(dir, 1)).toMatchObject({ notices: 'post', noticesSince: null });

    const noEmail = await coop(['member', 'add', 'Dee Email', '--joined', '2024-03-01', '--notices', 'email'], { cwd: dir });
    expect(noEmail.exitCode).toBe(2);
    expect(noEmail.stderr).toContain('--notices email needs the email address');

    const added = await coop(['member', 'add', 'Dee Email', '--joined', '2024-03-01', '--email', 'dee@example.org', '--notices', 'email', '--json'], { cwd: dir });
    expect(added.exitCode, String(added.stderr)).toBe(0);
    expect(JSON.parse(String(added.stdout))).toMatchObject({ number: 4, notices: 'email', noticesSince: '2024-03-01' });
    const consent = ledgerEvents(dir).find((e) => e.type === 'notices');
    expect(consent).toEqual({ seq: expect.any(Number), date: '2024-03-01', type: 'notices', member: 4, method: 'email' });
    // The register (in git) records the consent; the address stays in the private store.
    expect(JSON.stringify(ledgerEvents(dir))).not.toContain('dee@example.org');
    expect(contactsText(dir)).toContain('dee@example.org');

    const noAddress = await coop(['member', 'update', '2', '--notices', 'email'], { cwd: dir });
    expect(noAddress.exitCode).toBe(2);
    expect(noAddress.stderr).toContain('has no email address on record');
    const consented = await coop(['member', 'update', '2', '--email', 'ben@example.org', '--notices', 'email', '--notices-date', '2024-04-02'], { cwd: dir });
    expect(consented.exitCode, String(consented.stderr)).toBe(0);
    expect(await show(dir, 2)).toMatchObject({ notices: 'email', noticesSince: '2024-04-02' });
    expect(await lastCommitMessage(dir)).toBe('Record that member 2 takes notices by email');
    const again = await coop(['member', 'update', '2', '--notices', 'email'], { cwd: dir });
    expect(again.exitCode).toBe(1);
    expect(again.stderr).toContain('already takes notices by email (since 2024-04-02)');
    const dropEmail = await coop(['member', 'update', '2', '--email', ''], { cwd: dir });
    expect(dropEmail.exitCode).toBe(1);
    expect(dropEmail.stderr).toContain('record --notices post first');
    const withdrawn = await coop(['member', 'update', '2', '--notices', 'post', '--notices-date', '2024-05-01'], { cwd: dir });
    expect(withdrawn.exitCode, String(withdrawn.stderr)).toBe(0);
    expect(await show(dir, 2)).toMatchObject({ notices: 'post', noticesSince: '2024-05-01' });

    const csv = join(dir, '..', 'members.csv');
    writeFileSync(
      csv,
      'Name,Date joined,Email,Email consent,Consent date\nEve Yes,2024-06-01,eve@example.org,yes,2024-06-03\nFay No,2024-06-01,fay@example.org,no,\nGus Blank,2024-06-01,,,\n',
    );
    const imported = await coop(['member', 'import', csv, '--json'], { cwd: dir });
    expect(imported.exitCode, String(imported.stderr)).toBe(0);
    expect(JSON.parse(String(imported.stdout)).members.map((m: { notices: string }) => m.notices)).toEqual(['email', 'post', 'post']);
    expect(await show(dir, 5)).toMatchObject({ name: 'Eve Yes', notices: 'email', noticesSince: '2024-06-03' });
    expect(await show(dir, 7)).toMatchObject({ notices: 'post', noticesSince: null });

    const bad = join(dir, '..', 'bad.csv');
    writeFileSync(bad, 'Name,Date joined,Email,Notices\nHal Nomail,2024-06-01,,email\n');
    const refused = await coop(['member', 'import', bad], { cwd: dir });
    expect(refused.exitCode).toBe(1);
    expect(refused.stderr).toContain('bad.csv:2: takes notices by email but gives no email address');
  });

  it('refuses --joined given empty, as other empty values are', async () => {
    const dir = await fixtureGroup();
    const r = await coop(['member', 'add', 'Empty Date', '--joined', ''], { cwd: dir });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('The date joined cannot be empty');
    expect(ledgerEvents(dir)).toHaveLength(6);
  });
});
