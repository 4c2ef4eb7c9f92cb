// Who git commits as, read from the config files without starting git: an answer only when it
// is certain, and then git's own (git var GIT_COMMITTER_IDENT in the same environment agrees).

import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { identityFromFiles } from '../../src/io/git-identity.js';

interface Case {
  name: string;
  xdg?: string;
  global?: string;
  local?: string;
  env?: Record<string, string>;
  /** The identity read, or undefined: git must be asked. */
  expected: string | undefined;
}

const USER = '[user]\n\tname = Ann Example\n\temail = ann@example.org\n';

const cases: Case[] = [
  { name: 'the person’s ~/.gitconfig', global: USER, expected: 'Ann Example <ann@example.org>' },
  {
    name: 'the name from the XDG file, the email from ~/.gitconfig',
    xdg: '[user]\n  name = Ann X\n',
    global: '[user]\n  email = ax@example.org\n',
    expected: 'Ann X <ax@example.org>',
  },
  { name: 'the repository’s name over the person’s', global: USER, local: '[core]\n\tbare = false\n[user]\n\tname = Bea Local\n', expected: 'Bea Local <ann@example.org>' },
  {
    name: 'sections and keys in any case, a comment after a value',
    global: '# mine\n[User]\n  Name = Cy Case ; the treasurer\n  EMAIL=cy@example.org # work\n',
    expected: 'Cy Case <cy@example.org>',
  },
  { name: 'a user subsection is not user.name', global: '[user "work"]\n\tname = Di Sub\n\temail = di@example.org\n', expected: undefined },
  { name: 'an include', global: `${USER}[include]\n\tpath = other.conf\n`, expected: undefined },
  { name: 'a conditional include', global: `${USER}[includeIf "gitdir:~/work/"]\n\tpath = work.conf\n`, expected: undefined },
  { name: 'a quoted value', global: '[user]\n\tname = "Ed Quoted"\n\temail = ed@example.org\n', expected: undefined },
  { name: 'a value continued on the next line', global: '[user]\n\tname = Fay \\\nContinued\n\temail = fay@example.org\n', expected: undefined },
  { name: 'a committer section', global: `${USER}[committer]\n\tname = Gus\n`, expected: undefined },
  { name: 'a name of only punctuation', global: '[user]\n\tname = .\n\temail = hal@example.org\n', expected: undefined },
  { name: 'the name emptied by the repository', global: USER, local: '[user]\n\tname =\n', expected: undefined },
  { name: 'no email anywhere', global: '[user]\n\tname = Ivy\n', expected: undefined },
  { name: 'a variable on the section’s line', global: '[user] name = Jo\n\temail = jo@example.org\n', expected: undefined },
  { name: 'settings given through the environment', global: USER, env: { GIT_CONFIG_COUNT: '1', GIT_CONFIG_KEY_0: 'user.name', GIT_CONFIG_VALUE_0: 'Kit' }, expected: undefined },
  { name: 'another global file named', global: USER, env: { GIT_CONFIG_GLOBAL: '/nonexistent' }, expected: undefined },
  { name: 'the committer named in the environment', env: { GIT_COMMITTER_NAME: 'Lee Env', GIT_COMMITTER_EMAIL: 'lee@example.org' }, expected: 'Lee Env <lee@example.org>' },
  { name: 'only the committer’s name in the environment', global: USER, env: { GIT_COMMITTER_NAME: 'Mo Env' }, expected: undefined },
  { name: 'no config at all', expected: undefined },
];

describe('who git commits as, read from its config files', () => {
  let base: string;
  beforeAll(() => {
    base = mkdtempSync(join(tmpdir(), 'coop-ident-'));
  });
  afterAll(() => rmSync(base, { recursive: true, force: true }));

  cases.forEach((c, i) => {
    it(`${c.name}: ${c.expected ?? 'git is asked'}`, () => {
      const home = join(base, `home-${i}`);
      const repo = join(home, 'group');
      mkdirSync(join(home, '.config', 'git'), { recursive: true });
      expect(spawnSync('git', ['init', '-q', repo]).status).toBe(0);
      if (c.xdg) writeFileSync(join(home, '.config', 'git', 'config'), c.xdg);
      if (c.global) writeFileSync(join(home, '.gitconfig'), c.global);
      if (c.local) writeFileSync(join(repo, '.git', 'config'), `[core]\n\trepositoryformatversion = 0\n${c.local}`);
      const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: home, ...c.env };
      const read = identityFromFiles(repo, env);
      expect(read).toBe(c.expected);
      if (read !== undefined) {
        // git, with the system file too and no guessing from the machine's name, says the same.
        const r = spawnSync('git', ['-c', 'user.useConfigOnly=true', 'var', 'GIT_COMMITTER_IDENT'], { cwd: repo, env, encoding: 'utf8' });
        expect(r.status, r.stderr).toBe(0);
        expect(r.stdout.trim().replace(/\s+\d+ [+-]\d{4}$/, '')).toBe(read);
      }
    });
  });
});
