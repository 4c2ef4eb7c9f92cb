#!/usr/bin/env node
// npm run bench: builds, generates synthetic groups at 100 to 100,000 members, and measures
// each figure of issue 6 beside its floor (a bare `node -e 0`, and git doing the commit that
// `coop new` makes), then prints a table and writes bench/results.json.
//
//   node bench/run.js [--sizes 100,1000] [--runs 5] [--seed 42] [--only check]
//
// Each figure runs once to warm the disk cache and measure peak memory, then `--runs` times
// for the median wall time. The floor is run between the figure's runs, so a machine that is
// busier at one moment than another slows both alike and the ratio stays honest.

import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { BENCH_ENV, ROOT, BIN, coop, notBuilt, writeBase, writeGroup } from './lib/group.js';
import { figures, restorer, SIZES } from './lib/figures.js';
import { median, memoryOnce, memoryProbe, timeOnce } from './lib/measure.js';
import { evaluate, renderTable } from './lib/report.js';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: SIZES.join(',') },
    runs: { type: 'string', default: '5' },
    seed: { type: 'string', default: '42' },
    only: { type: 'string' },
    out: { type: 'string', default: join(ROOT, 'bench', 'results.json') },
  },
});
const sizes = values.sizes.split(',').map(Number);
const runs = Number(values.runs);
const seed = Number(values.seed);
if (sizes.some((s) => !SIZES.includes(s)) || !(runs >= 1) || !Number.isSafeInteger(seed)) {
  console.error(`usage: node bench/run.js [--sizes ${SIZES.join(',')}] [--runs N] [--seed S] [--only TEXT] [--out FILE]`);
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

// The groups. Written fresh each run: quick enough, and never stale after a format change.
rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
const base = join(OUT, 'base');
const baseFrom = await writeBase(base);
log(`base group written by ${baseFrom}`);
const groups = {};
const groupStats = {};
for (const size of sizes) {
  const t = Date.now();
  groups[size] = join(OUT, `g${size}`);
  groupStats[size] = await writeGroup({ dir: groups[size], base, members: size, seed });
  log(`generated ${size.toLocaleString('en-GB')} members: ${groupStats[size].events.toLocaleString('en-GB')} events in ${((Date.now() - t) / 1000).toFixed(1)} s`);
}

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
const selected = figures({ groups, newTree }).filter((f) => (f.size === undefined || sizes.includes(f.size)) && (!values.only || f.id.includes(values.only)));
for (const figure of selected) {
  const cwd = figure.cwd();
  const args = figure.args();
  const pristine = figure.size !== undefined ? restorer(groups[figure.size]) : null;
  const result = { id: figure.id, name: figure.name, members: figure.size ?? null, floorName: figure.floor, budgets: figure.budgets };
  results.push(result);
  try {
    let reset = figure.reset ?? (() => {});
    if (figure.prepare) {
      const r = figure.prepare();
      if (typeof r === 'function') reset = r;
    }
    const warm = memoryOnce(process.execPath, [BIN, ...args], { cwd, env });
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
      const r = timeOnce(process.execPath, [BIN, ...args], { cwd, env });
      reset();
      if (r.status !== 0) throw Object.assign(new Error(`exited ${r.status} on run ${i + 1}: ${r.stderr.trim().split('\n')[0]}`), { stderr: r.stderr });
      samples.push(r.ms);
      floorSamples.push(figure.floor === 'node+git' ? floors.node() + floors.git() : floors.node());
    }
    Object.assign(result, { status: 'measured', medianMs: median(samples), floorMs: median(floorSamples), samples, floorSamples });
    log(`${figure.name}: ${result.medianMs.toFixed(0)} ms (floor ${result.floorMs.toFixed(0)} ms), ${result.peakMiB?.toFixed(0) ?? '?'} MiB`);
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
