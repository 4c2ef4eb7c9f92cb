// The groups hostile cases start from, each built once per test file and then copied per case.
//   society      a worker co-operative society with withdrawable shares (min 1, max 1) and
//                three founders (members 1–3) who hold the first three offices;
//   association  a neighbourhood group, an unincorporated association without shares;
//   meeting      the society with a general meeting called for 2024-06-10 (an ordinary
//                resolution 1 and a special resolution 2), members 1 and 2 recorded present.

import { mkdirSync, readdirSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { fixtureGroup } from '../support/fixture-group.js';
import { runCoop } from './harness.js';

export type TemplateName = 'society' | 'association' | 'meeting';

export const MEETING = '2024-06-10';

const built = new Map<TemplateName, Promise<string>>();

async function withMeeting(): Promise<string> {
  const group = await fixtureGroup();
  const steps = [
    [
      'meeting',
      'new',
      'general',
      '--date',
      MEETING,
      '--time',
      '18:30',
      '--place',
      'Community Hall',
      '--notice-date',
      '2024-05-01',
      '--resolution',
      'Adopt the budget',
      '--special',
      'Change rule 5',
    ],
    ['meeting', 'attend', MEETING, '1', '2'],
  ];
  for (const args of steps) {
    const r = await runCoop(args, group);
    if (r.exitCode !== 0) throw new Error(`building the meeting template: coop ${args.join(' ')} failed:\n${r.stderr}`);
  }
  return group;
}

/**
 * Gives a template coop's working caches (the snapshot, today's register and status, the
 * check's proof and search), as a group in use has them; each case then finds them in one
 * of the states in support/cache-states.ts.
 */
async function withCaches(group: Promise<string>): Promise<string> {
  const dir = await group;
  // Whole seconds: a copy made with its times kept then has exactly these (cpSync passes times
  // as floating seconds, which can round a finer time), so the caches hold for it.
  const whole = Math.floor(Date.now() / 1000) - 10;
  const age = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (entry.name === '.git') continue;
      const path = join(folder, entry.name);
      if (entry.isDirectory()) age(path);
      else if (entry.isFile()) utimesSync(path, whole, whole);
    }
  };
  age(dir);
  mkdirSync(join(dir, '.coop'), { recursive: true });
  for (const args of [['status'], ['check']]) {
    const r = await runCoop(args, dir);
    if (r.exitCode !== 0) throw new Error(`warming a template's caches: coop ${args.join(' ')} failed:\n${r.stderr}${r.stdout}`);
  }
  return dir;
}

export function template(name: TemplateName): Promise<string> {
  let dir = built.get(name);
  if (!dir) {
    dir = withCaches(
      name === 'society' ? fixtureGroup() : name === 'association' ? fixtureGroup({ kind: 'neighbourhood-group', form: 'unincorporated-association' }) : withMeeting(),
    );
    built.set(name, dir);
  }
  return dir;
}
