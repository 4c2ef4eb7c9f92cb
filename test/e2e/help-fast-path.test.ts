// bin/coop.js prints a pre-rendered help for plain `coop --help` (and `coop` alone) instead of
// loading commander. It must never say anything commander would not: same text, same stream,
// same exit code; and it must step aside when the build left no copy.

import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { coop, join, ROOT, tempDir } from '../support/cli.js';
import { modulesLoadedBy } from '../support/loads.js';

/** What commander itself prints for these arguments, bypassing the bin's fast path. */
async function viaCommander(args: string[]) {
  const cli = pathToFileURL(join(ROOT, 'dist', 'cli.js')).href;
  return execa(process.execPath, ['--input-type=module', '-e', `const { main } = await import(${JSON.stringify(cli)}); await main(${JSON.stringify(args)});`], {
    reject: false,
    stdin: 'ignore',
  });
}

describe('the pre-rendered help', () => {
  for (const args of [['--help'], ['-h'], ['help'], []]) {
    it(`coop ${args.join(' ') || '(no arguments)'} prints exactly what commander prints`, async () => {
      const cwd = tempDir();
      const fast = await coop(args, { cwd });
      const slow = await viaCommander(args);
      expect(slow.stdout + slow.stderr).toContain('Usage: coop');
      expect(fast.stdout).toBe(slow.stdout);
      expect(fast.stderr).toBe(slow.stderr);
      expect(fast.exitCode).toBe(slow.exitCode);
    });
  }

  it('is what the built coop --help prints: it loads no module of the CLI', async () => {
    const { loaded, stdout } = await modulesLoadedBy(['--help'], tempDir());
    expect(stdout).toContain('Usage: coop');
    const cli = loaded.filter((url) => url.includes('/dist/'));
    expect(cli, 'dist/help.txt is missing: build with npm run build, not tsc alone').toEqual([]);
  });

  it('is printed from dist/help.txt, and by commander when that file is missing', async () => {
    // A stand-in package: the real bin, a help.txt and a bundled CLI that says it was called.
    const pkg = tempDir();
    mkdirSync(join(pkg, 'bin'));
    mkdirSync(join(pkg, 'dist', 'bundle'), { recursive: true });
    for (const f of ['coop.js', 'package.json']) copyFileSync(join(ROOT, 'bin', f), join(pkg, 'bin', f));
    writeFileSync(join(pkg, 'package.json'), '{"type":"module"}\n');
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the stand-in module's own source, not a template
    writeFileSync(join(pkg, 'dist', 'bundle', 'cli.js'), 'export async function main(args) { process.stdout.write(`commander ${JSON.stringify(args)}`); }\n');
    writeFileSync(join(pkg, 'dist', 'help.txt'), 'pre-rendered help\n');
    const run = async (args: string[]) => (await coop(args, { cwd: pkg, bin: join(pkg, 'bin', 'coop.js') })).stdout;

    expect(await run(['--help'])).toBe('pre-rendered help');
    expect(await run(['help'])).toBe('pre-rendered help');
    expect(await run(['member', '--help'])).toBe('commander ["member","--help"]');
    expect(await run(['--help', '--json'])).toBe('commander ["--help","--json"]');

    rmSync(join(pkg, 'dist', 'help.txt'));
    expect(await run(['--help'])).toBe('commander ["--help"]');
  });
});
