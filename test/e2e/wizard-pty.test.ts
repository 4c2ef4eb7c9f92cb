// The wizard at a real pseudo-terminal (python3's pty, as a person at a terminal would meet it):
// a founder's name typed straight after the previous founder's email is taken as the next
// founder, never read as a "no" to a yes/no question (issue 18, item 1).

import { writeFileSync } from 'node:fs';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { BIN, GIT_IDENTITY, ROOT, join, read, tempDir } from '../support/cli.js';

describe('coop new at a terminal', () => {
  it('takes each founder typed in turn, the first a name beginning with N', async () => {
    const parent = tempDir();
    // Everything but the founders comes from an answers file, so the terminal asks few questions.
    const answers = join(parent, 'answers.yml');
    writeFileSync(
      answers,
      'kind: worker-coop\nform: co-operative-society\njurisdiction: england-wales\nname: Group Limited\nobjects: to run a bakery\narea: Leeds\noffice: 1 High Street, Leeds\n',
    );
    const r = await execa('python3', [join(ROOT, 'test', 'support', 'pty-wizard.py'), BIN, parent, 'group', 'Nia Dafydd', 'Siân Ellis', 'Tomos Rees'], {
      reject: false,
      env: { ...GIT_IDENTITY, PTY_WIZARD_SECONDS: '150', PTY_WIZARD_ARGS: JSON.stringify(['--answers', answers]) },
    });
    expect(r.exitCode, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Founded Group Limited in group\//);
    const names = read(join(parent, 'group', 'register', 'ledger.jsonl'))
      .split('\n')
      .filter((l) => l.includes('"admit"'))
      .map((l) => JSON.parse(l).name);
    expect(names).toEqual(['Nia Dafydd', 'Siân Ellis', 'Tomos Rees']);
  }, 180_000);
});
