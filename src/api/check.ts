// `coop check`: everything that can be wrong with a group's files, each problem with where it
// is. coop.yml against the schema and the law; every ledger line decoded; the whole ledger
// derived against the rules; the private contact store readable and still ignored by git; and
// no tracked file holding a stored contact value.

import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { contactsBytesDecoder, type ContactField, type DecodedContacts } from '../core/contacts.js';
import { todayInUk, parseDate } from '../core/dates.js';
import { COOP_DIR } from '../core/layout.js';
import { vacancyWarnings } from '../core/board/vacancies.js';
import { formatPounds } from '../core/numbers.js';
import { buildLeakIndex, findLeaks, sortedTextKeys } from '../core/register/leak-scan.js';
import { comparable, isDocumentationAddress } from '../core/register/contact-like.js';
import type { RegisterState } from '../core/ledger/derive.js';
import { decodeOfficerDetails, OFFICER_DETAILS_FILE } from '../core/officer-details.js';
import { readText as readOfficerText } from '../io/officer-details-store.js';
import { UsageError } from '../errors.js';
import { isRegisterFile } from '../core/ledger/parts.js';
import { editedLines } from '../io/checkout-guard.js';
import { committedMarkers } from '../io/merge-guard.js';
import { conflictMarkersMessage } from '../core/conflict-markers.js';
import { readContactsStore } from '../io/contacts-store.js';
import { firstCommittedVersion, isIgnored, listedIgnored, trackedFiles, worktreeState } from '../io/git.js';
import { proveRegister, type RegisterProof } from './check-register.js';
import { keepCheckScan, readCheckScan, type KeptScan, type StoreSources } from '../io/check-cache.js';
import { siftStore } from '../io/contacts-index.js';
import { storedFile } from '../io/file-prefix.js';
import { isRacy } from '../io/snapshot.js';
import { CONTACTS_FILE, PARAMS_FILE, PRIVATE_DIR, checkParamsText, findGroupRoot, isGitGroup, ledgerRules, settle, type Located } from '../io/group.js';
import type { CommonOptions } from './group.js';

export interface CheckResult {
  ok: boolean;
  /** Every problem found, with where it is: "register/ledger.jsonl:12". */
  problems: Located[];
  /** Things worth knowing that are not problems (present only when there are some). */
  notes?: string[];
  /** Things to put right that do not make the files wrong: a vacant secretary, a board too small (present only when there are some). */
  warnings?: string[];
}

const FIELD_WORDS: Record<ContactField, string> = { email: 'email address', address: 'postal address', phone: 'phone number' };

export async function checkGroup(cwd: string, options: CommonOptions = {}): Promise<CheckResult> {
  const root = findGroupRoot(cwd);
  await settle(root);
  const today = options.today === undefined ? todayInUk() : parseDate(options.today);
  if (!today) throw new UsageError(`The option today "${options.today}" is not a date: write it as YYYY-MM-DD.`);
  const problems: Located[] = [];

  let paramsText: string | undefined;
  try {
    paramsText = readFileSync(join(root, PARAMS_FILE), 'utf8');
  } catch (error) {
    problems.push({ where: PARAMS_FILE, message: `cannot be read (${(error as NodeJS.ErrnoException).code})` });
  }
  const parsed = paramsText === undefined ? undefined : await checkParamsText(root, paramsText);
  // Conflict markers a merge committed unsettled, said as such (not as YAML or JSON errors).
  const marked = committedMarkers(root);
  for (const f of marked) problems.push({ where: `${f.path}:${f.line}`, message: conflictMarkersMessage([f], false) });
  if (parsed && !marked.some((f) => f.path === PARAMS_FILE)) problems.push(...parsed.problems);

  // git answers while the register is read: processes that need nothing from this one.
  const git = isGitGroup(root);
  const tracked = git ? settled(trackedFiles(root)) : undefined;
  const founded = git ? settled(firstCommittedVersion(root, PARAMS_FILE)) : undefined;
  // The checkout's state lists what git ignores too, so the private store's being ignored needs
  // no process of its own; only a store it did not list (absent, tracked, or not ignored) is asked about.
  const worktree = git ? settled(worktreeState(root, { ignored: true })) : undefined;
  const ignored = worktree
    ? settled(worktree.then((state) => listedIgnored(state, CONTACTS_FILE) || isIgnored(root, CONTACTS_FILE)).catch(() => isIgnored(root, CONTACTS_FILE)))
    : undefined;

  const params = parsed?.params;
  // What the check says of the state besides problems is worked out with the proof and kept with it.
  const sayOf = (state: RegisterState) => {
    const notes = params?.shares ? owedNotes(state, params.shares.nominalPence) : [];
    return { warnings: params ? vacancyWarnings(params, state) : [], notes };
  };
  const register = proveRegister(root, paramsText, params ? { rules: ledgerRules(params), today } : {}, sayOf, today);
  problems.push(...register.problems);
  const { facts } = register;

  // A ledger line changed or removed since git committed it: the register is only ever added to.
  if (worktree) {
    for (const path of (await worktree.catch(() => undefined))?.edited ?? []) {
      if (!isRegisterFile(path)) continue;
      const edit = await editedLines(root, path);
      if (!edit) continue;
      problems.push({
        where: `${path}:${edit.line}`,
        message:
          edit.is === undefined || edit.is === ''
            ? `has lost an entry git committed (${edit.was}): the register is only ever added to. Put it back with: git restore ${path}`
            : `differs from what git committed (it was ${edit.was}): the register is only ever added to, and a correction is a new entry. Put it back with: git restore ${path}`,
      });
    }
  }

  const gitProblems: Located[] = [];
  if (ignored && !(await ignored)) {
    gitProblems.push({
      where: '.gitignore',
      message: `does not keep ${PRIVATE_DIR}/ out of git, so members' contact details could be committed: add the line /${PRIVATE_DIR}/`,
    });
  }
  const files = tracked ? await tracked : untrackedGroupFiles(root);
  for (const f of files) {
    if (f === PRIVATE_DIR || f.startsWith(`${PRIVATE_DIR}/`)) {
      gitProblems.push({
        where: f,
        message: 'is tracked by git, so private contact details are in the history: run git rm --cached on it, and see the README on removing it from history',
      });
    }
  }
  // What the private files say, and every leak of them into tracked files: kept with the
  // identities of everything it was worked out from, and worked out again when any changed.
  const office = parsed?.params?.group.registeredOffice === undefined ? undefined : comparable(parsed.params.group.registeredOffice);
  const scan = await scanPrivate(root, register, files, office);
  problems.push(...scan.contacts, ...gitProblems, ...scan.details);
  // coop.yml's rules changed since founding: each change must be a registered amendment. (git
  // gives the founding text without its last newline.)
  const foundedText = founded ? await founded : undefined;
  if (foundedText !== undefined && paramsText !== undefined && foundedText.trimEnd() !== paramsText.trimEnd() && parsed?.params && parsed.problems.length === 0) {
    const { unamendedRules } = await import('./rules-check.js');
    problems.push(...(await unamendedRules(root, parsed.params, foundedText)));
  }
  const foundingDay = parsed?.params?.group.founded;
  const notes = foundingDay !== undefined && foundingDay > today ? [foundingAheadNote(foundingDay)] : [];
  const warnings = facts.said.warnings;
  notes.push(...facts.said.notes);
  return { ok: problems.length === 0, problems, ...(notes.length > 0 ? { notes } : {}), ...(warnings.length > 0 ? { warnings } : {}) };
}

/** The private store's problems, and the officers' details' problems with every leak into tracked files: as kept, or worked out. */
async function scanPrivate(root: string, register: RegisterProof, files: string[], office: string | undefined): Promise<{ contacts: Located[]; details: Located[] }> {
  const key = scanKey(root, register, files, office);
  const kept = readCheckScan(root);
  if (kept && key.text !== undefined && kept.key === key.text) return kept;
  // The same private files: what the store says is kept, and so is each unchanged tracked file's
  // search. Known by their size and time, or else by their bytes (a store copied back keeps them).
  let bytes: string | undefined;
  const storeBytes = () => (bytes ??= privateBytes(root, office, key.ids));
  const same = kept !== undefined && (kept.store === key.store || kept.storeBytes === storeBytes()) ? kept : undefined;
  const found = await workOutPrivate(root, register, files, office, same, key.ids);
  if (key.text !== undefined && !key.racy && scanKey(root, register, files, office).text === key.text) {
    const { contacts, details, sources, files: searched } = found;
    const known = kept !== undefined && kept.store === key.store ? kept.storeBytes : storeBytes();
    keepCheckScan(root, { key: key.text, store: key.store, storeBytes: known, contacts, details, sources, files: searched });
  }
  return found;
}

/**
 * A hash of everything the scan is worked out from (`text`: none when the ledger's proof has no
 * identity), and of the private files and the office alone (`store`), each file's identity, and
 * whether any of it is too recently modified to be known by its time.
 */
function scanKey(
  root: string,
  register: RegisterProof,
  files: readonly string[],
  office: string | undefined,
): { text: string | undefined; store: string; ids: Map<string, string>; racy: boolean } {
  const now = Date.now();
  let racy = false;
  const ids = new Map<string, string>();
  // The private files by their size and time, as tracked files are (the store is only appended
  // to by coop, and a copy handed over with new times is only searched again).
  for (const f of [CONTACTS_FILE, OFFICER_DETAILS_FILE, ...files]) {
    let id = '-';
    try {
      const st = statSync(join(root, f), { bigint: true });
      id = `${st.size}:${st.mtimeNs}:${st.isFile() ? 'f' : 'o'}`;
      if (isRacy(st.mtimeNs, now)) racy = true;
    } catch {
      // Gone: known as gone.
    }
    ids.set(f, id);
  }
  const store = createHash('sha256').update(`${office ?? ''}\u0000${ids.get(CONTACTS_FILE)}\u0000${ids.get(OFFICER_DETAILS_FILE)}`);
  const hash = createHash('sha256').update(`${register.identity}\u0000${office ?? ''}`);
  for (const [f, id] of ids) hash.update(`\u0000${f}\u0000${id}`);
  return { text: register.identity === undefined ? undefined : hash.digest('hex'), store: store.digest('hex'), ids, racy };
}

/** A hash of the office and the private files' bytes (the store's shared with its index's reading of it, io/file-prefix.ts). */
function privateBytes(root: string, office: string | undefined, ids: ReadonlyMap<string, string>): string {
  const hash = createHash('sha256').update(office ?? '');
  for (const f of [CONTACTS_FILE, OFFICER_DETAILS_FILE]) {
    if (ids.get(f) === '-') {
      hash.update(`\u0000${f}\u0000-`);
      continue;
    }
    const read = storedFile(join(root, f));
    // Unreadable: like nothing kept.
    hash.update(`\u0000${f}\u0000${read?.hashes(read.size)?.whole ?? randomUUID()}`);
  }
  return hash.digest('hex');
}

/** What the scan keeps: its answer, what the store says, and each tracked file's leaks by its identity. */
interface Worked {
  contacts: Located[];
  details: Located[];
  sources: StoreSources;
  files: [string, string, Located[]][];
}

/** The store as the check needs it (io/check-cache.ts keeps it): who has details, by line and by admission key, and its unreadable lines. */
function sourcesOf(contacts: ReturnType<typeof readContactsStore>): StoreSources {
  const keys: string[] = [];
  const keyMembers: number[] = [];
  for (const [key, slot] of contacts.keyed) {
    keys.push(key);
    keyMembers.push(slot.member);
  }
  // Read for who has details alone (readContactsStore's membersOnly), the store gives them as runs.
  const unkeyed = contacts.holders;
  if (!unkeyed) throw new Error('The private store was read without who has details.');
  return { missing: contacts.missing, problems: contacts.problems.map((p) => [p.line, p.message]), unkeyed, keys, keyMembers };
}

async function workOutPrivate(
  root: string,
  register: RegisterProof,
  files: string[],
  office: string | undefined,
  same: KeptScan | undefined,
  ids: ReadonlyMap<string, string>,
): Promise<Worked> {
  const { facts } = register;
  const problems: Located[] = [];
  // Only who has details matters here, not the details themselves: no object per member. The
  // store is decoded only when it changed since it was kept.
  const contacts = same ? undefined : readContactsStore(root, true);
  const sources = same ? same.sources : sourcesOf(contacts!);
  if (sources.missing && facts.members.length > 0) {
    problems.push({
      where: CONTACTS_FILE,
      message: 'is missing: this copy has no contact details for the members (git does not copy the private store): ask the secretary for it (see the README, "Hand it over")',
    });
  }
  for (const [line, message] of sources.problems) problems.push({ where: `${CONTACTS_FILE}:${line}`, message });
  const admitted = rangeTest(facts.members);
  for (const [first, last] of sources.unkeyed) {
    if (admitted(first, last)) continue;
    for (let member = first; member <= last; member++) {
      if (!register.hasMember(member)) problems.push({ where: CONTACTS_FILE, message: `holds contact details for member ${member}, who is not in the register` });
    }
  }
  for (let i = 0; i < sources.keys.length; i++) {
    if (register.isAdmissionKey(sources.keys[i]!)) continue;
    const member = sources.keyMembers[i]!;
    problems.push({
      where: CONTACTS_FILE,
      message: `holds contact details given for member ${member} at an admission that is not in this register (recorded on another checkout?), so they are shown for nobody: if they are member ${member}'s, record them again with coop member update ${member}`,
    });
  }

  // Personal data kept no longer than needed: former members past the register's retention.
  const unkeyed = rangeTest([...sources.unkeyed].sort((a, b) => a[0] - b[0]));
  for (const due of facts.erasable) {
    if (!unkeyed(due.member, due.member)) continue;
    problems.push({
      where: CONTACTS_FILE,
      message: `holds the contact details of former member ${due.member} (${due.name}), who left on ${due.left}: the retention period ended on ${due.since}, so erase them with coop member forget ${due.member}`,
    });
  }

  const contactProblems = problems.splice(0);
  // Directors' dates of birth (private/officers.jsonl) must not leak either; they are searched
  // after the contact values, and named by their own words.
  const details = decodeOfficerDetails(readOfficerText(root));
  for (const p of details.problems) problems.push({ where: `${OFFICER_DETAILS_FILE}:${p.line}`, message: p.message });
  const born: { member: number; words: string; value: string }[] = [];
  for (const [member, d] of details.details) {
    if (!register.hasMember(member)) problems.push({ where: OFFICER_DETAILS_FILE, message: `holds particulars for member ${member}, who is not in the register` });
    if (d.born) born.push({ member, words: 'date of birth', value: d.born });
  }
  // The whole store's values, indexed once when a file must be searched and the store was read;
  // else, for each file searched, the store's lines its words could match (found by the store's
  // index, contacts-index.ts), decoded alone: every value findLeaks could find in it is among them.
  let whole: Searcher | undefined;
  let sifts = 0;
  const searcherFor = (text: string): Searcher => {
    // Sifting pays for a file or two changed; past that the store is read whole once.
    if (contacts || sifts >= SIFTS) return (whole ??= searcher((contacts ?? readContactsStore(root, true)).stored, born, office));
    sifts += 1;
    const sifted = siftStore(root, sortedTextKeys(text));
    const decoder = contactsBytesDecoder(true);
    if (sifted) for (const [start, end] of sifted.lines) decoder.lines(sifted.bytes, start, end);
    return searcher(decoder.result().stored, born, office);
  };
  const kept = new Map((same?.files ?? []).map(([path, id, leaks]) => [path, { id, leaks }]));
  const searched: [string, string, Located[]][] = [];
  for (const f of files) {
    if (f.startsWith(`${PRIVATE_DIR}/`)) continue;
    const id = ids.get(f) ?? '-';
    const before = kept.get(f);
    if (before && before.id === id && id !== '-') {
      problems.push(...before.leaks);
      searched.push([f, id, before.leaks]);
      continue;
    }
    let text: string;
    // The ledger is already read: its names are searched, each line mapped back to the ledger's.
    let lineOf = (line: number) => line;
    const part = register.namesOf(f);
    if (part) {
      text = part.text;
      lineOf = (line) => part.lines[line - 1] ?? line;
    } else if (/\.pdf$/i.test(f)) {
      // A PDF's text is compressed and set in glyph codes: it is read out, not searched raw.
      const found = await (await import('../io/pdf-text.js')).pdfText(join(root, f));
      if (found === undefined) continue;
      text = found;
    } else {
      try {
        text = readFileSync(join(root, f), 'utf8');
      } catch {
        continue; // Tracked but deleted, or a folder (a submodule): nothing to read.
      }
    }
    const leaks: Located[] = [];
    const { index, whose } = searcherFor(text);
    for (const leak of index.size > 0 ? findLeaks(index, text) : []) {
      const who = whose(leak.value);
      leaks.push({
        where: `${f}:${lineOf(leak.line)}`,
        message: `contains the ${who.words} of member ${who.member}, which must stay in ${who.home} (git keeps every committed version: see the README if it was committed)`,
      });
    }
    problems.push(...leaks);
    searched.push([f, id, leaks]);
  }
  return { contacts: contactProblems, details: problems, sources, files: searched };
}

/** A test of whether every number from first to last is in these ranges (sorted by their first; runs that overlap or touch are not merged). */
function rangeTest(ranges: readonly (readonly [number, number])[]): (first: number, last: number) => boolean {
  return (first, last) => {
    // The last range starting at or before `first`: the runs of a store's numbers do not overlap, and the register's are merged.
    let lo = 0;
    let hi = ranges.length - 1;
    let at = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (ranges[mid]![0] <= first) {
        at = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return at >= 0 && last <= ranges[at]![1];
  };
}

/** Files searched against the store's sifted lines before the store is read whole instead. */
const SIFTS = 2;

type Searcher = { index: ReturnType<typeof buildLeakIndex>; whose: (i: number) => { member: number; words: string; home: string } };

/** The leak index of these stored values and the officers' dates of birth, and whose each is. */
function searcher(stored: DecodedContacts['stored'], born: { member: number; words: string; value: string }[], office: string | undefined): Searcher {
  // Addresses at the domains reserved for documentation (RFC 2606, RFC 6761) belong to nobody,
  // and the group's own README shows one in its examples: looking for them would only raise
  // false alarms. They are left out by position, so leaks still name the right member.
  // The registered office is public by law: a member's address that is also the office is not a leak.
  const values = stored.value.map((v, i) => ((stored.field[i] === 'email' && isDocumentationAddress(v)) || (stored.field[i] === 'address' && isOffice(v, office)) ? '' : v));
  for (const b of born) values.push(b.value);
  const n = stored.value.length;
  return {
    index: buildLeakIndex(values),
    whose: (i) => (i < n ? { member: stored.member[i]!, words: FIELD_WORDS[stored.field[i]!], home: CONTACTS_FILE } : { ...born[i - n]!, home: OFFICER_DETAILS_FILE }),
  };
}

/**
 * comparable(address) === office, without making the comparable form of every address in the
 * store: an address in ASCII is compared letter by letter (its letters and digits, lower-cased,
 * are its comparable form) and given up at the first difference; any other goes by comparable.
 */
function isOffice(address: string, office: string | undefined): boolean {
  if (office === undefined) return false;
  let k = 0;
  for (let i = 0; i < address.length; i++) {
    let c = address.charCodeAt(i);
    if (c >= 128) return comparable(address) === office;
    if (c >= 65 && c <= 90) c += 32;
    else if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57))) continue;
    // Everything before is ASCII, so the comparable form differs here too.
    if (k >= office.length || office.charCodeAt(k) !== c) return false;
    k += 1;
  }
  return k === office.length;
}

/** Money owed for shares is not an error, but a debt the group should see until it is paid. */
function owedNotes(state: RegisterState, nominalPence: number): string[] {
  // As sharesOwed (core/register/shares-owed.ts) lists them, oldest first, without a name for
  // each: only a lone debt is named, so the check looks up no other member.
  let total = 0;
  let oldest: { member: number; since: string } | undefined;
  for (const [member, owed] of state.sharesOwed) {
    total += owed.shares * nominalPence;
    if (!oldest || owed.since < oldest.since || (owed.since === oldest.since && member < oldest.member)) oldest = { member, since: owed.since };
  }
  if (!oldest) return [];
  const count = state.sharesOwed.size;
  const who = count === 1 ? `member ${oldest.member} (${state.members.get(oldest.member)?.name ?? `member ${oldest.member}`}) is` : `${count} members or former members are`;
  return [
    `${who} owed ${formatPounds(total, { pence: true })} for shares withdrawn or given up on leaving, the oldest since ${oldest.since} (coop status lists them): record each payment with coop shares repay <number> --date <date>.`,
  ];
}

/** Founding papers are often drafted before the meeting: the register then starts on its day. */
function foundingAheadNote(founded: string): string {
  return `The founding meeting is ahead (${founded}): the register records the founders and first officers as admitted and appointed on that day, and until then new entries can be dated only on it.`;
}

/** A promise whose failure waits for its await: no unhandled rejection while other work runs first. */
function settled<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

/** A group without git has no tracked files; its files are checked as if they were all tracked. */
function untrackedGroupFiles(root: string, dir = ''): string[] {
  const out: string[] = [];
  const here = join(root, dir);
  if (!existsSync(here)) return out;
  for (const entry of readdirSync(here, { withFileTypes: true })) {
    const rel = dir ? `${dir}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      if (!dir && (entry.name === PRIVATE_DIR || entry.name === COOP_DIR || entry.name === '.git' || entry.name === 'node_modules')) continue;
      out.push(...untrackedGroupFiles(root, rel));
    } else if (entry.isFile()) out.push(rel);
  }
  return out;
}
