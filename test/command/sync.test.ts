// Several officers, one register (issue 14, "Done when"): a bare hub and three clones, each
// admitting members, issuing shares and recording officers while apart, then syncing in turn
// — by `coop sync`, and by plain `git merge` followed by any coop command. Every clone must end
// with the same register, every number unique, nothing lost, `coop check` silent, and each
// renumbered member reported exactly once.

import { mkdirSync, writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { coop, git, join, tempDir } from '../support/cli.js';
import { fixtureGroup } from '../support/fixture-group.js';
import { json } from '../support/register.js';

interface Hub {
  clone: (name: string) => Promise<string>;
}

/** A bare hub (a folder, as on a USB stick) made from a fixture group; clones of it with their own private store. */
async function makeHub(): Promise<Hub> {
  const origin = await fixtureGroup({
    founded: '2024-01-15',
    tweak: (p) => {
      if (p.shares) p.shares.maximumHolding = 100;
    },
  });
  const parent = tempDir();
  const hub = join(parent, 'hub.git');
  await git(parent, ['clone', '-q', '--bare', origin, hub]);
  return {
    clone: async (name) => {
      const dir = join(parent, name);
      await git(parent, ['clone', '-q', hub, dir]);
      mkdirSync(join(dir, 'private'));
      writeFileSync(join(dir, 'private', 'contacts.jsonl'), '');
      return dir;
    },
  };
}

/** Every line a clone printed, kept to count how often a renumbering is reported. */
const said: string[] = [];
async function run(dir: string, args: string[]) {
  const r = await coop(args, { cwd: dir });
  said.push(String(r.stdout), String(r.stderr));
  return r;
}
async function ok(dir: string, args: string[]) {
  const r = await run(dir, args);
  expect(r.exitCode, `${args.join(' ')}: ${String(r.stderr)}`).toBe(0);
  return r;
}

/** The register as a clone derives it: members with number, name, shares; officers. */
async function register(dir: string) {
  const r = json(await ok(dir, ['register', '--json', '--as-of', '2024-12-31']));
  return { members: r.members, officers: r.officers };
}

/** Admits a member with 1 + `shares` shares: the admission's share, then an issue the same day. */
async function offline(dir: string, name: string, joined: string, shares: number) {
  return Number((await ok(dir, ['member', 'add', name, '--joined', joined, '--shares', String(1 + shares)])).stdout);
}

// Each coop command spawns node and git several times: generous limits for a loaded machine.
describe('three officers, one register', { timeout: 180_000 }, () => {
  let hub: Hub;
  let a: string;
  let b: string;
  let c: string;
  beforeAll(async () => {
    hub = await makeHub();
    [a, b, c] = [await hub.clone('a'), await hub.clone('b'), await hub.clone('c')];
  });

  it('coop sync in any order: no conflict, one register everywhere, numbers unique, renumbered members reported once', async () => {
    // Each clone gives out member 4 while apart; b's admission is the earliest, so keeps it.
    expect(await offline(a, 'Dafydd Jones', '2024-03-01', 2)).toBe(4);
    await ok(a, ['officer', 'leave', '1', '--role', 'chair', '--date', '2024-03-02']);
    await ok(a, ['officer', 'appoint', '4', '--role', 'chair', '--date', '2024-03-02']);
    expect(await offline(b, 'Alys Evans', '2024-02-20', 3)).toBe(4);
    await ok(b, ['officer', 'leave', '3', '--role', 'treasurer', '--date', '2024-02-22']);
    await ok(b, ['officer', 'appoint', '4', '--role', 'treasurer', '--date', '2024-02-22']);
    await offline(b, 'Gwen Price', '2024-02-21', 1);
    expect(await offline(c, 'Bryn Hughes', '2024-03-05', 4)).toBe(4);
    await ok(c, ['shares', 'issue', '1', '2', '--date', '2024-03-06']);

    said.length = 0;
    for (const dir of [c, a, b, c, a]) await ok(dir, ['sync']);
    const all = said.join('\n');
    expect(all.match(/Dafydd Jones is now member \d+/g)).toHaveLength(1);
    expect(all.match(/Bryn Hughes is now member \d+/g)).toHaveLength(1);
    expect(all.match(/Gwen Price is now member \d+/g)).toHaveLength(1);
    expect(all).not.toMatch(/Alys Evans is now member/);

    const registers = await Promise.all([a, b, c].map(register));
    expect(registers[1]).toEqual(registers[0]);
    expect(registers[2]).toEqual(registers[0]);
    const members = registers[0]!.members as { number: number; name: string; shares: number }[];
    const numbers = members.map((m) => m.number);
    expect(new Set(numbers).size).toBe(numbers.length);
    const byName = Object.fromEntries(members.map((m) => [m.name, m]));
    // Nothing lost: every admission and every share issue, on the member it was meant for.
    expect(byName['Alys Evans']).toMatchObject({ number: 4, shares: 4 });
    // c synced first, so a, merging next, settled Bryn as 5; b, merging last, found its Gwen
    // holding the 5 already told to Bryn, so she moves on (a number once told is kept).
    expect(byName['Bryn Hughes']).toMatchObject({ number: 5, shares: 5 });
    expect(byName['Dafydd Jones']).toMatchObject({ number: 6, shares: 3 });
    expect(byName['Gwen Price']).toMatchObject({ number: 7, shares: 2 });
    expect(byName['Ada Founder']!.shares).toBe(3);
    // Each office went to the member it was given to, whatever number they hold now.
    const officers = JSON.stringify(registers[0]!.officers);
    expect(officers).toContain('Dafydd Jones');
    expect(officers).toContain('Alys Evans');
    for (const dir of [a, b, c]) {
      const check = await run(dir, ['check']);
      expect(check.exitCode, String(check.stderr)).toBe(0);
      expect(`${String(check.stdout)}${String(check.stderr)}`).toBe('');
      expect(await git(dir, ['status', '--porcelain', '--untracked-files=no'])).toBe('');
    }
    // A new admission anywhere takes a number never given.
    expect((await ok(a, ['member', 'add', 'Huw Next', '--joined', '2024-04-01'])).stdout).toBe('8');
    await ok(a, ['sync']);
  });

  it('plain git merge, then any coop command: the same register everywhere, renumbering recorded once', async () => {
    await ok(b, ['sync']);
    await ok(c, ['sync']);
    const before = said.length;
    expect(await offline(b, 'Iolo Morgan', '2024-05-01', 1)).toBe(9);
    expect(await offline(c, 'Jac Rees', '2024-05-02', 1)).toBe(9);
    await git(b, ['push', '-q']);
    await git(c, ['pull', '-q', '--no-rebase', '--no-edit']);
    // Derived alike before anyone records the renumbering.
    const merged = await register(c);
    await git(b, ['pull', '-q', '--no-rebase', '--no-edit']);
    await git(c, ['push', '-q']);
    await git(b, ['pull', '-q', '--no-rebase', '--no-edit']);
    expect(await register(b)).toEqual(merged);
    const jac = (merged.members as { number: number; name: string }[]).find((m) => m.name === 'Jac Rees')!;
    expect(jac.number).toBe(10);
    // The next change on c records it (and says so once); on b, whose member kept 9, nothing to say.
    await ok(c, ['shares', 'issue', '10', '1', '--date', '2024-05-03']);
    await git(c, ['push', '-q']);
    await git(b, ['pull', '-q', '--no-rebase', '--no-edit']);
    await ok(b, ['shares', 'issue', '9', '1', '--date', '2024-05-03']);
    await git(b, ['push', '-q']);
    await ok(a, ['sync']);
    await git(c, ['pull', '-q', '--no-rebase', '--no-edit']);
    const text = said.slice(before).join('\n');
    expect(text.match(/Jac Rees is now member 10/g)).toHaveLength(1);
    const registers = await Promise.all([a, b, c].map(register));
    expect(registers[1]).toEqual(registers[0]);
    expect(registers[2]).toEqual(registers[0]);
    const byName = Object.fromEntries((registers[0]!.members as { name: string; shares: number; number: number }[]).map((m) => [m.name, m]));
    expect(byName['Jac Rees']).toMatchObject({ number: 10, shares: 3 });
    expect(byName['Iolo Morgan']).toMatchObject({ number: 9, shares: 3 });
    for (const dir of [a, b, c]) expect((await run(dir, ['check'])).exitCode).toBe(0);
  });

  it('stops on a clash it cannot settle, showing both entries, and changes nothing', async () => {
    await ok(a, ['member', 'leave', '5', '--date', '2024-06-01', '--reason', 'resigned']);
    await ok(a, ['sync']);
    await ok(b, ['shares', 'issue', '5', '1', '--date', '2024-06-10']);
    const head = await git(b, ['rev-parse', 'HEAD']);
    const r = await run(b, ['sync']);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/issue on 2024-06-10 \(member 5, shares 1\).*member 5 left on 2024-06-01/s);
    expect(r.stderr).toMatch(/recorded elsewhere: .*leave on 2024-06-01 \(member 5/);
    expect(r.stderr).toMatch(/Nothing was changed: the merge was undone/);
    expect(r.stderr).toMatch(/git revert <commit>/);
    expect(await git(b, ['rev-parse', 'HEAD'])).toBe(head);
    expect(await git(b, ['status', '--porcelain', '--untracked-files=no'])).toBe('');
  });

  it('contacts recorded in two clones end up in both stores by sealed export/import, and never in git', async () => {
    // b's clashing share issue (the test before) is undone as the message says, then all sync.
    await git(b, ['reset', '-q', '--hard', '@{u}']);
    const kit = Number((await ok(a, ['member', 'add', 'Kit Mail', '--joined', '2024-07-01', '--email', 'kit.mail@example.org', '--address', '12 Quay Street, Bangor'])).stdout);
    const lea = Number((await ok(b, ['member', 'add', 'Lea Phone', '--joined', '2024-07-01', '--phone', '07700 900456'])).stdout);
    // Both gave out the same number while apart: the details must follow the person, not it.
    expect(lea).toBe(kit);
    for (const dir of [a, b, a]) await ok(dir, ['sync']);
    const outside = tempDir();
    const pass = join(outside, 'pass.txt');
    writeFileSync(pass, 'correct horse battery staple\n');
    await ok(a, ['contacts', 'export', '--to', join(outside, 'a.sealed'), '--passphrase-file', pass]);
    await ok(b, ['contacts', 'export', '--to', join(outside, 'b.sealed'), '--passphrase-file', pass]);
    const wrong = await coop(['contacts', 'import', join(outside, 'a.sealed')], { cwd: b, env: { COOP_CONTACTS_PASSPHRASE: 'not the passphrase' } });
    expect(wrong.exitCode).toBe(1);
    expect(wrong.stderr).toMatch(/passphrase is wrong.*Nothing was changed/);
    expect((await coop(['contacts', 'import', join(outside, 'a.sealed')], { cwd: b, env: { COOP_CONTACTS_PASSPHRASE: 'correct horse battery staple' } })).stdout).toMatch(
      /1 member added/,
    );
    expect((await ok(a, ['contacts', 'import', join(outside, 'b.sealed'), '--passphrase-file', pass])).stdout).toMatch(/1 member added/);
    for (const dir of [a, b]) {
      const reg = json(await ok(dir, ['register', '--json', '--with-contacts']));
      const text = JSON.stringify(reg.members);
      expect(text).toMatch(/Kit Mail[^}]*kit\.mail@example\.org/);
      expect(text).toMatch(/Lea Phone[^}]*07700 900456/);
      expect((await run(dir, ['check'])).exitCode).toBe(0);
    }
    // Inside the folder and not ignored: written, with a warning never to commit it.
    const inside = await run(a, ['contacts', 'export', '--to', 'handover.sealed', '--passphrase-file', pass]);
    expect(inside.stderr).toMatch(/handover\.sealed is inside the group's folder and git does not ignore it: never commit it/);
    for (const dir of [a, b, c]) {
      const history = await git(dir, ['log', '-p', '--all']);
      for (const value of ['kit.mail@example.org', '12 Quay Street', '07700 900456']) expect(history).not.toContain(value);
    }
  });

  it('refuses with uncommitted edits, and without a remote says how to add one', async () => {
    writeFileSync(join(c, 'coop.yml'), `${await git(c, ['show', 'HEAD:coop.yml'])}\n# edited\n`);
    const r = await run(c, ['sync']);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/uncommitted edits of your own \(coop\.yml\).*Nothing was changed/s);
    await git(c, ['checkout', '--', 'coop.yml']);
    const lone = await fixtureGroup();
    const none = await run(lone, ['sync']);
    expect(none.exitCode).toBe(1);
    expect(none.stderr).toMatch(/no remote.*git remote add origin/s);
  });
});
