import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { ROOT } from '../support/cli.js';

const shared = join(ROOT, '..', 'shared', 'fixtures', 'members-spreadsheet.csv');
const copy = join(ROOT, 'test', 'fixtures', 'members-spreadsheet.csv');

it('the committed copy of the shared spreadsheet fixture matches the team’s (where shared/ is beside the project)', () => {
  const ours = readFileSync(copy);
  expect(ours.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf])); // it keeps the BOM the import must handle
  if (existsSync(shared)) expect(ours).toEqual(readFileSync(shared));
});
