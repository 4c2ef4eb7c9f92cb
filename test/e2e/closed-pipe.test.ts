// A reader that stops early (`coop member list | head -1`) closes the pipe before coop has
// printed everything. The rest is not wanted: coop ends as it would have, with no stack trace,
// and a change it was making is still made whole.

import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BIN, foundGroup, git, tempDir } from '../support/cli.js';

/** Runs the built coop with its stdout a pipe whose reader has already gone. */
function withReaderGone(args: string[], cwd: string): Promise<{ exitCode: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    child.on('error', reject);
    child.on('close', (exitCode) => resolve({ exitCode, stderr }));
  });
}

describe('output to a reader that has gone', () => {
  it('coop --help (the pre-rendered help) ends quietly', async () => {
    const r = await withReaderGone(['--help'], tempDir());
    expect(r.stderr).not.toContain('EPIPE');
    expect(r.exitCode).toBe(0);
  });

  it('read commands end quietly, and a change is still committed whole', async () => {
    const dir = await foundGroup();
    for (const args of [['member', 'list'], ['register'], ['member', 'list', '--json'], ['status']]) {
      const r = await withReaderGone(args, dir);
      expect(r.stderr, args.join(' ')).not.toContain('EPIPE');
      expect(r.exitCode, args.join(' ')).toBe(0);
    }
    const added = await withReaderGone(['member', 'add', 'Ada Okafor', '--json'], dir);
    expect(added.stderr).not.toContain('EPIPE');
    expect(added.exitCode).toBe(0);
    expect(await git(dir, ['log', '-1', '--format=%s'])).toContain('Ada Okafor');
    expect(await git(dir, ['status', '--porcelain'])).toBe('');
  });
});
