// What is measured, and against what. The budgets are issue 6's table, word for word in
// `text`; a figure without budgets is there to show how the cost grows with the register.

import { cpSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { coop, git, ledgerPartPaths, ROOT } from './group.js';

export const SIZES = [100, 1_000, 10_000, 100_000];
/** Meetings are measured up to this many members: the budgets are set at 10,000. */
const MEETING_SIZES = [100, 1_000, 10_000];

const DAY_MS = 86_400_000;
const isoDaysFromNow = (days) => new Date(Date.now() + days * DAY_MS).toISOString().slice(0, 10);
/** A past meeting to close: after the synthetic history ends, well before any run of the bench. */
const PAST_MEETING = { notice: '2026-04-01', date: '2026-05-01' };

/**
 * Puts a group back as it was before a command changed it: the commit, the working tree,
 * and the private contact store (git-ignored, so git cannot restore it). coop's cache of full
 * ledger parts (.coop/cache) is kept, as it would be between one command and the next, unless
 * `cold`: then every run starts as the first command after a fresh clone does.
 */
export function restorer(dir, { cold = true } = {}) {
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

/** Every figure, given where the groups are. `groups[size]` is the folder of that group. */
export function figures({ groups, newTree }) {
  const list = [
    {
      id: 'help',
      name: 'coop --help',
      floor: 'node',
      runs: 15,
      args: () => ['--help'],
      cwd: () => ROOT,
      budgets: [{ text: '≤ 1.2 × bare `node -e 0`', kind: 'floor', max: 1.2 }],
    },
    {
      id: 'new',
      name: 'coop new --yes',
      floor: 'node+git',
      args: () => ['new', '--yes', join(newTree, 'group')],
      cwd: () => newTree,
      reset: () => rmSync(join(newTree, 'group'), { recursive: true, force: true }),
      budgets: [{ text: '≤ 1.4 × (bare node start + git init/add/commit of the same tree)', kind: 'floor', max: 1.4 }],
    },
  ];

  for (const size of SIZES) {
    const dir = groups[size];
    const at = `at ${fmt(size)} members`;
    list.push({
      id: `member-add@${size}`,
      name: `coop member add ${at}`,
      size,
      floor: 'node',
      prepare: () => restorer(dir, { cold: false }),
      args: () => ['member', 'add', 'Bench Newcomer', '--shares', '5', '--email', 'newcomer@example.org'],
      cwd: () => dir,
      budgets:
        size === 100_000
          ? [
              { text: '≤ 0.5 s', kind: 'seconds', max: 0.5 },
              { text: '≤ 2 × the same at 100 members', kind: 'figure', of: 'member-add@100', max: 2 },
            ]
          : [],
    });
    if (size === 100_000) {
      // Shown beside the budgeted figure, without a budget of its own: the first change after a
      // fresh clone (or a new version of coop) has no cache of full parts and reads them all.
      list.push({
        id: `member-add-cold@${size}`,
        name: `coop member add ${at}, first command after a clone (no cache)`,
        size,
        floor: 'node',
        prepare: () => restorer(dir, { cold: true }),
        args: () => ['member', 'add', 'Bench Newcomer', '--shares', '5', '--email', 'newcomer@example.org'],
        cwd: () => dir,
        budgets: [],
      });
    }
    list.push({
      id: `check@${size}`,
      name: `coop check ${at}`,
      size,
      floor: 'node',
      args: () => ['check'],
      cwd: () => dir,
      budgets:
        size === 100_000
          ? [
              { text: '≤ 1 s', kind: 'seconds', max: 1 },
              { text: 'peak memory ≤ 200 MiB', kind: 'mib', max: 200 },
            ]
          : [],
    });
    list.push({
      id: `register@${size}`,
      name: `coop register --as-of ${at}`,
      size,
      floor: 'node',
      args: () => ['register', '--as-of', '2025-12-31'],
      cwd: () => dir,
      budgets: size === 100_000 ? [{ text: '≤ 1.5 s', kind: 'seconds', max: 1.5 }] : [],
    });
  }

  for (const size of MEETING_SIZES) {
    const dir = groups[size];
    list.push({
      id: `meeting-new@${size}`,
      name: `coop meeting new agm with ${fmt(size)} eligible members`,
      size,
      floor: 'node',
      prepare: () => restorer(dir),
      args: () => [
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
      ],
      cwd: () => dir,
      budgets: size === 10_000 ? [{ text: '≤ 1 s', kind: 'seconds', max: 1 }] : [],
    });
    list.push({
      id: `meeting-close@${size}`,
      name: `coop meeting close with ${fmt(size)} attending`,
      size,
      floor: 'node',
      prepare: () => prepareMeetingToClose(dir),
      args: () => ['meeting', 'close', PAST_MEETING.date],
      cwd: () => dir,
      budgets: size === 10_000 ? [{ text: '≤ 1 s', kind: 'seconds', max: 1 }] : [],
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
  return restorer(dir);
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
