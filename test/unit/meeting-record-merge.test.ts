// A meeting recorded on two computers, merged three ways (core/meetings/record-merge.ts):
// named scenarios of what each copy recorded since they parted, and what the merge gives.

import { describe, expect, it } from 'vitest';
import { mergeMeetingRecords } from '../../src/core/meetings/record-merge.js';
import type { MeetingRecord } from '../../src/core/meetings/record.js';

const base: MeetingRecord = {
  id: '2025-06-10-general',
  type: 'general',
  date: '2025-06-10',
  time: '19:00',
  place: 'The Hall',
  online: null,
  noticeDate: '2025-06-05',
  byPost: false,
  served: '2025-06-05',
  shortNotice: { required: 14, given: 4, consent: '90%', consentMembers: 5, entitledMembers: 6, consents: [{ member: 1, date: '2025-06-01' }] },
  resolutions: [
    { number: 1, kind: 'ordinary', text: 'To paint the hall.' },
    { number: 2, kind: 'ordinary', text: 'To buy a kettle.' },
  ],
  attendance: { present: [1, 2], proxies: [], apologies: [] },
  votes: [],
  closed: false,
  closedOn: null,
  outcome: null,
};

type Edit = (r: MeetingRecord) => MeetingRecord;
const attend =
  (present: number[], apologies: number[] = [], proxies: MeetingRecord['attendance']['proxies'] = []): Edit =>
  (r) => ({ ...r, attendance: { present, apologies, proxies } });
const vote =
  (resolution: number, f: number, a: number): Edit =>
  (r) => ({ ...r, votes: [...r.votes.filter((v) => v.resolution !== resolution), { resolution, method: 'vote', for: f, against: a, abstain: 0 }] });
const consent =
  (member: number, date: string): Edit =>
  (r) => ({ ...r, shortNotice: { ...r.shortNotice!, consents: [...(r.shortNotice!.consents ?? []), { member, date }] } });
const both =
  (...edits: Edit[]): Edit =>
  (r) =>
    edits.reduce((x, e) => e(x), r);

describe('merging a meeting record changed on two copies', () => {
  const merges: { name: string; ours: Edit; theirs: Edit; expect: Partial<MeetingRecord> }[] = [
    {
      name: 'attendance here, votes there',
      ours: attend([1, 2, 3], [4]),
      theirs: vote(1, 2, 0),
      expect: { attendance: { present: [1, 2, 3], proxies: [], apologies: [4] }, votes: [{ resolution: 1, method: 'vote', for: 2, against: 0, abstain: 0 }] },
    },
    {
      name: 'attendance of different members on each',
      ours: attend([1, 2, 3]),
      theirs: attend([1, 2], [5], [{ holder: 2, member: 6 }]),
      expect: { attendance: { present: [1, 2, 3], proxies: [{ holder: 2, member: 6 }], apologies: [5] } },
    },
    {
      name: 'votes on different resolutions',
      ours: vote(1, 2, 0),
      theirs: vote(2, 1, 1),
      expect: {
        votes: [
          { resolution: 1, method: 'vote', for: 2, against: 0, abstain: 0 },
          { resolution: 2, method: 'vote', for: 1, against: 1, abstain: 0 },
        ],
      },
    },
    {
      name: 'the same vote recorded on both',
      ours: vote(1, 2, 0),
      theirs: both(vote(1, 2, 0), attend([1, 2, 4])),
      expect: { votes: [{ resolution: 1, method: 'vote', for: 2, against: 0, abstain: 0 }], attendance: { present: [1, 2, 4], proxies: [], apologies: [] } },
    },
    {
      name: 'consents to short notice from different members',
      ours: consent(3, '2025-06-02'),
      theirs: consent(2, '2025-06-03'),
      expect: {
        shortNotice: {
          ...base.shortNotice!,
          consents: [
            { member: 1, date: '2025-06-01' },
            { member: 2, date: '2025-06-03' },
            { member: 3, date: '2025-06-02' },
          ],
        },
      },
    },
    {
      name: 'a member taken off on one copy, nothing else on the other',
      ours: attend([1]),
      theirs: (r) => ({ ...r, place: 'The Annexe' }),
      expect: { attendance: { present: [1], proxies: [], apologies: [] }, place: 'The Annexe' },
    },
  ];
  for (const m of merges) {
    it(m.name, () => {
      const r = mergeMeetingRecords(base, m.ours(base), m.theirs(base));
      expect('record' in r ? r.record : r.clashes.map((c) => c.what)).toEqual({ ...base, ...m.expect });
      // Either way round, the same record.
      const back = mergeMeetingRecords(base, m.theirs(base), m.ours(base));
      expect('record' in back ? back.record : undefined).toEqual({ ...base, ...m.expect });
    });
  }

  const clashes: { name: string; ours: Edit; theirs: Edit; what: RegExp; values: [RegExp, RegExp]; settle: RegExp }[] = [
    {
      name: 'one member present here, sent apologies there',
      ours: attend([1, 2, 7]),
      theirs: attend([1, 2], [7]),
      what: /member 7's attendance/,
      values: [/^present$/, /^apologies$/],
      settle: /coop meeting attend 2025-06-10-general --remove 7, then coop meeting attend 2025-06-10-general --apologies 7/,
    },
    {
      name: 'one resolution counted differently',
      ours: vote(1, 2, 0),
      theirs: vote(1, 1, 1),
      what: /the vote on resolution 1/,
      values: [/2 for, 0 against/, /1 for, 1 against/],
      settle: /coop meeting vote 2025-06-10-general 1 --for 1 --against 1 --abstain 0/,
    },
    {
      name: 'one consent dated differently',
      ours: consent(3, '2025-06-02'),
      theirs: consent(3, '2025-06-04'),
      what: /member 3's consent to short notice/,
      values: [/2025-06-02/, /2025-06-04/],
      settle: /coop meeting consent 2025-06-10-general --remove 3, then coop meeting consent 2025-06-10-general 3 --date 2025-06-04/,
    },
    {
      name: 'attendance taken off here while votes counted with it were recorded there',
      ours: attend([1]),
      theirs: vote(1, 2, 0),
      what: /member 2's attendance was taken off/,
      values: [/not recorded/, /present/],
      settle: /git revert/,
    },
    {
      name: 'the time changed to different values',
      ours: (r) => ({ ...r, time: '18:30' }),
      theirs: (r) => ({ ...r, time: '20:00' }),
      what: /its time/,
      values: [/18:30/, /20:00/],
      settle: /git revert/,
    },
  ];
  for (const c of clashes) {
    it(`refuses: ${c.name}`, () => {
      const r = mergeMeetingRecords(base, c.ours(base), c.theirs(base));
      expect('clashes' in r).toBe(true);
      if (!('clashes' in r)) return;
      expect(r.clashes).toHaveLength(1);
      const clash = r.clashes[0]!;
      expect(clash.what).toMatch(c.what);
      expect(clash.ours).toMatch(c.values[0]);
      expect(clash.theirs).toMatch(c.values[1]);
      expect(clash.settle('theirs')).toMatch(c.settle);
    });
  }

  it('preferring one copy settles every clash its way, and merges the rest as before', () => {
    const ours = both(attend([1, 2, 7, 3]), vote(1, 2, 0));
    const theirs = both(attend([1, 2], [7]), vote(1, 1, 1), vote(2, 2, 0));
    const here = mergeMeetingRecords(base, ours(base), theirs(base), 'ours');
    expect('record' in here && here.record.attendance).toEqual({ present: [1, 2, 3, 7], proxies: [], apologies: [] });
    expect('record' in here && here.record.votes.map((v) => [v.resolution, v.method === 'vote' ? v.for : -1])).toEqual([
      [1, 2],
      [2, 2],
    ]);
    const remote = mergeMeetingRecords(base, ours(base), theirs(base), 'theirs');
    expect('record' in remote && remote.record.attendance).toEqual({ present: [1, 2, 3], proxies: [], apologies: [7] });
    // Attendance taken off where votes were counted with it: the preferred copy's attendance stands.
    const removed = mergeMeetingRecords(base, attend([1])(base), vote(1, 2, 0)(base), 'theirs');
    expect('record' in removed && removed.record.attendance.present).toEqual([1, 2]);
  });

  it('a meeting called on both copies merges only when called alike', () => {
    expect(mergeMeetingRecords(undefined, base, { ...base })).toEqual({ record: base });
    const r = mergeMeetingRecords(undefined, base, { ...base, time: '20:00' });
    expect('clashes' in r && r.clashes[0]!.what).toMatch(/called on both copies/);
  });
});
