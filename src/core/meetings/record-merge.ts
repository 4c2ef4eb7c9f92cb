// A meeting recorded on two computers: attendance taken on one laptop, votes on another. Git
// sees two edits of one JSON file and either merges the text (right only by luck) or stops
// with conflict markers. This merges the records themselves, three ways (the record both
// copies started from, this copy's, the other's), field by field:
//   - attendance, keyed by member (present, apologies, the proxy they gave);
//   - votes, keyed by resolution;
//   - short-notice consents and nominations, keyed by member;
//   - every other field as a whole.
// A key changed on one side only takes that side's value; changed alike on both, that value;
// changed differently on both, it is a clash, which only the officers can settle: it is given
// back with both values and the commands that would make the two copies agree.
//
// A closed meeting is final: a merge that would change one (closed on one copy while the other
// recorded something, or changed after closing) is not merged here but refused (api/sync.ts).

import type { Proxy } from './counting.js';
import type { MeetingRecord, Nomination, VoteEntry } from './record.js';

export interface MeetingClash {
  /** What the two copies disagree on: "member 7's attendance", "the vote on resolution 1". */
  what: string;
  ours: string;
  theirs: string;
  /** What to run on the other copy so that it records `side`'s value and the two agree. */
  settle: (side: 'ours' | 'theirs') => string;
}

export type MeetingMerge = { record: MeetingRecord } | { clashes: MeetingClash[] };

/** Stable text of a JSON value (keys sorted), for comparing values. */
function canon(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

const same = (a: unknown, b: unknown): boolean => canon(a) === canon(b);

/** The three-way rule for one value: undefined means absent. */
function pick<T>(base: T | undefined, ours: T | undefined, theirs: T | undefined): { value: T | undefined } | 'clash' {
  if (same(ours, theirs)) return { value: ours };
  if (same(ours, base)) return { value: theirs };
  if (same(theirs, base)) return { value: ours };
  return 'clash';
}

/** The three-way rule, where a clash takes the preferred side's value when one is preferred. */
function pickOr<T>(prefer: 'ours' | 'theirs' | undefined, base: T | undefined, ours: T | undefined, theirs: T | undefined): { value: T | undefined } | 'clash' {
  const r = pick(base, ours, theirs);
  if (r !== 'clash' || prefer === undefined) return r;
  return { value: prefer === 'ours' ? ours : theirs };
}

/** What the record says of one member's attendance, as a short phrase (undefined: nothing). */
type Attendance = { present?: true; apologies?: true; proxies?: Proxy['holder'][] };

function attendanceByMember(r: MeetingRecord): Map<number, Attendance> {
  const out = new Map<number, Attendance>();
  const at = (n: number): Attendance => {
    let a = out.get(n);
    if (!a) {
      a = {};
      out.set(n, a);
    }
    return a;
  };
  for (const n of r.attendance.present) at(n).present = true;
  for (const n of r.attendance.apologies) at(n).apologies = true;
  for (const p of r.attendance.proxies) (at(p.member).proxies ??= []).push(p.holder);
  return out;
}

function describeAttendance(a: Attendance | undefined): string {
  if (!a) return 'not recorded';
  const parts: string[] = [];
  if (a.present) parts.push('present');
  if (a.apologies) parts.push('apologies');
  for (const h of a.proxies ?? []) parts.push(`proxy held by ${typeof h === 'number' ? `member ${h}` : h}`);
  return parts.join(' and ');
}

function attendArgs(id: string, member: number, a: Attendance | undefined): string {
  const add: string[] = [];
  if (a?.present) add.push(String(member));
  if (a?.apologies) add.push(`--apologies ${member}`);
  for (const h of a?.proxies ?? []) add.push(`--proxy "${h}=${member}"`);
  const remove = `coop meeting attend ${id} --remove ${member}`;
  return add.length === 0 ? remove : `${remove}, then coop meeting attend ${id} ${add.join(' ')}`;
}

function describeVote(v: VoteEntry | undefined): string {
  if (!v) return 'no vote recorded';
  if (v.method === 'consensus') return `consensus ${v.outcome}, ${v.standAsides} standing aside`;
  return `${v.for} for, ${v.against} against, ${v.abstain} abstaining${v.castingVote ? `, casting vote ${v.castingVote}` : ''}`;
}

function voteArgs(id: string, resolution: number, v: VoteEntry | undefined): string {
  if (!v) return `(no command takes a vote off: agree which count is right and record it on both copies)`;
  if (v.method === 'consensus') return `coop meeting vote ${id} ${resolution} --consensus ${v.outcome} --stand-asides ${v.standAsides}`;
  return `coop meeting vote ${id} ${resolution} --for ${v.for} --against ${v.against} --abstain ${v.abstain}${v.castingVote ? ` --casting-vote ${v.castingVote}` : ''}`;
}

/** A list keyed three ways: the keys in ours' order, then theirs' new ones; values merged by `pickOr`. */
function mergeKeyed<K, V>(
  base: Map<K, V>,
  ours: Map<K, V>,
  theirs: Map<K, V>,
  prefer: 'ours' | 'theirs' | undefined,
  clash: (key: K, ours: V | undefined, theirs: V | undefined) => void,
): Map<K, V> {
  const out = new Map<K, V>();
  for (const key of new Set([...ours.keys(), ...theirs.keys(), ...base.keys()])) {
    const r = pickOr(prefer, base.get(key), ours.get(key), theirs.get(key));
    if (r === 'clash') clash(key, ours.get(key), theirs.get(key));
    else if (r.value !== undefined) out.set(key, r.value);
  }
  return out;
}

const FIELDS_BY_KEY = new Set(['attendance', 'votes', 'shortNotice', 'nominations']);

/**
 * Merges a meeting record changed on two copies. `base` is the record both started from
 * (undefined when each copy called the meeting on its own: then only identical records merge).
 * Neither side may be closed unless the two are identical (the caller refuses those first).
 */
export function mergeMeetingRecords(base: MeetingRecord | undefined, ours: MeetingRecord, theirs: MeetingRecord, prefer?: 'ours' | 'theirs'): MeetingMerge {
  if (same(ours, theirs)) return { record: ours };
  const id = ours.id;
  const preferred = prefer === 'ours' ? ours : prefer === 'theirs' ? theirs : undefined;
  if (base === undefined) {
    if (preferred) return { record: preferred };
    return {
      clashes: [
        {
          what: `${id}: the meeting was called on both copies, differently`,
          ours: 'called here',
          theirs: 'called there',
          settle: () => `keep one: on the copy whose call is not wanted, undo it (git log --oneline -- meetings/${id}, then git revert <commit>), then coop sync`,
        },
      ],
    };
  }
  const clashes: MeetingClash[] = [];
  const merged: Record<string, unknown> = {};
  const b = base as unknown as Record<string, unknown>;
  const o = ours as unknown as Record<string, unknown>;
  const t = theirs as unknown as Record<string, unknown>;
  for (const field of new Set([...Object.keys(o), ...Object.keys(t), ...Object.keys(b)])) {
    if (FIELDS_BY_KEY.has(field)) continue;
    const r = pickOr(prefer, b[field], o[field], t[field]);
    if (r === 'clash') {
      clashes.push({
        what: `${id}: its ${field}`,
        ours: JSON.stringify(o[field]),
        theirs: JSON.stringify(t[field]),
        settle: () => `agree which is right, then undo the other on its copy (git log --oneline -- meetings/${id}, then git revert <commit>) and coop sync`,
      });
    } else if (r.value !== undefined) merged[field] = r.value;
  }

  // Attendance, member by member.
  const clashed = new Set<number>();
  const att = mergeKeyed(attendanceByMember(base), attendanceByMember(ours), attendanceByMember(theirs), prefer, (member, mine, other) => {
    clashed.add(member);
    clashes.push({
      what: `${id}: member ${member}'s attendance`,
      ours: describeAttendance(mine),
      theirs: describeAttendance(other),
      // Run on the other copy; once votes are recorded there, attendance can only be added to.
      settle: (side) =>
        (side === 'ours' ? theirs : ours).votes.length > 0
          ? `undo the attendance recorded on the copy that is wrong (git log --oneline -- meetings/${id}, then git revert <commit>), then coop sync`
          : attendArgs(id, member, side === 'ours' ? mine : other),
    });
  });
  // Votes were counted against who was present: a side's attendance taken off on the other copy
  // would leave its votes counted against people no longer recorded.
  for (const side of [ours, theirs]) {
    if (side.votes.length === 0) continue;
    for (const [member, a] of attendanceByMember(side)) {
      if (clashed.has(member)) continue;
      const now = att.get(member);
      const kept = now !== undefined && (!a.present || now.present) && (!a.apologies || now.apologies) && (a.proxies ?? []).every((h) => now.proxies?.some((k) => same(h, k)));
      if (kept) continue;
      // Preferring one copy: its attendance stands where the two disagree.
      if (preferred) {
        if (preferred === side) att.set(member, a);
        continue;
      }
      clashes.push({
        what: `${id}: member ${member}'s attendance was taken off on one copy while votes counted with it were recorded on the other`,
        ours: describeAttendance(attendanceByMember(ours).get(member)),
        theirs: describeAttendance(attendanceByMember(theirs).get(member)),
        settle: () => `undo the removal on the copy that made it (git log --oneline -- meetings/${id}, then git revert <commit>), then coop sync`,
      });
      clashed.add(member);
    }
  }
  const members = [...att.keys()].sort((x, y) => x - y);
  const proxies: Proxy[] = [];
  // Proxies keep the order they were recorded in (the first a holder was given are the ones that count).
  const proxyOrder = [...ours.attendance.proxies, ...theirs.attendance.proxies];
  for (const p of proxyOrder) {
    const holders = att.get(p.member)?.proxies ?? [];
    if (holders.some((h) => same(h, p.holder)) && !proxies.some((q) => q.member === p.member && same(q.holder, p.holder))) proxies.push(p);
  }
  merged.attendance = {
    present: members.filter((n) => att.get(n)?.present),
    proxies,
    apologies: members.filter((n) => att.get(n)?.apologies),
  };

  // Votes, resolution by resolution.
  const byResolution = (r: MeetingRecord) => new Map(r.votes.map((v) => [v.resolution, v] as const));
  const votes = mergeKeyed(byResolution(base), byResolution(ours), byResolution(theirs), prefer, (resolution, mine, other) => {
    clashes.push({
      what: `${id}: the vote on resolution ${resolution}`,
      ours: describeVote(mine),
      theirs: describeVote(other),
      settle: (side) => voteArgs(id, resolution, side === 'ours' ? mine : other),
    });
  });
  merged.votes = [...votes.values()].sort((x, y) => x.resolution - y.resolution);

  // Short notice: the consents member by member, the rest as a whole.
  const sn = (r: MeetingRecord) => (r.shortNotice ? { ...r.shortNotice, consents: undefined } : r.shortNotice);
  const notice = pickOr(prefer, sn(base), sn(ours), sn(theirs));
  if (notice === 'clash') {
    clashes.push({
      what: `${id}: its short notice`,
      ours: JSON.stringify(sn(ours)),
      theirs: JSON.stringify(sn(theirs)),
      settle: () => `agree which is right, then undo the other on its copy (git revert <commit>) and coop sync`,
    });
  } else if (notice.value !== undefined) {
    if (notice.value === null) merged.shortNotice = null;
    else {
      const consents = (r: MeetingRecord) => new Map((r.shortNotice?.consents ?? []).map((c) => [c.member, c.date] as const));
      const kept = mergeKeyed(consents(base), consents(ours), consents(theirs), prefer, (member, mine, other) => {
        clashes.push({
          what: `${id}: member ${member}'s consent to short notice`,
          ours: mine ? `received ${mine}` : 'not recorded',
          theirs: other ? `received ${other}` : 'not recorded',
          settle: (side) => {
            const date = side === 'ours' ? mine : other;
            return date
              ? `coop meeting consent ${id} --remove ${member}, then coop meeting consent ${id} ${member} --date ${date}`
              : `coop meeting consent ${id} --remove ${member}`;
          },
        });
      });
      const { consents: _c, ...rest } = notice.value;
      void _c;
      const anyConsents = [base, ours, theirs].some((r) => r.shortNotice?.consents !== undefined);
      merged.shortNotice = anyConsents ? { ...rest, consents: [...kept.entries()].sort(([x], [y]) => x - y).map(([member, date]) => ({ member, date })) } : rest;
    }
  }

  // Nominations, member by member.
  if ([base, ours, theirs].some((r) => r.nominations !== undefined)) {
    const byMember = (r: MeetingRecord) => new Map((r.nominations ?? []).map((n) => [n.member, n] as const));
    const nominations = mergeKeyed<number, Nomination>(byMember(base), byMember(ours), byMember(theirs), prefer, (member, mine, other) => {
      clashes.push({
        what: `${id}: member ${member}'s nomination`,
        ours: mine ? JSON.stringify(mine) : 'not nominated',
        theirs: other ? JSON.stringify(other) : 'not nominated',
        settle: () => `agree which is right, then undo the other on its copy (git revert <commit>) and coop sync`,
      });
    });
    merged.nominations = [...nominations.values()];
  }

  if (clashes.length > 0) return { clashes };
  // Keys in the order the record writes them.
  const order = [...Object.keys(ours), ...Object.keys(theirs).filter((k) => !(k in ours))];
  const record = Object.fromEntries(order.filter((k) => k in merged).map((k) => [k, merged[k]])) as unknown as MeetingRecord;
  return { record };
}
