// A group written straight to disk, for tests of the register and meetings that should not
// depend on `coop new` (its own tests cover it). Valid by construction: defaults for the kind
// and form, the founders admitted on the founding date and the first three made officers.

import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { defaultParams, legalName } from '../../src/core/defaults.js';
import { encodeEvent, type LedgerEvent } from '../../src/core/ledger/events.js';
import type { CoopParamsInput, Form, Jurisdiction, Kind } from '../../src/core/params.js';
import { git, onTempDirsRemoved, tempDir } from './cli.js';

export interface FixtureOptions {
  kind?: Kind;
  form?: Form;
  jurisdiction?: Jurisdiction;
  founded?: string;
  founders?: string[];
  /** Changes to the default parameters, applied on top. */
  tweak?: (p: CoopParamsInput) => void;
  git?: boolean;
}

/**
 * Each fixture built in this test file, by what it holds: a second group alike is a copy of the
 * first (git's files and all), not three more git processes. A copy has the same commit.
 */
const built = new Map<string, string>();
onTempDirsRemoved(() => built.clear());

export async function fixtureGroup(options: FixtureOptions = {}): Promise<string> {
  const kind = options.kind ?? 'worker-coop';
  const form = options.form ?? 'co-operative-society';
  const founded = options.founded ?? '2024-01-15';
  const founders = options.founders ?? ['Ada Founder', 'Ben Founder', 'Cai Founder'];
  const params = defaultParams({ kind, form, jurisdiction: options.jurisdiction ?? 'england-wales', name: legalName('Fixture Group', form), founded });
  options.tweak?.(params);
  const dir = join(tempDir(), 'group');
  const key = JSON.stringify([params, founders, options.git !== false]);
  const template = built.get(key);
  if (template !== undefined) {
    cpSync(template, dir, { recursive: true });
    return dir;
  }
  mkdirSync(join(dir, 'register'), { recursive: true });
  writeFileSync(join(dir, 'coop.yml'), stringify(params));
  const shares = params.shares ? params.shares.minimumHolding : 0;
  const events: LedgerEvent[] = [];
  for (const [i, name] of founders.entries()) events.push({ seq: events.length + 1, date: founded, type: 'admit', member: i + 1, name, shares });
  for (const [i, role] of ['chair', 'secretary', 'treasurer'].slice(0, founders.length).entries()) {
    events.push({ seq: events.length + 1, date: founded, type: 'appoint', member: i + 1, role });
  }
  writeFileSync(join(dir, 'register', 'ledger.jsonl'), events.map((e) => `${encodeEvent(e)}\n`).join(''));
  writeFileSync(join(dir, '.gitignore'), '/private/\n/.coop/\n');
  // As coop new makes it: a private store, empty until contact details are given.
  mkdirSync(join(dir, 'private'));
  writeFileSync(join(dir, 'private', 'contacts.jsonl'), '');
  if (options.git !== false) {
    // No template: git's sample hooks and the like would be copied with every copy of the
    // group (and removed with it), and nothing here reads them.
    await git(dir, ['init', '-q', '--template=', '-b', 'main']);
    await git(dir, ['add', '-A']);
    await git(dir, ['commit', '-q', '-m', 'Found the fixture group']);
  }
  const copy = join(tempDir('coop-fixture-'), 'group');
  cpSync(dir, copy, { recursive: true });
  built.set(key, copy);
  return dir;
}

/**
 * A group made once per test file by `make` (coop commands run on a fixture, say), then handed
 * out as exact copies: `cp -a` keeps every file's modification time to the nanosecond, so the
 * snapshot in .coop/cache/ (keyed on each file's size and time) is as warm in a copy as in the
 * group it was made in, and git's commits are the same. The first call gets the group itself.
 */
export function madeOnce(make: () => Promise<string>): () => Promise<string> {
  let template: string | undefined;
  onTempDirsRemoved(() => {
    template = undefined;
  });
  return async () => {
    if (template === undefined) {
      const dir = await make();
      template = join(tempDir('coop-made-once-'), 'group');
      execFileSync('cp', ['-a', dir, template]);
      return dir;
    }
    const dir = join(tempDir(), 'group');
    execFileSync('cp', ['-a', template, dir]);
    return dir;
  };
}
