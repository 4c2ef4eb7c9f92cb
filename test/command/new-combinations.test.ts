// Every kind/form/jurisdiction that issue 2 says is valid founds a group end to end: the
// built CLI (run in this process, as the command tier runs it), one commit, a clean tree, and
// a coop.yml that coop's own loader accepts. One test, run in sequence: the machine is small
// and each run starts git. On the other Node lines (.ci/run) each pair is founded once, the
// jurisdictions taken in turn; the main run founds every combination.

import { describe, expect, it } from 'vitest';
import { parseParamsText } from '../../src/io/params-file.js';
import { coop, git, join, read, tempDir } from '../support/cli.js';
import { REPRESENTATIVE_COMBOS, REPRESENTATIVE_ONLY, VALID_COMBOS, isSocietyForm } from '../support/combos.js';
import { legalName } from '../../src/core/defaults.js';

const GOVERNING = { society: 'RULES.md', company: 'ARTICLES.md', association: 'CONSTITUTION.md' };

const COMBOS = REPRESENTATIVE_ONLY ? REPRESENTATIVE_COMBOS : VALID_COMBOS;

describe('every valid kind, form and jurisdiction', () => {
  it(REPRESENTATIVE_ONLY ? `founds each of the ${COMBOS.length} kind/form pairs once` : `founds all ${COMBOS.length} combinations`, async () => {
    const parent = tempDir();
    const failures: string[] = [];
    for (const [kind, form, jurisdiction] of COMBOS) {
      const name = `${kind}-${form}-${jurisdiction}`;
      const r = await coop(
        [
          'new',
          name,
          '--kind',
          kind,
          '--form',
          form,
          '--jurisdiction',
          jurisdiction,
          '--name',
          legalName('Test Group', form),
          '--founder',
          'Ada Lovelace <ada@example.org>',
          '--founder',
          'Ben Okri',
          '--founder',
          'Cai Jones',
          '--founded',
          '2026-04-01',
        ],
        { cwd: parent },
      );
      if (r.exitCode !== 0) {
        failures.push(`${name}: exit ${r.exitCode}: ${r.stderr}`);
        continue;
      }
      const dir = join(parent, name);
      const commits = (await git(dir, ['rev-list', '--count', 'HEAD'])).trim();
      const status = await git(dir, ['status', '--porcelain']);
      const tracked = (await git(dir, ['ls-files'])).split('\n');
      const governing = isSocietyForm(form) ? GOVERNING.society : form === 'unincorporated-association' ? GOVERNING.association : GOVERNING.company;
      const { problems, params } = parseParamsText(read(join(dir, 'coop.yml')));
      if (commits !== '1') failures.push(`${name}: ${commits} commits`);
      if (status !== '') failures.push(`${name}: working tree not clean:\n${status}`);
      if (!tracked.includes(governing)) failures.push(`${name}: no ${governing}`);
      if (problems.length > 0) failures.push(`${name}: coop.yml problems ${JSON.stringify(problems)}`);
      if (params && (params.group.kind !== kind || params.group.form !== form || params.group.jurisdiction !== jurisdiction))
        failures.push(`${name}: coop.yml says ${JSON.stringify(params.group)}`);
    }
    expect(failures).toEqual([]);
  }, 600_000);
});
