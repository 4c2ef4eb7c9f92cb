// Several officers, one register: clones of one group on different laptops, a hub they push to,
// and the ways a copy can go wrong — an older checkout, a copy behind the hub, hand edits, a
// clone without the private store. One hub and its clones are shared by the tests in order.

import { readFileSync, writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { coop, git, join, read, tempDir } from '../support/cli.js';
import { fixtureGroup } from '../support/fixture-group.js';
import { gitStatus, json } from '../support/register.js';

/** A bare hub made from a fixture group, and a fresh clone of it (no private store, as git clones). */
async function hubAndClone(): Promise<{ origin: string; hub: string; clone: (name: string) => Promise<string> }> {
  const origin = await fixtureGroup();
  const parent = tempDir();
  const hub = join(parent, 'hub.git');
  await git(parent, ['clone', '-q', '--bare', origin, hub]);
  await git(origin, ['remote', 'add', 'origin', hub]);
  await git(origin, ['fetch', '-q', 'origin']);
  await git(origin, ['branch', '-q', '--set-upstream-to=origin/main']);
  return {
    origin,
    hub,
    clone: async (name) => {
      const dir = join(parent, name);
      await git(parent, ['clone', '-q', hub, dir]);
      return dir;
    },
  };
}

describe('a copy a change may not go on', () => {
  let origin: string;
  let clone: (name: string) => Promise<string>;
  beforeAll(async () => {
    ({ origin, clone } = await hubAndClone());
  });

  it('refuses a change on a detached HEAD, and one behind the hub, changing nothing', async () => {
    const laptop = await clone('laptop');
    writeFileSync(join(laptop, 'private-notes.txt'), 'x');
    await git(laptop, ['checkout', '-q', '--detach', 'HEAD']);
    const detached = await coop(['member', 'add', 'Dee Tached', '--joined', '2024-02-01'], { cwd: laptop });
    expect(detached.exitCode).toBe(1);
    expect(detached.stderr).toMatch(/detached HEAD.*git switch main.*Nothing was changed\./s);
    await git(laptop, ['switch', '-q', 'main']);

    // The origin moves on and pushes; the laptop has fetched but not merged.
    expect((await coop(['member', 'add', 'Eve Ahead', '--joined', '2024-02-01'], { cwd: origin })).exitCode).toBe(0);
    await git(origin, ['push', '-q', 'origin', 'main']);
    await git(laptop, ['fetch', '-q']);
    const behind = await coop(['member', 'add', 'Fin Behind', '--joined', '2024-02-02'], { cwd: laptop });
    expect(behind.exitCode).toBe(1);
    expect(behind.stderr).toMatch(/1 commit behind origin\/main.*git pull.*Nothing was changed\./s);
    expect(await git(laptop, ['status', '--porcelain'])).toBe('?? private-notes.txt');
    await git(laptop, ['merge', '-q', '--ff-only']);
    expect((await coop(['member', 'add', 'Fin Behind', '--joined', '2024-02-02'], { cwd: laptop })).stdout).toBe('5');
  });

  it('refuses to commit over uncommitted edits of coop.yml or of a committed ledger line, but not over its own --no-commit lines', async () => {
    const dir = await fixtureGroup();
    const yml = join(dir, 'coop.yml');
    const rules = read(yml);
    writeFileSync(yml, rules.replace(/maximumHolding: \d+/, 'maximumHolding: 7'));
    const r = await coop(['shares', 'issue', '1', '5', '--date', '2024-02-01'], { cwd: dir });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/coop\.yml has uncommitted edits of your own.*Nothing was changed\./s);
    writeFileSync(yml, rules);

    const ledger = join(dir, 'register', 'ledger.jsonl');
    const lines = read(ledger);
    writeFileSync(ledger, lines.replace('"name":"Ben Founder"', '"name":"Ben Renamed"'));
    const edited = await coop(['member', 'add', 'Fay', '--joined', '2024-02-01'], { cwd: dir });
    expect(edited.exitCode).toBe(1);
    expect(edited.stderr).toMatch(/register\/ledger\.jsonl has uncommitted edits of your own/);
    writeFileSync(ledger, lines);

    expect((await coop(['member', 'add', 'Gus', '--joined', '2024-02-01', '--no-commit'], { cwd: dir })).exitCode).toBe(0);
    expect((await coop(['member', 'add', 'Hal', '--joined', '2024-02-01'], { cwd: dir })).exitCode).toBe(0);
    expect(await gitStatus(dir)).toBe('');
  });
});

describe('coop check finds what was lost', () => {
  it('reports a ledger line deleted or edited since git committed it, and a deletion that was committed', async () => {
    const dir = await fixtureGroup();
    for (const name of ['Ivy', 'Jo', 'Kit']) await coop(['member', 'add', name, '--joined', '2024-02-01'], { cwd: dir });
    const ledger = join(dir, 'register', 'ledger.jsonl');
    const lines = read(ledger).split('\n');
    // Line 7 (Ivy's admission) deleted: the file still reads, and derives without complaint.
    writeFileSync(ledger, lines.filter((_, i) => i !== 6).join('\n'));
    const deleted = json(await coop(['check', '--json'], { cwd: dir }));
    expect(deleted.problems).toContainEqual({ where: 'register/ledger.jsonl:7', message: expect.stringMatching(/^differs from what git committed .*"name":"Ivy".*git restore register\/ledger\.jsonl$/) });
    await git(dir, ['commit', '-qam', 'Lose a line']);
    const committed = json(await coop(['check', '--json'], { cwd: dir }));
    expect(committed.problems).toEqual([
      { where: 'register/ledger.jsonl:7', message: expect.stringMatching(/^has seq 8, but the entry before has 6: the entry with seq 7 is missing/) },
    ]);
  });
});

describe('the private store in a copy that lacks it, or holds another checkout’s details', () => {
  it('says the store is missing: check reports it, member show says so, register --with-contacts refuses', async () => {
    const { clone, origin } = await hubAndClone();
    expect((await coop(['member', 'add', 'Lou', '--joined', '2024-02-01', '--email', 'lou@mail.test.invalid'], { cwd: origin })).exitCode).toBe(0);
    await git(origin, ['push', '-q', 'origin', 'main']);
    const laptop = await clone('no-private');
    const check = json(await coop(['check', '--json'], { cwd: laptop }));
    expect(check.problems).toEqual([{ where: 'private/contacts.jsonl', message: expect.stringMatching(/^is missing: .*Hand it over/) }]);
    const show = await coop(['member', 'show', '4'], { cwd: laptop });
    expect(show.stdout).toMatch(/Contacts: private\/contacts\.jsonl is not in this copy/);
    expect(json(await coop(['member', 'show', '4', '--json'], { cwd: laptop })).contactsMissing).toBe(true);
    const register = await coop(['register', '--with-contacts'], { cwd: laptop });
    expect(register.exitCode).toBe(1);
    expect(register.stderr).toMatch(/private\/contacts\.jsonl is not in this copy.*Nothing was written\./s);
  });

  it('never joins details given on another branch to the member who has that number here', async () => {
    const dir = await fixtureGroup();
    await git(dir, ['switch', '-q', '-c', 'elsewhere']);
    expect((await coop(['member', 'add', 'Mo Elsewhere', '--joined', '2024-02-01', '--email', 'mo@elsewhere.test'], { cwd: dir })).stdout).toBe('4');
    await git(dir, ['switch', '-q', 'main']);
    expect((await coop(['member', 'add', 'Nia Here', '--joined', '2024-02-01'], { cwd: dir })).stdout).toBe('4');
    const shown = json(await coop(['member', 'show', '4', '--json'], { cwd: dir }));
    expect([shown.name, shown.contact]).toEqual(['Nia Here', {}]);
    const check = json(await coop(['check', '--json'], { cwd: dir }));
    expect(check.problems).toEqual([
      { where: 'private/contacts.jsonl', message: expect.stringMatching(/^holds contact details given for member 4 at an admission that is not in this register .*coop member update 4$/) },
    ]);
    // Details given for Nia herself are hers.
    expect((await coop(['member', 'update', '4', '--phone', '07700 900123'], { cwd: dir })).exitCode).toBe(0);
    expect(json(await coop(['member', 'show', '4', '--json'], { cwd: dir })).contact).toEqual({ phone: '07700 900123' });
    expect(readFileSync(join(dir, 'private', 'contacts.jsonl'), 'utf8')).toMatch(/^\{"member":4,"of":"[0-9a-f]{14}","email":"mo@elsewhere\.test"\}\n\{"member":4,"of":"[0-9a-f]{14}","phone":"07700 900123"\}\n$/);
  });
});
