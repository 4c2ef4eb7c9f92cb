// Writes a synthetic group to disk: the tree `coop new` makes (or, before `coop new` exists,
// the same coop.yml and founding entries written from the defaults), its history appended to
// the register, private contacts, and one git commit. Files are written directly — calling the
// CLI once per member would take hours at 100,000 members.

import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateHistory } from './history.js';
import { writeAgms } from './meetings.js';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** The coop to measure: this checkout's, or (COOP_BENCH_BIN) another build's bin, to compare two builds on the same groups. */
export const BIN = process.env.COOP_BENCH_BIN ?? join(ROOT, 'bin', 'coop.js');

/** The kind of group benched: a community benefit society with a share offer, the form large memberships take. */
export const BENCH_GROUP = {
  name: 'Riverside Community Energy Limited',
  kind: 'neighbourhood-group',
  form: 'community-benefit-society',
  founded: '2012-04-02',
  /** The last day anything happens in the history: fixed, so a seed gives the same bytes on any day. */
  until: '2026-03-31',
};

/** A fixed identity and clock for every commit the bench makes, so runs are comparable. */
export const BENCH_ENV = {
  GIT_AUTHOR_NAME: 'Bench Secretary',
  GIT_AUTHOR_EMAIL: 'secretary@example.org',
  GIT_COMMITTER_NAME: 'Bench Secretary',
  GIT_COMMITTER_EMAIL: 'secretary@example.org',
  GIT_CONFIG_NOSYSTEM: '1',
  // The machine's own git settings (signing, hooks paths) would make runs differ between machines.
  GIT_CONFIG_GLOBAL: '/dev/null',
  TZ: 'Europe/London',
  NO_COLOR: '1',
  LC_ALL: 'C',
};

const dist = (path) => import(new URL(`../../dist/${path}`, import.meta.url).href);

export function git(cwd, args, env = {}) {
  const r = spawnSync('git', args, { cwd, env: { ...process.env, ...BENCH_ENV, ...env }, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')} failed in ${cwd}: ${r.stderr}`);
  return r.stdout;
}

/** Runs the built CLI; returns its result without throwing. */
export function coop(args, cwd, options = {}) {
  return spawnSync(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, ...BENCH_ENV }, encoding: 'utf8', maxBuffer: 1 << 28, ...options });
}

/** True when a command answered with the placeholder of a command not yet built. */
export function notBuilt(result) {
  return result.status !== 0 && /not built yet/.test(result.stderr ?? '');
}

/**
 * Makes the founding tree every benched group starts from, in `dir` (which must not exist).
 * Returns 'coop new' when `coop new` made it, or 'defaults' when it was written from the defaults.
 */
export async function writeBase(dir) {
  const r = coop(
    [
      'new',
      '--yes',
      '--no-git',
      '--kind',
      BENCH_GROUP.kind,
      '--form',
      BENCH_GROUP.form,
      '--name',
      BENCH_GROUP.name,
      '--founded',
      BENCH_GROUP.founded,
      '--transferable',
      'yes',
      dir,
    ],
    ROOT,
  );
  if (r.status === 0) return 'coop new';
  if (!notBuilt(r)) throw new Error(`coop new failed making the bench's base group:\n${r.stderr}`);
  rmSync(dir, { recursive: true, force: true });
  const [{ defaultParams, DEFAULT_FOUNDERS }, { GROUP_GITIGNORE }, { stringify }] = await Promise.all([dist('core/defaults.js'), dist('core/group-files.js'), import('yaml')]);
  const params = defaultParams({ ...BENCH_GROUP, jurisdiction: 'england-wales' });
  params.shares.transferable = true;
  mkdirSync(join(dir, 'register'), { recursive: true });
  writeFileSync(join(dir, 'coop.yml'), stringify(params));
  writeFileSync(join(dir, '.gitignore'), GROUP_GITIGNORE);
  const events = DEFAULT_FOUNDERS.map((name, i) => ({ seq: i + 1, date: BENCH_GROUP.founded, type: 'admit', member: i + 1, name, shares: params.shares.minimumHolding }));
  for (const [i, role] of params.board.roles.slice(0, 3).entries()) events.push({ seq: events.length + 1, date: BENCH_GROUP.founded, type: 'appoint', member: i + 1, role });
  writeFileSync(join(dir, 'register', 'ledger.jsonl'), events.map((e) => `${JSON.stringify(e)}\n`).join(''));
  return 'defaults';
}

/**
 * Writes a group of `members` current members in `dir` from the base tree, and commits it.
 * Returns the history's statistics.
 */
export async function writeGroup({ dir, base, members, seed }) {
  rmSync(dir, { recursive: true, force: true });
  cpSync(base, dir, { recursive: true, filter: (src) => !src.endsWith('/.git') });
  const [{ loadParams, ledgerRules, readLedger }, { encodeEvent }, { distributeLines }] = await Promise.all([
    dist('io/group.js'),
    dist('core/ledger/events.js'),
    dist('core/ledger/parts.js'),
  ]);
  const params = await loadParams(dir);
  const { events: initial } = readLedger(dir);
  const history = generateHistory({ members, seed, until: BENCH_GROUP.until, initial, rules: ledgerRules(params), roles: params.board.roles });

  // In parts, as coop itself would have written them line by line.
  for (const part of distributeLines(
    undefined,
    history.events.map((e) => `${encodeEvent(e)}\n`),
  ))
    writeFileSync(join(dir, part.path), part.text);
  // Past meetings once the meeting commands exist (their record format is theirs to define).
  const records = existsSync(new URL('../../dist/core/meetings/record-schema.js', import.meta.url)) ? await dist('core/meetings/record-schema.js') : null;
  if (records) writeAgms(dir, history.agms, params, records.parseRecord);
  mkdirSync(join(dir, 'private'), { recursive: true });
  appendFileSync(join(dir, 'private', 'contacts.jsonl'), history.contacts.map((c) => `${JSON.stringify(c)}\n`).join(''));

  const when = { GIT_AUTHOR_DATE: `${BENCH_GROUP.until}T21:00:00Z`, GIT_COMMITTER_DATE: `${BENCH_GROUP.until}T21:00:00Z` };
  git(dir, ['init', '-q', '-b', 'main']);
  git(dir, ['add', '-A']);
  git(dir, ['commit', '-q', '--no-verify', '-m', `Register of ${members} members (synthetic, seed ${seed})`], when);
  return { ...history.stats, meetings: records ? history.agms.length : 0 };
}

/** The ledger's parts in order, as paths relative to the group. */
export function ledgerPartPaths(dir) {
  return readdirSync(join(dir, 'register'))
    .map((name) => ({ name, n: name === 'ledger.jsonl' ? 1 : Number(/^ledger-(\d+)\.jsonl$/.exec(name)?.[1] ?? NaN) }))
    .filter((p) => Number.isSafeInteger(p.n))
    .sort((a, b) => a.n - b.n)
    .map((p) => `register/${p.name}`);
}

export function readText(path) {
  return existsSync(path) ? readFileSync(path, 'utf8') : '';
}
