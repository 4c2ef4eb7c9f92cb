// Build step after tsc: bundles the CLI (dist/cli.js, our modules and the libraries every run
// needs: commander, yaml, zod) into a few files in dist/bundle/, which bin/coop.js runs. Node
// loads one file much faster than many (zod alone is ~95 ES modules; bench/README.md has the
// figures). Each command is still its own chunk, loaded when run,
// and each library its own "vendor-<name>" chunk, so tests can still see what a command loads.
// Not bundled: the prompt library (only `coop new` at a terminal asks questions; left as it is
// published) and Handlebars' compiler, which render.ts requires only for a template edited since
// the build (its runtime, ~30 CommonJS files, is bundled as one chunk). dist/cli.js stays as tsc
// wrote it, for the library and the in-process tests.
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const out = join(dist, 'bundle');
rmSync(out, { recursive: true, force: true });

await build({
  input: { cli: join(dist, 'cli.js') },
  platform: 'node',
  // The PDF engine (a native addon chosen per platform at run time) and the PDF reader stay as
  // published: only `coop print` and a `coop check` that finds a tracked PDF import them.
  external: [/^node:/, /^@inquirer\//, /^@myriaddreamin\//, /^unpdf(\/|$)/],
  logLevel: 'warn',
  output: {
    dir: out,
    format: 'esm',
    // Comments are for the sources: every run reads, scans and keeps the text of each chunk it
    // loads, and JSDoc was a quarter of it. Licence comments stay.
    comments: { legal: true, annotation: false, jsdoc: false },
    chunkFileNames: '[name]-[hash].js',
    codeSplitting: {
      groups: [
        {
          debugName: 'vendor',
          name: (id) => {
            const pkg = /[\\/]node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)[\\/]/.exec(id)?.[1];
            return pkg ? `vendor-${pkg.replace(/[\\/]/g, '-')}` : null;
          },
        },
      ],
    },
  },
});
