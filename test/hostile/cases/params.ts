// A spoiled coop.yml: broken YAML, wrong types, impossible values, unknown and missing keys.
// Every command that reads the rules must refuse with the file, line and key, and change nothing.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import type { HostileCase } from '../table.js';

type Spoil = (group: string) => void;

const file = (group: string) => join(group, 'coop.yml');

/** Sets (or with undefined, deletes) a key through the YAML Document API, keeping the rest as written. */
const setKey =
  (path: (string | number)[], value: unknown): Spoil =>
  (group) => {
    const doc = parseDocument(readFileSync(file(group), 'utf8'));
    if (value === undefined) doc.deleteIn(path);
    else doc.setIn(path, value);
    writeFileSync(file(group), doc.toString());
  };

const replaceText =
  (from: string | RegExp, to: string): Spoil =>
  (group) => {
    const text = readFileSync(file(group), 'utf8');
    const next = text.replace(from, to);
    if (next === text) throw new Error(`test setup: ${String(from)} not found in coop.yml`);
    writeFileSync(file(group), next);
  };

const writeText =
  (text: string | Buffer): Spoil =>
  (group) =>
    writeFileSync(file(group), text);

const appendText =
  (text: string): Spoil =>
  (group) =>
    writeFileSync(file(group), readFileSync(file(group), 'utf8') + text);

/** [what is wrong, how to spoil coop.yml, what the message must say (after "coop.yml:<line>: ")] */
const SPOILS: [string, Spoil, RegExp][] = [
  // Broken YAML
  ['an unclosed quote', appendText('extra: "never closed\n'), /coop\.yml:\d+: is not valid YAML/],
  ['a tab used for indenting', replaceText('  kind: worker-coop', '\tkind: worker-coop'), /coop\.yml:\d+: is not valid YAML/],
  ['a key given twice', appendText('group:\n  name: Again Limited\n'), /coop\.yml:\d+: is not valid YAML: Map keys must be unique/],
  ['an unclosed list', replaceText(/roles:\n(\s+- chair\n)/, 'roles: [chair, secretary\n'), /coop\.yml:\d+: is not valid YAML/],
  ['two documents in one file', appendText('---\nsecond: document\n'), /coop\.yml:\d+: is not valid YAML/],
  ['a value with a stray colon', replaceText('  area: the local area', '  area: the: local area'), /coop\.yml:\d+: is not valid YAML/],
  ['a key on two lines', replaceText('  area: the local area', '  area: the local\n area: again'), /coop\.yml:\d+: is not valid YAML/],
  ['an alias to nothing', replaceText('  area: the local area', '  area: *nowhere'), /coop\.yml:\d+: .*(alias|not valid YAML)/i],
  [
    'an alias bomb (a billion laughs)',
    writeText(
      `${['a: &a ["x","x","x","x","x","x","x","x","x"]', ...'bcdefghi'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(',')}]`)].join('\n')}\n`,
    ),
    /coop\.yml:\d+: .*(alias|not valid YAML)/i,
  ],
  ['binary bytes', writeText(Buffer.from([0x00, 0xff, 0xfe, 0x01, 0x02, 0x0a, 0x00])), /coop\.yml/],
  ['an empty file', writeText(''), /coop\.yml:\d+: \(top level\)/],
  ['only a comment', writeText('# nothing here\n'), /coop\.yml:\d+: \(top level\)/],
  ['a list instead of settings', writeText('- group\n- meetings\n'), /coop\.yml:\d+: \(top level\)/],
  ['a single word', writeText('coop\n'), /coop\.yml:\d+: \(top level\)/],
  // Wrong types
  ['the founding date as a number', setKey(['group', 'founded'], 2024), /group\.founded must be a date written YYYY-MM-DD/],
  ['an impossible founding date (30 February)', setKey(['group', 'founded'], '2023-02-30'), /group\.founded is not a real calendar date/],
  ['a founding date in UK order', setKey(['group', 'founded'], '15/01/2024'), /group\.founded must be a date written YYYY-MM-DD/],
  ['a founding date of 31 April', setKey(['group', 'founded'], '2024-04-31'), /group\.founded is not a real calendar date/],
  ['a 13th month', setKey(['group', 'founded'], '2024-13-01'), /group\.founded is not a real calendar date/],
  ['a year end of 02-30', setKey(['group', 'financialYearEnd'], '02-30'), /group\.financialYearEnd is not a real day of the year/],
  ['notice days in words', setKey(['meetings', 'noticeClearDays'], 'fourteen'), /meetings\.noticeClearDays must be a whole number of days/],
  ['negative notice days', setKey(['meetings', 'noticeClearDays'], -1), /meetings\.noticeClearDays/],
  ['zero notice days', setKey(['meetings', 'noticeClearDays'], 0), /meetings\.noticeClearDays/],
  ['fractional notice days', setKey(['meetings', 'noticeClearDays'], 1.5), /meetings\.noticeClearDays must be a whole number of days/],
  // biome-ignore lint/correctness/noPrecisionLoss: a number too large to be exact is the hostile input
  ['a huge number of notice days', setKey(['meetings', 'noticeClearDays'], 99999999999999999999), /meetings\.noticeClearDays/],
  ['notice days of .inf', replaceText('noticeClearDays: 14', 'noticeClearDays: .inf'), /meetings\.noticeClearDays/],
  ['notice days of .nan', replaceText('noticeClearDays: 14', 'noticeClearDays: .nan'), /meetings\.noticeClearDays/],
  ['a quorum of 150%', setKey(['meetings', 'quorum', 'percent'], '150%'), /meetings\.quorum\.percent must be a percentage/],
  ['a quorum of 0%', setKey(['meetings', 'quorum', 'percent'], '0%'), /meetings\.quorum\.percent must be a percentage/],
  ['a quorum in words', setKey(['meetings', 'quorum', 'percent'], 'a quarter'), /meetings\.quorum\.percent must be a percentage/],
  ['a negative quorum', setKey(['meetings', 'quorum', 'members'], -3), /meetings\.quorum\.members/],
  ['a special resolution of half', setKey(['meetings', 'specialResolution'], '50%'), /meetings\.specialResolution: A special resolution must need more than a simple majority/],
  ['a share worth nothing', setKey(['shares', 'nominalPence'], 0), /shares\.nominalPence/],
  ['a share worth a fraction of a penny', setKey(['shares', 'nominalPence'], 0.5), /shares\.nominalPence must be a whole number of pence/],
  ['a share value with a pound sign', setKey(['shares', 'nominalPence'], '£1'), /shares\.nominalPence must be a whole number of pence/],
  ['a minimum holding above the maximum', setKey(['shares', 'minimumHolding'], 5), /shares\.(minimumHolding|maximumHolding)/],
  ['withdrawable as "yes"', setKey(['shares', 'withdrawable'], 'yes'), /shares\.withdrawable must be true or false/],
  ['proxies allowed as 1', setKey(['meetings', 'proxies', 'allowed'], 1), /meetings\.proxies\.allowed must be true or false/],
  ['no offices at all', setKey(['board', 'roles'], []), /board\.roles/],
  ['an office in capitals', setKey(['board', 'roles'], ['Chair', 'secretary']), /board\.roles\.0 must be lower-case words joined by dashes/],
  ['offices as one string', setKey(['board', 'roles'], 'chair, secretary'), /board\.roles/],
  ['an unknown kind of group', setKey(['group', 'kind'], 'bakery'), /group\.kind must be one of worker-coop/],
  ['an unknown legal form', setKey(['group', 'form'], 'plc'), /group\.form must be one of co-operative-society/],
  ['an unknown jurisdiction', setKey(['group', 'jurisdiction'], 'wales'), /group\.jurisdiction must be one of england-wales/],
  ['a society name without "Limited"', setKey(['group', 'name'], 'Fixture Group'), /group\.name: A registered society's name must end in "Limited"/],
  ['an empty name', setKey(['group', 'name'], '   '), /group\.name cannot be empty/],
  ['a name of 10,000 characters', setKey(['group', 'name'], `${'N'.repeat(10_000)} Limited`), /group\.name is too long/],
  ['consensus with no fallback vote', setKey(['decisions', 'method'], 'consensus'), /decisions\.fallbackThreshold: A group deciding by consensus needs a fallback/],
  ['a decision method in capitals', setKey(['decisions', 'method'], 'Majority'), /decisions\.method must be majority or consensus/],
  // Unknown and missing keys
  ['an unknown top-level key', appendText('treasurer: Ada\n'), /has unknown key "treasurer"/],
  ['a misspelt key', replaceText('  area: the local area', '  araa: the local area'), /has unknown key "araa"/],
  ['an unknown key deep inside', setKey(['meetings', 'quorum', 'people'], 3), /meetings\.quorum has unknown key "people"/],
  ['the group name missing', setKey(['group', 'name'], undefined), /group\.name (is missing|must be text)/],
  ['the whole meetings section missing', setKey(['meetings'], undefined), /meetings (is missing|.*expected object)/],
  ['the shares section as a list', setKey(['shares'], [1, 2]), /shares/],
  ['the founding date in the future', setKey(['group', 'founded'], '2999-01-01'), /founded|future|coop\.yml has uncommitted edits/],
];

/**
 * Each spoiled coop.yml, tried with coop check (which must say where) and coop member add (which
 * must refuse to build on it); a sample of them with other commands that read the rules.
 */
const COMMANDS: { label: string; args: string[]; everySpoil: boolean }[] = [
  { label: 'coop check', args: ['check'], everySpoil: true },
  { label: 'coop member add', args: ['member', 'add', 'Dana Newmember'], everySpoil: true },
  { label: 'coop member list', args: ['member', 'list'], everySpoil: false },
  { label: 'coop status', args: ['status'], everySpoil: false },
  { label: 'coop meeting new', args: ['meeting', 'new', 'general', '--date', '2099-06-10', '--time', '18:30', '--place', 'The Hall'], everySpoil: false },
];

export const paramsCases: HostileCase[] = COMMANDS.flatMap(({ label, args, everySpoil }, c) =>
  // Each command's sample starts at a different spoil, so that between them they cover more.
  SPOILS.filter((_, i) => everySpoil || i % 8 === c).map(([what, setup, message]) => ({
    name: `${label} with coop.yml: ${what}`,
    args,
    setup,
    exit: 1,
    message,
  })),
);
