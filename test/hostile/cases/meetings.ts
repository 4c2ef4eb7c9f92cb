// Meetings called and recorded wrongly: impossible dates and times, too little notice, links
// that are not web links, empty or enormous text, unknown members, negative and fractional
// votes, more votes than voters, and a meeting record edited by hand into nonsense.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MEETING } from '../groups.js';
import type { HostileCase } from '../table.js';

const USAGE = 2;
const REFUSED = 1;
const RECORD = `meetings/${MEETING}-general/meeting.json`;

const call = (...over: string[]) => {
  const base: Record<string, string> = { '--date': '2024-09-10', '--time': '18:30', '--place': 'Community Hall', '--notice-date': '2024-08-01' };
  for (let i = 0; i < over.length; i += 2) base[over[i]!] = over[i + 1]!;
  return ['meeting', 'new', 'general', ...Object.entries(base).flat()];
};

const callCases: [string, string[], number, RegExp][] = [
  ['an impossible date', call('--date', '2023-02-30'), USAGE, /--date "2023-02-30" is not a real date/],
  ['a date in words', call('--date', 'next month'), USAGE, /--date "next month" is not a real date/],
  ['an impossible notice date', call('--notice-date', '2024-04-31'), USAGE, /--notice-date "2024-04-31" is not a real date/],
  ['the hour 25', call('--time', '25:00'), USAGE, /--time "25:00" is not a time/],
  ['the minute 60', call('--time', '18:60'), USAGE, /--time "18:60" is not a time/],
  ['a time in words', call('--time', 'half six'), USAGE, /--time "half six" is not a time/],
  ['a time with am/pm', call('--time', '6:30pm'), USAGE, /--time "6:30pm" is not a time/],
  ['an empty place', call('--place', '   '), USAGE, /--place cannot be empty/],
  ['a place of 10,000 characters', call('--place', 'P'.repeat(10_000)), USAGE, /--place is too long/],
  ['a javascript: link', [...call(), '--online', 'javascript:alert(1)'], USAGE, /--online "javascript:alert\(1\)" is not a web link/],
  ['a link that is not a link', [...call(), '--online', 'zoom meeting'], USAGE, /is not a web link/],
  ['a file: link', [...call(), '--online', 'file:///etc/passwd'], USAGE, /is not a web link/],
  ['an empty resolution', [...call(), '--resolution', '  '], USAGE, /--resolution cannot be empty/],
  ['a resolution of 10,000 characters', [...call(), '--resolution', 'R'.repeat(10_000)], USAGE, /--resolution is too long/],
  ['an unknown kind of meeting', ['meeting', 'new', 'party', '--date', '2024-09-10', '--time', '18:30', '--place', 'Hall'], USAGE, /"party" is not a kind of meeting/],
  [
    'a special resolution at a committee',
    ['meeting', 'new', 'committee', '--date', '2024-09-10', '--time', '18:30', '--place', 'Hall', '--special', 'Change the rules'],
    USAGE,
    /A committee meeting does not pass special resolutions/,
  ],
  ['too little notice', call('--notice-date', '2024-09-01'), REFUSED, /Not enough notice/],
  ['a meeting before its notice', call('--notice-date', '2024-09-20'), REFUSED, /is before the notice date/],
  ['a meeting before the founding', call('--date', '2023-09-10', '--notice-date', '2023-08-01'), REFUSED, /before the group was founded/],
  ['no place', ['meeting', 'new', 'general', '--date', '2024-09-10', '--time', '18:30'], USAGE, /required option '--place <text>' not specified/],
];

export const meetingCases: HostileCase[] = [
  ...callCases.map(([what, args, exit, message]): HostileCase => ({ name: `coop meeting new with ${what}`, args, exit, message })),
  {
    name: 'coop meeting new for a day that already has one',
    group: 'meeting',
    args: call('--date', MEETING, '--notice-date', '2024-05-01'),
    exit: REFUSED,
    message: /There is already a general meeting on 10 June 2024/,
  },
  { name: 'coop meeting attend with a member never admitted', group: 'meeting', args: ['meeting', 'attend', MEETING, '99'], exit: REFUSED, message: /nothing was recorded/ },
  {
    name: 'coop meeting attend with a negative number',
    group: 'meeting',
    args: ['meeting', 'attend', MEETING, '--', '-1'],
    exit: USAGE,
    message: /"-1" is not a membership number/,
  },
  { name: 'coop meeting attend with member 0', group: 'meeting', args: ['meeting', 'attend', MEETING, '0'], exit: USAGE, message: /"0" is not a membership number/ },
  { name: 'coop meeting attend with a fraction', group: 'meeting', args: ['meeting', 'attend', MEETING, '1.5'], exit: USAGE, message: /"1\.5" is not a membership number/ },
  { name: 'coop meeting attend with a name for a number', group: 'meeting', args: ['meeting', 'attend', MEETING, 'Ada'], exit: USAGE, message: /"Ada" is not a membership number/ },
  {
    name: 'coop meeting attend with a huge number',
    group: 'meeting',
    args: ['meeting', 'attend', MEETING, '99999999999999999999'],
    exit: USAGE,
    message: /is not a membership number/,
  },
  {
    name: 'coop meeting attend at a meeting never called',
    group: 'meeting',
    args: ['meeting', 'attend', '2031-06-10', '1'],
    exit: REFUSED,
    message: /There is no record of a meeting on 10 June 2031/,
  },
  {
    name: 'coop meeting attend with someone both present and sending apologies',
    group: 'meeting',
    args: ['meeting', 'attend', MEETING, '3', '--apologies', '3'],
    exit: USAGE,
    message: /cannot be both present and sending apologies/,
  },
  {
    name: 'coop meeting attend with a proxy written wrongly',
    group: 'meeting',
    args: ['meeting', 'attend', MEETING, '3', '--proxy', '3:1'],
    exit: USAGE,
    message: /--proxy "3:1" should be HOLDER=MEMBER/,
  },
  {
    name: 'coop meeting attend with a proxy the rules do not allow',
    group: 'meeting',
    args: ['meeting', 'attend', MEETING, '3', '--proxy', '1=3'],
    exit: REFUSED,
    message: /nothing was recorded, because\n {2}- the rules do not allow proxies/,
  },
  {
    name: 'coop meeting vote with negative votes',
    group: 'meeting',
    args: ['meeting', 'vote', MEETING, '1', '--for', '-1', '--against', '0'],
    exit: USAGE,
    message: /--for must be a whole number of votes \(0 or more\), not "-1"/,
  },
  {
    name: 'coop meeting vote with fractional votes',
    group: 'meeting',
    args: ['meeting', 'vote', MEETING, '1', '--for', '1', '--against', '0.5'],
    exit: USAGE,
    message: /--against must be a whole number of votes/,
  },
  {
    name: 'coop meeting vote with votes in words',
    group: 'meeting',
    args: ['meeting', 'vote', MEETING, '1', '--for', 'all', '--against', '0'],
    exit: USAGE,
    message: /--for must be a whole number of votes/,
  },
  {
    name: 'coop meeting vote with a huge number of votes',
    group: 'meeting',
    args: ['meeting', 'vote', MEETING, '1', '--for', '99999999999999999999', '--against', '0'],
    exit: USAGE,
    message: /--for must be a whole number of votes|too large/,
  },
  {
    name: 'coop meeting vote with more votes than voters',
    group: 'meeting',
    args: ['meeting', 'vote', MEETING, '1', '--for', '5', '--against', '0'],
    exit: REFUSED,
    message: /only 2 may vote/,
  },
  {
    name: 'coop meeting vote on a resolution that does not exist',
    group: 'meeting',
    args: ['meeting', 'vote', MEETING, '9', '--for', '1', '--against', '0'],
    exit: REFUSED,
    message: /has no resolution 9; its resolutions are 1, 2/,
  },
  {
    name: 'coop meeting vote on resolution zero',
    group: 'meeting',
    args: ['meeting', 'vote', MEETING, '0', '--for', '1', '--against', '0'],
    exit: USAGE,
    message: /"0" is not a resolution number|has no resolution 0/,
  },
  {
    name: 'coop meeting vote on a resolution named in words',
    group: 'meeting',
    args: ['meeting', 'vote', MEETING, 'budget', '--for', '1', '--against', '0'],
    exit: USAGE,
    message: /"budget" is not a resolution number/,
  },
  {
    name: 'coop meeting vote by consensus in a majority group',
    group: 'meeting',
    args: ['meeting', 'vote', MEETING, '1', '--consensus', 'agreed'],
    exit: REFUSED,
    message: /This group decides by majority vote/,
  },
  { name: 'coop meeting vote with no votes given', group: 'meeting', args: ['meeting', 'vote', MEETING, '1'], exit: USAGE, message: /Give the votes with --for N and --against N/ },
  {
    name: 'coop meeting close of a meeting never called',
    group: 'meeting',
    args: ['meeting', 'close', '2031-01-01'],
    exit: REFUSED,
    message: /There is no record of a meeting on 1 January 2031/,
  },
  ...(
    [
      ['garbage', 'not json at all {'],
      ['an empty file', ''],
      ['a list', '[1, 2, 3]'],
      ['a record with its date as a number', '{"id":"x","type":"general","date":20240610}'],
    ] as [string, string][]
  ).flatMap(([what, content]) =>
    (
      [
        ['attend', ['meeting', 'attend', MEETING, '3']],
        ['vote', ['meeting', 'vote', MEETING, '1', '--for', '2', '--against', '0']],
        ['close', ['meeting', 'close', MEETING]],
        ['list', ['meeting', 'list']],
      ] as [string, string[]][]
    ).map(
      ([verb, args]): HostileCase => ({
        name: `coop meeting ${verb} with the meeting record edited into ${what}`,
        group: 'meeting',
        setup: (g) => writeFileSync(join(g, RECORD), content),
        args,
        exit: REFUSED,
        message: new RegExp(`${RECORD.replace(/[.]/g, '\\.')} (cannot be read|is not a valid meeting record)`),
      }),
    ),
  ),
];
