// Build step after tsc: renders `coop --help` with commander, exactly as a run of the CLI
// prints it into a pipe (80 columns), to dist/help.txt. bin/coop.js prints that file for plain
// `coop --help` without loading commander; test/e2e/help-fast-path.test.ts checks the two agree.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const cli = pathToFileURL(join(dist, 'cli.js')).href;
const r = spawnSync(process.execPath, ['--input-type=module', '-e', `const { main } = await import(${JSON.stringify(cli)}); await main(['--help']);`], {
  encoding: 'utf8',
  stdio: ['ignore', 'pipe', 'pipe'],
});
if (r.status !== 0 || r.stderr !== '' || !r.stdout.startsWith('Usage: coop')) {
  console.error(`write-help: rendering coop --help failed (exit ${r.status}):\n${r.stderr}`);
  process.exit(1);
}
writeFileSync(join(dist, 'help.txt'), r.stdout);
