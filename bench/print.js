#!/usr/bin/env node
// npm run bench:print (node bench/print.js [--runs 5] [--members 300] [--meeting agm|general]):
// the time `coop print notice <meeting> --letters` takes to write the letters for a notice to 300
// members (issue 13: under 2 s), beside a bare `node -e 0` run between its runs, as ratios of
// wall time and CPU time. The group is a synthetic register of 300 current members (bench/lib),
// every one given a postal address; each run is the built CLI in a fresh process, as a
// secretary runs it.

import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { coop, writeBase, writeGroup } from './lib/group.js';
import { median, timeOnce } from './lib/measure.js';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' }, members: { type: 'string', default: '300' }, meeting: { type: 'string', default: 'agm' } } });
const runs = Number(values.runs);
const members = Number(values.members);
const dir = mkdtempSync(join(tmpdir(), 'coop-bench-print-'));
try {
  const base = join(dir, 'base');
  await writeBase(base);
  const group = join(dir, 'g');
  await writeGroup({ dir: group, base, members, seed: 42 });
  // Every member an address: a later line of the contact store overrides the fields it names.
  const numbers = JSON.parse(must(coop(['member', 'list', '--json'], group))).map((m) => m.number);
  appendFileSync(join(group, 'private', 'contacts.jsonl'), numbers.map((n) => `${JSON.stringify({ member: n, address: `${n} Heol y Bont, Aberystwyth, SY23 1AA` })}\n`).join(''));
  const date = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);
  // An AGM with a special resolution: covering letters and the notice to enclose. A general
  // meeting with one ordinary resolution (--meeting general): the notice in full in each letter.
  const business = values.meeting === 'general' ? ['--resolution', 'Buy a kettle'] : ['--special', 'Change the name to Ŷ Co-op Limited'];
  must(coop(['meeting', 'new', values.meeting, '--date', date, '--time', '18:30', '--place', 'Neuadd y Pentref', ...business], group));

  // Each process also reports the CPU time it used (the Typst compiler's threads included): on a
  // loaded machine, wall time waits for the cores and CPU time much less.
  const cpu = [
    '--import',
    `data:text/javascript,${encodeURIComponent("import { writeSync } from 'node:fs'; process.on('exit', () => { const u = process.cpuUsage(); writeSync(2, '\\ncpu-ms ' + (u.user + u.system) / 1000 + '\\n'); });")}`,
  ];
  const once = (args) => {
    const r = timeOnce(process.execPath, [...cpu, ...args], { cwd: group, capture: true });
    if (r.status !== 0) throw new Error(`${args.join(' ')} failed: ${r.stderr}`);
    return { ...r, cpuMs: Number(/cpu-ms ([\d.]+)/.exec(r.stderr)[1]) };
  };
  const print = [join(import.meta.dirname, '..', 'bin', 'coop.js'), 'print', 'notice', date, '--letters', '--json'];
  const report = JSON.parse(once(print).stdout);
  const work = [];
  const floor = [];
  for (let i = 0; i < runs; i++) {
    work.push(once(print));
    floor.push(once(['-e', '0']));
  }
  const m = median(work.map((r) => r.ms));
  const f = median(floor.map((r) => r.ms));
  const mc = median(work.map((r) => r.cpuMs));
  const fc = median(floor.map((r) => r.cpuMs));
  const files = report.files.map((file) => `${file.path}: ${file.pages} page${file.pages === 1 ? '' : 's'}${file.copies ? `, to print ${file.copies} times` : ''}`).join('; ');
  console.log(`coop print notice --letters, ${report.included.length} letters (${report.leftOut.length} left out) — ${files}`);
  console.log(
    `wall: median ${(m / 1000).toFixed(2)} s over ${runs} runs; node -e 0 ${f.toFixed(0)} ms; ratio ${(m / f).toFixed(1)}×; load average ${loadavg()[0].toFixed(1)} (a loaded machine slows both)`,
  );
  console.log(`CPU: median ${(mc / 1000).toFixed(2)} s; node -e 0 ${fc.toFixed(0)} ms; ratio ${(mc / fc).toFixed(1)}×`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

function must(r) {
  if (r.status !== 0) throw new Error(r.stderr);
  return r.stdout;
}
