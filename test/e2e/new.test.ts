// `coop new` end to end: the built bin, run as a person would, in temporary folders.

import { readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CREATE_BIN, coop, existsSync, git, join, read, tempDir } from '../support/cli.js';

const FOUNDERS = ['--founder', 'Ada Lovelace <ada@example.org>', '--founder', 'Ben Okri <ben@example.org>', '--founder', 'Cai Jones'];

async function repoState(dir: string) {
  return {
    commits: (await git(dir, ['log', '--format=%s'])).split('\n'),
    status: await git(dir, ['status', '--porcelain']),
    tracked: (await git(dir, ['ls-files'])).split('\n').sort(),
  };
}

describe('coop new --yes demo', () => {
  it('writes the group’s files in one commit and leaves a clean working tree', async () => {
    const parent = tempDir();
    const r = await coop(['new', '--yes', 'demo'], { cwd: parent });
    expect(r.exitCode, String(r.stderr)).toBe(0);
    expect(r.stdout).toContain('Founded Demo Limited in demo/');
    expect(r.stderr).toContain('the founders are examples');
    const dir = join(parent, 'demo');
    const state = await repoState(dir);
    expect(state.commits).toEqual(['Found Demo Limited']);
    expect(state.status).toBe('');
    expect(state.tracked).toEqual([
      '.gitignore',
      'README.md',
      'RULES.md',
      'coop.yml',
      'documents/founding-minutes.md',
      'documents/next-steps.md',
      'documents/privacy-notice.md',
      'documents/registration/fca-application.md',
      'documents/registration/signature-sheet.md',
      'register/ledger.jsonl',
    ]);
    expect(existsSync(join(dir, 'private', 'contacts.jsonl'))).toBe(true);
    expect(existsSync(join(dir, '.coop'))).toBe(false);
    expect(await git(dir, ['branch', '--show-current'])).toBe('main');
    // Nothing left beside it: the build folder was renamed into place.
    expect(readdirSync(parent)).toEqual(['demo']);
  });

  it('create-coop is coop new', async () => {
    const parent = tempDir();
    const r = await coop(['--yes', 'via-create'], { cwd: parent, bin: CREATE_BIN });
    expect(r.exitCode, String(r.stderr)).toBe(0);
    expect((await repoState(join(parent, 'via-create'))).commits).toEqual(['Found Via Create Limited']);
  });

  it('takes an absolute path and an existing empty folder', async () => {
    const parent = tempDir();
    mkdirSync(join(parent, 'empty'));
    const r = await coop(['new', '--yes', join(parent, 'empty')], { cwd: tempDir() });
    expect(r.exitCode, String(r.stderr)).toBe(0);
    expect((await repoState(join(parent, 'empty'))).status).toBe('');
  });

  it('coop can read what coop new wrote', async () => {
    const parent = tempDir();
    await coop(['new', '--yes', 'g', ...FOUNDERS, '--kind', 'neighbourhood-group', '--name', 'Elm Street Residents'], { cwd: parent });
    const { parseParamsText } = await import('../../src/io/params-file.js');
    const { problems, params } = parseParamsText(read(join(parent, 'g', 'coop.yml')));
    expect(problems).toEqual([]);
    expect(params!.group.name).toBe('Elm Street Residents');
  });
});

describe('founders’ emails stay private', () => {
  it('are in private/contacts.jsonl only, never in git history', async () => {
    const parent = tempDir();
    const r = await coop(['new', 'g', '--kind', 'worker-coop', '--name', 'Private Limited', ...FOUNDERS], { cwd: parent });
    expect(r.exitCode, String(r.stderr)).toBe(0);
    const dir = join(parent, 'g');
    const history = await git(dir, ['log', '-p', '--all']);
    expect(history).not.toContain('ada@example.org');
    expect(history).not.toContain('ben@example.org');
    expect(history).toContain('Ada Lovelace');
    expect(read(join(dir, 'private', 'contacts.jsonl'))).toContain('"email":"ada@example.org"');
    expect(await git(dir, ['check-ignore', 'private/contacts.jsonl'])).toBe('private/contacts.jsonl');
  });
});

describe('safety', () => {
  it('refuses a folder that exists and is not empty, and touches nothing', async () => {
    const parent = tempDir();
    mkdirSync(join(parent, 'taken'));
    writeFileSync(join(parent, 'taken', 'notes.txt'), 'mine');
    const r = await coop(['new', '--yes', 'taken'], { cwd: parent });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/already exists and is not empty/);
    expect(readdirSync(join(parent, 'taken'))).toEqual(['notes.txt']);
    expect(readdirSync(parent)).toEqual(['taken']);
  });

  it('refuses a file in the way', async () => {
    const parent = tempDir();
    writeFileSync(join(parent, 'file'), 'x');
    const r = await coop(['new', '--yes', 'file'], { cwd: parent });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/is a file/);
  });

  it('says which folder ".." means', async () => {
    const parent = tempDir();
    mkdirSync(join(parent, 'inner'));
    const r = await coop(['new', '--yes', '..'], { cwd: join(parent, 'inner') });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain(`.. (that is, ${parent})`);
  });

  it('refuses a folder name that starts with "-"', async () => {
    const parent = tempDir();
    const r = await coop(['new', '--yes', '--', '-rf'], { cwd: parent });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/looks like an option/);
    expect(readdirSync(parent)).toEqual([]);
  });

  it('--dry-run lists the files and writes nothing', async () => {
    const parent = tempDir();
    const r = await coop(['new', '--yes', '--dry-run', 'demo'], { cwd: parent });
    expect(r.exitCode, String(r.stderr)).toBe(0);
    for (const f of ['coop.yml', 'RULES.md', 'documents/founding-minutes.md', 'documents/next-steps.md', 'register/ledger.jsonl', 'private/contacts.jsonl', 'README.md']) {
      expect(r.stdout).toContain(f);
    }
    expect(r.stdout).toMatch(/nothing was written/);
    expect(r.stdout).toMatch(/\d+(\.\d)? k?B/);
    expect(readdirSync(parent)).toEqual([]);
  });

  it('--dry-run still refuses what a real run would', async () => {
    const parent = tempDir();
    const r = await coop(['new', '--yes', '--dry-run', '--special-threshold', '50%', 'demo'], { cwd: parent });
    expect(r.exitCode).toBe(1);
    expect(readdirSync(parent)).toEqual([]);
  });

  it('--no-git writes the files without a repository', async () => {
    const parent = tempDir();
    const r = await coop(['new', '--yes', '--no-git', 'plain'], { cwd: parent });
    expect(r.exitCode, String(r.stderr)).toBe(0);
    expect(existsSync(join(parent, 'plain', 'coop.yml'))).toBe(true);
    expect(existsSync(join(parent, 'plain', '.git'))).toBe(false);
  });

  it('without a git identity: the clear message, and nothing written', async () => {
    const parent = tempDir();
    const home = tempDir('coop-home-');
    const r = await coop(['new', '--yes', 'g'], {
      cwd: parent,
      env: {
        HOME: home,
        XDG_CONFIG_HOME: undefined,
        GIT_CONFIG_GLOBAL: undefined,
        GIT_CONFIG_NOSYSTEM: '1',
        GIT_AUTHOR_NAME: undefined,
        GIT_AUTHOR_EMAIL: undefined,
        GIT_COMMITTER_NAME: undefined,
        GIT_COMMITTER_EMAIL: undefined,
        EMAIL: undefined,
        // Machines whose host name has a domain would let git guess an address; forbid guessing.
        GIT_CONFIG_COUNT: '1',
        GIT_CONFIG_KEY_0: 'user.useConfigOnly',
        GIT_CONFIG_VALUE_0: 'true',
      },
    });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('git does not know who you are');
    expect(r.stderr).toContain('git config --global user.email');
    expect(readdirSync(parent)).toEqual([]);
  });
});

describe('without a terminal', () => {
  it('exits 2 naming the flags it needs, and writes nothing', async () => {
    const parent = tempDir();
    const r = await coop(['new', 'g'], { cwd: parent });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('--kind, --name, --founder');
    expect(r.stderr).toContain('--yes');
    expect(readdirSync(parent)).toEqual([]);
  });

  it('names only the flags still missing', async () => {
    const parent = tempDir();
    const r = await coop(['new', 'g', '--kind', 'arts-project', '--name', 'Arts'], { cwd: parent });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/needs --founder and cannot ask/);
  });

  it('needs a folder', async () => {
    const r = await coop(['new', '--yes'], { cwd: tempDir() });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/Give the folder/);
  });

  it('a bad flag value is a usage error naming the flag', async () => {
    const r = await coop(['new', '--yes', 'g', '--notice-days', 'fortnight'], { cwd: tempDir() });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/--notice-days must be a whole number/);
  });
});

describe('--answers FILE', () => {
  it('answers the questions from YAML; flags win over the file', async () => {
    const parent = tempDir();
    writeFileSync(
      join(parent, 'answers.yml'),
      [
        'kind: community-radio',
        'form: cic',
        'jurisdiction: scotland',
        'name: Leith Community Radio CIC',
        'area: Leith and Newhaven',
        'notice-days: 21',
        'special-threshold: 80%',
        'founders:',
        '  - Ada Lovelace <ada@example.org>',
        '  - name: Ben Okri',
        '    email: ben@example.org',
        'office:',
      ].join('\n'),
    );
    const r = await coop(['new', 'radio', '--answers', 'answers.yml', '--notice-days', '28'], { cwd: parent });
    expect(r.exitCode, String(r.stderr)).toBe(0);
    const yml = read(join(parent, 'radio', 'coop.yml'));
    expect(yml).toContain('name: Leith Community Radio CIC');
    expect(yml).toContain('form: cic');
    expect(yml).toContain('jurisdiction: scotland');
    expect(yml).toContain('noticeClearDays: 28');
    expect(yml).toContain('specialResolution: 80%');
    expect(read(join(parent, 'radio', 'private', 'contacts.jsonl'))).toContain('ben@example.org');
    expect(read(join(parent, 'radio', 'register', 'ledger.jsonl'))).toContain('"name":"Ben Okri"');
  });

  it('reports an unknown key and a bad value with the file and line', async () => {
    const parent = tempDir();
    writeFileSync(join(parent, 'a.yml'), 'kind: worker-coop\nnotice-dayz: 14\nproxies: lots\n');
    const r = await coop(['new', 'g', '--yes', '--answers', 'a.yml'], { cwd: parent });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('a.yml:2: "notice-dayz" is not a question');
    expect(r.stderr).toContain('a.yml:3: proxies must be a whole number');
    expect(readdirSync(parent)).toEqual(['a.yml']);
  });

  it('a missing file is a usage error', async () => {
    const r = await coop(['new', 'g', '--yes', '--answers', 'nope.yml'], { cwd: tempDir() });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/cannot read .*nope\.yml/);
  });
});

describe('interrupted', () => {
  it('Ctrl+C at any moment leaves either the whole group or nothing', async () => {
    const { execa } = await import('execa');
    const { BIN, GIT_IDENTITY } = await import('../support/cli.js');
    // Signals land at different points of a run on different machines; whatever point each
    // lands at, what is on disk afterwards must be all or nothing.
    for (const delay of [50, 200, 400, 700, 1000, 1500]) {
      const parent = tempDir();
      const child = execa(process.execPath, [BIN, 'new', '--yes', 'g'], { cwd: parent, reject: false, stdin: 'ignore', env: { ...GIT_IDENTITY, NO_COLOR: '1' } });
      const timer = setTimeout(() => child.kill('SIGINT'), delay);
      const r = await child;
      clearTimeout(timer);
      const left = readdirSync(parent);
      if (left.length === 0) {
        expect(r.exitCode, `after ${delay} ms`).not.toBe(0);
        continue;
      }
      expect(left, `after ${delay} ms`).toEqual(['g']);
      const state = await repoState(join(parent, 'g'));
      expect(state.commits).toEqual(['Found G Limited']);
      expect(state.status).toBe('');
    }
  });
});
