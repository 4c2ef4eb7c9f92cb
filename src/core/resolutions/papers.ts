// What the written resolution's papers print: the resolution, each member's form and the
// minutes of the decision. Pure: built from the record and the rules.

import { longDate } from '../dates.js';
import { describeFraction } from '../fraction.js';
import { WRITTEN_ORDINARY_SOURCE, WRITTEN_RESOLUTIONS_SOURCE, WRITTEN_SPECIAL_SOURCE } from '../law.js';
import type { WrittenRules } from '../board/rules.js';
import type { ResolutionRecord } from './record.js';

export function ruleText(kind: ResolutionRecord['kind'], rules: WrittenRules): string {
  if (kind === 'ordinary') return `more than half of all the members entitled to agree${rules.company ? ` (${WRITTEN_ORDINARY_SOURCE})` : ''}`;
  return `${describeFraction(rules.special)} of all the members entitled to agree${rules.company ? ` (${WRITTEN_SPECIAL_SOURCE})` : ''}`;
}

export function paperContext(group: string, record: ResolutionRecord, required: number, rules: WrittenRules) {
  const names = new Map(record.eligible.map((e) => [e.member, e.name]));
  return {
    group,
    id: `${record.id}`,
    kind: record.kind,
    special: record.kind === 'special',
    text: record.text,
    circulated: longDate(record.circulated),
    lapses: longDate(record.lapses),
    eligible: `${record.eligible.length}`,
    required: `${required}`,
    rule: ruleText(record.kind, rules),
    source: rules.company ? WRITTEN_RESOLUTIONS_SOURCE : '',
    members: record.eligible.map((e) => ({ member: `${e.member}`, name: e.name })),
    passedOn: record.passedOn ? longDate(record.passedOn) : '',
    agreements: [...record.agreements]
      .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.member - b.member))
      .map((a) => ({ member: `${a.member}`, name: names.get(a.member) ?? '', date: longDate(a.date) })),
  };
}
