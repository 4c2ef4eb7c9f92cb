// Where the package's templates are, for modules that must not load the template engine with
// render.ts (the PDF layout is read by `coop print` alone).

import { fileURLToPath } from 'node:url';

export const TEMPLATES_DIR = fileURLToPath(new URL('../../templates', import.meta.url));
