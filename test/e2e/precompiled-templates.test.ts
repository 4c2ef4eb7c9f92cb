// The build precompiles every template (scripts/precompile-templates.js) so that commands
// render with Handlebars' runtime alone. The founding-document snapshots (new-snapshots) show
// the precompiled templates render the same documents; these tests show the build covers
// every template as it now reads, and that `coop new` really does skip the compiler.

import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { join, ROOT, tempDir } from '../support/cli.js';
import { modulesLoadedBy } from '../support/loads.js';

const TEMPLATES = join(ROOT, 'templates');
const templates = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? templates(join(dir, e.name)) : e.name.endsWith('.hbs') ? [join(dir, e.name)] : []));

describe('precompiled templates', () => {
  it('cover every template under templates/, each as its file now reads', () => {
    const BUILT = join(ROOT, 'dist', 'templates');
    const built = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? built(join(dir, e.name)) : e.name.endsWith('.hbs.cjs') ? [join(dir, e.name)] : []));
    const files = templates(TEMPLATES).map((f) => relative(TEMPLATES, f).split(sep).join('/'));
    // One file per template, named for it: dist/templates/<name>.cjs.
    expect(
      built(BUILT)
        .map((f) =>
          relative(BUILT, f)
            .split(sep)
            .join('/')
            .replace(/\.cjs$/, ''),
        )
        .sort(),
    ).toEqual(files.sort());
    const load = createRequire(import.meta.url);
    for (const name of files) {
      const copy = load(join(BUILT, `${name}.cjs`)) as { fingerprint: string };
      const bytes = readFileSync(join(TEMPLATES, name));
      expect(copy.fingerprint, `${name} changed since the build: run npm run build`).toBe(`${bytes.length}:${createHash('sha1').update(bytes).digest('hex')}`);
    }
  });

  it('spare coop new the Handlebars compiler', async () => {
    const { loaded, exitCode } = await modulesLoadedBy(['new', '--yes', '--no-git', 'group'], tempDir());
    expect(exitCode).toBe(0);
    // The runtime is bundled (scripts/bundle.js: its vendor chunk); the compiler is not loaded at all.
    expect(loaded.some((url) => /\/dist\/bundle\/vendor-handlebars-[A-Za-z0-9_-]{8}\.js$/.test(url))).toBe(true);
    expect(loaded.filter((url) => /\/node_modules\/handlebars\//.test(url))).toEqual([]);
    // Only the templates it renders: no meeting's papers.
    expect(loaded.filter((url) => url.includes('/dist/templates/meeting/'))).toEqual([]);
  });
});
