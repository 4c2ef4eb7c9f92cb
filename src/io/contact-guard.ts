// The first line of defence for members' privacy: before any change is committed, the text it
// adds to tracked files is searched for contact details — a value the private store holds (or
// is given in the same change), or anything that looks like an email address or phone number —
// and the change is refused, the value shown masked. Every change goes through applyPlan (and
// the founding commit through found-repo.ts), so no command can put one into git; `coop check`
// searches the tracked files with the same matcher (leak-scan.ts) as the second line.
//
// Only what the change adds is judged: a rewritten file is compared with what it held before,
// so a value already there (found by coop check, to be mended by hand) does not block every
// later change to that file.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../errors.js';
import type { ContactField } from '../core/contacts.js';
import { CONTACTS_FILE, PARAMS_FILE, PRIVATE_DIR } from '../core/layout.js';
import { comparable, findContactLike, isDocumentationAddress, maskContact, registeredOfficeIn } from '../core/register/contact-like.js';
import { buildLeakIndex, findLeaks, sortedTextKeys, splitText, type SortedKeys, type SplitText } from '../core/register/leak-scan.js';
import { siftContactLines } from '../core/register/leak-sift.js';
import type { FileChange } from './file-change.js';
import { siftStore } from './contacts-index.js';

interface Found {
  where: string;
  what: string;
}

interface Stored {
  member: number[];
  field: ContactField[];
  value: string[];
}

const FIELD_WORDS: Record<ContactField, string> = { email: 'email address', address: 'postal address', phone: 'phone number' };
const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Refuses a change that would commit contact details. `root` is the group's folder, whose
 * private store and current files are read; undefined for a group being founded (its store is
 * among the changes).
 */
export function refuseContactLeaks(root: string | undefined, changes: readonly FileChange[]): void {
  const texts: { change: FileChange; text: string; split: SplitText | undefined }[] = [];
  for (const change of changes) {
    if (!change.tracked || change.path.startsWith(`${PRIVATE_DIR}/`)) continue;
    const text = readable(change.path, textOf(change.content));
    // Split into words once, both to sift the store and to search the text.
    if (text !== undefined && text !== '') texts.push({ change, text, split: root === undefined ? undefined : splitText(text) });
  }
  if (texts.length === 0) return;
  const found: Found[] = [];
  const before = (change: FileChange): string => {
    if (change.append || root === undefined) return '';
    try {
      return readable(change.path, readFileSync(join(root, change.path), 'utf8')) ?? '';
    } catch {
      return '';
    }
  };

  // A group being founded has no store yet: only the few lines the change itself writes, all of
  // them read, so the texts (a founding's are hundreds of kilobytes) need not be keyed to sift them.
  const keys = root === undefined ? undefined : sortedTextKeys(texts.flatMap((t) => (t.split ? [t.split] : [])));
  const stored = storedValuesFor(root, changes, keys, registeredOffice(root, changes));
  const index = stored.value.length > 0 ? buildLeakIndex(stored.value) : undefined;
  for (const { change, text, split } of texts) {
    const where = (line: number) => (change.append ? `${change.path} (the new entry)` : `${change.path}:${line}`);
    let old: string | undefined;
    const leaks = index ? findLeaks(index, split ?? text) : [];
    // A stored value is named as such; the same line is not reported again as a look-alike.
    const named = new Set(leaks.map((l) => comparable(stored.value[l.value]!)));
    if (leaks.length > 0) {
      old = before(change);
      const already = new Set(old === '' || !index ? [] : findLeaks(index, old).map((l) => l.value));
      for (const leak of leaks) {
        if (already.has(leak.value)) continue;
        const field = stored.field[leak.value]!;
        found.push({ where: where(leak.line), what: `the ${FIELD_WORDS[field]} of member ${stored.member[leak.value]} (${maskContact(stored.value[leak.value]!, field)})` });
      }
    }
    const like = findContactLike(text);
    if (like.length > 0) {
      old ??= before(change);
      const already = new Set(findContactLike(old).map((l) => l.value));
      for (const l of like) {
        if (already.has(l.value) || named.has(comparable(l.value))) continue;
        found.push({ where: where(l.line), what: `what looks like ${l.field === 'email' ? 'an email address' : 'a phone number'} (${maskContact(l.value, l.field)})` });
      }
    }
  }
  if (found.length === 0) return;
  // One line a value: a place typed once appears in every paper of a meeting.
  const places = new Map<string, string[]>();
  for (const f of found) places.set(f.what, [...(places.get(f.what) ?? []), f.where]);
  const lines = [...places].map(([what, where]) => `  - ${what}: ${where[0]}${where.length > 1 ? ` and ${where.length - 1} more ${where.length === 2 ? 'place' : 'places'}` : ''}`);
  throw new UserError(
    `This would put contact details into git, which keeps every version for good:\n${lines.join('\n')}\n` +
      `Contact details belong only in the private store (${CONTACTS_FILE}): take them out of what you typed (a name, a place, an agenda item, a resolution), ` +
      'write the person’s name or membership number instead, and record a member’s details with coop member update <number> --email … --phone … --address …. Nothing was changed.',
  );
}

/**
 * A file's text as its reader sees it: a calendar file's long lines are folded (RFC 5545 3.1: a
 * line break and a space, anywhere, even inside a word), so they are unfolded first; otherwise a
 * meeting's UID (…@create-coop.invalid) cut inside its domain would look like an email address.
 */
function readable(path: string, text: string | undefined): string | undefined {
  return text !== undefined && path.endsWith('.ics') ? text.replace(/\r?\n[ \t]/g, '') : text;
}

/** A file's new content as text; undefined for binary content (a PDF), which is not searched. */
function textOf(content: string | Uint8Array): string | undefined {
  if (typeof content === 'string') return content;
  try {
    const text = utf8.decode(content);
    return text.includes('\0') ? undefined : text;
  } catch {
    return undefined;
  }
}

/**
 * The stored values worth looking for in a text with these keys: the store's lines (and any the
 * change adds to it) sifted by the keys, then decoded. The store's lines are found from its
 * kept index, and never decoded where they cannot match.
 */
function storedValuesFor(root: string | undefined, changes: readonly FileChange[], keys: SortedKeys | undefined, office: string | undefined): Stored {
  const stored: Stored = { member: [], field: [], value: [] };
  const sources: { bytes: Uint8Array; lines: Array<[number, number]> }[] = [];
  // The store by its index (contacts-index.ts): found by the text's keys, not sifted whole. No
  // store in this copy: only what the change itself gives is known.
  const store = root === undefined || keys === undefined ? undefined : siftStore(root, keys);
  if (store) sources.push(store);
  for (const change of changes) {
    if (change.path !== CONTACTS_FILE) continue;
    const bytes = typeof change.content === 'string' ? Buffer.from(change.content, 'utf8') : change.content;
    sources.push({ bytes, lines: keys ? siftContactLines(bytes, keys) : everyLine(bytes) });
  }
  const decoder = new TextDecoder('utf-8');
  for (const { bytes, lines } of sources) {
    for (const [start, end] of lines) {
      let line: unknown;
      try {
        line = JSON.parse(decoder.decode(bytes.subarray(start, end)));
      } catch {
        continue; // coop check reports a line that does not parse.
      }
      if (typeof line !== 'object' || line === null) continue;
      const rec = line as Record<string, unknown>;
      const member = typeof rec.member === 'number' ? rec.member : 0;
      for (const field of ['email', 'address', 'phone'] as const) {
        const value = rec[field];
        if (typeof value !== 'string' || value.trim() === '') continue;
        if (field === 'email' && isDocumentationAddress(value)) continue;
        if (field === 'address' && office !== undefined && comparable(value) === office) continue;
        stored.member.push(member);
        stored.field.push(field);
        stored.value.push(value);
      }
    }
  }
  return stored;
}

/** The [start, end) byte ranges of every line (sifting keeps a subset of these). */
function everyLine(bytes: Uint8Array): Array<[number, number]> {
  const lines: Array<[number, number]> = [];
  for (let start = 0; start < bytes.length; ) {
    const nl = bytes.indexOf(0x0a, start);
    const end = nl === -1 ? bytes.length : nl;
    if (end > start) lines.push([start, end]);
    start = end + 1;
  }
  return lines;
}

/** The registered office, as compared: the one the change writes, or the one coop.yml holds. */
function registeredOffice(root: string | undefined, changes: readonly FileChange[]): string | undefined {
  const change = changes.find((c) => c.path === PARAMS_FILE);
  let text = change ? textOf(change.content) : undefined;
  if (text === undefined && root !== undefined) {
    try {
      text = readFileSync(join(root, PARAMS_FILE), 'utf8');
    } catch {
      return undefined;
    }
  }
  const office = text === undefined ? undefined : registeredOfficeIn(text);
  return office ? comparable(office) : undefined;
}
