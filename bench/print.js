#!/usr/bin/env node
// node bench/print.js [--runs 5]: the time to typeset the letters pack for a notice to 300
// members (issue 13: under 2 s), beside a bare `node -e 0` run between runs, as a ratio. A real
// group's notice (coop new --yes, coop meeting new agm) is printed as 300 addressed letters
// by the built `coop print`'s own modules, in a fresh process each run, as the command runs.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT, BIN } from './lib/group.js';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' }, letters: { type: 'string', default: '300' } } });
const runs = Number(values.runs);
const letters = Number(values.letters);
const dir = mkdtempSync(join(tmpdir(), 'coop-bench-print-'));
const env = { ...process.env, GIT_AUTHOR_NAME: 'Bench', GIT_AUTHOR_EMAIL: 'bench@example.org', GIT_COMMITTER_NAME: 'Bench', GIT_COMMITTER_EMAIL: 'bench@example.org' };
const group = join(dir, 'g');
execFileSync(process.execPath, [BIN, 'new', '--yes', '--no-git', group], { env, stdio: 'ignore' });
execFileSync(
  process.execPath,
  [BIN, 'meeting', 'new', 'agm', '--date', '2099-06-10', '--time', '18:30', '--place', 'Neuadd y Pentref', '--special', 'Change the name', '--no-commit'],
  { cwd: group, env, stdio: 'ignore' },
);

// One process per run: load the engine, typeset, write the PDF, as `coop print notice --letters` does.
const script = join(dir, 'typeset.mjs');
writeFileSync(
  script,
  `import { readFileSync, writeFileSync } from 'node:fs';
import { noticeLetters, chooseLetters } from ${JSON.stringify(join(ROOT, 'dist/core/print/papers.js'))};
import { typeset } from ${JSON.stringify(join(ROOT, 'dist/io/pdf.js'))};
const names = ['Siân Ŵyn', 'Łukasz Wójcik', 'Gwenllïan ap Dafydd', 'Priya Sharma'];
const members = Array.from({ length: ${letters} }, (_, i) => ({ number: i + 1, name: names[i % 4] + ' ' + (i + 1), address: (i + 1) + ' Heol y Bont, Aberystwyth, SY23 1AA' }));
const notice = readFileSync(${JSON.stringify(join(group, 'meetings', '2099-06-10-agm', 'notice.md'))}, 'utf8');
const doc = noticeLetters('Bench Co-operative Limited', notice, { type: 'agm', date: '2099-06-10', noticeDate: '2099-05-01' }, chooseLetters(members));
const { pdf, pages } = await typeset(doc);
writeFileSync(${JSON.stringify(join(dir, 'letters.pdf'))}, pdf);
process.stdout.write(String(pages));
`,
);
const time = (args) => {
  const t = process.hrtime.bigint();
  const out = execFileSync(process.execPath, args, { encoding: 'utf8' });
  return { ms: Number(process.hrtime.bigint() - t) / 1e6, out };
};
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
time([script]);
const work = [];
const floor = [];
let pages = '';
for (let i = 0; i < runs; i++) {
  const r = time([script]);
  work.push(r.ms);
  pages = r.out;
  floor.push(time(['-e', '0']).ms);
}
const m = median(work);
const f = median(floor);
console.log(
  `${letters} letters (${pages} pages): median ${(m / 1000).toFixed(2)} s over ${runs} runs; node -e 0 ${f.toFixed(0)} ms; ratio ${(m / f).toFixed(1)}×; load average ${loadavg()[0].toFixed(1)}`,
);
rmSync(dir, { recursive: true, force: true });
