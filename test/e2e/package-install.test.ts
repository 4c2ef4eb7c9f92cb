// The package as people get it: `npm pack`, installed from the tarball into an empty folder far
// from this source tree (its dependencies come from the npm registry or npm's cache, as they
// would for a user), then `npm exec create-coop -- --yes demo` (what `npm create coop demo`
// runs) and `coop` from there. It also pins what the tarball holds: what the bins, the library
// and the templates need, and nothing else.

import { readFileSync } from 'node:fs';
import { execa } from 'execa';
import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, GIT_IDENTITY, git, join, ROOT, tempDir } from '../support/cli.js';

// Each npm exec starts npm and then coop: a few seconds each on a quiet machine, more on a busy
// one, so these tests get more time than vitest's default.
const NPM_ENV = { ...GIT_IDENTITY, NO_COLOR: '1', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };

let packed: string[] = [];
let home = '';

beforeAll(async () => {
  const out = tempDir('coop-pack-');
  // --ignore-scripts: the tarball is made from the dist/ this run already built (prepare would
  // rebuild it under the feet of the other test files).
  const pack = await execa('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', out], { cwd: ROOT, env: NPM_ENV });
  const [info] = JSON.parse(pack.stdout) as { filename: string; files: { path: string }[] }[];
  packed = info!.files.map((f) => f.path).sort();
  home = tempDir('coop-installed-');
  await execa('npm', ['init', '--yes'], { cwd: home, env: NPM_ENV });
  await execa('npm', ['install', '--prefer-offline', join(out, info!.filename)], { cwd: home, env: NPM_ENV });
}, 300_000);

describe('the published package', () => {
  it('holds the bins, one built CLI, the library and the templates, and no tests, bench or sources', () => {
    for (const needed of [
      'bin/coop.js',
      'bin/create-coop.js',
      'dist/bundle/cli.js',
      'dist/help.txt',
      'dist/templates/governing/society-rules.md.hbs.cjs',
      'dist/build-id.json',
      'dist/index.js',
      'dist/index.d.ts',
      'templates/group/README.md.hbs',
      'README.md',
      'package.json',
    ]) {
      expect(packed).toContain(needed);
    }
    // The CLI ships once, bundled; tsc's module-by-module copy of it stays behind.
    expect(packed.filter((f) => f === 'dist/cli.js' || f.startsWith('dist/commands/'))).toEqual([]);
    expect(packed.filter((f) => /^(test|bench|src|scripts|\.ci)\//.test(f) || (f.endsWith('.ts') && !f.endsWith('.d.ts')))).toEqual([]);
  });

  it('founds a group with npm exec create-coop, as npm create coop does', async () => {
    const r = await execa('npm', ['exec', '--', 'create-coop', '--yes', 'demo'], { cwd: home, env: NPM_ENV, reject: false, stdin: 'ignore' });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(existsSync(join(home, 'demo', 'coop.yml'))).toBe(true);
    expect(await git(join(home, 'demo'), ['log', '--format=%s'])).not.toBe('');
  }, 180_000);

  it('runs coop from the installed package in the new group', async () => {
    const demo = join(home, 'demo');
    const list = await execa('npm', ['exec', '--', 'coop', 'member', 'list', '--json'], { cwd: demo, env: NPM_ENV, reject: false, stdin: 'ignore' });
    expect(list.exitCode, list.stderr).toBe(0);
    expect(Array.isArray(JSON.parse(list.stdout))).toBe(true);
    const check = await execa('npm', ['exec', '--', 'coop', 'check'], { cwd: demo, env: NPM_ENV, reject: false, stdin: 'ignore' });
    expect(check.exitCode, check.stdout + check.stderr).toBe(0);
    const add = await execa('npm', ['exec', '--', 'coop', 'member', 'add', 'Sam Okafor'], { cwd: demo, env: NPM_ENV, reject: false, stdin: 'ignore' });
    expect(add.exitCode, add.stderr).toBe(0);
    // The installed build knows its build id, so once a change has made coop's working folder
    // it keeps coop.yml's verdict in its cache.
    expect(existsSync(join(demo, '.coop', 'cache', 'snapshot.json'))).toBe(true);
    // It ran the installed copy, not this source tree.
    const installed = JSON.parse(readFileSync(join(home, 'node_modules', 'create-coop', 'package.json'), 'utf8')) as { name: string };
    expect(installed.name).toBe('create-coop');
    expect(existsSync(join(home, 'node_modules', 'create-coop', 'src'))).toBe(false);
  }, 180_000);

  it("installs again from a copy packed from the installed package, as the group's README tells the next secretary", async () => {
    // The README's route when create-coop is not on the registry: npm pack the installed copy
    // (there "$(npm root --global)/create-coop"; here the folder this test installed into), then
    // npx -p the file. The version is the one coop new wrote in coop.yml and the README.
    const demo = join(home, 'demo');
    const version = /version: (\S+)/.exec(readFileSync(join(demo, 'coop.yml'), 'utf8'))?.[1];
    expect(readFileSync(join(demo, 'README.md'), 'utf8')).toContain(`npx -p ./create-coop-${version}.tgz coop status`);
    const out = tempDir('coop-repack-');
    const pack = await execa('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', out, join(home, 'node_modules', 'create-coop')], { cwd: out, env: NPM_ENV });
    const [info] = JSON.parse(pack.stdout) as { filename: string }[];
    expect(info!.filename).toBe(`create-coop-${version}.tgz`);
    const status = await execa('npx', ['--yes', '-p', join(out, info!.filename), 'coop', 'status'], {
      cwd: demo,
      env: { ...NPM_ENV, npm_config_prefer_offline: 'true' },
      reject: false,
      stdin: 'ignore',
    });
    expect(status.exitCode, status.stderr).toBe(0);
    expect(status.stdout).toMatch(/Members/i);
  }, 300_000);
});
