// Several officers, one register: clones of one group on different laptops, a hub they push to,
// and the ways a copy can go wrong — an older checkout, a copy behind the hub, hand edits, a
// clone without the private store. One hub and its clones are shared by the tests in order.

import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { coop, git, join, read, tempDir } from '../support/cli.js';
import { fixtureGroup, type FixtureOptions } from '../support/fixture-group.js';
import { gitStatus, json, ledgerStreams } from '../support/register.js';

/** A bare hub made from a fixture group, and a fresh clone of it (no private store, as git clones). */
async function hubAndClone(options: FixtureOptions = {}): Promise<{ origin: string; hub: string; clone: (name: string) => Promise<string> }> {
  const origin = await fixtureGroup(options);
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
      // Each officer's laptop has its own private store (coop new makes one; git does not copy it).
      mkdirSync(join(dir, 'private'));
      writeFileSync(join(dir, 'private', 'contacts.jsonl'), '');
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
    // In this copy's own stream: Jo's admission deleted, and the file still reads.
    const stream = `register/${ledgerStreams(dir)[0]}/ledger.jsonl`;
    const mine = read(join(dir, stream));
    writeFileSync(
      join(dir, stream),
      mine
        .split('\n')
        .filter((_, i) => i !== 1)
        .join('\n'),
    );
    const deleted = json(await coop(['check', '--json'], { cwd: dir }));
    expect(deleted.problems).toContainEqual({
      where: `${stream}:2`,
      message: expect.stringMatching(new RegExp(`^differs from what git committed .*"name":"Jo".*git restore ${stream}$`)),
    });
    writeFileSync(join(dir, stream), mine);
    // In the founders' ledger: the appointment of the chair (seq 4) deleted, then committed.
    const ledger = join(dir, 'register', 'ledger.jsonl');
    writeFileSync(
      ledger,
      read(ledger)
        .split('\n')
        .filter((_, i) => i !== 3)
        .join('\n'),
    );
    expect(json(await coop(['check', '--json'], { cwd: dir })).problems).toContainEqual({
      where: 'register/ledger.jsonl:4',
      message: expect.stringMatching(/^differs from what git committed/),
    });
    await git(dir, ['commit', '-qam', 'Lose a line']);
    const committed = json(await coop(['check', '--json'], { cwd: dir }));
    expect(committed.problems).toContainEqual({
      where: 'register/ledger.jsonl:4',
      message: expect.stringMatching(/^has seq 5, but the entry before has 3: the entry with seq 4 is missing/),
    });
  });
});

describe('the private store in a copy that lacks it, or holds another checkout’s details', () => {
  it('says the store is missing: check reports it, member show says so, register --with-contacts refuses', async () => {
    const { clone, origin } = await hubAndClone();
    expect((await coop(['member', 'add', 'Lou', '--joined', '2024-02-01', '--email', 'lou@mail.test.invalid'], { cwd: origin })).exitCode).toBe(0);
    await git(origin, ['push', '-q', 'origin', 'main']);
    const laptop = await clone('no-private');
    rmSync(join(laptop, 'private'), { recursive: true });
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
      {
        where: 'private/contacts.jsonl',
        message: expect.stringMatching(/^holds contact details given for member 4 at an admission that is not in this register .*coop member update 4$/),
      },
    ]);
    // Details given for Nia herself are hers.
    expect((await coop(['member', 'update', '4', '--phone', '07700 900123'], { cwd: dir })).exitCode).toBe(0);
    expect(json(await coop(['member', 'show', '4', '--json'], { cwd: dir })).contact).toEqual({ phone: '07700 900123' });
    expect(readFileSync(join(dir, 'private', 'contacts.jsonl'), 'utf8')).toMatch(
      /^\{"member":4,"of":"[0-9a-f]{14}","email":"mo@elsewhere\.test","at":"[0-9T:.Z-]+"\}\n\{"member":4,"of":"[0-9a-f]{14}","phone":"07700 900123","at":"[0-9T:.Z-]+"\}\n$/,
    );
  });
});

// Many spawned commands each: generous limits for a loaded machine (tests never assert timings).
describe('three officers, three clones, one hub', { timeout: 180_000 }, () => {
  const ok = async (dir: string, args: string[]) => {
    const r = await coop(args, { cwd: dir });
    expect(r.exitCode, `coop ${args.join(' ')}: ${r.stderr}`).toBe(0);
    return r;
  };
  /** The register as every clone should agree on it, and what check says. */
  const registerOf = async (dir: string) => json(await coop(['register', '--json', '--as-of', '2024-12-31'], { cwd: dir }));

  it('record offline in each clone, then pull and push in every order: git never conflicts and every copy ends with one register', async () => {
    const { origin, clone } = await hubAndClone({
      tweak: (p) => {
        p.shares!.maximumHolding = 10;
        p.board.roles.push('membership-secretary');
      },
    });
    const [sec, tre, mem] = [await clone('secretary'), await clone('treasurer'), await clone('membership')];
    // Offline, each on their own laptop.
    expect((await ok(sec, ['member', 'add', 'Dafydd Jones', '--joined', '2024-03-01', '--email', 'dafydd@mail.test'])).stdout).toBe('4');
    await ok(sec, ['officer', 'appoint', '4', '--role', 'membership-secretary', '--date', '2024-03-02']);
    await ok(tre, ['shares', 'issue', '2', '3', '--date', '2024-03-01']);
    await ok(tre, ['officer', 'leave', '3', '--role', 'treasurer', '--date', '2024-03-03']);
    await ok(mem, ['shares', 'issue', '1', '2', '--date', '2024-03-01']);
    await ok(mem, ['member', 'update', '2', '--name', 'Ben Founder-Smith', '--date', '2024-03-04']);
    // Pushed and pulled in turn: a plain pull (a merge), a pull with rebase, and git merge by hand.
    await git(sec, ['push', '-q', 'origin', 'main']);
    await git(tre, ['pull', '-q', '--no-rebase', '--no-edit']);
    await git(tre, ['push', '-q', 'origin', 'main']);
    await git(mem, ['pull', '-q', '--rebase']);
    await git(mem, ['push', '-q', 'origin', 'main']);
    await git(sec, ['fetch', '-q']);
    await git(sec, ['merge', '-q', '--no-edit', 'origin/main']);
    await git(origin, ['pull', '-q', '--no-rebase', '--no-edit']);
    // Back online, the treasurer admits the next member: the number follows everyone's.
    await git(tre, ['pull', '-q', '--no-rebase', '--no-edit']);
    expect((await ok(tre, ['member', 'add', 'Priya Sharma', '--joined', '2024-04-01'])).stdout).toBe('5');
    await git(tre, ['push', '-q', 'origin', 'main']);
    for (const dir of [sec, mem, origin]) await git(dir, ['pull', '-q', '--no-rebase', '--no-edit']);

    const copies = [origin, sec, tre, mem];
    const registers = await Promise.all(copies.map(registerOf));
    for (const r of registers) expect(r).toEqual(registers[0]);
    const reg = registers[0];
    expect(reg.members.map((m: { number: number; name: string; shares: number }) => [m.number, m.name, m.shares])).toEqual([
      [1, 'Ada Founder', 3],
      [2, 'Ben Founder-Smith', 4],
      [3, 'Cai Founder', 1],
      [4, 'Dafydd Jones', 1],
      [5, 'Priya Sharma', 1],
    ]);
    expect(reg.officers.map((o: { member: number; role: string; to: string | null }) => [o.member, o.role, o.to])).toEqual([
      [1, 'chair', null],
      [2, 'secretary', null],
      [3, 'treasurer', '2024-03-03'],
      [4, 'membership-secretary', null],
    ]);
    // Three writers' streams, the founders' ledger untouched, nothing left to commit anywhere.
    expect(ledgerStreams(origin)).toHaveLength(3);
    for (const dir of copies) {
      expect(await gitStatus(dir)).toBe('');
      const check = await coop(['check'], { cwd: dir });
      expect([check.exitCode, check.stdout, check.stderr]).toEqual([0, '', '']);
    }
    expect(await git(origin, ['log', '--format=%H', '-1', '--', 'register/ledger.jsonl'])).toBe(await git(origin, ['rev-list', '--max-parents=0', 'HEAD']));
    // The contact details stay on the laptop they were given on, keyed to Dafydd's admission.
    expect(json(await coop(['member', 'show', '4', '--json'], { cwd: sec })).contact).toEqual({ email: 'dafydd@mail.test' });
    expect(await git(origin, ['log', '-p', '--all'])).not.toContain('dafydd@mail.test');
  });

  it('two clones that admit offline both give out the next number: the merge is clean and the later admission is settled as the next number', async () => {
    const { clone } = await hubAndClone();
    const [a, b] = [await clone('a'), await clone('b')];
    expect((await ok(a, ['member', 'add', 'Dafydd Jones', '--joined', '2024-03-01'])).stdout).toBe('4');
    expect((await ok(b, ['member', 'add', 'Erin Smith', '--joined', '2024-03-02'])).stdout).toBe('4');
    await git(a, ['push', '-q', 'origin', 'main']);
    await git(b, ['pull', '-q', '--no-rebase', '--no-edit']);
    // Settled by one rule (core/ledger/renumber.ts) as the register is read: the earlier keeps 4.
    expect((await coop(['check'], { cwd: b })).exitCode).toBe(0);
    const members = json(await coop(['member', 'list', '--json'], { cwd: b }));
    expect(JSON.stringify(members)).toMatch(/"number":4,"name":"Dafydd Jones".*"number":5,"name":"Erin Smith"/s);
  });
});
