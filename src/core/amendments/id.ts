// An amendment's id, which is also its folder's name: the date proposed and a few words for
// what it changes, "2027-05-01-quorum-percent-notice-clear-days".

import type { IsoDate } from '../dates.js';
import type { ParamChange } from './changes.js';

const kebab = (s: string) => s.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase();

export function amendmentId(date: IsoDate, changes: readonly ParamChange[], taken: ReadonlySet<string>): string {
  const words = [
    ...new Set(
      changes.map((c) =>
        c.path
          .split('.')
          .slice(-2)
          .filter((k) => k !== 'group' && k !== 'meetings')
          .map(kebab)
          .join('-'),
      ),
    ),
  ];
  const slug = words.slice(0, 2).join('-') + (words.length > 2 ? '-and-more' : '');
  let id = `${date}-${slug || 'rules'}`;
  for (let n = 2; taken.has(id); n++) id = `${date}-${slug}-${n}`;
  return id;
}
