// Each refusal issue 2 lists, through the built bin: a non-zero exit, the reason, the flag
// to change, and nothing on disk.

import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { coop, tempDir } from '../support/cli.js';

const THREE = ['--founder', 'Ada Lovelace', '--founder', 'Ben Okri', '--founder', 'Cai Jones'];

const REFUSALS: [string, string[], RegExp][] = [
  [
    'community radio as an unincorporated association',
    ['--kind', 'community-radio', '--form', 'unincorporated-association', '--name', 'Radio', ...THREE],
    /--form: .*Ofcom grants community radio licences only to bodies corporate/,
  ],
  [
    'a registered society with fewer than 3 founders',
    ['--kind', 'worker-coop', '--name', 'Two Limited', '--founder', 'Ada', '--founder', 'Ben'],
    /--founder: A co-operative society needs at least 3 founding members; 2 were given/,
  ],
  [
    'a company’s notice period under 14 days',
    ['--kind', 'community-radio', '--name', 'Radio Limited', ...THREE, '--notice-days', '13'],
    /--notice-days: A company must give at least 14 clear days' notice/,
  ],
  [
    'withdrawable shares over £100,000',
    ['--kind', 'worker-coop', '--name', 'Big Limited', ...THREE, '--max-shares', '100001'],
    /--max-shares: .*at most £100,000 .*England and Wales/,
  ],
  [
    'withdrawable shares over £100,000 in Northern Ireland',
    ['--kind', 'worker-coop', '--jurisdiction', 'northern-ireland', '--name', 'Big Limited', ...THREE, '--max-shares', '100001'],
    /--max-shares: .*at most £100,000 .*Northern Ireland/,
  ],
  [
    'a special resolution at a simple majority',
    ['--kind', 'worker-coop', '--name', 'Half Limited', ...THREE, '--special-threshold', '50%'],
    /--special-threshold: A special resolution must need more than a simple majority/,
  ],
  [
    'a quorum larger than the founding membership',
    ['--kind', 'worker-coop', '--name', 'Q Limited', ...THREE, '--quorum-members', '4'],
    /--quorum-members: .*larger than the founding membership \(3\)/,
  ],
  ['a worker co-op as a CIC', ['--kind', 'worker-coop', '--form', 'cic', '--name', 'W', ...THREE], /--form: A worker co-operative cannot be a community interest company/],
  ['a bad email', ['--kind', 'worker-coop', '--name', 'E Limited', '--founder', 'Ada <ada.example.org>', '--founder', 'B', '--founder', 'C'], /--founder .*not an email address/],
  ['an impossible founding date', ['--kind', 'worker-coop', '--name', 'D Limited', ...THREE, '--founded', '2026-02-29'], /--founded must be a real date/],
  ['a society name without Limited', ['--kind', 'worker-coop', '--name', 'Riverside Bakers', ...THREE], /--name: .*must end in "Limited"/],
  // Issue 10: names and the CIC's specified asset-locked body. Each names the rule and a valid name.
  [
    'a company limited by guarantee without "Limited" or the exemption',
    ['--kind', 'neighbourhood-group', '--form', 'company-limited-by-guarantee', '--name', 'Elm Street', ...THREE],
    /--name: .*must end in "Limited" or "Ltd" \(Companies Act 2006 s\.59\).*--limited-exempt: try "Elm Street Limited"/,
  ],
  [
    'a Welsh ending with the office in England',
    ['--kind', 'neighbourhood-group', '--form', 'company-limited-by-guarantee', '--name', 'Menter Caerdydd Cyfyngedig', ...THREE],
    /--name: .*Welsh "cyfyngedig".*Companies Act 2006 s\.59\(2\).*--office-country wales.*try "Menter Caerdydd Limited"/,
  ],
  [
    '"Cyfyngedig" in Scotland',
    ['--kind', 'worker-coop', '--jurisdiction', 'scotland', '--name', 'Pobl Cyfyngedig', ...THREE],
    /--name: .*Welsh "cyfyngedig".*2014 Act s\.10\(2\).*Scotland cannot use a Welsh ending; try "Pobl Limited"/,
  ],
  [
    '"Cyfyngedig" in Northern Ireland',
    ['--kind', 'community-radio', '--jurisdiction', 'northern-ireland', '--name', 'Radio Cyfyngedig', ...THREE],
    /--name: .*Northern Ireland cannot use a Welsh ending; try "Radio Limited"/,
  ],
  [
    'a CIC naming a recipient without a specified asset-locked body',
    ['--kind', 'arts-project', '--form', 'cic', '--name', 'Leith Arts CIC', ...THREE, '--dissolution-recipient', 'Leith Community Trust'],
    /--asset-locked-body: .*regulation 23 and Schedule 1.*--asset-locked-body "Name/,
  ],
];

describe('coop new refuses, with a reason, and writes nothing', () => {
  it.each(REFUSALS)('%s', async (_name, args, reason) => {
    const parent = tempDir();
    const r = await coop(['new', 'group', ...args], { cwd: parent });
    expect(r.exitCode).not.toBe(0);
    expect(r.exitCode).toBeLessThan(70); // a refusal, not a crash
    expect(r.stderr).toMatch(reason);
    expect(r.stderr).not.toContain('internal error');
    expect(readdirSync(parent)).toEqual([]);
  });
});
