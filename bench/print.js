#!/usr/bin/env node
// npm run bench:print (node bench/print.js [--runs 5] [--members 300]): the time `coop print
// notice <agm> --letters` takes to write the letters for a notice to 300 members (issue 13: under
// 2 s), beside a bare `node -e 0` run between its runs, as a ratio. The group is a synthetic
// register of 300 current members (bench/lib), every one given a postal address, with an AGM
// that has a special resolution; each run is the built CLI in a fresh process, as a secretary
// runs it.

import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { coop, writeBase, writeGroup } from './lib/group.js';
import { median, timeOnce } from './lib/measure.js';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' }, members: { type: 'string', default: '300' } } });
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
  must(coop(['meeting', 'new', 'agm', '--date', date, '--time', '18:30', '--place', 'Neuadd y Pentref', '--special', 'Change the name to Ŷ Co-op Limited'], group));

  const args = [join(import.meta.dirname, '..', 'bin', 'coop.js'), 'print', 'notice', date, '--letters', '--json'];
  const once = () => {
    const r = timeOnce(process.execPath, args, { cwd: group, capture: true });
    if (r.status !== 0) throw new Error(`coop print failed: ${r.stderr}`);
    return r;
  };
  const report = JSON.parse(once().stdout);
  const work = [];
  const floor = [];
  for (let i = 0; i < runs; i++) {
    work.push(once().ms);
    floor.push(timeOnce(process.execPath, ['-e', '0'], { cwd: group }).ms);
  }
  const m = median(work);
  const f = median(floor);
  const files = report.files.map((file) => `${file.path}: ${file.pages} page${file.pages === 1 ? '' : 's'}${file.copies ? `, to print ${file.copies} times` : ''}`).join('; ');
  console.log(`coop print notice --letters, ${report.included.length} letters (${report.leftOut.length} left out) — ${files}`);
  console.log(
    `median ${(m / 1000).toFixed(2)} s over ${runs} runs; node -e 0 ${f.toFixed(0)} ms; ratio ${(m / f).toFixed(1)}×; load average ${loadavg()[0].toFixed(1)} (a loaded machine slows both)`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}

function must(r) {
  if (r.status !== 0) throw new Error(r.stderr);
  return r.stdout;
}
