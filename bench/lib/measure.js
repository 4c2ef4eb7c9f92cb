// Running a command and measuring it. Wall time is taken here, around a direct spawn, so the
// figure and its floor pay exactly the same overhead. Peak memory (maximum resident set size)
// comes from GNU time when the machine has it, else from a tiny preload that reports the
// process's own process.resourceUsage().maxRSS at exit; it is measured on the warm-up run,
// which does the same work as the timed runs, so timing never includes the measuring tool.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const GNU_TIME = '/usr/bin/time';
const RSS_HOOK = fileURLToPath(new URL('./maxrss-hook.js', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'coop-bench-rss-'));
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));

/** How peak memory is measured on this machine: 'gnu-time' or 'node-hook'. */
export const memoryProbe = (() => {
  const r = spawnSync(GNU_TIME, ['-f', '%M', '-o', join(scratch, 'probe'), 'true']);
  return r.status === 0 && /^\d+/.test(readFileSync(join(scratch, 'probe'), 'utf8').trim()) ? 'gnu-time' : 'node-hook';
})();

/**
 * Runs `file args` once and returns { ms, status, stderr, stdout? }. Output goes to /dev/null
 * unless `capture` (a large register printed into a pipe would time the pipe, not the command).
 */
export function timeOnce(file, args, { cwd, env, capture = false }) {
  const started = process.hrtime.bigint();
  const r = spawnSync(file, args, { cwd, env, stdio: ['ignore', capture ? 'pipe' : 'ignore', 'pipe'], encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (r.error) throw r.error;
  return { ms, status: r.status, stderr: r.stderr ?? '', stdout: r.stdout ?? '' };
}

/**
 * Runs `file args` once and returns its peak memory in MiB along with the result. For node
 * commands without GNU time, the hook is preloaded with --import.
 */
export function memoryOnce(file, args, { cwd, env }) {
  const out = join(scratch, `rss-${process.hrtime.bigint()}`);
  let r;
  if (memoryProbe === 'gnu-time') {
    r = spawnSync(GNU_TIME, ['-f', '%M', '-o', out, file, ...args], { cwd, env, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  } else if (file === process.execPath) {
    r = spawnSync(file, ['--import', RSS_HOOK, ...args], { cwd, env: { ...env, COOP_BENCH_RSS_FILE: out }, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  } else {
    r = spawnSync(file, args, { cwd, env, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  }
  if (r.error) throw r.error;
  let kib = null;
  try {
    // GNU time writes "Command exited with non-zero status N" before the number on failure.
    kib = Number(readFileSync(out, 'utf8').trim().split('\n').pop());
  } catch {
    kib = null;
  }
  return { mib: kib === null || Number.isNaN(kib) ? null : kib / 1024, status: r.status, stderr: r.stderr ?? '' };
}

export function median(values) {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}
