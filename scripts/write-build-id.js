// Last build step: names this build by a hash of everything it put in dist/ (and the package
// version), in dist/build-id.json. The params cache (src/io/params-cache.ts) keys a validated
// coop.yml on it, so that code which checks coop.yml differently never trusts an older verdict.
// It runs last, over everything the build wrote before it.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const OUT = 'build-id.json';

function files(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
}

const hash = createHash('sha256');
hash.update(`create-coop@${JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version}\n`);
for (const file of files(dist)
  .map((f) => relative(dist, f).split('\\').join('/'))
  .filter((f) => f !== OUT)
  .sort()) {
  hash.update(`${file}\n`);
  hash.update(readFileSync(join(dist, file)));
}
writeFileSync(join(dist, OUT), `${JSON.stringify({ id: hash.digest('hex').slice(0, 32) })}\n`);
