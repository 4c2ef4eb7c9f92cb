// What a person (or a script) can type wrongly: impossible and future dates; negative, zero,
// fractional, huge and worded numbers; names no register should hold; unknown members and
// offices; folder names with "..", absolute paths and leading dashes. Each is refused with a
// message saying what a right value looks like, and nothing changes.

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parentOf, type HostileCase } from '../table.js';

const add = (...rest: string[]) => ['member', 'add', ...rest];
const USAGE = 2;
const REFUSED = 1;

const dateCases = (label: string, args: (date: string) => string[], exitFuture = REFUSED): HostileCase[] => [
  { name: `${label}: 30 February`, args: args('2023-02-30'), exit: USAGE, message: /"2023-02-30" is not a date coop understands/ },
  { name: `${label}: 31 April in UK order`, args: args('31/04/2024'), exit: USAGE, message: /"31\/04\/2024" is not a date coop understands/ },
  { name: `${label}: a 13th month`, args: args('2024-13-01'), exit: USAGE, message: /is not a date coop understands/ },
  { name: `${label}: a date in words`, args: args('next tuesday'), exit: USAGE, message: /"next tuesday" is not a date coop understands/ },
  { name: `${label}: a date and time`, args: args('2024-03-01T10:00'), exit: USAGE, message: /is not a date coop understands/ },
  { name: `${label}: American order`, args: args('03/31/2024'), exit: USAGE, message: /is not a date coop understands/ },
  { name: `${label}: in the future`, args: args('2999-01-01'), exit: exitFuture, message: /2999-01-01 is in the future/ },
  { name: `${label}: before the group was founded`, args: args('2023-12-31'), exit: REFUSED, message: /2023-12-31 is before the group was founded \(2024-01-15\)/ },
];

const numberCases = (label: string, args: (n: string) => string[], what: string): HostileCase[] => [
  { name: `${label}: negative`, args: args('-1'), exit: USAGE, message: new RegExp(`(${what} cannot be negative|unknown option '-1')`) },
  { name: `${label}: zero`, args: args('0'), exit: USAGE, message: new RegExp(`${what} must be at least 1`) },
  { name: `${label}: a fraction`, args: args('1.5'), exit: USAGE, message: new RegExp(`${what} must be a whole number, not a fraction`) },
  { name: `${label}: in scientific notation`, args: args('1e3'), exit: USAGE, message: new RegExp(`${what} must be written in plain digits`) },
  { name: `${label}: huge`, args: args('99999999999999999999'), exit: USAGE, message: new RegExp(`${what} "99999999999999999999" is too large`) },
  { name: `${label}: in words`, args: args('three'), exit: USAGE, message: new RegExp(`${what} must be a whole number, like 3`) },
  { name: `${label}: with a unit`, args: args('3 shares'), exit: USAGE, message: new RegExp(`${what} must be a whole number`) },
  { name: `${label}: NaN`, args: args('NaN'), exit: USAGE, message: new RegExp(`${what} must be a whole number`) },
];

const NAMES: [string, string, number, RegExp][] = [
  ['an empty name', '', USAGE, /The name is empty/],
  ['a name of spaces', '    ', USAGE, /The name is empty/],
  ['a name with a line break', 'Ada\nLovelace', USAGE, /contains a line break or control character/],
  ['a name with a carriage return', 'Ada\rLovelace', USAGE, /contains a line break or control character/],
  ['a name with a bell character', 'Ada\u0007Lovelace', USAGE, /contains a line break or control character/],
  ['a name with an escape sequence', 'Ada \u001b[31mRed\u001b[0m', USAGE, /contains a line break or control character/],
  ['a name with a NUL-like DEL', 'Ada\u007fLovelace', USAGE, /contains a line break or control character/],
  ['a name with a Unicode line separator', 'Ada\u2028Lovelace', USAGE, /contains a line break or control character/],
  ['a name of 10,000 characters', 'N'.repeat(10_000), USAGE, /The name is longer than 200 characters/],
  ['a name with no letters', '12345', USAGE, /does not look like a name \(it has no letters\)/],
  ['a name of punctuation', '{{}}', USAGE, /does not look like a name/],
  ['an email address as a name', 'ada@example.org', USAGE, /looks like an email address, not a name/],
];

export const argumentCases: HostileCase[] = [
  // Names
  ...NAMES.map(([what, name, exit, message]): HostileCase => ({ name: `coop member add with ${what}`, args: add(name), exit, message })),
  ...NAMES.slice(0, 9).map(
    ([what, name, exit, message]): HostileCase => ({ name: `coop member update --name with ${what}`, args: ['member', 'update', '2', '--name', name], exit, message }),
  ),
  { name: 'coop member add with an option for a name (leading dash)', args: add('-rf'), exit: USAGE, message: /unknown option '-rf'/ },
  { name: 'coop member add with a long option for a name', args: add('--everything'), exit: USAGE, message: /unknown option '--everything'/ },
  { name: 'coop member add with no name', args: add(), exit: USAGE, message: /missing required argument 'name'/ },
  { name: 'coop member add with two names', args: add('Ada', 'Lovelace'), exit: USAGE, message: /too many arguments|unexpected|excess/i },
  // Dates
  ...dateCases('coop member add --joined', (d) => add('Dana Newmember', '--joined', d)),
  ...dateCases('coop member leave --date', (d) => ['member', 'leave', '3', '--date', d, '--reason', 'resigned']),
  ...dateCases('coop shares issue --date', (d) => ['shares', 'issue', '1', '1', '--date', d]).slice(0, 4),
  ...dateCases('coop officer appoint --date', (d) => ['officer', 'appoint', '2', '--role', 'chair', '--date', d]).slice(0, 4),
  { name: 'coop member list --as-of 30 February', args: ['member', 'list', '--as-of', '2023-02-30'], exit: USAGE, message: /"2023-02-30" is not a date coop understands/ },
  { name: 'coop register --as-of in words', args: ['register', '--as-of', 'yesterday'], exit: USAGE, message: /"yesterday" is not a date coop understands/ },
  // Numbers
  ...numberCases('coop member add --shares', (n) => add('Dana Newmember', '--shares', n), 'number of shares'),
  ...numberCases('coop shares issue count', (n) => ['shares', 'issue', '1', n], 'number of shares'),
  ...numberCases('coop member leave number', (n) => ['member', 'leave', n, '--date', '2024-02-01', '--reason', 'resigned'], 'membership number').slice(1),
  ...numberCases('coop shares withdraw member', (n) => ['shares', 'withdraw', n, '1'], 'membership number').slice(1, 6),
  { name: 'coop member add --shares above the rules’ maximum', args: add('Dana Newmember', '--shares', '2'), exit: REFUSED, message: /above the rules' maximum of 1/ },
  {
    name: 'coop member add --shares in a group without shares',
    group: 'association',
    args: add('Dana Newmember', '--shares', '1'),
    exit: REFUSED,
    message: /has no members' shares/,
  },
  { name: 'coop shares issue in a group without shares', group: 'association', args: ['shares', 'issue', '1', '1'], exit: REFUSED, message: /shares/ },
  { name: 'coop shares issue above the maximum', args: ['shares', 'issue', '1', '5'], exit: REFUSED, message: /above the rules' maximum of 1/ },
  { name: 'coop shares withdraw more than held', args: ['shares', 'withdraw', '1', '9'], exit: REFUSED, message: /holds 1 share/ },
  { name: 'coop shares transfer to the same member', args: ['shares', 'transfer', '1', '1', '1'], exit: USAGE, message: /Member 1 cannot transfer shares to themselves/ },
  { name: 'coop shares transfer of non-transferable shares', args: ['shares', 'transfer', '1', '2', '1'], exit: REFUSED, message: /non-transferable|not transferable/ },
  // Members and offices that do not exist
  { name: 'coop member leave for a member never admitted', args: ['member', 'leave', '99', '--date', '2024-02-01', '--reason', 'resigned'], exit: REFUSED, message: /99/ },
  {
    name: 'coop member leave with an unknown reason',
    args: ['member', 'leave', '3', '--date', '2024-02-01', '--reason', 'bored'],
    exit: USAGE,
    message: /Allowed choices are resigned, expelled/,
  },
  { name: 'coop member leave with no date', args: ['member', 'leave', '3', '--reason', 'resigned'], exit: USAGE, message: /required option '--date <date>' not specified/ },
  { name: 'coop member update for a member never admitted', args: ['member', 'update', '99', '--name', 'Nobody Atall'], exit: REFUSED, message: /99/ },
  { name: 'coop shares issue to a member never admitted', args: ['shares', 'issue', '99', '1'], exit: REFUSED, message: /99/ },
  {
    name: 'coop officer appoint to an office the rules lack',
    args: ['officer', 'appoint', '2', '--role', 'Emperor'],
    exit: REFUSED,
    message: /"Emperor" is not one of the offices in the group's rules/,
  },
  { name: 'coop officer appoint with a role of markup', args: ['officer', 'appoint', '2', '--role', '<b>chair</b>'], exit: REFUSED, message: /is not one of the offices/ },
  { name: 'coop officer appoint of someone never admitted', args: ['officer', 'appoint', '99', '--role', 'chair'], exit: REFUSED, message: /99/ },
  { name: 'coop officer appoint of the chair as chair again', args: ['officer', 'appoint', '1', '--role', 'chair'], exit: REFUSED, message: /already chair/ },
  { name: 'coop officer leave of an office not held', args: ['officer', 'leave', '2', '--role', 'chair'], exit: REFUSED, message: /does not hold the office of chair/ },
  { name: 'coop member show for a member never admitted', args: ['member', 'show', '99'], exit: REFUSED, message: /99/ },
  { name: 'coop member show with a word for a number', args: ['member', 'show', 'ada'], exit: USAGE, message: /membership number must be a whole number/ },
  // Private contact details
  {
    name: 'coop member add with an email missing its @',
    args: add('Dana Newmember', '--email', 'dana.example.org'),
    exit: USAGE,
    message: /The email address "dana\.example\.org" does not look right/,
  },
  {
    name: 'coop member add with an email of 300 characters',
    args: add('Dana Newmember', '--email', `${'d'.repeat(290)}@example.org`),
    exit: USAGE,
    message: /longer than 254 characters/,
  },
  { name: 'coop member add with an email with a space', args: add('Dana Newmember', '--email', 'dana newmember@example.org'), exit: USAGE, message: /does not look right/ },
  {
    name: 'coop member add with a phone number of letters',
    args: add('Dana Newmember', '--phone', 'call me'),
    exit: USAGE,
    message: /The phone number "call me" does not look right/,
  },
  {
    name: 'coop member add with an address with a control character',
    args: add('Dana Newmember', '--address', '1 High St\u0007'),
    exit: USAGE,
    message: /address contains a control character/,
  },
  // Commands and options that do not exist
  { name: 'an unknown command', args: ['frobnicate'], exit: USAGE, message: /unknown command 'frobnicate'/ },
  { name: 'an unknown option', args: add('Dana Newmember', '--sharez', '1'), exit: USAGE, message: /unknown option '--sharez'/ },
  { name: 'coop register in an unknown format', args: ['register', '--format', 'pdf'], exit: USAGE, message: /Allowed choices are md, csv, json/ },
  {
    name: 'coop member export over an existing file',
    setup: (g) => writeFileSync(join(g, 'members.csv'), 'keep me\n'),
    args: ['member', 'export', 'members.csv'],
    exit: REFUSED,
    message: /members\.csv/,
  },
  // Outside a group
  { name: 'coop member add outside any group', cwd: parentOf, watch: parentOf, args: add('Dana Newmember'), exit: REFUSED, message: /This folder is not a group made by coop/ },
  { name: 'coop check outside any group', cwd: parentOf, watch: parentOf, args: ['check'], exit: REFUSED, message: /This folder is not a group made by coop/ },
  // Folder names for coop new
  ...(
    [
      ['".." (a folder that is not empty)', '..', REFUSED, /already exists and is not empty/],
      ['"." inside a group', '.', REFUSED, /already exists and is not empty/],
      ['an absolute path to a full folder', '/usr', REFUSED, /already exists and is not empty/],
      ['the root folder', '/', USAGE, /Cannot make a group in the root folder/],
      ['a folder whose parent does not exist', 'no/such/parent/group', REFUSED, /does not exist, so .* cannot be made in it/],
      ['a path climbing out through ..', '../../../../../../../../../../../no-such-dir/group', REFUSED, /does not exist/],
      ['a leading dash', '-rf', USAGE, /unknown option '-rf'|looks like an option/],
      ['a leading dash after --', '--', USAGE, /Give the folder|looks like an option/],
      ['a line break in the name', 'my\ngroup', USAGE, /has control characters/],
      ['a tab in the name', 'my\tgroup', USAGE, /has control characters/],
      ['an existing file', 'coop.yml', REFUSED, /already exists and is a file/],
      ['an existing folder with files', 'register', REFUSED, /already exists and is not empty/],
    ] as [string, string, number, RegExp][]
  ).map(
    ([what, dir, exit, message]): HostileCase => ({
      name: `coop new with ${what}`,
      args: ['new', '--yes', dir],
      // Run from inside a group so that "." and ".." name folders with files in them.
      setup: (g) => void mkdirSync(join(g, 'register'), { recursive: true }),
      watch: parentOf,
      exit,
      message,
    }),
  ),
  { name: 'coop new with no folder and no terminal', cwd: parentOf, watch: parentOf, args: ['new', '--yes'], exit: USAGE, message: /Give the folder to create for the group/ },
  {
    name: 'coop new with an impossible founding date',
    cwd: parentOf,
    watch: parentOf,
    args: ['new', '--yes', '--founded', '2023-02-30', 'fresh-group'],
    exit: USAGE,
    message: /--founded must be a real date written YYYY-MM-DD.*"2023-02-30"/,
  },
  {
    name: 'coop new with a founding date in the future',
    cwd: parentOf,
    watch: parentOf,
    args: ['new', '--yes', '--founded', '2999-01-01', 'fresh-group'],
    exit: REFUSED,
    message: /2999-01-01|future/,
  },
  {
    name: 'coop new with negative notice days',
    cwd: parentOf,
    watch: parentOf,
    args: ['new', '--yes', '--notice-days', '-3', 'fresh-group'],
    exit: USAGE,
    message: /--notice-days must be a whole number \(got "-3"\)/,
  },
  {
    name: 'coop new with a fractional share value',
    cwd: parentOf,
    watch: parentOf,
    args: ['new', '--yes', '--share-value', '0.5', 'fresh-group'],
    exit: USAGE,
    message: /--share-value must be a whole number \(got "0\.5"\)/,
  },
  {
    name: 'coop new with a huge quorum',
    cwd: parentOf,
    watch: parentOf,
    args: ['new', '--yes', '--quorum-percent', '150%', 'fresh-group'],
    exit: USAGE,
    message: /--quorum-percent must be a percentage .* \(got "150%"\)/,
  },
  {
    name: 'coop new with an answers file that is not YAML',
    setup: (g) => writeFileSync(join(g, '..', 'answers.yml'), 'name: "unclosed\n'),
    cwd: parentOf,
    watch: parentOf,
    args: ['new', '--answers', 'answers.yml', 'fresh-group'],
    exit: USAGE,
    message: /answers\.yml:1: is not valid YAML/,
  },
  {
    name: 'coop new with an answers file that is missing',
    cwd: parentOf,
    watch: parentOf,
    args: ['new', '--answers', 'nowhere.yml', 'fresh-group'],
    exit: USAGE,
    message: /--answers: cannot read .*nowhere\.yml/,
  },
  {
    name: 'coop new with a founder line that has no name',
    cwd: parentOf,
    watch: parentOf,
    args: ['new', '--yes', '--founder', '<only@example.org>', 'fresh-group'],
    exit: USAGE,
    message: /founder/i,
  },
  {
    name: 'coop new with a founder whose email is wrong',
    cwd: parentOf,
    watch: parentOf,
    args: ['new', '--yes', '--founder', 'Ada Lovelace <not-an-email>', 'fresh-group'],
    exit: USAGE,
    message: /not-an-email/,
  },
  {
    name: 'coop new with a society name lacking "Limited"',
    cwd: parentOf,
    watch: parentOf,
    args: ['new', '--yes', '--kind', 'worker-coop', '--form', 'co-operative-society', '--name', 'Bakers', 'fresh-group'],
    exit: REFUSED,
    message: /must end in "Limited"/,
  },
  {
    name: 'coop new with an impossible kind and form pair',
    cwd: parentOf,
    watch: parentOf,
    args: ['new', '--yes', '--kind', 'worker-coop', '--form', 'cic', 'fresh-group'],
    exit: REFUSED,
    message: /--form: A worker co-operative cannot be a community interest company/,
  },
  {
    name: 'coop new with an unknown kind',
    cwd: parentOf,
    watch: parentOf,
    args: ['new', '--yes', '--kind', 'bakery', 'fresh-group'],
    exit: USAGE,
    message: /Allowed choices are worker-coop/,
  },
  {
    name: 'coop new with a minimum holding above the maximum',
    cwd: parentOf,
    watch: parentOf,
    args: ['new', '--yes', '--min-shares', '5', '--max-shares', '2', 'fresh-group'],
    exit: REFUSED,
    message: /shares/,
  },
  {
    name: 'coop new with a name of 10,000 characters',
    cwd: parentOf,
    watch: parentOf,
    args: ['new', '--yes', '--name', `${'N'.repeat(10_000)} Limited`, 'fresh-group'],
    exit: USAGE,
    message: /--name is too long \(at most 200 characters\)/,
  },
  { name: 'coop new with a year end of 30 February', cwd: parentOf, watch: parentOf, args: ['new', '--yes', '--year-end', '02-30', 'fresh-group'], exit: USAGE, message: /02-30/ },
  {
    name: 'coop new with withdrawable "maybe"',
    cwd: parentOf,
    watch: parentOf,
    args: ['new', '--yes', '--withdrawable', 'maybe', 'fresh-group'],
    exit: USAGE,
    message: /--withdrawable/,
  },
];
