// Issue 10's acceptances through the built bin: names and holdings the law allows are founded,
// and the documents say what the law requires of them. A few runs only; the tables of
// prescribed elements are rendered in-process in test/unit/governing-prescribed.test.ts.

import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { coop, join, read, tempDir } from '../support/cli.js';

const THREE = ['--founder', 'Ada Lovelace', '--founder', 'Ben Okri', '--founder', 'Cai Jones'];

async function found(args: string[]): Promise<string> {
  const parent = tempDir();
  const r = await coop(['new', 'group', ...args, ...THREE, '--founded', '2026-04-01', '--no-git'], { cwd: parent });
  expect(r.exitCode, String(r.stderr)).toBe(0);
  return join(parent, 'group');
}

describe('coop new accepts what the law allows', () => {
  it('"Leith Arts c.i.c." in Scotland, with its specified asset-locked body and registration pack', async () => {
    const dir = await found([
      '--kind',
      'arts-project',
      '--form',
      'cic',
      '--jurisdiction',
      'scotland',
      '--name',
      'Leith Arts c.i.c.',
      '--asset-locked-body',
      'Leith Community Trust',
    ]);
    expect(read(join(dir, 'coop.yml'))).toContain('assetLockedBody: Leith Community Trust');
    const articles = read(join(dir, 'ARTICLES.md'));
    expect(articles).toContain('# Leith Arts c.i.c.');
    expect(articles).toMatch(/the specified asset-locked body is Leith Community Trust/);
    for (const f of ['memorandum-of-association', 'statement-of-guarantee', 'community-interest-statement']) {
      expect(existsSync(join(dir, 'documents', 'registration', `${f}.md`)), f).toBe(true);
    }
  });

  it('a Northern Ireland society where a member holds £50,000 of withdrawable shares', async () => {
    const dir = await found([
      '--kind',
      'community-radio',
      '--form',
      'community-benefit-society',
      '--jurisdiction',
      'northern-ireland',
      '--name',
      'Foyle Radio Limited',
      '--max-shares',
      '50000',
      '--withdrawable',
      'yes',
    ]);
    const rules = read(join(dir, 'RULES.md'));
    expect(rules).toMatch(/No member may hold more than 50,000 shares \(worth £50,000\)/);
    expect(rules).toMatch(/which is currently £100,000/);
    expect(rules).toMatch(/"The registrar" means the Financial Conduct Authority \(the FCA\)/);
    expect(read(join(dir, 'documents', 'next-steps.md'))).toMatch(/no\s+separate Northern Ireland registrar/);
    expect(read(join(dir, 'documents', 'registration', 'signature-sheet.md'))).toMatch(/Ada Lovelace/);
  });

  it('"Menter Caerdydd Cyfyngedig" with the office in Wales', async () => {
    const dir = await found(['--kind', 'neighbourhood-group', '--form', 'company-limited-by-guarantee', '--name', 'Menter Caerdydd Cyfyngedig', '--office-country', 'wales']);
    expect(read(join(dir, 'coop.yml'))).toContain('officeCountry: wales');
    expect(read(join(dir, 'ARTICLES.md'))).toMatch(/registered office is in Wales\..*Welsh company/s);
  });
});
