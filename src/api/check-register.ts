// coop check's proof of the register: every part decoded, each stream's seq in order, the whole
// ledger derived against the rules. The first check proves it all and keeps what it reached
// (io/check-cache.ts); a later one goes on from there when it can be sure that the only change
// is lines appended to one stream, after every event already proved (the commonest case: any
// coop command since). Anything else — a part edited, gone or new in the middle, a second
// writer, a clash of membership numbers, a back-dated entry, a new day — is proved afresh, so
// the answer is always the one a full proof gives.

import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { LEDGER_FILE } from '../core/layout.js';
import { deriveState, type DeriveOptions, type Member, type RegisterState } from '../core/ledger/derive.js';
import { decodeLedgerBytes, type LedgerEvent } from '../core/ledger/events.js';
import { partPath } from '../core/ledger/parts.js';
import { admissionKey, admissionKeys } from '../core/ledger/admission.js';
import { dueForErasure, forgottenMembers } from '../core/register/retention.js';
import { randomBytes } from 'node:crypto';
import { listStreams, sequenceGap, sequenceGaps } from '../io/ledger-store.js';
import { keepsCaches } from '../io/cache-files.js';
import { readLedger, type Located } from '../io/group.js';
import { decodeJson, encodeJson, isRacy } from '../io/snapshot.js';
import { keepCheckMembers, keepCheckProof, keepCheckState, readCheckMembers, readCheckProof, readCheckState } from '../io/check-cache.js';

/** A part's names (the ledger's only free text), one a line, and the ledger line of each. */
export interface PartNames {
  text: string;
  lines: number[];
}

/** What coop check reports from the derived state, worked out once per proof. */
export interface RegisterFacts {
  /** Every membership number admitted, as ranges [first, last] in order. */
  members: [number, number][];
  /** Former members past the register's retention, not forgotten, with nothing still owed to them (dueForErasure, before asking who has details). */
  erasable: { member: number; name: string; left: string; since: string }[];
  /** What the check says of the state beyond problems (vacancies, shares owed): from `sayOf`. */
  said: { warnings: string[]; notes: string[] };
}

export interface RegisterProof {
  facts: RegisterFacts;
  /** True when the membership number was ever admitted. */
  hasMember(n: number): boolean;
  /**
   * What the proof stood on (coop.yml's text, the day, each part's identity on disk), as one
   * string: present only when every part held still and is old enough to be known by its time.
   */
  identity?: string;
  /** Lines that cannot be read, parts missing or out of order, entries deleted, the rules' problems: in that order. */
  problems: Located[];
  /** A part's names: every part of the first ledger has them, and each writer's part that has a name (read when first asked for). */
  namesOf(path: string): PartNames | undefined;
  /** True when the key is an admission's in this register (contact lines are joined by it). */
  isAdmissionKey(key: string): boolean;
  forgotten: Set<number>;
}

/** What is kept of a part: its identity on disk, and for the last of a stream what appending to it needs. */
interface KeptPart {
  path: string;
  stream: string;
  number: number;
  size: number;
  mtimeNs: string;
  /** The last part of its stream: a hash of its bytes, its line breaks, and the stream's last seq as written. */
  sha?: string;
  lines?: number;
  lastSeq?: number;
}

interface Kept {
  params: string;
  /** The id of the state kept beside this (check-state in io/check-cache.ts): read only to go on deriving. */
  stateId: string;
  facts: RegisterFacts;
  today: string;
  parts: KeptPart[];
  /** The first ledger's last seq; the events in writers' streams (numbered after it, in order). */
  firstLastSeq: number;
  writerEvents: number;
  /** The last event derivation applied (the latest by date, then seq). */
  last: { date: string; seq: number } | null;
  gaps: Located[];
  rules: Located[];
  forgotten: number[];
  /**
   * The proof as it now stands, when lines were appended since the state was kept: the state is
   * not kept again for every change (megabytes), so a later check goes on from the kept state
   * again, through every line appended since; while nothing changed, this is read alone.
   */
  current?: Current;
}

interface Current {
  identity: string;
  facts: RegisterFacts;
  gaps: Located[];
  rules: Located[];
  forgotten: number[];
}

/** Past this many events appended since the state was kept, it is kept again. */
const REKEEP_AFTER = 2_000;

/** What is kept beside the proof, read only when needed: the state reached, and what the leak scan and the contact store's check need. */
interface Bundle {
  state: unknown;
  names: [string, string, number[]][];
  /** Every admission's key, sorted and run together (each KEY_WIDTH long). */
  admissions: string;
}

/** The names and keys kept under this id (without the state, unless `withState`). */
function readBundle(root: string, id: string, withState = true): Bundle | undefined {
  const b = readCheckState(root, id, true) as Partial<Bundle> | undefined;
  if (!b || !isString(b.admissions) || b.admissions.length % KEY_WIDTH !== 0) return undefined;
  if (!Array.isArray(b.names) || !b.names.every((n) => Array.isArray(n) && isString(n[0]) && isString(n[1]) && Array.isArray(n[2]))) return undefined;
  const state = withState ? readCheckState(root, id) : {};
  return state === undefined ? undefined : { state, names: b.names, admissions: b.admissions };
}

/** The state kept under this id, its members (kept apart, when they were) decoded only as needed. */
function stateOf(root: string, id: string, kept: unknown): RegisterState | undefined {
  const apart = (kept as { members?: unknown }).members === undefined;
  const members = apart ? readCheckMembers(root, id) : undefined;
  if (apart && members === undefined) return undefined;
  const state = decodeJson(kept) as RegisterState;
  if (members) state.members = members as Map<number, Member>;
  return state;
}

const namesOf = (kept: Bundle['names']) => new Map<string, PartNames>(kept.map(([path, text, lines]) => [path, { text, lines }]));

const KEY_WIDTH = 14;

type Options = DeriveOptions & { today?: string };
/** What the check says of a state: worked out by the caller, kept with the proof (it depends only on coop.yml and the ledger). */
type SayOf = (state: RegisterState) => { warnings: string[]; notes: string[] };
/** The day the check is made on (former members' retention is judged on it). */
type Day = string;

/** The facts of a state (today's, by the rules). */
function factsOf(state: RegisterState, today: Day, forgotten: ReadonlySet<number>, sayOf: SayOf): RegisterFacts {
  const numbers = [...state.members.keys()].sort((a, b) => a - b);
  const members: [number, number][] = [];
  for (const n of numbers) {
    const last = members.at(-1);
    if (last && n === last[1] + 1) last[1] = n;
    else members.push([n, n]);
  }
  const erasable = dueForErasure(state, today, forgotten, () => true);
  return { members, erasable, said: sayOf(state) };
}

/**
 * The facts of a state reached from one whose facts are known by the events appended since:
 * what the state says of a member the events do not name is as it was, so only the members
 * they name are looked at again (the state's members need not all be decoded).
 */
function factsAfter(
  before: RegisterFacts,
  state: RegisterState,
  added: readonly LedgerEvent[],
  admitted: ReadonlySet<number>,
  today: Day,
  forgotten: ReadonlySet<number>,
  sayOf: SayOf,
): RegisterFacts {
  const named = new Set<number>();
  for (const e of added) {
    if (e.type === 'transfer') named.add(e.from).add(e.to);
    else if ('member' in e) named.add(e.member);
  }
  const numbers: number[] = [];
  for (const n of admitted) if (state.members.has(n)) numbers.push(n);
  const members = numbers.length === 0 ? before.members : withNumbers(before.members, numbers);
  const touched = new Map<number, Member>();
  for (const n of named) {
    const m = state.members.get(n);
    if (m) touched.set(n, m);
  }
  const erasable = [...before.erasable.filter((e) => !named.has(e.member)), ...dueForErasure({ ...state, members: touched }, today, forgotten, () => true)];
  erasable.sort((a, b) => a.member - b.member);
  return { members, erasable, said: sayOf(state) };
}

/** Ranges [first, last] with these numbers added. */
function withNumbers(ranges: readonly [number, number][], numbers: readonly number[]): [number, number][] {
  const all: [number, number][] = [...ranges.map(([a, b]): [number, number] => [a, b]), ...numbers.map((n): [number, number] => [n, n])];
  all.sort((x, y) => x[0] - y[0]);
  const out: [number, number][] = [];
  for (const [a, b] of all) {
    const last = out.at(-1);
    if (last && a <= last[1] + 1) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

function memberTest(ranges: readonly [number, number][]): (n: number) => boolean {
  return (n) => {
    let lo = 0;
    let hi = ranges.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const [a, b] = ranges[mid]!;
      if (n < a) hi = mid - 1;
      else if (n > b) lo = mid + 1;
      else return true;
    }
    return false;
  };
}

/** The register proved: from what an earlier check kept, when that is safe, else in full. */
export function proveRegister(root: string, paramsText: string | undefined, options: Options, sayOf: SayOf, day: Day): RegisterProof {
  const cacheable = paramsText !== undefined && options.rules !== undefined && options.today !== undefined;
  if (cacheable) {
    const kept = readCheckProof(root) as Partial<Kept> | undefined;
    if (kept && isKept(kept) && kept.params === paramsText && kept.today === options.today && kept.today === day) {
      try {
        const resumed = resume(root, kept, options, sayOf, day);
        if (resumed) return resumed;
      } catch {
        // A proof that does not read back is no proof: prove afresh.
      }
    }
  }
  return prove(root, cacheable ? paramsText : undefined, options, sayOf, day);
}

const sha = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

function lineBreaks(bytes: Uint8Array): number {
  let n = 0;
  for (let i = bytes.indexOf(0x0a); i !== -1; i = bytes.indexOf(0x0a, i + 1)) n += 1;
  return n;
}

/** Every part now on disk, in the order the ledger reads them, or undefined when one is missing. */
function currentParts(root: string): { stream: string; number: number; path: string }[] | undefined {
  const streams = listStreams(root);
  if (streams.some((s) => s.missing.length > 0)) return undefined;
  return streams.flatMap((s) => s.numbers.map((number) => ({ stream: s.stream, number, path: partPath(number, s.stream) })));
}

const cleanName = (name: string) => (name.includes('\n') || name.includes('\r') ? name.replace(/[\r\n]/g, ' ') : name);

/** The full proof, kept for the next check when its inputs held still and are old enough to trust. */
function prove(root: string, paramsText: string | undefined, options: Options, sayOf: SayOf, day: Day): RegisterProof {
  const keep = paramsText !== undefined && keepsCaches(root);
  const before = keep ? identities(root) : undefined;
  const ledger = readLedger(root, true);
  const { events } = ledger;
  const problems: Located[] = [];
  for (const p of ledger.problems) problems.push({ where: p.line > 0 ? `${p.path}:${p.line}` : p.path, message: p.message });
  const gaps = sequenceGaps(ledger);
  problems.push(...gaps);
  const { state, problems: ruleProblems } = deriveState(events, options);
  const rules: Located[] = [];
  if (ruleProblems.length > 0) {
    const indexOf = new Map<number, number>();
    events.forEach((e, i) => {
      if (!indexOf.has(e.seq)) indexOf.set(e.seq, i);
    });
    const located = ruleProblems.map((p) => ({ at: indexOf.get(p.seq) ?? -1, message: p.message }));
    located.sort((a, b) => a.at - b.at);
    for (const p of located) rules.push({ where: p.at < 0 ? LEDGER_FILE : ledger.whereOf(p.at), message: p.message });
  }
  problems.push(...rules);
  // Of the ledger's fields only names are free text (the rest are numbers, dates and fixed words
  // checked on decoding), so only names are searched for leaks, part by part. Lines without a
  // name are left out: words are matched across line breaks anyway, so the words are the same.
  const byPart = new Map<string, { text: string[]; lines: number[] }>();
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    if (e.type !== 'admit' && e.type !== 'rename') continue;
    const path = ledger.pathOf(i);
    let part = byPart.get(path);
    if (!part) byPart.set(path, (part = { text: [], lines: [] }));
    part.text.push(cleanName(e.name));
    part.lines.push(ledger.lines[i]!);
  }
  const names = new Map<string, PartNames>();
  for (const part of ledger.parts) names.set(part.path, { text: '', lines: [] });
  for (const [path, part] of byPart) names.set(path, { text: part.text.join('\n'), lines: part.lines });
  const forgotten = forgottenMembers(events);
  const facts = factsOf(state, day, forgotten, sayOf);
  // Every admission's key is worked out only when asked for: by a store with lines keyed to an
  // admission (written on another checkout), or to keep the proof. Most stores have none.
  let keys: Set<string> | undefined;
  const keySet = () => (keys ??= new Set(admissionKeys(events, ledger.keyOf).values()));
  const proof: RegisterProof = { facts, hasMember: (n) => state.members.has(n), problems, namesOf: (path) => names.get(path), isAdmissionKey: (k) => keySet().has(k), forgotten };

  // Kept only for a ledger with nothing to settle: every line read, no number given twice.
  if (before && paramsText !== undefined && ledger.problems.length === 0 && ledger.renumbered.length === 0 && !events.some((e) => e.type === 'renumber')) {
    let firstLastSeq = 0;
    let writerEvents = 0;
    let last: Kept['last'] = null;
    events.forEach((e, i) => {
      if (ledger.streamOf(i) === '') firstLastSeq = Math.max(firstLastSeq, e.seq);
      else writerEvents += 1;
      if (!last || e.date > last.date || (e.date === last.date && e.seq > last.seq)) last = { date: e.date, seq: e.seq };
    });
    let parts: KeptPart[] | undefined;
    try {
      parts = keptParts(root, before, firstLastSeq);
    } catch {
      parts = undefined; // A part gone under us: nothing kept.
    }
    const encoded = parts ? encodeJson(state) : undefined;
    const packed = packKeys(keySet());
    if (parts && encoded !== undefined && packed && sameIdentities(before, identities(root))) {
      proof.identity = identityOf(paramsText, day, before);
      keep2(
        root,
        { state: encoded, names: [...names].map(([path, n]) => [path, n.text, n.lines]), admissions: packed },
        {
          params: paramsText,
          today: options.today!,
          facts,
          parts,
          firstLastSeq,
          writerEvents,
          last,
          gaps,
          rules,
          forgotten: [...proof.forgotten],
        },
      );
    }
  }
  return proof;
}

/** Keeps a proof and the state it reached: the state first, then the proof that names it, so a crash between leaves no match. */
function keep2(root: string, bundle: Bundle, kept: Omit<Kept, 'stateId'>): void {
  const stateId = randomBytes(8).toString('hex');
  let state = bundle.state;
  // The members, when they are rows of one shape by number, are kept apart, a line each.
  const rows = (state as { members?: { $rows?: unknown[][] } }).members?.$rows;
  if (rows?.slice(1).every((r) => Number.isSafeInteger(r[0]) && (r[0] as number) >= 0)) {
    const [fields, ...members] = rows as [string[], ...unknown[][]];
    keepCheckMembers(root, stateId, fields, members);
    const { members: _apart, ...rest } = state as Record<string, unknown>;
    state = rest;
  }
  keepCheckState(root, stateId, state, { names: bundle.names, admissions: bundle.admissions });
  keepCheckProof(root, { ...kept, stateId } satisfies Kept);
}

function packKeys(keys: Iterable<string>): string | undefined {
  const all = [...keys];
  if (all.some((k) => k.length !== KEY_WIDTH)) return undefined;
  return all.sort().join('');
}

/** A test for keys packed by packKeys (halving, without unpacking them), and these besides. */
function unpackKeys(packed: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < packed.length; i += KEY_WIDTH) out.push(packed.slice(i, i + KEY_WIDTH));
  return out;
}

function keyTest(packed: string, more: ReadonlySet<string>): (key: string) => boolean {
  return (key) => {
    if (more.has(key)) return true;
    let lo = 0;
    let hi = packed.length / KEY_WIDTH - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const at = packed.slice(mid * KEY_WIDTH, (mid + 1) * KEY_WIDTH);
      if (key < at) hi = mid - 1;
      else if (key > at) lo = mid + 1;
      else return true;
    }
    return false;
  };
}

function identityOf(paramsText: string, day: Day, parts: Identity[]): string {
  const hash = createHash('sha256').update(`${paramsText}\u0000${day}`);
  for (const p of parts) hash.update(`\u0000${p.path}\u0000${p.size}\u0000${p.mtimeNs}`);
  return hash.digest('hex');
}

interface Identity {
  stream: string;
  number: number;
  path: string;
  size: number;
  mtimeNs: bigint;
}

function identities(root: string): Identity[] | undefined {
  const parts = currentParts(root);
  if (!parts) return undefined;
  try {
    return parts.map((p) => {
      const s = statSync(join(root, p.path), { bigint: true });
      return { ...p, size: Number(s.size), mtimeNs: s.mtimeNs };
    });
  } catch {
    return undefined;
  }
}

function sameIdentities(a: Identity[], b: Identity[] | undefined): boolean {
  return b !== undefined && a.length === b.length && a.every((x, i) => x.path === b[i]!.path && x.size === b[i]!.size && x.mtimeNs === b[i]!.mtimeNs);
}

/** The parts as kept, or undefined when one was modified too recently to trust its time. */
function keptParts(root: string, parts: Identity[], firstLastSeq: number): KeptPart[] | undefined {
  const now = Date.now();
  const out: KeptPart[] = [];
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    if (isRacy(p.mtimeNs, now)) return undefined;
    const entry: KeptPart = { path: p.path, stream: p.stream, number: p.number, size: p.size, mtimeNs: String(p.mtimeNs) };
    if (parts[i + 1]?.stream !== p.stream) {
      const bytes = readFileSync(join(root, p.path));
      // A part that ends mid-line cannot be appended to line by line.
      if (bytes.length !== p.size || (bytes.length > 0 && bytes[bytes.length - 1] !== 0x0a)) return undefined;
      let lastSeq = firstLastSeq;
      if (p.stream !== '') {
        // A writer's seqs are renumbered as read: its last one as written is in its file.
        const decoded = decodeLedgerBytes(bytes);
        if (decoded.events.length === 0) return undefined;
        lastSeq = decoded.events.at(-1)!.seq;
      }
      Object.assign(entry, { sha: sha(bytes), lines: lineBreaks(bytes), lastSeq });
    }
    out.push(entry);
  }
  return out;
}

/** Goes on from a kept proof: undefined unless the only change is lines appended after it. */
function resume(root: string, kept: Kept, options: Options, sayOf: SayOf, day: Day, keep = true): RegisterProof | undefined {
  const now = identities(root);
  if (!now) return undefined;
  const keptByPath = new Map(kept.parts.map((p) => [p.path, p]));
  const nowPaths = new Set(now.map((p) => p.path));
  if (kept.parts.some((p) => !nowPaths.has(p.path))) return undefined;
  let changed: string | undefined;
  let racy = false;
  const clock = Date.now();
  const parts: KeptPart[] = [];
  const tails: { part: Identity; bytes: Buffer; from: number; lineOffset: number; entry: KeptPart; grew: boolean }[] = [];
  for (let i = 0; i < now.length; i++) {
    const p = now[i]!;
    const old = keptByPath.get(p.path);
    const lastOfStream = now[i + 1]?.stream !== p.stream;
    if (old && old.size === p.size && old.mtimeNs === String(p.mtimeNs)) {
      // An unchanged part that is no longer the last of its stream keeps nothing for appending.
      parts.push(lastOfStream || old.sha === undefined ? old : { path: old.path, stream: old.stream, number: old.number, size: old.size, mtimeNs: old.mtimeNs });
      continue;
    }
    if (changed !== undefined && changed !== p.stream) return undefined;
    changed = p.stream;
    const lastKept = kept.parts.filter((k) => k.stream === p.stream).at(-1);
    const bytes = readFileSync(join(root, p.path));
    if (bytes.length !== p.size || (bytes.length > 0 && bytes[bytes.length - 1] !== 0x0a)) return undefined;
    let from = 0;
    let lineOffset = 0;
    if (old) {
      // Only the last part of a stream is ever added to, and only at its end.
      if (old !== lastKept || old.sha === undefined || old.lines === undefined || bytes.length <= old.size) return undefined;
      if (sha(bytes.subarray(0, old.size)) !== old.sha) return undefined;
      from = old.size;
      lineOffset = old.lines;
    } else if (lastKept && p.number <= lastKept.number) return undefined;
    if (isRacy(p.mtimeNs, clock)) racy = true;
    const entry: KeptPart = { path: p.path, stream: p.stream, number: p.number, size: p.size, mtimeNs: String(p.mtimeNs) };
    if (lastOfStream) Object.assign(entry, { sha: sha(bytes), lines: lineOffset + lineBreaks(bytes.subarray(from)) });
    parts.push(entry);
    tails.push({ part: p, bytes, from, lineOffset, entry, grew: old !== undefined });
  }
  const forgotten = new Set(kept.forgotten);
  const identity = identityOf(kept.params, day, now);
  const current = kept.current;
  if (changed !== undefined && current?.identity === identity) {
    // Nothing changed since the last check went on from the kept state: its answer stands. The
    // names and keys, when needed, are worked out again from the kept state.
    let lazy: RegisterProof | undefined;
    const load = () => (lazy ??= resume(root, { ...kept, current: undefined }, options, sayOf, day, false) ?? prove(root, undefined, options, sayOf, day));
    return {
      facts: current.facts,
      hasMember: memberTest(current.facts.members),
      problems: [...current.gaps, ...current.rules],
      namesOf: (path) => load().namesOf(path),
      isAdmissionKey: (key) => load().isAdmissionKey(key),
      forgotten: new Set(current.forgotten),
      identity,
    };
  }
  if (changed === undefined) {
    // Nothing changed: the names and keys are read only if the leak scan or the store's check needs them.
    let lazy: { names: Pick<Map<string, PartNames>, 'get'>; isAdmissionKey: (key: string) => boolean } | undefined;
    const load = () => {
      if (lazy) return lazy;
      const bundle = readBundle(root, kept.stateId, false);
      if (bundle) lazy = { names: namesOf(bundle.names), isAdmissionKey: keyTest(bundle.admissions, new Set()) };
      else {
        // Gone or spoiled since: what they would have said is proved afresh.
        const fresh = prove(root, undefined, options, sayOf, day);
        lazy = { names: { get: fresh.namesOf }, isAdmissionKey: fresh.isAdmissionKey };
      }
      return lazy;
    };
    return {
      facts: kept.facts,
      hasMember: memberTest(kept.facts.members),
      problems: [...kept.gaps, ...kept.rules],
      namesOf: (path) => load().names.get(path),
      isAdmissionKey: (key) => load().isAdmissionKey(key),
      forgotten,
      identity,
    };
  }
  const keptState = readCheckState(root, kept.stateId);
  if (keptState === undefined) return undefined;
  const state = stateOf(root, kept.stateId, keptState);
  if (state === undefined) return undefined;
  // The names and keys kept (megabytes) are read when a part already proved grew (its names are
  // searched again) or the state is kept again; else only if asked for. Read then and gone or
  // spoiled, what they would have said is proved afresh.
  let bundle = tails.some((t) => t.grew) ? readBundle(root, kept.stateId, false) : undefined;
  if (bundle === undefined && tails.some((t) => t.grew)) return undefined;
  let fresh: RegisterProof | undefined;
  const keptBundle = () => (bundle ??= readBundle(root, kept.stateId, false));
  const provedAfresh = () => (fresh ??= prove(root, undefined, options, sayOf, day));
  /** The names appended, by part (each part's text as it is appended to the kept text). */
  const appended = new Map<string, PartNames>();
  const newKeys = new Set<string>();
  let keyedBefore: ((key: string) => boolean) | undefined;
  const isAdmissionKey = (key: string): boolean => {
    if (newKeys.has(key)) return true;
    if (!keyedBefore) {
      const b = keptBundle();
      keyedBefore = b ? keyTest(b.admissions, new Set()) : provedAfresh().isAdmissionKey;
    }
    return keyedBefore(key);
  };

  // One stream grew. The first ledger is read before every writer's events, so it may grow only
  // while there are none. Writers' events are read in the order of their clocks, then of their
  // streams' ids (core/ledger/streams.ts): a writer's new events go on from the proof only when
  // each comes after every writer's event proved, in that order (a new copy's first change does).
  if (changed === '' && now.some((p) => p.stream !== '')) return undefined;
  let top = changed === '' ? undefined : lastWriterEvent(kept.parts);
  if (top === null) return undefined;
  let lastSeq = kept.parts.filter((k) => k.stream === changed).reduce((m, k) => Math.max(m, k.lastSeq ?? 0), 0);
  let clockSeq = kept.firstLastSeq + kept.writerEvents;
  let last = kept.last;
  let gapBefore = kept.firstLastSeq;
  const maxNumber = state.nextNumber - 1;
  const added: LedgerEvent[] = [];
  const admitted = new Set<number>();
  const where: string[] = [];
  const gaps = [...kept.gaps];
  for (const tail of tails) {
    const decoded = decodeLedgerBytes(tail.bytes.subarray(tail.from));
    if (decoded.problems.length > 0) return undefined;
    for (let i = 0; i < decoded.events.length; i++) {
      const e = decoded.events[i]!;
      // Seq rises down a stream; an event that does not come after everything proved is a back-dated one.
      if (e.seq <= lastSeq) return undefined;
      lastSeq = e.seq;
      if (e.type === 'renumber') return undefined;
      const at = `${tail.part.path}:${decoded.lines[i]! + tail.lineOffset}`;
      if (changed === '') {
        if (e.seq > gapBefore + 1) gaps.push(sequenceGap(at, gapBefore, e.seq));
        gapBefore = Math.max(gapBefore, e.seq);
      } else {
        // A writer's admission of a number the register already has could be renumbered: prove afresh.
        if (e.type === 'admit' && e.member <= maxNumber) return undefined;
        if (top && (e.seq < top.seq || (e.seq === top.seq && changed <= top.stream))) return undefined;
        top = { seq: e.seq, stream: changed };
        e.seq = ++clockSeq;
      }
      if (last && (e.date < last.date || (e.date === last.date && e.seq <= last.seq))) return undefined;
      last = { date: e.date, seq: e.seq };
      // The first admission of a number is the member's (derive reports any second one).
      if (e.type === 'admit' && !state.members.has(e.member) && !admitted.has(e.member)) {
        admitted.add(e.member);
        newKeys.add(admissionKey(changed, e));
      }
      if (e.type === 'forget') forgotten.add(e.member);
      if (e.type === 'admit' || e.type === 'rename') {
        const line = decoded.lines[i]! + tail.lineOffset;
        const part = appended.get(tail.part.path);
        if (!part) appended.set(tail.part.path, { text: cleanName(e.name), lines: [line] });
        else {
          part.text = `${part.text}\n${cleanName(e.name)}`;
          part.lines.push(line);
        }
      }
      added.push(e);
      where.push(at);
    }
    if (tail.entry.sha !== undefined) tail.entry.lastSeq = lastSeq;
  }
  // A part of the first ledger has names (maybe none); a writer's only when it has a name.
  const newParts = new Map<string, PartNames | undefined>();
  for (const tail of tails) {
    if (!tail.grew) newParts.set(tail.part.path, appended.get(tail.part.path) ?? (changed === '' ? { text: '', lines: [] } : undefined));
  }
  let allNames: Map<string, PartNames> | undefined;
  const names = (): Map<string, PartNames> | undefined => {
    if (allNames) return allNames;
    const b = keptBundle();
    if (!b) return undefined;
    allNames = namesOf(b.names);
    for (const [path, part] of newParts) if (part) allNames.set(path, part);
    for (const [path, add] of appended) {
      const before = allNames.get(path);
      if (newParts.has(path)) continue;
      allNames.set(path, before === undefined || before.lines.length === 0 ? add : { text: `${before.text}\n${add.text}`, lines: [...before.lines, ...add.lines] });
    }
    return allNames;
  };
  const namesIn = (path: string): PartNames | undefined => {
    if (newParts.has(path)) return newParts.get(path);
    const all = names();
    return all ? all.get(path) : provedAfresh().namesOf(path);
  };
  const { problems: found } = deriveState(added, { ...options, from: state });
  const indexOf = new Map<number, number>();
  added.forEach((e, i) => {
    if (!indexOf.has(e.seq)) indexOf.set(e.seq, i);
  });
  const located = found.map((p) => ({ at: indexOf.get(p.seq) ?? -1, message: p.message }));
  if (located.some((p) => p.at < 0)) return undefined;
  located.sort((a, b) => a.at - b.at);
  const rules = [...kept.rules, ...located.map((p) => ({ where: where[p.at]!, message: p.message }))];
  const facts = factsAfter(kept.facts, state, added, admitted, day, forgotten, sayOf);
  const result: RegisterProof = {
    facts,
    hasMember: memberTest(facts.members),
    problems: [...gaps, ...rules],
    namesOf: namesIn,
    isAdmissionKey,
    forgotten,
    ...(racy ? {} : { identity }),
  };

  // Kept again, unless a part changed too recently for its time to be trusted.
  if (!keep || racy) return result;
  if (added.length <= REKEEP_AFTER) {
    keepCheckProof(root, { ...kept, current: { identity, facts, gaps, rules, forgotten: [...forgotten] } } satisfies Kept);
    return result;
  }
  const b = keptBundle();
  const all = names();
  const packed = b === undefined ? undefined : newKeys.size === 0 ? b.admissions : packKeys([...unpackKeys(b.admissions), ...newKeys]);
  if (packed && all) {
    const encodedNow = encodeJson(state);
    if (encodedNow !== undefined) {
      keep2(
        root,
        { state: encodedNow, names: [...all].map(([path, n]) => [path, n.text, n.lines]), admissions: packed },
        {
          params: kept.params,
          today: kept.today,
          facts,
          parts,
          firstLastSeq: changed === '' ? gapBefore : kept.firstLastSeq,
          writerEvents: changed === '' ? kept.writerEvents : kept.writerEvents + added.length,
          last,
          gaps,
          rules,
          forgotten: [...forgotten],
        },
      );
    }
  }
  return result;
}

/**
 * The last writer's event proved, in the order writers' events are read: the highest clock as
 * written (each stream's last part keeps its last), then the highest stream id. Undefined when no
 * writer has an event; null when a stream's last part does not say.
 */
function lastWriterEvent(parts: readonly KeptPart[]): { seq: number; stream: string } | undefined | null {
  let top: { seq: number; stream: string } | undefined;
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    if (p.stream === '' || parts[i + 1]?.stream === p.stream) continue;
    if (p.lastSeq === undefined) return null;
    if (!top || p.lastSeq > top.seq || (p.lastSeq === top.seq && p.stream > top.stream)) top = { seq: p.lastSeq, stream: p.stream };
  }
  return top;
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isCount = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;
const isLocated = (v: unknown): boolean => typeof v === 'object' && v !== null && isString((v as Located).where) && isString((v as Located).message);

/** A kept proof whose every field has its shape (a spoiled file is not one). */
function isKept(k: Partial<Kept>): k is Kept {
  if (k.current !== undefined) {
    const c = k.current as Partial<Current> | null;
    if (typeof c !== 'object' || c === null || !isString(c.identity) || !isFacts(c.facts) || !Array.isArray(c.gaps) || !c.gaps.every(isLocated)) return false;
    if (!Array.isArray(c.rules) || !c.rules.every(isLocated) || !Array.isArray(c.forgotten) || !c.forgotten.every(isCount)) return false;
  }
  return isFacts(k.facts) && isBase(k);
}

function isFacts(f: RegisterFacts | undefined): f is RegisterFacts {
  return (
    typeof f === 'object' &&
    f !== null &&
    Array.isArray(f.members) &&
    f.members.every((r) => Array.isArray(r) && r.length === 2 && isCount(r[0]) && isCount(r[1])) &&
    Array.isArray(f.erasable) &&
    f.erasable.every((e) => typeof e === 'object' && e !== null && isCount(e.member) && isString(e.name) && isString(e.left) && isString(e.since)) &&
    typeof f.said === 'object' &&
    f.said !== null &&
    Array.isArray(f.said.warnings) &&
    f.said.warnings.every(isString) &&
    Array.isArray(f.said.notes) &&
    f.said.notes.every(isString)
  );
}

function isBase(k: Partial<Kept>): boolean {
  const parts = k.parts;
  return (
    isString(k.params) &&
    isString(k.stateId) &&
    isString(k.today) &&
    Array.isArray(parts) &&
    parts.every(
      (p) =>
        typeof p === 'object' &&
        p !== null &&
        isString(p.path) &&
        isString(p.stream) &&
        isCount(p.number) &&
        isCount(p.size) &&
        isString(p.mtimeNs) &&
        (p.sha === undefined || (isString(p.sha) && isCount(p.lines) && isCount(p.lastSeq))),
    ) &&
    isCount(k.firstLastSeq) &&
    isCount(k.writerEvents) &&
    (k.last === null || (typeof k.last === 'object' && k.last !== undefined && isString(k.last.date) && isCount(k.last.seq))) &&
    Array.isArray(k.gaps) &&
    k.gaps.every(isLocated) &&
    Array.isArray(k.rules) &&
    k.rules.every(isLocated) &&
    Array.isArray(k.forgotten)
  );
}
