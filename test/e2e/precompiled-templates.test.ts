// The build precompiles every template (scripts/precompile-templates.js) so that commands
// render with Handlebars' runtime alone. The founding-document snapshots (new-snapshots) show
// the precompiled templates render the same documents; these tests show the build covers
// every template as it now reads, and that `coop new` really does skip the compiler.

import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { join, read, ROOT, tempDir } from '../support/cli.js';
import { modulesLoadedBy } from '../support/loads.js';

const TEMPLATES = join(ROOT, 'templates');
const templates = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? templates(join(dir, e.name)) : e.name.endsWith('.hbs') ? [join(dir, e.name)] : []));

describe('precompiled templates', () => {
  it('cover every template under templates/, each as its file now reads', () => {
    const built = createRequire(import.meta.url)(join(ROOT, 'dist', 'templates.cjs')) as Record<string, { source: string }>;
    const files = templates(TEMPLATES).map((f) => relative(TEMPLATES, f).split(sep).join('/'));
    expect(Object.keys(built).sort()).toEqual(files.sort());
    for (const name of files) expect(built[name]!.source, `${name} changed since the build: run npm run build`).toBe(read(join(TEMPLATES, name)));
  });

  it('spare coop new the Handlebars compiler', async () => {
    const { loaded, exitCode } = await modulesLoadedBy(['new', '--yes', '--no-git', 'group'], tempDir());
    expect(exitCode).toBe(0);
    expect(loaded.some((url) => url.includes('/node_modules/handlebars/dist/cjs/handlebars.runtime.js'))).toBe(true);
    expect(loaded.filter((url) => /\/node_modules\/handlebars\/(lib\/index\.js|dist\/cjs\/handlebars\/compiler\/)/.test(url))).toEqual([]);
  });
});
