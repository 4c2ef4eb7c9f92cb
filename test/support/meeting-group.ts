// Groups for the meeting tests: the fixture group with extra members admitted on given dates,
// written straight into the ledger and committed, as `coop member add` would.

import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodeEvent } from '../../src/core/ledger/events.js';
import { git } from './cli.js';
import { fixtureGroup, type FixtureOptions } from './fixture-group.js';

export interface ExtraMember {
  name: string;
  joined: string;
  left?: string;
}

/** Admits members (numbered on from the founders) and commits; returns their numbers. */
export async function addMembers(dir: string, members: ExtraMember[], shares = 0): Promise<number[]> {
  const ledger = join(dir, 'register', 'ledger.jsonl');
  const lines = readFileSync(ledger, 'utf8').trim().split('\n');
  let seq = lines.length;
  let number = lines.filter((l) => l.includes('"type":"admit"')).length;
  const numbers: number[] = [];
  const out: string[] = [];
  for (const m of members) {
    number += 1;
    numbers.push(number);
    out.push(encodeEvent({ seq: ++seq, date: m.joined, type: 'admit', member: number, name: m.name, shares }));
    if (m.left) out.push(encodeEvent({ seq: ++seq, date: m.left, type: 'leave', member: number, reason: 'resigned', repaid: shares }));
  }
  appendFileSync(ledger, `${out.join('\n')}\n`);
  await git(dir, ['add', '-A']);
  await git(dir, ['commit', '-q', '-m', `Admit ${members.length} members`]);
  return numbers;
}

/** A company limited by guarantee (proxies allowed, at most 5 each) with `extra` more members. */
export async function companyGroup(extra: number, options: FixtureOptions = {}): Promise<string> {
  const dir = await fixtureGroup({ kind: 'community-radio', form: 'company-limited-by-guarantee', ...options });
  if (extra > 0)
    await addMembers(
      dir,
      Array.from({ length: extra }, (_, i) => ({ name: `Member ${i + 4}`, joined: '2024-02-01' })),
    );
  return dir;
}

/** `coop meeting new TYPE` at 19:00 in The Hall, with the notice given on `noticeDate`. */
export const callMeeting = (type: string, date: string, noticeDate: string, extra: string[] = []): string[] => [
  'meeting',
  'new',
  type,
  '--date',
  date,
  '--time',
  '19:00',
  '--place',
  'The Hall',
  '--notice-date',
  noticeDate,
  ...extra,
];
