#!/usr/bin/env node
// `npm create coop` runs this bin: it is `coop new` with the same arguments.
import { main } from '../dist/cli.js';

main(['new', ...process.argv.slice(2)]);
