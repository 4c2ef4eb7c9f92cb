// What is measured, and against what. The budgets are issue 16's table, word for word in
// `text`; a figure without budgets is there to show how the cost grows with the register.
// Every budget is a ratio: to a bare `node -e 0` (or node + git for `coop new`) in the same
// run, to the same figure at another size, or to an anchor (another tool on the same history).

import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { coop, git, ledgerPartPaths, ROOT } from './group.js';

/** The sizes run by default; 1,000,000 runs only when asked for (`--sizes …,1000000`). */
export const SIZES = [100, 1_000, 10_000, 100_000];
export const ALL_SIZES = [...SIZES, 1_000_000];
/** Meetings are measured up to this many members: the budgets are set at 10,000. */
const MEETING_SIZES = [100, 1_000, 10_000];
/** A past date to read the register as at: within every synthetic history. */
const PAST_DATE = '2025-12-31';

const DAY_MS = 86_400_000;
const isoDaysFromNow = (days) => new Date(Date.now() + days * DAY_MS).toISOString().slice(0, 10);
/** A past meeting to close: after the synthetic history ends, well before any run of the bench. */
const PAST_MEETING = { notice: '2026-04-01', date: '2026-05-01' };

/**
 * Puts a group back as it was before a command changed it: the commit, the working tree,
 * and the private contact store (git-ignored, so git cannot restore it). coop's snapshot
 * (.coop/cache) is kept, as it would be between one command and the next, unless `cold`: then
 * every run starts as the first command after a fresh clone does.
 */
export function restorer(dir, { cold = true } = {}) {
  // A group copied with cp keeps git's index with stale file times: the first reset would then
  // rewrite every file, ledger parts included, and a figure that keeps coop's working folder
  // (check straight after a change) would never find the parts it proved. Refreshed first, a
  // reset rewrites only what a run changed, as between one evening's commands.
  try {
    git(dir, ['update-index', '-q', '--refresh']);
  } catch {
    // Files that differ from the commit: the reset below puts them back.
  }
  const head = git(dir, ['rev-parse', 'HEAD']).trim();
  const contacts = join(dir, 'private', 'contacts.jsonl');
  const saved = `${dir}.contacts.jsonl`;
  if (existsSync(contacts)) cpSync(contacts, saved);
  return () => {
    git(dir, ['reset', '-q', '--hard', head]);
    git(dir, ['clean', '-fdq']);
    if (existsSync(saved)) cpSync(saved, contacts);
    for (const entry of cold ? ['.coop'] : ['.coop/txn', '.coop/lock']) rmSync(join(dir, entry), { recursive: true, force: true });
  };
}

const fmt = (n) => n.toLocaleString('en-GB');
const floor = (max, what = 'node') => ({ text: `≤ ${max} × ${what}`, kind: 'floor', max });

/** coop's working folder, as any group that has had one change has it: where the snapshot is kept. */
const withWorkingFolder = (dir) => () => {
  mkdirSync(join(dir, '.coop'), { recursive: true });
  return restorer(dir, { cold: false });
};

/** Every figure, given where the groups are. `groups[size]` is the folder of that group; `journals[size]` its history as a journal. */
export function figures({ groups, newTree, journals = {}, anchors = {} }) {
  const list = [
    {
      id: 'help',
      name: 'coop --help',
      floor: 'node',
      runs: 15,
      args: () => ['--help'],
      cwd: () => ROOT,
      budgets: [floor(1.1)],
    },
    {
      id: 'new',
      name: 'coop new --yes',
      floor: 'node+git',
      args: () => ['new', '--yes', join(newTree, 'group')],
      cwd: () => newTree,
      reset: () => rmSync(join(newTree, 'group'), { recursive: true, force: true }),
      budgets: [floor(1.4, '(node + git init/add/commit of the same tree)')],
    },
  ];

  for (const size of ALL_SIZES) {
    const dir = groups[size];
    const at = `at ${fmt(size)} members`;
    const big = size === 100_000;
    const million = size === 1_000_000;
    const reads = [
      ['status', ['status'], big ? [floor(2.5)] : []],
      ['member-show', ['member', 'show', '1'], big ? [floor(2.5)] : []],
      ['member-list', ['member', 'list', '--json'], big ? [floor(4)] : []],
      ['register-today', ['register', '--json'], big ? [floor(4)] : []],
    ];
    for (const [id, args, budgets] of reads) {
      list.push({
        id: `${id}@${size}`,
        name: `coop ${args.join(' ')} ${at}`,
        size,
        floor: 'node',
        prepare: withWorkingFolder(dir),
        args: () => args,
        cwd: () => dir,
        budgets,
      });
    }
    list.push({
      id: `member-add@${size}`,
      name: `coop member add ${at}`,
      size,
      floor: 'node',
      prepare: () => restorer(dir, { cold: false }),
      args: () => ['member', 'add', 'Bench Newcomer', '--shares', '5', '--email', 'newcomer@example.org'],
      cwd: () => dir,
      budgets: big ? [floor(2.5), { text: '≤ 1.2 × the same at 100 members', kind: 'figure', of: 'member-add@100', max: 1.2 }] : million ? [floor(4)] : [],
    });
    list.push({
      id: `check@${size}`,
      name: `coop check ${at}, straight after a change`,
      size,
      floor: 'node',
      prepare: () => {
        // The commonest evening: a check, then a change, then the check timed. Before each run
        // the group and coop's working folder go back to just after that first check, and the
        // change is made again (untimed), so every run is a check straight after a change.
        mkdirSync(join(dir, '.coop'), { recursive: true });
        const back = restorer(dir, { cold: false });
        coop(['check'], dir);
        const saved = `${dir}.coop-after-check`;
        rmSync(saved, { recursive: true, force: true });
        cpSync(join(dir, '.coop'), saved, { recursive: true });
        const change = () => {
          back();
          rmSync(join(dir, '.coop'), { recursive: true, force: true });
          cpSync(saved, join(dir, '.coop'), { recursive: true });
          coop(['member', 'add', 'Bench Before Check', '--shares', '5'], dir);
        };
        change();
        return change;
      },
      args: () => ['check'],
      cwd: () => dir,
      budgets: big ? [floor(5), { text: 'peak memory ≤ 200 MiB', kind: 'mib', max: 200 }] : [],
    });
    list.push({
      id: `check-cold@${size}`,
      name: `coop check ${at}, first after a clone`,
      size,
      floor: 'node',
      prepare: () => restorer(dir, { cold: true }),
      args: () => ['check'],
      cwd: () => dir,
      budgets: big
        ? [floor(10), { text: '≥ 10 × quicker than `ledger stats` on the same history', kind: 'quicker', of: `anchor-ledger@${size}`, min: 10 }]
        : million
          ? [floor(60), { text: 'peak memory ≤ 600 MiB', kind: 'mib', max: 600 }]
          : [],
    });
    list.push({
      id: `register-past@${size}`,
      name: `coop register --as-of ${PAST_DATE} ${at}`,
      size,
      floor: 'node',
      prepare: withWorkingFolder(dir),
      args: () => ['register', '--as-of', PAST_DATE],
      cwd: () => dir,
      budgets: big ? [floor(6)] : [],
    });
    if (big || million) {
      // The anchors: other plain-text ledgers on the same history, converted to their journal.
      for (const [tool, args, name] of [
        ['ledger', (j) => ['-f', j, 'stats'], 'ledger stats'],
        ['hledger', (j) => ['check', '-f', j], 'hledger check'],
      ]) {
        list.push({
          id: `anchor-${tool}@${size}`,
          name: `anchor: ${name} on the same history ${at}`,
          size,
          floor: 'node',
          exec: anchors[tool] ?? null,
          args: () => args(journals[size]),
          cwd: () => dir,
          budgets: [],
        });
      }
    }
  }

  for (const size of MEETING_SIZES) {
    const dir = groups[size];
    const callAgm = () => [
      'meeting',
      'new',
      'agm',
      '--date',
      isoDaysFromNow(35),
      '--time',
      '18:30',
      '--place',
      'Riverside Community Hall',
      '--resolution',
      'To receive the accounts for the year',
      '--resolution',
      'To appoint the auditors',
      '--special',
      'To amend rule 12 so that notice may be given by email',
    ];
    list.push({
      id: `meeting-new@${size}`,
      name: `coop meeting new agm with ${fmt(size)} eligible members, after any command`,
      size,
      floor: 'node',
      prepare: () => {
        // As in an evening's work, an earlier command has left the snapshot.
        mkdirSync(join(dir, '.coop'), { recursive: true });
        coop(['status'], dir);
        return restorer(dir, { cold: false });
      },
      args: callAgm,
      cwd: () => dir,
      budgets: size === 10_000 ? [floor(3)] : [],
    });
    if (size === 10_000) {
      list.push({
        id: `meeting-new-cold@${size}`,
        name: `coop meeting new agm with ${fmt(size)} eligible members, first after a clone`,
        size,
        floor: 'node',
        prepare: () => restorer(dir),
        args: callAgm,
        cwd: () => dir,
        budgets: [],
      });
    }
    list.push({
      id: `meeting-close@${size}`,
      name: `coop meeting close with ${fmt(size)} attending, after any command`,
      size,
      floor: 'node',
      prepare: () => prepareMeetingToClose(dir),
      args: () => ['meeting', 'close', PAST_MEETING.date],
      cwd: () => dir,
      budgets: size === 10_000 ? [floor(3)] : [],
    });
  }
  return list;
}

/**
 * Calls a meeting after the history ends, records every current member as present and the
 * votes on its resolutions, all through the CLI (untimed); returns the restorer to that point.
 * Throws with the CLI's message when a meeting command is missing or fails.
 */
function prepareMeetingToClose(dir) {
  const members = currentMemberNumbers(dir);
  const steps = [
    [
      'meeting',
      'new',
      'agm',
      '--notice-date',
      PAST_MEETING.notice,
      '--date',
      PAST_MEETING.date,
      '--time',
      '18:30',
      '--place',
      'Riverside Community Hall',
      '--resolution',
      'To receive the accounts for the year',
      '--special',
      'To amend rule 12 so that notice may be given by email',
    ],
    ['meeting', 'attend', PAST_MEETING.date, ...members.map(String)],
    ['meeting', 'vote', PAST_MEETING.date, '1', '--for', String(Math.ceil(members.length * 0.8)), '--against', String(Math.floor(members.length * 0.1)), '--abstain', '3'],
    ['meeting', 'vote', PAST_MEETING.date, '2', '--for', String(Math.ceil(members.length * 0.76)), '--against', String(Math.floor(members.length * 0.2))],
  ];
  for (const args of steps) {
    const r = coop(args, dir);
    if (r.status !== 0) {
      const error = new Error(`setting up: coop ${args.slice(0, 3).join(' ')} … failed: ${(r.stderr || r.stdout).trim().split('\n')[0]}`);
      error.stderr = r.stderr;
      throw error;
    }
  }
  // The commands above have left the snapshot, as an evening's work would.
  return restorer(dir, { cold: false });
}

/** Current members' numbers, from the register through the built library. */
function currentMemberNumbers(dir) {
  const text = ledgerPartPaths(dir)
    .map((p) => readFileSync(join(dir, p), 'utf8'))
    .join('');
  const members = new Map();
  for (const line of text.split('\n')) {
    if (!line) continue;
    const e = JSON.parse(line);
    if (e.type === 'admit') members.set(e.member, true);
    if (e.type === 'leave') members.delete(e.member);
  }
  return [...members.keys()].sort((a, b) => a - b);
}
