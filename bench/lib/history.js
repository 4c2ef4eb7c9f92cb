// A register's history, made up but lawful: years of admissions (with the bursts a community
// share offer brings), share issues, withdrawals and transfers, changes of name, departures,
// and officers appointed and retiring at each year's AGM. Every event is checked as it is
// made against the same rules `coop check` applies (derive.ts), so the ledger is valid by
// construction; the test in test/command/bench-generator.test.ts confirms it independently.

import { createRandom } from './random.js';
import { toDay, toIso } from './dates.js';
import { emailFor, personName, phoneNumber, postalAddress, surname } from './names.js';

/** Shares of departures in a group's lifetime: about one admitted member in eight has left. */
const LEAVE_RATE = 0.12;
const LEAVE_REASONS = [
  ['resigned', 70],
  ['deceased', 10],
  ['ineligible', 10],
  ['expelled', 2],
  ['other', 8],
];
const OPENING_HOLDINGS = [
  [1, 40],
  [5, 15],
  [10, 15],
  [20, 10],
  [50, 10],
  [100, 6],
  [250, 3],
  [500, 1],
];

/**
 * @param {object} spec
 * @param {number} spec.members      current members at the end of the history
 * @param {number} spec.seed
 * @param {string} spec.until        the last date anything happens (YYYY-MM-DD)
 * @param {object[]} spec.initial    the founding events already in the ledger (admissions, appointments)
 * @param {object} spec.rules        LedgerRules, as ledgerRules(params) gives them
 * @param {string[]} spec.roles      the offices the rules name
 * @returns {{ events: object[], contacts: object[], agms: { date: string, members: number, present: number[], apologies: number[] }[], stats: Record<string, number> }}
 */
export function generateHistory(spec) {
  const random = createRandom(spec.seed);
  const { rules, roles } = spec;
  const shareRules = rules.shares;
  const founded = toDay(rules.founded);
  const until = toDay(spec.until);
  if (until <= founded + 30) throw new Error('the history needs at least a month between founding and its end');

  const founders = spec.initial.filter((e) => e.type === 'admit');
  const leavers = Math.round((spec.members * LEAVE_RATE) / (1 - LEAVE_RATE));
  const total = Math.max(founders.length, spec.members + leavers);
  const admissions = total - founders.length;

  // Member i (1-based, in admission order) has admitDay[i]; founders keep their numbers.
  const admitDay = new Int32Array(total + 1);
  for (const f of founders) admitDay[f.member] = founded;
  const days = new Int32Array(admissions);
  const bursts = [0.35, 0.6, 0.85].map((at) => founded + Math.floor((until - founded) * at));
  for (let i = 0; i < admissions; i++) {
    // Membership grows over the years, with three share offers that each bring a rush.
    days[i] = random.chance(0.25) ? Math.min(until, random.pick(bursts) + random.int(0, 60)) : founded + 1 + Math.floor((until - founded - 1) * random.next() ** (1 / 1.6));
  }
  days.sort();
  for (let i = 0; i < admissions; i++) admitDay[founders.length + 1 + i] = days[i];

  // Who leaves, and when: chosen up front so the end count is exactly spec.members.
  const leaveDay = new Int32Array(total + 1);
  for (let chosen = 0, tries = 0; chosen < total - spec.members && tries < total * 20; tries++) {
    const m = random.int(founders.length + 1, total);
    if (leaveDay[m] !== 0 || admitDay[m] >= until) continue;
    leaveDay[m] = random.int(admitDay[m] + 1, until);
    chosen++;
  }

  // Intentions, each on a day; processed in day order (stable, so a member's own intentions
  // keep the order they were made in), each checked against the state as it then stands.
  const intents = [];
  const during = (m) => random.int(admitDay[m] + 1, leaveDay[m] || until);
  for (let m = founders.length + 1; m <= total; m++) {
    intents.push({ day: admitDay[m], kind: 'admit', member: m });
    if (admitDay[m] < until) {
      if (shareRules && random.chance(0.35)) for (let k = random.int(1, 3); k > 0; k--) intents.push({ day: during(m), kind: 'issue', member: m });
      if (shareRules?.withdrawable && random.chance(0.1)) intents.push({ day: during(m), kind: 'withdraw', member: m });
      if (shareRules?.transferable && random.chance(0.04)) intents.push({ day: during(m), kind: 'transfer', member: m });
      if (random.chance(0.01)) intents.push({ day: during(m), kind: 'rename', member: m });
    }
    if (leaveDay[m] !== 0) intents.push({ day: leaveDay[m], kind: 'leave', member: m });
  }
  // An AGM each year at the end of August, within six months of the March year end.
  for (let day = founded + 150; day <= until; day += 365) intents.push({ day, kind: 'agm', member: 0 });
  intents.sort((a, b) => a.day - b.day);

  const events = [...spec.initial];
  let seq = events.reduce((max, e) => Math.max(max, e.seq), 0);
  const emit = (day, type, fields) => {
    const e = { seq: ++seq, date: toIso(day), type, ...fields };
    events.push(e);
    return e;
  };

  const held = new Int32Array(total + 1);
  const peak = new Int32Array(total + 1);
  const names = new Array(total + 1);
  const left = new Uint8Array(total + 1);
  // Current members in an array with each one's position, for picking one at random.
  const current = [];
  const position = new Int32Array(total + 1).fill(-1);
  const join = (m) => {
    position[m] = current.length;
    current.push(m);
  };
  const depart = (m) => {
    const last = current.pop();
    if (last !== m) {
      current[position[m]] = last;
      position[last] = position[m];
    }
    position[m] = -1;
    left[m] = 1;
  };
  const setHolding = (m, n) => {
    held[m] = n;
    if (n > peak[m]) peak[m] = n;
  };
  const ceiling = shareRules ? Math.min(shareRules.maximumHolding, shareRules.statutoryMaximum ?? Infinity) : 0;
  const floor = shareRules ? shareRules.minimumHolding : 0;

  const officeOf = new Map();
  const holderOf = new Map();
  for (const e of spec.initial) {
    if (e.type === 'admit') {
      names[e.member] = e.name;
      setHolding(e.member, e.shares);
      join(e.member);
    } else if (e.type === 'appoint') {
      officeOf.set(e.member, e.role);
      holderOf.set(e.role, e.member);
    }
  }
  const agms = [];
  /** n different current members, at random. */
  const sample = (n) => {
    const chosen = new Set();
    while (chosen.size < n) chosen.add(random.pick(current));
    return [...chosen];
  };
  const pickOther = (not) => {
    for (let tries = 0; tries < 50; tries++) {
      const m = random.pick(current);
      if (m !== not && !officeOf.has(m)) return m;
    }
    return undefined;
  };
  const appoint = (day, role) => {
    const m = pickOther(0);
    if (m === undefined) return;
    emit(day, 'appoint', { member: m, role });
    officeOf.set(m, role);
    holderOf.set(role, m);
  };

  for (const it of intents) {
    const m = it.member;
    if (it.kind !== 'admit' && it.kind !== 'agm' && left[m]) continue;
    switch (it.kind) {
      case 'admit': {
        names[m] = personName(random);
        const shares = shareRules ? Math.max(floor, Math.min(ceiling, random.weighted(OPENING_HOLDINGS))) : 0;
        emit(it.day, 'admit', { member: m, name: names[m], shares });
        setHolding(m, shares);
        join(m);
        break;
      }
      case 'issue': {
        const n = Math.min(ceiling - held[m], random.weighted(OPENING_HOLDINGS));
        if (n < 1) break;
        emit(it.day, 'issue', { member: m, shares: n });
        setHolding(m, held[m] + n);
        break;
      }
      case 'withdraw': {
        const n = Math.min(held[m] - floor, random.int(1, Math.max(1, Math.floor(held[m] / 2))));
        if (n < 1) break;
        emit(it.day, 'withdraw', { member: m, shares: n });
        setHolding(m, held[m] - n);
        break;
      }
      case 'transfer': {
        const to = pickOther(m);
        if (to === undefined) break;
        const n = Math.min(held[m] - floor, ceiling - held[to], random.int(1, 20));
        if (n < 1) break;
        emit(it.day, 'transfer', { from: m, to, shares: n });
        setHolding(m, held[m] - n);
        setHolding(to, held[to] + n);
        break;
      }
      case 'rename': {
        names[m] = `${names[m].split(' ')[0]} ${surname(random)}`;
        emit(it.day, 'rename', { member: m, name: names[m] });
        break;
      }
      case 'leave': {
        emit(it.day, 'leave', { member: m, reason: random.weighted(LEAVE_REASONS), repaid: shareRules?.withdrawable ? held[m] : 0 });
        if (shareRules && !shareRules.withdrawable && held[m] > 0) throw new Error('the generator supports departures only where shares are withdrawable');
        setHolding(m, 0);
        depart(m);
        // Leaving ends any office held (derive.ts closes the term); the board fills it that day.
        const role = officeOf.get(m);
        if (role !== undefined) {
          officeOf.delete(m);
          holderOf.delete(role);
          appoint(it.day, role);
        }
        break;
      }
      case 'agm': {
        // Who came: a tenth of the membership and a few more (enough for the default quorum),
        // and a few apologies; taken before the board changes hands at the meeting.
        const present = sample(Math.min(current.length, Math.ceil(current.length * 0.1) + 3));
        const apologies = sample(Math.min(5, current.length)).filter((m) => !present.includes(m));
        agms.push({ date: toIso(it.day), members: current.length, present: present.sort((a, b) => a - b), apologies: apologies.sort((a, b) => a - b) });
        for (const role of roles) {
          const holder = holderOf.get(role);
          if (holder !== undefined && !random.chance(0.4)) continue;
          if (holder !== undefined) {
            emit(it.day, 'retire', { member: holder, role });
            officeOf.delete(holder);
            holderOf.delete(role);
          }
          appoint(it.day, role);
        }
        break;
      }
    }
  }

  // A few entries recorded late: share issues dated back before events already in the ledger,
  // as happens when paperwork turns up after the fact. Only for members who never leave, and
  // within what they could ever have held, so the register stays valid in date order.
  if (shareRules) {
    const late = Math.max(2, Math.floor(total / 2000));
    for (let done = 0, tries = 0; done < late && tries < late * 50; tries++) {
      const m = random.pick(current);
      const n = random.int(1, 10);
      if (admitDay[m] >= until || peak[m] + n > ceiling) continue;
      emit(random.int(admitDay[m] + 1, until), 'issue', { member: m, shares: n });
      peak[m] += n;
      done++;
    }
  }

  const contacts = [];
  // A careful secretary erases a former member's details once the register's ten years are up
  // (coop check asks for it); these left early enough that theirs are long gone, with a margin
  // so the same history stays clean for a couple of years of runs.
  const erasedBefore = until - Math.round(8 * 365.25);
  const erased = (m) => leaveDay[m] !== 0 && leaveDay[m] < erasedBefore;
  for (let m = founders.length + 1; m <= total; m++) {
    if (!random.chance(0.85)) continue;
    const line = { member: m, email: emailFor(names[m], m) };
    if (random.chance(0.45)) line.address = postalAddress(random);
    if (random.chance(0.3)) line.phone = phoneNumber(random);
    if (!erased(m)) contacts.push(line);
  }
  // Some people change their email later: a later line overrides the field it names.
  for (let k = Math.floor(total / 20); k > 0; k--) {
    const m = random.int(founders.length + 1, total);
    if (!erased(m)) contacts.push({ member: m, email: `${emailFor(names[m], m).split('@')[0]}@example.net` });
  }

  const stats = { members: current.length, admitted: total };
  for (const e of events) stats[e.type] = (stats[e.type] ?? 0) + 1;
  stats.events = events.length;
  return { events, contacts, agms, stats };
}
