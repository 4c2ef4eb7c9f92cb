// Preloaded (node --import, through NODE_OPTIONS) by the module-loading tests: records every
// module the process loads, one URL a line, in the file named by COOP_RECORD_LOADS. ES modules
// (and CommonJS ones they import) are recorded by a loader hook as they load; modules loaded
// with require() are listed from the require cache when the process exits.
import { appendFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';
import { pathToFileURL } from 'node:url';

const file = process.env.COOP_RECORD_LOADS;
if (file) {
  register('./record-loads-hooks.mjs', import.meta.url);
  const cache = createRequire(import.meta.url).cache;
  process.on('exit', () =>
    appendFileSync(
      file,
      Object.keys(cache)
        .map((path) => `${pathToFileURL(path).href}\n`)
        .join(''),
    ),
  );
}
