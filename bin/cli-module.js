// Which build of the CLI the bins run: the bundle (scripts/bundle.js: a few files load faster
// than many), unless it is missing or older than dist/cli.js — a build that ran tsc alone
// since — when the modules tsc wrote are the true CLI. Returned relative to this folder.
'use strict';

const fs = require('node:fs');
const path = require('node:path');

exports.cliModule = function cliModule() {
  try {
    const dist = path.join(__dirname, '..', 'dist');
    if (fs.statSync(path.join(dist, 'bundle', 'cli.js')).mtimeMs >= fs.statSync(path.join(dist, 'cli.js')).mtimeMs) return '../dist/bundle/cli.js';
  } catch {
    // No bundle: run the modules as tsc wrote them.
  }
  return '../dist/cli.js';
};
