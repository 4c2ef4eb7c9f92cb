// Finding private contact details in files that git tracks. At 100,000 members there are a few
// hundred thousand stored values and the tracked files run to megabytes, so testing every value
// against every file (values × files substring searches) is far too slow. Instead values and
// files are both read as sequences of words — runs of letters and digits, case ignored, with
// everything between them ignored — so one form of a value matches however it was written:
// "9, Cedar Road\nNottingham" is found as "9 Cedar Road, Nottingham", and "sian@example.org" in
// "<Sian@Example.org>". Each value is indexed by a hash of its first two words; each file is
// read once, hashing its words as it goes, and only where two words hash to a value's start is
// the rest compared. Matching whole words means "1 High Street" is not found inside
// "21 High Street". The index lives in typed arrays: at 100,000 members an object per value
// costs more in memory management than the whole scan.

/**
 * Values shorter than this (as words joined by single spaces) are not looked for: short strings
 * such as "Apt 4" turn up innocently in rules and minutes, and every false alarm teaches a
 * secretary to ignore the check. Real emails, phone numbers and addresses are longer.
 */
export const MIN_LEAK_LENGTH = 6;

/**
 * A value of one word is looked for only if it has this many digits (a phone number written
 * solid): a one-word address such as "Rosebank" would match every mention of the word.
 */
const SINGLE_WORD_MIN_DIGITS = 6;

const BLOOM_BITS = 1 << 22;

export interface LeakIndex {
  /** Open-addressed table: slot → key + 1 (0: empty), and the slot's most recent entry. */
  keys: Int32Array;
  heads: Int32Array;
  /** Per entry: the value it comes from, its word count (1 for a solid phone number), the next entry with the same key. */
  valueOf: Int32Array;
  words: Int32Array;
  next: Int32Array;
  values: readonly string[];
  /** A bit per key bucket: most word pairs in a file are ruled out without a table probe. */
  bloom: Uint32Array;
  /** The bloom's bits less one: it has a power of two of them, more for more values. */
  bloomMask: number;
  size: number;
}

/**
 * Made when a unit beyond Latin-1 and General Punctuation is first judged, not when the module
 * loads: V8 builds the class's Unicode tables as it makes the pattern, and most texts have no
 * such unit (their few beyond ASCII are letters like é, and ’ “ – …).
 */
let nonAsciiWord: RegExp | undefined;

/** Whether a unit beyond ASCII is a letter, digit or mark, as /[\p{L}\p{N}\p{M}]/u says (a unit test checks the ranges settled here). */
function isWordBeyondAscii(code: number, ch: string): boolean {
  // Latin-1: ª ² ³ µ ¹ º ¼ ½ ¾, and À to ÿ but × and ÷.
  if (code <= 0xff)
    return code >= 0xc0
      ? code !== 0xd7 && code !== 0xf7
      : code === 0xaa || code === 0xb2 || code === 0xb3 || code === 0xb5 || code === 0xb9 || code === 0xba || (code >= 0xbc && code <= 0xbe);
  // General Punctuation (U+2000 to U+206F) holds none.
  if (code >= 0x2000 && code <= 0x206f) return false;
  nonAsciiWord ??= /[\p{L}\p{N}\p{M}]/u;
  return nonAsciiWord.test(ch);
}

/** A text's words: hash (of the lower-cased word), start and end of each; digits counted. */
export interface Words {
  n: number;
  digits: number;
  hashes: Int32Array<ArrayBuffer>;
  starts: Int32Array<ArrayBuffer>;
  ends: Int32Array<ArrayBuffer>;
}

export const FNV_OFFSET = 0x811c9dc5 | 0;
export const FNV_PRIME = 0x01000193;

/** Lower-cased UTF-16 unit if it belongs to a word (letters, digits; judged per unit, the same way everywhere), else -1. */
export function wordUnit(code: number): number {
  if (code < 128) {
    if (code >= 97 && code <= 122) return code;
    if (code >= 65 && code <= 90) return code + 32;
    return code >= 48 && code <= 57 ? code : -1;
  }
  if (code >= 0xd800 && code <= 0xdfff) return code;
  let unit = nonAsciiUnits.get(code);
  if (unit === undefined) {
    const ch = String.fromCharCode(code);
    unit = isWordBeyondAscii(code, ch) ? ch.toLowerCase().charCodeAt(0) : -1;
    nonAsciiUnits.set(code, unit);
  }
  return unit;
}

/** wordUnit of each unit beyond ASCII met so far: a meeting's papers name thousands with a few accented letters between them. */
const nonAsciiUnits = new Map<number, number>();

/** wordUnit of each ASCII code: the split looks it up for every character of a meeting's papers (hundreds of kilobytes), most of them run once, before the engine has optimised the loop. */
const ASCII_UNITS = Int16Array.from({ length: 128 }, (_, code) => wordUnit(code));

/**
 * Splits into words in one pass, reusing `into`'s arrays when given (the index splits 100,000s of
 * values). `lineStarts`, when given, gets the index of the first word after each line break: an
 * array, not a callback, since a new closure for each text would be a new call target to the
 * engine's optimised loop, which it would throw away mid-text (a meeting's papers are several).
 */
function splitWords(text: string, into?: Words, lineStarts?: number[]): Words {
  // A file has at most one word per two characters; a quarter is a fair first guess.
  const guess = Math.max(64, text.length >>> 2);
  let hashes = into?.hashes ?? new Int32Array(guess);
  let starts = into?.starts ?? new Int32Array(guess);
  let ends = into?.ends ?? new Int32Array(guess);
  let n = 0;
  let digits = 0;
  let start = -1;
  let h = FNV_OFFSET;
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : 32;
    const unit = code < 128 ? ASCII_UNITS[code]! : wordUnit(code);
    if (unit !== -1) {
      if (start === -1) {
        start = i;
        h = FNV_OFFSET;
      }
      h = Math.imul(h ^ unit, FNV_PRIME);
      if (unit >= 48 && unit <= 57) digits += 1;
      continue;
    }
    if (start !== -1) {
      if (n === hashes.length) {
        hashes = grow(hashes);
        starts = grow(starts);
        ends = grow(ends);
      }
      hashes[n] = h;
      starts[n] = start;
      ends[n] = i;
      n += 1;
      start = -1;
    }
    if (code === 10 && lineStarts) lineStarts.push(n);
  }
  if (!into) return { n, digits, hashes, starts, ends };
  into.n = n;
  into.digits = digits;
  into.hashes = hashes;
  into.starts = starts;
  into.ends = ends;
  return into;
}

// Every path of the split taken once as the module loads (a word beyond ASCII, a line break, a
// full array): the engine optimises the loop mid-text from the paths it has seen taken, and one
// first taken later (the first accented name, far into a meeting's papers) makes it throw that
// work away and start again.
splitWords(`${'a '.repeat(80)}\u00e9\n`, undefined, []);

function grow(a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

/** Words from..from+count, lower-cased, joined by single spaces (or run together): made only to confirm a match. */
function joinWords(text: string, w: Words, from: number, count: number, solid = false): string {
  let out = '';
  for (let k = 0; k < count; k++) out += (k > 0 && !solid ? ' ' : '') + text.slice(w.starts[from + k]!, w.ends[from + k]!);
  return out.toLowerCase();
}

function hashString(text: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  return h;
}

// Keys stay within 30 bits so they are small integers to the engine, never boxed numbers.
export const pairKey = (a: number, b: number): number => (Math.imul(a, 0x2c1b3c6d) ^ b) & 0x3fffffff;
export const singleKey = (a: number): number => (a ^ 0x5bd1e995) & 0x3fffffff;
export const tripleKey = (a: number, b: number, c: number): number => (Math.imul(pairKey(a, b), 0x2c1b3c6d) ^ Math.imul(c ^ 0x5bd1e995, 0x9e3779b1)) & 0x3fffffff;

function slotOf(index: LeakIndex, key: number): number {
  const mask = index.keys.length - 1;
  let slot = Math.imul(key, 0x9e3779b1) & mask;
  while (index.keys[slot] !== 0 && index.keys[slot] !== key + 1) slot = (slot + 1) & mask;
  return slot;
}

const scratchWords = (): Words => ({ n: 0, digits: 0, hashes: new Int32Array(64), starts: new Int32Array(64), ends: new Int32Array(64) });
const canonicalScratch = scratchWords();

/** The form a value is matched in: its words joined by single spaces, or (solid) run together. */
function canonical(value: string, solid: boolean): string {
  const w = splitWords(value, canonicalScratch);
  return joinWords(value, w, 0, w.n, solid);
}

/** Indexes values to look for. The values are kept by reference; findLeaks reports their positions. */
export function buildLeakIndex(values: readonly string[]): LeakIndex {
  // Sized by the values long enough to be looked for (a value's words are never longer than
  // the value): documentation addresses are given as "" and need no room.
  let candidates = 0;
  for (const v of values) if (v.length >= MIN_LEAK_LENGTH) candidates += 1;
  let slots = 1024;
  while (slots < candidates * 3) slots *= 2;
  const entries = candidates * 2;
  // Some 16 bits an entry, up to BLOOM_BITS: a few hundred values (a meeting's papers sift the
  // store down to those) need a few kilobytes, held in the processor's cache, not half a megabyte.
  let bloomBits = 1024;
  while (bloomBits < entries * 16 && bloomBits < BLOOM_BITS) bloomBits *= 2;
  const index: LeakIndex = {
    keys: new Int32Array(slots),
    heads: new Int32Array(slots).fill(-1),
    valueOf: new Int32Array(entries),
    words: new Int32Array(entries),
    next: new Int32Array(entries),
    values,
    bloom: new Uint32Array(bloomBits / 32),
    bloomMask: bloomBits - 1,
    size: 0,
  };
  const add = (key: number, value: number, words: number) => {
    const slot = slotOf(index, key);
    index.keys[slot] = key + 1;
    const e = index.size;
    index.valueOf[e] = value;
    index.words[e] = words;
    index.next[e] = index.heads[slot]!;
    index.heads[slot] = e;
    const bit = key & index.bloomMask;
    index.bloom[bit >>> 5]! |= 1 << (bit & 31);
    index.size += 1;
  };
  const w = scratchWords();
  for (let v = 0; v < values.length; v++) {
    splitWords(values[v]!, w);
    if (w.n === 0) continue;
    let letters = 0;
    for (let k = 0; k < w.n; k++) letters += w.ends[k]! - w.starts[k]!;
    if (letters + w.n - 1 < MIN_LEAK_LENGTH) continue;
    if (w.n > 1) add(pairKey(w.hashes[0]!, w.hashes[1]!), v, w.n);
    if (w.digits === letters && w.digits >= SINGLE_WORD_MIN_DIGITS) {
      // All digits: a phone number, found written solid as well as spaced ("07700900123").
      add(singleKey(hashString(canonical(values[v]!, true))), v, 1);
    } else if (w.n === 1 && w.digits >= SINGLE_WORD_MIN_DIGITS) add(singleKey(w.hashes[0]!), v, 1);
  }
  return index;
}

/**
 * The keys a value is sifted by: findLeaks can find the value in a text only if one of them is
 * among textKeys(text). A value of three words or more is keyed by its first three, not two as
 * buildLeakIndex files it: a member's email holds their name ("helen.rossi.5@…"), and a
 * meeting's papers list every member's name, so a key of two words would make every line of
 * the store worth decoding. (The contact guard's index of the store uses these for lines a byte
 * scan cannot hash: leak-sift.ts.)
 */
export function valueKeys(value: string): number[] {
  const w = splitWords(value);
  if (w.n === 0) return [];
  let letters = 0;
  for (let k = 0; k < w.n; k++) letters += w.ends[k]! - w.starts[k]!;
  if (letters + w.n - 1 < MIN_LEAK_LENGTH) return [];
  const keys: number[] = [];
  if (w.n > 2) keys.push(tripleKey(w.hashes[0]!, w.hashes[1]!, w.hashes[2]!));
  else if (w.n === 2) keys.push(pairKey(w.hashes[0]!, w.hashes[1]!));
  if (w.digits === letters && w.digits >= SINGLE_WORD_MIN_DIGITS) keys.push(singleKey(hashString(canonical(value, true))));
  else if (w.n === 1 && w.digits >= SINGLE_WORD_MIN_DIGITS) keys.push(singleKey(w.hashes[0]!));
  return keys;
}

export interface Leak {
  /** Position in the values given to buildLeakIndex. */
  value: number;
  /** The line of the file the value was first found on. */
  line: number;
}

/**
 * A file's text split into words once, for both sifting the store by its keys (sortedTextKeys)
 * and searching it (findLeaks): a meeting's papers run to hundreds of kilobytes.
 */
export interface SplitText {
  text: string;
  words: Words;
  /** Line numbers: the index of the first word after each line break. */
  lineStarts: number[];
}

export function splitText(text: string): SplitText {
  const lineStarts: number[] = [];
  const words = splitWords(text, undefined, lineStarts);
  return { text, words, lineStarts };
}

/** Every indexed value found in a file's text, once each, with the line of its first appearance. */
export function findLeaks(index: LeakIndex, file: string | SplitText): Leak[] {
  if (index.size === 0) return [];
  const { text, words: w, lineStarts } = typeof file === 'string' ? splitText(file) : file;
  const found = new Map<number, number>();
  const { bloom, bloomMask: mask } = index;
  const tryKey = (key: number, at: number) => {
    const slot = slotOf(index, key);
    for (let e = index.keys[slot] === 0 ? -1 : index.heads[slot]!; e !== -1; e = index.next[e]!) {
      const v = index.valueOf[e]!;
      const count = index.words[e]!;
      if (at + count > w.n || found.has(v)) continue;
      // Only here, where the start hashes match, are strings made and compared.
      if (joinWords(text, w, at, count) === canonical(index.values[v]!, count === 1)) found.set(v, at);
    }
  };
  // The bloom is looked at here, not in tryKey: most words pass no key, and a call for each is dear.
  for (let i = 0; i < w.n; i++) {
    const single = singleKey(w.hashes[i]!);
    if ((bloom[(single & mask) >>> 5]! & (1 << (single & 31))) !== 0) tryKey(single, i);
    if (i + 1 >= w.n) continue;
    const pair = pairKey(w.hashes[i]!, w.hashes[i + 1]!);
    if ((bloom[(pair & mask) >>> 5]! & (1 << (pair & 31))) !== 0) tryKey(pair, i);
  }
  return [...found].map(([value, at]) => ({ value, line: 1 + countAtOrBelow(lineStarts, at) }));
}

/** How many line breaks come before word `at` (lineStarts is sorted). */
function countAtOrBelow(lineStarts: number[], at: number): number {
  let lo = 0;
  let hi = lineStarts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (lineStarts[mid]! <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The keys a stored value could be sifted by (valueKeys) and found in this text: each
 * neighbouring pair's and triple's key, and the single key of each word with enough digits to
 * be a value of one word (a phone number written solid). A value can only be found in the text
 * if one of its keys is among these, which lets a large store be sifted for the few values worth
 * indexing (leak-sift.ts).
 */
export function textKeys(text: string): Set<number> {
  const w = splitWords(text);
  const keys = new Set<number>();
  for (let i = 0; i < w.n; i++) {
    if (digitsAtLeast(text, w, i, SINGLE_WORD_MIN_DIGITS)) keys.add(singleKey(w.hashes[i]!));
    if (i + 1 < w.n) keys.add(pairKey(w.hashes[i]!, w.hashes[i + 1]!));
    if (i + 2 < w.n) keys.add(tripleKey(w.hashes[i]!, w.hashes[i + 1]!, w.hashes[i + 2]!));
  }
  return keys;
}

/** Whether word i has at least `min` digits. */
function digitsAtLeast(text: string, w: Words, i: number, min: number): boolean {
  const end = w.ends[i]!;
  let start = w.starts[i]!;
  if (end - start < min) return false;
  let digits = 0;
  for (; start < end; start++) {
    const c = text.charCodeAt(start);
    if (c >= 48 && c <= 57) digits += 1;
  }
  return digits >= min;
}

/**
 * The keys textKeys gives, in a typed array: a text of hundreds of kilobytes (a meeting's
 * minutes and record naming every member) has 100,000s of keys, which a Set takes long to
 * build. `found` holds them as the text gives them (repeats too), which the store's index is
 * probed with (lookupContactLines); `sorted`, each once in order, is made only when asked for.
 */
export class SortedKeys {
  readonly found: Uint32Array;
  #sorted: Uint32Array | undefined;
  constructor(found: Uint32Array) {
    this.found = found;
  }
  get sorted(): Uint32Array {
    if (this.#sorted) return this.#sorted;
    const keys = Uint32Array.from(this.found).sort();
    let u = 0;
    for (let i = 0; i < keys.length; i++) if (u === 0 || keys[i] !== keys[u - 1]) keys[u++] = keys[i]!;
    this.#sorted = keys.subarray(0, u);
    return this.#sorted;
  }
  get size(): number {
    return this.sorted.length;
  }
  has(key: number): boolean {
    const k = key >>> 0;
    const a = this.sorted;
    let lo = 0;
    let hi = a.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (a[mid]! < k) lo = mid + 1;
      else hi = mid;
    }
    return lo < a.length && a[lo] === k;
  }
  [Symbol.iterator](): IterableIterator<number> {
    return this.sorted[Symbol.iterator]();
  }
}

/** textKeys(text) as SortedKeys: the same keys; for several texts, the keys of each. */
export function sortedTextKeys(texts: string | readonly SplitText[]): SortedKeys {
  const split = typeof texts === 'string' ? [{ text: texts, words: splitWords(texts) }] : texts;
  let total = 0;
  for (const { words } of split) total += words.n;
  const all = new Uint32Array(3 * total);
  let m = 0;
  for (const { text, words: w } of split) {
    for (let i = 0; i < w.n; i++) {
      if (digitsAtLeast(text, w, i, SINGLE_WORD_MIN_DIGITS)) all[m++] = singleKey(w.hashes[i]!) >>> 0;
      if (i + 1 < w.n) all[m++] = pairKey(w.hashes[i]!, w.hashes[i + 1]!) >>> 0;
      if (i + 2 < w.n) all[m++] = tripleKey(w.hashes[i]!, w.hashes[i + 1]!, w.hashes[i + 2]!) >>> 0;
    }
  }
  return new SortedKeys(all.subarray(0, m));
}
