// The groups hostile cases start from, each built once per test file and then copied per case.
//   society      a worker co-operative society with withdrawable shares (min 1, max 1) and
//                three founders who hold the first three offices;
//   association  a neighbourhood group, an unincorporated association without shares.

import { fixtureGroup } from '../support/fixture-group.js';

export type TemplateName = 'society' | 'association';

const built = new Map<TemplateName, Promise<string>>();

export function template(name: TemplateName): Promise<string> {
  let dir = built.get(name);
  if (!dir) {
    dir =
      name === 'society'
        ? fixtureGroup()
        : fixtureGroup({ kind: 'neighbourhood-group', form: 'unincorporated-association' });
    built.set(name, dir);
  }
  return dir;
}
