// The founding documents of three groups, compared with files under test/snapshots/. A
// change to a template or its context shows up as a diff there, to review like any change.

import { existsSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { coop, join, read, tempDir } from '../support/cli.js';

const GROUPS: [string, string[]][] = [
  ['worker-coop-society', ['--kind', 'worker-coop', '--name', 'Riverside Bakers Limited', '--area', 'Hebden Bridge', '--office', '1 Mill Lane, Hebden Bridge HX7 8AA']],
  [
    'radio-cic-northern-ireland',
    [
      '--kind',
      'community-radio',
      '--form',
      'cic',
      '--jurisdiction',
      'northern-ireland',
      '--name',
      'Foyle Community Radio CIC',
      '--area',
      'Derry and Strabane',
      '--decisions',
      'consensus',
    ],
  ],
  [
    'neighbourhood-association-scotland',
    ['--kind', 'neighbourhood-group', '--jurisdiction', 'scotland', '--name', 'Leith Walk Residents', '--area', 'Leith Walk, Edinburgh', '--founder', 'Dee Brown'],
  ],
];

const FILES = ['coop.yml', 'README.md', 'documents/founding-minutes.md', 'documents/next-steps.md', 'documents/privacy-notice.md'];

describe('founding documents match their snapshots', () => {
  it.each(GROUPS)('%s', async (name, args) => {
    const parent = tempDir();
    const r = await coop(
      ['new', name, ...args, '--founder', 'Ada Lovelace <ada@example.org>', '--founder', 'Ben O*kri', '--founder', 'Cai | Jones', '--founded', '2026-04-01', '--no-git'],
      { cwd: parent },
    );
    expect(r.exitCode, String(r.stderr)).toBe(0);
    // The registration pack differs by form (none for an association): snapshot whatever is there.
    const packDir = join(parent, name, 'documents', 'registration');
    const pack = existsSync(packDir)
      ? readdirSync(packDir)
          .sort()
          .map((f) => `documents/registration/${f}`)
      : [];
    expect(pack.length > 0).toBe(name !== 'neighbourhood-association-scotland');
    for (const file of [...FILES, ...pack]) {
      await expect(read(join(parent, name, file))).toMatchFileSnapshot(`../snapshots/${name}/${file}`);
    }
  });
});
