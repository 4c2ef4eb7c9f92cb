// A hand edit to coop.yml that changes the rules without a registered amendment. The rules
// as founded, with every amendment that took effect made in turn, must be the rules coop.yml
// holds; each difference is reported with the command that would make it lawful.

import { flagForPath } from '../found/to-params.js';
import type { CoopParams } from '../params.js';
import { applyChanges, diffRules, paramsInput, valueText } from './changes.js';
import type { Amendment } from './history.js';

export interface UnamendedEdit {
  path: string;
  message: string;
}

/** A value as typed after a flag: quoted only when it has spaces or shell characters. */
const shellWord = (v: string) => (/^[\w%./:-]+$/.test(v) ? v : `'${v.replace(/'/g, `'\\''`)}'`);

export function unamendedEdits(founded: CoopParams, today: CoopParams, amendments: readonly Amendment[]): UnamendedEdit[] {
  let expected = paramsInput(founded);
  const applied = amendments.filter((a) => a.applied).sort((a, b) => ((a.registered ?? a.filed)! < (b.registered ?? b.filed)! ? -1 : 1));
  for (const a of applied) expected = applyChanges(expected, a.changes, 'to');
  return diffRules(expected, paramsInput(today)).map((c) => {
    const flag = flagForPath(c.path);
    const fix = flag.startsWith('--')
      ? `put it back to ${valueText(c.from)}, then propose the change lawfully with: coop rules amend ${flag} ${shellWord(valueText(c.to))}`
      : `put it back to ${valueText(c.from)}: this setting is not changed by amendment`;
    return {
      path: c.path,
      message: `${c.path} is ${valueText(c.to)}, but the rules as founded and amended say ${valueText(c.from)}: changing the rules needs a special resolution and (for a society or company) registration or filing, not an edit to coop.yml. To fix: ${fix}`,
    };
  });
}
