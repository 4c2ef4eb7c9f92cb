#!/usr/bin/env node
// `npm create coop` runs this bin: it is `coop new` with the same arguments.
// CommonJS, like bin/coop.js (see bin/package.json).
'use strict';

try {
  require('node:module').enableCompileCache?.(); // from Node 22.1: see bin/coop.js
} catch {
  // Only speed is lost.
}
import(cliModule()).then(({ main }) => main(['new', ...process.argv.slice(2)]));

/** The bundled CLI unless it is missing or older than dist/cli.js: as in bin/coop.js. */
function cliModule() {
  try {
    const fs = require('node:fs');
    const path = require('node:path');
    const dist = path.join(__dirname, '..', 'dist');
    if (fs.statSync(path.join(dist, 'bundle', 'cli.js')).mtimeMs >= fs.statSync(path.join(dist, 'cli.js')).mtimeMs) return '../dist/bundle/cli.js';
  } catch {
    // No bundle: run the modules as tsc wrote them.
  }
  return '../dist/cli.js';
}
