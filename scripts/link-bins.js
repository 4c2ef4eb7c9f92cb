// npm links a package's bins for its dependants, never for the package itself, so in a
// clone `npx coop` would go looking on the registry. Linking our own bins into
// node_modules/.bin after install makes the README's `npx coop new --yes demo-coop` work.
import { existsSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const binDir = join(root, 'node_modules', '.bin');
if (existsSync(join(root, 'node_modules'))) {
  mkdirSync(binDir, { recursive: true });
  for (const name of ['coop', 'create-coop']) {
    const link = join(binDir, name);
    rmSync(link, { force: true });
    symlinkSync(relative(binDir, join(root, 'bin', `${name}.js`)), link);
  }
}
