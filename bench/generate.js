#!/usr/bin/env node
// Writes one synthetic group, for trying commands on a large register by hand or in a test:
//   node bench/generate.js --members 1000 [--seed 42] [--out bench/out/g1000]
// Needs a build (npm run build). Prints the history's statistics as JSON.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT, writeBase, writeGroup } from './lib/group.js';

const { values } = parseArgs({
  options: {
    members: { type: 'string', default: '1000' },
    seed: { type: 'string', default: '42' },
    out: { type: 'string' },
  },
});
const members = Number(values.members);
const seed = Number(values.seed);
if (!Number.isSafeInteger(members) || members < 1 || !Number.isSafeInteger(seed)) {
  console.error('usage: node bench/generate.js --members N [--seed S] [--out DIR]');
  process.exit(2);
}
const dir = resolve(values.out ?? join(ROOT, 'bench', 'out', `g${members}`));
const scratch = mkdtempSync(join(tmpdir(), 'coop-bench-base-'));
try {
  const base = join(scratch, 'base');
  const from = await writeBase(base);
  const stats = await writeGroup({ dir, base, members, seed });
  console.log(JSON.stringify({ dir, base: from, ...stats }));
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
