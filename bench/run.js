#!/usr/bin/env node
// npm run bench: builds, generates synthetic groups at 100 to 100,000 members (1,000,000 when
// asked for), and measures each figure of issue 16 beside its floor (a bare `node -e 0`, and git
// doing the commit that `coop new` makes) and its anchors (ledger-cli and hledger on the same
// history, where installed), then prints a table and writes bench/results.json.
//
//   node bench/run.js [--sizes 100,1000,1000000] [--runs 5] [--seed 42] [--only check] [--fresh] [--profile DIR]
//
// Groups are generated once per size, seed and generator and kept in bench/.cache (git-ignored;
// a million members take minutes to write); --fresh writes them again.
//
// Each figure runs once to warm the disk cache and measure peak memory, then `--runs` times
// for the median wall time. The floor is run between the figure's runs, so a machine that is
// busier at one moment than another slows both alike and the ratio stays honest.
//
// --profile DIR: after its timed runs, each coop figure runs once more under `node --cpu-prof`,
// prepared the same way, and its profile is written to DIR/<figure>.cpuprofile and summarised
// (where the time goes, by function) in DIR/<figure>.txt by bench/lib/profile.js. A profile is
// how a figure over its budget is explained; the timed runs are never profiled.

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { BENCH_ENV, ROOT, BIN, coop, notBuilt, writeBase, writeGroup } from './lib/group.js';
import { ALL_SIZES, figures, restorer, SIZES } from './lib/figures.js';
import { writeJournal } from './lib/hledger-journal.js';
import { median, memoryOnce, memoryProbe, timeOnce } from './lib/measure.js';
import { evaluate, renderTable } from './lib/report.js';
import { profileOnce } from './lib/profile.js';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: SIZES.join(',') },
    runs: { type: 'string', default: '5' },
    seed: { type: 'string', default: '42' },
    only: { type: 'string' },
    out: { type: 'string', default: join(ROOT, 'bench', 'results.json') },
    fresh: { type: 'boolean', default: false },
    profile: { type: 'string' },
  },
});
const sizes = values.sizes.split(',').map(Number);
const runs = Number(values.runs);
const seed = Number(values.seed);
if (sizes.some((s) => !ALL_SIZES.includes(s)) || !(runs >= 1) || !Number.isSafeInteger(seed)) {
  console.error(`usage: node bench/run.js [--sizes ${ALL_SIZES.join(',')}] [--runs N] [--seed S] [--only TEXT] [--out FILE] [--fresh] [--profile DIR]`);
  process.exit(2);
}
if (!existsSync(join(ROOT, 'dist', 'cli.js'))) {
  console.error('No build found: run npm run bench (which builds first), or npm run build.');
  process.exit(1);
}

const started = Date.now();
// Other work on the machine slows the figures' absolute times (ratios to the floors much less): recorded beside them.
const loadAtStart = loadavg()[0];
const env = { ...process.env, ...BENCH_ENV };
const OUT = join(ROOT, 'bench', 'out');
const log = (text) => process.stderr.write(`${text}\n`);
log(`node ${process.version} on ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}; peak memory by ${memoryProbe}`);

// The groups: generated once per size, seed and generator (its code and the ledger's format),
// kept in bench/.cache, and copied for each run, so a run never measures a group an earlier
// run changed.
rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
const CACHE = join(ROOT, 'bench', '.cache');
const generator = createHash('sha256');
for (const dir of ['bench/lib', 'src/core/ledger']) {
  for (const name of readdirSync(join(ROOT, dir)).sort()) generator.update(name).update(readFileSync(join(ROOT, dir, name)));
}
generator.update(readFileSync(join(ROOT, 'package.json')));
const generatorKey = generator.digest('hex').slice(0, 12);
const base = join(OUT, 'base');
const baseFrom = await writeBase(base);
log(`base group written by ${baseFrom}`);
const groups = {};
const groupStats = {};
const journals = {};
for (const size of sizes) {
  const t = Date.now();
  const cached = join(CACHE, `g${size}-seed${seed}-${generatorKey}`);
  if (values.fresh || !existsSync(join(cached, 'stats.json'))) {
    rmSync(cached, { recursive: true, force: true });
    const making = `${cached}.making`;
    rmSync(making, { recursive: true, force: true });
    mkdirSync(making, { recursive: true });
    const stats = await writeGroup({ dir: join(making, 'group'), base, members: size, seed });
    writeFileSync(join(making, 'stats.json'), JSON.stringify(stats));
    // Only a whole group is ever kept: an interrupted one is written again next time.
    renameSync(making, cached);
    log(`generated ${size.toLocaleString('en-GB')} members: ${stats.events.toLocaleString('en-GB')} events in ${((Date.now() - t) / 1000).toFixed(1)} s (kept in ${cached})`);
  } else {
    log(`reused ${size.toLocaleString('en-GB')} members from ${cached}`);
  }
  groupStats[size] = JSON.parse(readFileSync(join(cached, 'stats.json'), 'utf8'));
  groups[size] = join(OUT, `g${size}`);
  cpSync(join(cached, 'group'), groups[size], { recursive: true });
  if (size >= 100_000) {
    journals[size] = join(OUT, `g${size}.journal`);
    const n = await writeJournal(groups[size], journals[size]);
    log(`wrote the same history as a journal for the anchors: ${n.toLocaleString('en-GB')} transactions`);
  }
}

/** The anchors' executables, where installed; null rows say "not installed". */
const which = (tool) => {
  const r = spawnSync('sh', ['-c', `command -v ${tool}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
};
const anchors = { ledger: which('ledger'), hledger: which('hledger') };
log(`anchors: ledger ${anchors.ledger ?? 'not installed'}, hledger ${anchors.hledger ?? 'not installed'}`);

// The git floor commits the tree `coop new` makes (or the base tree while it cannot make one).
const newTree = join(OUT, 'new');
mkdirSync(newTree, { recursive: true });
const newProbe = coop(['new', '--yes', '--no-git', join(newTree, 'probe')], newTree);
const floorTree = newProbe.status === 0 ? join(newTree, 'probe') : base;
const gitFloorDir = join(OUT, 'git-floor');
/** Every floor sample taken, for the floors' own rows in the table. */
const floorRuns = { node: [], git: [] };
const floors = {
  node: () => {
    const { ms } = timeOnce(process.execPath, ['-e', '0'], { cwd: ROOT, env });
    floorRuns.node.push(ms);
    return ms;
  },
  git: () => {
    rmSync(gitFloorDir, { recursive: true, force: true });
    cpSync(floorTree, gitFloorDir, { recursive: true });
    let ms = 0;
    for (const args of [
      ['init', '-q'],
      ['add', '-A'],
      ['commit', '-q', '-m', 'Found the group'],
    ]) {
      const r = timeOnce('git', args, { cwd: gitFloorDir, env });
      if (r.status !== 0) throw new Error(`git ${args[0]} failed in the floor: ${r.stderr}`);
      ms += r.ms;
    }
    floorRuns.git.push(ms);
    return ms;
  },
};

const results = [];
const selected = figures({ groups, newTree, journals, anchors }).filter((f) => (f.size === undefined || sizes.includes(f.size)) && (!values.only || f.id.includes(values.only)));
for (const figure of selected) {
  const cwd = figure.cwd();
  const args = figure.args();
  const pristine = figure.size !== undefined ? restorer(groups[figure.size]) : null;
  const result = { id: figure.id, name: figure.name, members: figure.size ?? null, floorName: figure.floor, budgets: figure.budgets };
  results.push(result);
  // An anchor runs its own tool; coop runs under the same node as the floor.
  const [file, argv] = figure.exec === undefined ? [process.execPath, [BIN, ...args]] : [figure.exec, args];
  try {
    if (figure.exec === null) {
      result.status = 'not installed';
      log(`${figure.name}: not installed`);
      continue;
    }
    let reset = figure.reset ?? (() => {});
    if (figure.prepare) {
      const r = figure.prepare();
      if (typeof r === 'function') reset = r;
    }
    const warm = memoryOnce(file, argv, { cwd, env });
    reset();
    if (warm.status !== 0) {
      result.status = notBuilt(warm) ? 'not available' : 'failed';
      result.error = warm.stderr.trim().split('\n').slice(0, 3).join(' ');
      log(`${figure.name}: ${result.status}${result.status === 'failed' ? ` — ${result.error}` : ''}`);
      continue;
    }
    result.peakMiB = warm.mib;
    const samples = [];
    const floorSamples = [];
    for (let i = 0; i < (figure.runs ?? runs); i++) {
      const r = timeOnce(file, argv, { cwd, env });
      reset();
      if (r.status !== 0) throw Object.assign(new Error(`exited ${r.status} on run ${i + 1}: ${r.stderr.trim().split('\n')[0]}`), { stderr: r.stderr });
      samples.push(r.ms);
      floorSamples.push(figure.floor === 'node+git' ? floors.node() + floors.git() : floors.node());
    }
    Object.assign(result, { status: 'measured', medianMs: median(samples), floorMs: median(floorSamples), samples, floorSamples });
    log(`${figure.name}: ${result.medianMs.toFixed(0)} ms (floor ${result.floorMs.toFixed(0)} ms), ${result.peakMiB?.toFixed(0) ?? '?'} MiB`);
    if (values.profile && figure.exec === undefined) {
      const where = profileOnce(values.profile, figure.id, argv, { cwd, env });
      reset();
      log(`  profile: ${where}`);
    }
  } catch (error) {
    result.status = error.stderr && notBuilt({ status: 1, stderr: error.stderr }) ? 'not available' : 'failed';
    result.error = error.message;
    log(`${figure.name}: ${result.status} — ${error.message}`);
  } finally {
    pristine?.();
  }
}

const floorRows = [
  { id: 'floor-node', name: 'floor: bare `node -e 0`', samples: floorRuns.node },
  { id: 'floor-git', name: `floor: git init, add -A, commit of ${newProbe.status === 0 ? 'the tree coop new makes' : 'the base tree'}`, samples: floorRuns.git },
]
  .filter((f) => f.samples.length > 0)
  .map((f) => ({ ...f, members: null, status: 'floor', medianMs: median(f.samples), budgets: [] }));
const evaluated = [...floorRows, ...evaluate(results)];
const report = {
  date: new Date().toISOString(),
  machine: {
    node: process.version,
    cpus: cpus().length,
    cpu: cpus()[0]?.model ?? null,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    platform: process.platform,
    loadAverage: { start: loadAtStart, end: loadavg()[0] },
  },
  seed,
  runs,
  memoryProbe,
  baseGroup: baseFrom,
  groups: groupStats,
  seconds: Math.round((Date.now() - started) / 1000),
  figures: evaluated,
};
writeFileSync(values.out, `${JSON.stringify(report, null, 2)}\n`);
process.stdout.write(`${renderTable(evaluated)}\n`);
log(`\n${evaluated.length} figures in ${report.seconds} s; written to ${values.out}`);
