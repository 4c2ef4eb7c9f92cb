// A figure's CPU profile (`node bench/run.js --profile DIR`), and where its time goes: the
// functions that take most time themselves, and the calls that take most with everything they
// call. How a figure over its budget is explained, and what a change saved, is read from these.
//
//   node bench/lib/profile.js FILE.cpuprofile [N]   prints the summary of a profile taken by hand

import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Runs node `args` once under --cpu-prof; writes DIR/<id>.cpuprofile and DIR/<id>.txt; returns the summary's path. */
export function profileOnce(dir, id, args, { cwd, env }) {
  const out = resolve(dir);
  const scratch = join(out, `.${id}`);
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(scratch, { recursive: true });
  const r = spawnSync(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${scratch}`, ...args], { cwd, env, stdio: 'ignore' });
  if (r.error) throw r.error;
  const [file] = readdirSync(scratch).filter((f) => f.endsWith('.cpuprofile'));
  if (!file) throw new Error(`no profile written for ${id}`);
  const name = id.replace(/[^\w@.-]/g, '_');
  const profile = join(out, `${name}.cpuprofile`);
  renameSync(join(scratch, file), profile);
  rmSync(scratch, { recursive: true, force: true });
  const summary = join(out, `${name}.txt`);
  writeFileSync(summary, summarise(JSON.parse(readFileSync(profile, 'utf8'))));
  return summary;
}

/** The profile's total, then its top `n` functions by self time and by inclusive time, in ms. */
export function summarise(profile, n = 25) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const sampled = new Map();
  for (const [i, id] of profile.samples.entries()) sampled.set(id, (sampled.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  // A function is named by where it is: the bundle's chunk names change with every build, so only the file's tail is kept.
  const label = (node) => {
    const { functionName, url, lineNumber } = node.callFrame;
    return `${functionName || '(anonymous)'} ${url.replace(/.*\/(dist|node_modules|src)\//, '$1/')}${url ? `:${lineNumber + 1}` : ''}`;
  };
  const self = new Map();
  const inclusive = new Map();
  let total = 0;
  for (const [id, us] of sampled) {
    total += us;
    const own = label(byId.get(id));
    self.set(own, (self.get(own) ?? 0) + us);
    // Each function counts once per sample, however deep its recursion.
    const seen = new Set();
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const name = label(byId.get(at));
      if (seen.has(name)) continue;
      seen.add(name);
      inclusive.set(name, (inclusive.get(name) ?? 0) + us);
    }
  }
  const top = (map) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([name, us]) => `${(us / 1000).toFixed(0).padStart(7)} ms  ${name}`);
  return [`total ${(total / 1000).toFixed(0)} ms`, '', 'self time:', ...top(self), '', 'inclusive time:', ...top(inclusive), ''].join('\n');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [file, n] = process.argv.slice(2);
  if (!file) {
    console.error('usage: node bench/lib/profile.js FILE.cpuprofile [N]');
    process.exit(2);
  }
  process.stdout.write(summarise(JSON.parse(readFileSync(file, 'utf8')), Number(n) || 25));
}
