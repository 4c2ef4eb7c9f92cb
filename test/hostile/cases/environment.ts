// A hostile machine rather than hostile input: a full disk (simulated at several points with
// COOP_TEST_FAIL_AT, see src/io/test-faults.ts), git missing from PATH, no git identity, a
// read-only repository, the person's own staged work, another coop holding the lock, and a
// crash journal that cannot be read. Every command that changes the group is tried with each.

import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { GIT_IDENTITY } from '../../support/cli.js';
import { makeReadOnly, readOnlyTechnique } from '../../support/read-only.js';
import { parentOf, type HostileCase } from '../table.js';

/** A folder holding only `node`: PATH without git. */
function pathWithoutGit(): string {
  const dir = mkdtempSync(join(tmpdir(), 'coop-nogit-'));
  symlinkSync(process.execPath, join(dir, 'node'));
  return dir;
}
const NO_GIT = pathWithoutGit();

const RO = readOnlyTechnique();
const undoReadOnly = new Map<string, () => void>();

interface Env {
  what: string;
  env?: (g: string) => Record<string, string | undefined>;
  setup?: (g: string) => void;
  teardown?: (g: string) => void;
  message: RegExp;
  /** Only for commands that commit (contact details alone are never committed). */
  commits?: boolean;
}

const ENVIRONMENTS: Env[] = [
  { what: 'a full disk while staging', env: () => ({ COOP_TEST_FAIL_AT: 'stage:1' }), message: /The disk is full.*Nothing was changed/s },
  { what: 'a full disk while writing the journal', env: () => ({ COOP_TEST_FAIL_AT: 'journal' }), message: /The disk is full.*Nothing was changed/s },
  { what: 'a full disk while putting files in place', env: () => ({ COOP_TEST_FAIL_AT: 'place:1' }), message: /The disk is full.*Nothing was changed/s },
  { what: 'a full disk at the commit', env: () => ({ COOP_TEST_FAIL_AT: 'commit' }), message: /The disk is full.*Nothing was changed/s, commits: true },
  { what: 'git missing from PATH', env: () => ({ PATH: NO_GIT }), message: /git is not installed or not on PATH/, commits: true },
  {
    what: 'no git identity',
    // useConfigOnly stops git guessing an identity from the machine's name, so this holds on any machine.
    setup: (g) => execFileSync('git', ['config', 'user.useConfigOnly', 'true'], { cwd: g }),
    env: (g) => ({
      ...Object.fromEntries(Object.keys(GIT_IDENTITY).map((k) => [k, undefined])),
      HOME: join(g, '..'),
      XDG_CONFIG_HOME: join(g, '..'),
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_CONFIG_GLOBAL: join(g, '..', 'no-gitconfig'),
      EMAIL: undefined,
    }),
    message: /git does not know who you are/,
    commits: true,
  },
  {
    what: 'the person’s own staged changes',
    setup: (g) => {
      writeFileSync(join(g, 'my-notes.md'), 'notes\n');
      execFileSync('git', ['add', 'my-notes.md'], { cwd: g });
    },
    message: /You have staged changes of your own \(my-notes\.md\)/,
    commits: true,
  },
  {
    what: 'another coop holding the lock',
    setup: (g) => {
      mkdirSync(join(g, '.coop'), { recursive: true });
      writeFileSync(join(g, '.coop', 'lock'), JSON.stringify({ pid: process.pid, host: hostname(), since: '2027-06-10T18:30:00.000Z', nonce: 'x' }));
    },
    teardown: (g) => rmSync(join(g, '.coop', 'lock'), { force: true }),
    env: () => ({ COOP_LOCK_TIMEOUT_MS: '150' }),
    message: /Another coop command \(process \d+, since 2027-06-10T18:30:00\.000Z\) is changing this group's files/,
  },
  {
    what: 'an unreadable crash journal',
    setup: (g) => {
      mkdirSync(join(g, '.coop', 'txn'), { recursive: true });
      writeFileSync(join(g, '.coop', 'txn', 'journal.json'), '{"head": nul');
    },
    teardown: (g) => rmSync(join(g, '.coop', 'txn'), { recursive: true, force: true }),
    message: /journal .* is unreadable/,
  },
  RO === undefined
    ? {
        // Nothing here can stop root writing; a .coop that is a file stops coop the same way, honestly labelled.
        what: 'a repository coop cannot write in (simulated: .coop is a file)',
        setup: (g) => writeFileSync(join(g, '.coop'), 'in the way'),
        message: /Cannot make the folder .*\.coop/,
      }
    : {
        what: `a read-only repository (${RO === 'chmod' ? 'chmod a-w' : 'chattr +i, which stops even root'})`,
        setup: (g) => {
          mkdirSync(join(g, '.coop'), { recursive: true });
          undoReadOnly.set(g, makeReadOnly(g)!.undo);
        },
        teardown: (g) => undoReadOnly.get(g)?.(),
        message: /read-only\?.*Nothing was changed/s,
      },
];

/** Commands that change the group, each of which succeeds in a healthy environment (hostile-bin.test.ts checks that). */
export const MUTATING: { label: string; args: string[]; commits: boolean; setup?: (g: string) => void }[] = [
  { label: 'coop member add', args: ['member', 'add', 'Dana Newmember', '--joined', '2024-02-01', '--email', 'dana@example.org'], commits: true },
  { label: 'coop member leave', args: ['member', 'leave', '3', '--date', '2024-02-01', '--reason', 'resigned'], commits: true },
  { label: 'coop member update --name', args: ['member', 'update', '2', '--name', 'Ben Renamed', '--date', '2024-02-01'], commits: true },
  { label: 'coop member update --phone', args: ['member', 'update', '2', '--phone', '07700 900123'], commits: false },
  {
    label: 'coop officer appoint',
    args: ['officer', 'appoint', '2', '--role', 'chair', '--date', '2024-03-01'],
    commits: true,
    // The chair's office must be free first: member 1 leaves it, committed as a change of its own.
    setup: (g) => {
      const ledger = join(g, 'register', 'ledger.jsonl');
      writeFileSync(ledger, `${readFileSync(ledger, 'utf8')}{"seq":7,"date":"2024-02-01","type":"retire","member":1,"role":"chair"}\n`);
      execFileSync('git', ['commit', '-q', '-am', 'Member 1 left the office of chair'], { cwd: g, env: { ...process.env, ...GIT_IDENTITY } });
    },
  },
  { label: 'coop officer leave', args: ['officer', 'leave', '3', '--role', 'treasurer', '--date', '2024-02-01'], commits: true },
  {
    label: 'coop member import',
    args: ['member', 'import', '../new-members.csv'],
    commits: true,
    setup: (g) => writeFileSync(join(g, '..', 'new-members.csv'), 'Name,Date joined,Email\nEve Imported,01/02/2024,eve@example.org\nFay Imported,02/02/2024,fay@example.org\n'),
  },
  {
    label: 'coop meeting new',
    args: ['meeting', 'new', 'general', '--date', '2099-06-10', '--time', '18:30', '--place', 'Community Hall', '--notice-date', '2099-05-01'],
    commits: true,
  },
];

export const environmentCases: HostileCase[] = MUTATING.flatMap((command) =>
  ENVIRONMENTS.filter((e) => command.commits || !e.commits).map(
    (e): HostileCase => ({
      name: `${command.label} with ${e.what}`,
      args: command.args,
      setup: (g) => {
        command.setup?.(g);
        e.setup?.(g);
      },
      env: e.env,
      teardown: e.teardown,
      exit: 1,
      message: e.message,
    }),
  ),
).concat([
  {
    name: 'coop new with git missing from PATH',
    cwd: parentOf,
    watch: parentOf,
    args: ['new', '--yes', 'fresh-group'],
    env: () => ({ PATH: NO_GIT }),
    exit: 1,
    message: /git is not installed/,
  },
  {
    name: 'coop new with a full disk at the commit',
    cwd: parentOf,
    watch: parentOf,
    args: ['new', '--yes', 'fresh-group'],
    env: () => ({ COOP_TEST_FAIL_AT: 'commit' }),
    exit: 1,
    message: /The disk is full/,
  },
  {
    name: 'coop new with a full disk while staging',
    cwd: parentOf,
    watch: parentOf,
    args: ['new', '--yes', 'fresh-group'],
    env: () => ({ COOP_TEST_FAIL_AT: 'stage:3' }),
    exit: 1,
    message: /The disk is full/,
  },
]);
