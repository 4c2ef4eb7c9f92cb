// Where the package's own files are (templates/, dist/), wherever it runs from: the modules tsc
// wrote (dist/io/), the bundle's chunks (dist/bundle/), or the sources under test (src/io/).
// The one module that knows; the others ask it for a path.

import { existsSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = fileURLToPath(import.meta.url);
let root: string | undefined;

/** The package's folder: the nearest one above this module that holds a package.json. */
export function packageRoot(): string {
  if (root !== undefined) return root;
  let dir = dirname(HERE);
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  root = dir;
  return root;
}

/** A path inside the package: packagePath('templates', 'meeting'). */
export function packagePath(...parts: string[]): string {
  return join(packageRoot(), ...parts);
}

/** True when this code runs from the build in dist/ (tsc's modules or the bundle), not the sources. */
export function runsFromBuild(): boolean {
  return HERE.startsWith(packagePath('dist') + sep);
}
