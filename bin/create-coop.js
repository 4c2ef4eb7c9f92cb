#!/usr/bin/env node
// `npm create coop` runs this bin: it is `coop new` with the same arguments.
// CommonJS, like bin/coop.js (see bin/package.json).
'use strict';

try {
  require('node:module').enableCompileCache?.(); // from Node 22.1: see bin/coop.js
} catch {
  // Only speed is lost.
}
import('../dist/bundle/cli.js').then(({ main }) => main(['new', ...process.argv.slice(2)]));
