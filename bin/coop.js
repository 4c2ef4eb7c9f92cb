#!/usr/bin/env node
// The `coop` command. It hands its arguments to the CLI as `npm run build` bundled it
// (dist/bundle/cli.js, scripts/bundle.js), with one exception: plain
// `coop --help` (or -h, `coop help`, and `coop` alone) prints the help text that the build
// rendered with commander itself (scripts/write-help.js), without loading commander or the
// CLI. Help is the first thing people run and should come back as fast as Node can start.
// This file is CommonJS (see bin/package.json): Node starts a CommonJS entry sooner than an
// ES module one, which the --help budget (≤ 1.2 × a bare `node -e 0`) cannot spare.
'use strict';

const args = process.argv.slice(2);
const help = prerenderedHelp(args);
if (help) {
  // A reader that closed the pipe early (`coop --help | head -1`) wanted no more: no stack trace
  // (the same rule as src/io/context.ts, quietWhenReaderLeaves).
  help.stream.on('error', (error) => {
    if (error.code !== 'EPIPE') throw error;
  });
  help.stream.write(help.text);
} else {
  enableCompileCache();
  import('../dist/bundle/cli.js').then(({ main }) => main(args));
}

/**
 * From Node 22.1, keep V8's compiled code for our modules and their dependencies on disk, so
 * later runs skip most of the compiling that dominates start-up. A no-op on Node 20.
 */
function enableCompileCache() {
  try {
    require('node:module').enableCompileCache?.();
  } catch {
    // A cache that cannot be kept costs only speed.
  }
}

/** The pre-rendered help and where commander would print it, or null to let commander do it. */
function prerenderedHelp(argv) {
  // With no command commander shows help on stderr; asked for, on stdout.
  const stream = argv.length === 0 ? process.stderr : argv.length === 1 && ['--help', '-h', 'help'].includes(argv[0]) ? process.stdout : null;
  // The help was rendered 80 columns wide, the most cli.ts allows; a narrower terminal gets
  // commander's own wrapping.
  if (!stream || (stream.isTTY && stream.columns < 80)) return null;
  try {
    const fs = require('node:fs');
    const path = require('node:path');
    // Written by the same build as the bundle; without it (a build that stopped early),
    // commander prints the help itself.
    return { stream, text: fs.readFileSync(path.join(__dirname, '..', 'dist', 'help.txt'), 'utf8') };
  } catch {
    return null;
  }
}
