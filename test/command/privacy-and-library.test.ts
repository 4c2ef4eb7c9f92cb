import { describe, expect, it } from 'vitest';
import { coop, git, join, read } from '../support/cli.js';
import { fixtureGroup } from '../support/fixture-group.js';
import { commitCount, ledgerEvents } from '../support/register.js';

const PRIVATE = {
  emails: ['priya.sharma@riverside-mail.co.uk', 'zoe.obrien@riverside-mail.co.uk', 'ben.new@riverside-mail.co.uk'],
  addresses: ['9 Cedar Road, Nottingham NG7 1AB', '"The Old Forge", Station Road, Matlock', 'Flat 3\nMill Court\nDerby DE1 1AA'],
  phones: ['07700 900789', '+44 7700 900456'],
};

describe('personal data never enters git history', () => {
  it('after a scripted run setting emails, addresses and phones, git log -p --all shows none of them', async () => {
    const dir = await fixtureGroup();
    const steps: string[][] = [
      ['member', 'add', 'Priya Sharma', '--email', PRIVATE.emails[0]!, '--address', PRIVATE.addresses[0]!, '--phone', PRIVATE.phones[0]!],
      ['member', 'add', 'Zoë O’Brien', '--joined', '2024-06-01', '--email', PRIVATE.emails[1]!, '--json'],
      ['member', 'update', '5', '--address', PRIVATE.addresses[1]!, '--phone', PRIVATE.phones[1]!],
      ['member', 'update', '4', '--name', 'Priya Sharma-Jones', '--email', PRIVATE.emails[2]!],
      ['member', 'update', '1', '--address', PRIVATE.addresses[2]!],
      ['member', 'leave', '5', '--date', '2025-01-01', '--reason', 'resigned'],
    ];
    for (const step of steps) {
      const r = await coop(step, { cwd: dir });
      expect(r.exitCode, `${step.join(' ')}\n${r.stderr}`).toBe(0);
      for (const value of [...PRIVATE.emails, ...PRIVATE.addresses, ...PRIVATE.phones]) expect(r.stdout).not.toContain(value);
    }
    expect(await commitCount(dir)).toBe(5);
    const history = await git(dir, ['log', '-p', '--all']);
    for (const value of [...PRIVATE.emails, ...PRIVATE.addresses, ...PRIVATE.phones, 'Cedar Road', 'Old Forge', 'Mill Court', '900789']) {
      expect(history).not.toContain(value);
    }
    expect(await git(dir, ['ls-files'])).not.toMatch(/private/);
    const store = read(join(dir, 'private', 'contacts.jsonl'));
    for (const value of [...PRIVATE.emails, ...PRIVATE.phones]) expect(store).toContain(value);
    expect((await coop(['check'], { cwd: dir })).exitCode).toBe(0);
  });
});

describe('the library', () => {
  it('import { addMember, … } from "create-coop" does what the commands do', async () => {
    const lib = await import('create-coop');
    const dir = await fixtureGroup();
    const added = await lib.addMember(dir, { name: 'Library Member', joined: '2024-03-01', email: 'lib@example.net' });
    expect(added).toMatchObject({ number: 4, name: 'Library Member', joined: '2024-03-01', shares: 1, contacts: ['email'] });
    expect(added.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(await git(dir, ['log', '-1', '--format=%s'])).toBe('Admit member 4: Library Member');

    const unCommitted = await lib.appointOfficer(dir, 4, { role: 'chair', date: '2024-03-02', commit: false }).catch((e: Error) => e);
    expect(unCommitted).toBeInstanceOf(lib.UserError);
    expect((unCommitted as Error).message).toMatch(/held by member 1/);

    expect((await lib.listMembers(dir, { asOf: '2024-02-01' })).map((m) => m.number)).toEqual([1, 2, 3]);
    expect((await lib.showMember(dir, 4)).contact).toEqual({ email: 'lib@example.net' });
    expect(await lib.checkGroup(dir)).toEqual({ ok: true, problems: [] });
    const status = await lib.groupStatus(dir);
    expect(status).toMatchObject({ members: 4, shareCapital: 400 });
    const reg = await lib.registerAsOf(dir, { asOf: '2024-03-01' });
    expect(lib.registerMarkdown(reg)).toContain('Library Member');
    expect(ledgerEvents(dir)).toHaveLength(7);
  });
});
