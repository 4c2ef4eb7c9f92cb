// The groups hostile cases start from, each built once per test file and then copied per case.
//   society      a worker co-operative society with withdrawable shares (min 1, max 1) and
//                three founders (members 1–3) who hold the first three offices;
//   association  a neighbourhood group, an unincorporated association without shares;
//   meeting      the society with a general meeting called for 2024-06-10 (an ordinary
//                resolution 1 and a special resolution 2), members 1 and 2 recorded present.

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

export function template(name: TemplateName): Promise<string> {
  let dir = built.get(name);
  if (!dir) {
    dir = name === 'society' ? fixtureGroup() : name === 'association' ? fixtureGroup({ kind: 'neighbourhood-group', form: 'unincorporated-association' }) : withMeeting();
    built.set(name, dir);
  }
  return dir;
}
