// Sifting the private contact store for the values that could be in a few lines of new text.
// Before a change is committed its new text is searched for stored contact values (io/
// contact-guard.ts). Decoding a 100,000-member store and indexing every value costs far more
// than the change itself, so the store's bytes are read once, without decoding: in each JSON
// string the first three words (two, in a string of two; or, for a phone number, its digits
// run together) are hashed just as valueKeys hashes a value's, and only lines with a string
// whose key the new text holds (textKeys) are kept. Those few lines are then decoded and searched with the one
// matcher, leak-scan.ts, so what counts as a leak is decided in one place; the sift may keep
// a line that does not match, never drop one that does.

import { FNV_OFFSET, FNV_PRIME, SortedKeys, pairKey, singleKey, tripleKey, valueKeys, wordUnit } from './leak-scan.js';

/** A value of one word is looked for only with this many digits (as in leak-scan.ts). */
const SINGLE_WORD_MIN_DIGITS = 6;

/** wordUnit of each byte, -1 beyond ASCII (those bytes are not hashed here): a look-up for every byte of the store. */
const BYTE_UNITS = Int16Array.from({ length: 256 }, (_, b) => (b < 0x80 ? wordUnit(b) : -1));

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const NEWLINE = 0x0a;

/**
 * One pass over a store's bytes, without decoding: for each non-empty line, the keys of its JSON
 * strings (the first three words hashed as a triple, or two as a pair, or a long enough number
 * run together, as valueKeys keys a value) and whether it holds what the byte scan cannot hash (bytes beyond
 * ASCII, or a \u escape: its words are hashed from UTF-16 by the matcher). `line` gets a reused
 * array of keys: copy what it keeps. The sift and the index both read lines through this, so
 * they cannot disagree on what a line's keys are.
 */
function scanLines(bytes: Uint8Array, line: (start: number, end: number, keys: readonly number[], opaque: boolean) => void): void {
  // One loop, no helper closures: variables a closure changes live on the heap, and at
  // 100,000 members this loop runs over megabytes.
  const lineKeys: number[] = [];
  const length = bytes.length;
  let lineStart = 0;
  let opaque = false;
  let inString = false;
  // The current string: its word count, first three word hashes, digits, whether all its words are digits, and their digits hashed run together.
  let n = 0;
  let h0 = 0;
  let h1 = 0;
  let h2 = 0;
  let digits = 0;
  let allDigits = true;
  let solid = FNV_OFFSET;
  // The current word: whether one is open, its hash, its digits and its length.
  let inWord = false;
  let h = 0;
  let wordDigits = 0;
  let wordLength = 0;
  for (let i = 0; i <= length; i++) {
    const b = i < length ? bytes[i]! : NEWLINE;
    // A quote and a backslash are not word units: they are dealt with below.
    const unit = inString ? BYTE_UNITS[b]! : -1;
    if (unit !== -1) {
      if (!inWord) {
        inWord = true;
        h = FNV_OFFSET;
        wordDigits = 0;
        wordLength = 0;
      }
      h = Math.imul(h ^ unit, FNV_PRIME);
      wordLength += 1;
      if (unit <= 57) {
        wordDigits += 1;
        solid = Math.imul(solid ^ unit, FNV_PRIME);
      }
      continue;
    }
    if (inWord) {
      inWord = false;
      if (n === 0) h0 = h;
      else if (n === 1) h1 = h;
      else if (n === 2) h2 = h;
      n += 1;
      digits += wordDigits;
      if (wordDigits !== wordLength) allDigits = false;
    }
    if (b >= 0x80) {
      opaque = true;
      continue;
    }
    if (inString && b === BACKSLASH) {
      // \n, \t, \", \\ and the like stand for a character that is not part of a word.
      const next = i + 1 < length ? bytes[i + 1]! : NEWLINE;
      if (next === 0x75) opaque = true;
      if (next !== NEWLINE) i += 1;
      continue;
    }
    if (inString && (b === QUOTE || b === NEWLINE)) {
      // The string ends: its keys.
      inString = false;
      if (n >= 3) lineKeys.push(tripleKey(h0, h1, h2));
      else if (n === 2) lineKeys.push(pairKey(h0, h1));
      if (digits >= SINGLE_WORD_MIN_DIGITS) {
        if (allDigits) lineKeys.push(singleKey(solid));
        if (n === 1) lineKeys.push(singleKey(h0));
      }
      if (b === QUOTE) continue;
    } else if (b === QUOTE) {
      inString = true;
      n = 0;
      digits = 0;
      allDigits = true;
      solid = FNV_OFFSET;
      continue;
    }
    if (b === NEWLINE) {
      if (i > lineStart) line(lineStart, i, lineKeys, opaque);
      lineKeys.length = 0;
      lineStart = i + 1;
      opaque = false;
    }
  }
}

/**
 * The [start, end) byte ranges of the store's lines that may hold a value found in a text with
 * these keys. A line with bytes outside ASCII, or a \u escape, is always kept: its words are
 * hashed from UTF-16 by the matcher, which a byte scan would not reproduce.
 */
export function siftContactLines(bytes: Uint8Array, keys: ReadonlySet<number> | SortedKeys): Array<[number, number]> {
  if (keys instanceof SortedKeys && keys.found.length >= MANY_KEYS) return siftByFilter(bytes, keys.found);
  const kept: Array<[number, number]> = [];
  scanLines(bytes, (start, end, lineKeys, opaque) => {
    if (opaque || lineKeys.some((key) => keys.has(key))) kept.push([start, end]);
  });
  return kept;
}

/** A text with this many keys (as found, repeats too) is sifted for through a bit filter rather than by sorting its keys. */
const MANY_KEYS = 4096;

/**
 * siftContactLines for a text of many keys (a meeting's papers name every member): the lines
 * whose keys pass a bit filter of the text's keys are noted with those keys, then the keys
 * that passed are looked for among the text's in one pass, and only lines with a key truly
 * there are kept (with every line beyond ASCII), in order: the lines the sorted keys would give.
 */
function siftByFilter(bytes: Uint8Array, found: Uint32Array): Array<[number, number]> {
  let bits = 1024;
  while (bits < found.length * 8) bits *= 2;
  const mask = bits - 1;
  const filter = new Int32Array(bits >>> 5);
  for (let i = 0; i < found.length; i++) {
    const bit = found[i]! & mask;
    filter[bit >>> 5]! |= 1 << (bit & 31);
  }
  // Each line worth a second look: its range, and its keys that passed (none: kept whatever the keys).
  const lines: Array<[number, number, number[] | undefined]> = [];
  const passed = new Set<number>();
  scanLines(bytes, (start, end, lineKeys, opaque) => {
    let maybe: number[] | undefined;
    for (const key of lineKeys) {
      const k = key >>> 0;
      const bit = k & mask;
      if ((filter[bit >>> 5]! & (1 << (bit & 31))) === 0) continue;
      (maybe ??= []).push(k);
      passed.add(k);
    }
    if (opaque) lines.push([start, end, undefined]);
    else if (maybe) lines.push([start, end, maybe]);
  });
  // Most keys passed by chance, so few of the text's are among them: those are ruled out by a
  // second, small filter of the passed keys (on other bits of the key than the first), and only
  // the rest looked up in the set.
  let passedBits = 1024;
  while (passedBits < passed.size * 16) passedBits *= 2;
  const shift = 32 - Math.log2(passedBits);
  const second = new Int32Array(passedBits >>> 5);
  for (const k of passed) {
    const bit = Math.imul(k, 0x9e3779b1) >>> shift;
    second[bit >>> 5]! |= 1 << (bit & 31);
  }
  const present = new Set<number>();
  for (let i = 0; i < found.length && present.size < passed.size; i++) {
    const k = found[i]!;
    const bit = Math.imul(k, 0x9e3779b1) >>> shift;
    if ((second[bit >>> 5]! & (1 << (bit & 31))) !== 0 && passed.has(k)) present.add(k);
  }
  const kept: Array<[number, number]> = [];
  for (const [start, end, maybe] of lines) if (maybe === undefined || maybe.some((k) => present.has(k))) kept.push([start, end]);
  return kept;
}

/**
 * The store's lines indexed by the keys siftContactLines looks for, so that a store kept as it
 * was need not be sifted again: each (key, line), in order of key, and the lines always kept.
 * lookupContactLines(indexContactLines(b), keys) gives the lines siftContactLines(b, keys) does
 * (fewer where a line beyond ASCII holds no value with a key among `keys`), in the same order,
 * and every stored value findLeaks would find in a text with those keys.
 */
export interface ContactLineIndex {
  /** Keys, ascending; the line of keys[i] is [starts[i], ends[i]). */
  keys: Uint32Array;
  starts: Uint32Array;
  ends: Uint32Array;
  /** Lines kept whatever the keys (those that do not read as JSON), in order. */
  always: Array<[number, number]>;
}

export function indexContactLines(bytes: Uint8Array): ContactLineIndex {
  // A line the byte scan cannot hash (letters beyond ASCII, \u escapes) is read as the guard
  // reads it (contact-guard.ts: JSON, then its email, address and phone) and filed under its
  // values' keys.
  const utf8 = new TextDecoder('utf-8');
  const keys: number[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const always: Array<[number, number]> = [];
  scanLines(bytes, (start, end, lineKeys, opaque) => {
    const parsed = opaque ? keysOfLine(utf8.decode(bytes.subarray(start, end))) : lineKeys;
    if (parsed === undefined) always.push([start, end]);
    else
      for (const key of parsed) {
        keys.push(key >>> 0);
        starts.push(start);
        ends.push(end);
      }
  });
  // In order of key (then of line): key and position packed into one double, sorted as numbers.
  if (keys.length >= 2 ** 23) throw new RangeError('too many keys to index');
  const order = new Float64Array(keys.length);
  for (let i = 0; i < keys.length; i++) order[i] = keys[i]! * 2 ** 23 + i;
  order.sort();
  const out: ContactLineIndex = { keys: new Uint32Array(keys.length), starts: new Uint32Array(keys.length), ends: new Uint32Array(keys.length), always };
  for (let j = 0; j < order.length; j++) {
    const i = order[j]! % 2 ** 23;
    out.keys[j] = keys[i]!;
    out.starts[j] = starts[i]!;
    out.ends[j] = ends[i]!;
  }
  return out;
}

/** The keys of a line's values, as the guard reads them; undefined when it does not read as an object. */
function keysOfLine(text: string): number[] | undefined {
  let line: unknown;
  try {
    line = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof line !== 'object' || line === null) return undefined;
  const rec = line as Record<string, unknown>;
  const keys: number[] = [];
  for (const field of ['email', 'address', 'phone']) {
    const value = rec[field];
    if (typeof value === 'string') keys.push(...valueKeys(value));
  }
  return keys;
}

/**
 * An index's (key, line) pairs as its reader has them, one at a time: an index kept in a file
 * can be searched without reading it whole (a text with few keys looks at a few dozen of them).
 */
export interface ContactLineEntries {
  count: number;
  key(i: number): number;
  line(i: number): [number, number];
  always: Array<[number, number]>;
}

/** True when a text with this many keys is best looked up key by key in an index of this many entries (not with a bit filter of them all). */
export const fewTextKeys = (textKeys: number, entries: number): boolean => textKeys * 32 < entries;

/** lookupContactLines for a text with few keys (fewTextKeys), in an index read an entry at a time. */
export function lookupFewContactLines(entries: ContactLineEntries, keys: SortedKeys): Array<[number, number]> {
  const found = new Map<number, number>();
  for (const [s, e] of entries.always) found.set(s, e);
  for (const k of keys.found) addLinesOfKey(entries, k, found);
  return [...found].sort((a, b) => a[0] - b[0]);
}

/** The lines of an index that siftContactLines would keep for these keys, in order, each once. */
export function lookupContactLines(index: ContactLineIndex, keys: ReadonlySet<number> | SortedKeys): Array<[number, number]> {
  const found = new Map<number, number>();
  for (const [s, e] of index.always) found.set(s, e);
  const entries: ContactLineEntries = {
    count: index.keys.length,
    key: (i) => index.keys[i]!,
    line: (i) => [index.starts[i]!, index.ends[i]!],
    always: index.always,
  };
  if (keys instanceof SortedKeys) {
    // A bit for each of the index's keys (by its low bits): most of the text's keys are ruled
    // out by one look, without sorting them; the rest are looked up in the index by halving.
    // A text with few keys (a member added) looks each one up, without the bits.
    const text = keys.found;
    const few = fewTextKeys(text.length, index.keys.length);
    let bits = 1024;
    while (!few && bits < index.keys.length * 16) bits *= 2;
    const mask = bits - 1;
    const filter = new Int32Array(few ? 0 : bits >>> 5);
    for (let j = 0; !few && j < index.keys.length; j++) {
      const k = index.keys[j]! & mask;
      filter[k >>> 5]! |= 1 << (k & 31);
    }
    for (let i = 0; i < text.length; i++) {
      const k = text[i]!;
      const bit = k & mask;
      if (!few && (filter[bit >>> 5]! & (1 << (bit & 31))) === 0) continue;
      addLinesOfKey(entries, k, found);
    }
    return [...found].sort((a, b) => a[0] - b[0]);
  }
  for (const key of keys) addLinesOfKey(entries, key >>> 0, found);
  return [...found].sort((a, b) => a[0] - b[0]);
}

/** Adds the lines filed under key `k` to `found` (start → end), finding the first by halving the ascending keys. */
function addLinesOfKey(entries: ContactLineEntries, k: number, found: Map<number, number>): void {
  let lo = 0;
  let hi = entries.count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (entries.key(mid) < k) lo = mid + 1;
    else hi = mid;
  }
  for (; lo < entries.count && entries.key(lo) === k; lo++) {
    const [start, end] = entries.line(lo);
    found.set(start, end);
  }
}
