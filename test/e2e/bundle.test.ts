// bin/coop.js runs the bundled CLI (scripts/bundle.js), which must be the CLI tsc built: the
// same answers, loaded from dist/bundle/ rather than module by module from dist/.

import { describe, expect, it } from 'vitest';
import { fixtureGroup } from '../support/fixture-group.js';
import { modulesLoadedBy } from '../support/loads.js';

describe('the bundled CLI', () => {
  it('is what the built coop runs, and the libraries it bundles are not loaded from node_modules', async () => {
    const group = await fixtureGroup();
    const { loaded, exitCode, stdout } = await modulesLoadedBy(['member', 'list', '--json'], group);
    expect(exitCode).toBe(0);
    expect(JSON.parse(stdout)).toHaveLength(3);
    expect(loaded.some((url) => url.endsWith('/dist/bundle/cli.js'))).toBe(true);
    expect(loaded.filter((url) => /\/dist\/(cli|io\/[^/]+|api\/[^/]+)\.js$/.test(url))).toEqual([]);
    expect(loaded.filter((url) => /\/node_modules\/(commander|yaml|zod)\//.test(url))).toEqual([]);
  });
});
