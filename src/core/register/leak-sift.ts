// Sifting the private contact store for the values that could be in a few lines of new text.
// Before a change is committed its new text is searched for stored contact values (io/
// contact-guard.ts). Decoding a 100,000-member store and indexing every value costs far more
// than the change itself, so the store's bytes are read once, without decoding: in each JSON
// string the first two words (or, for a phone number, its digits run together) are hashed just
// as buildLeakIndex hashes a value's, and only lines with a string whose key the new text
// holds (textKeys) are kept. Those few lines are then decoded and searched with the one
// matcher, leak-scan.ts, so what counts as a leak is decided in one place; the sift may keep
// a line that does not match, never drop one that does.

import { FNV_OFFSET, FNV_PRIME, pairKey, singleKey, wordUnit } from './leak-scan.js';

/** A value of one word is looked for only with this many digits (as in leak-scan.ts). */
const SINGLE_WORD_MIN_DIGITS = 6;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const NEWLINE = 0x0a;

/**
 * The [start, end) byte ranges of the store's lines that may hold a value found in a text with
 * these keys. A line with bytes outside ASCII, or a \u escape, is always kept: its words are
 * hashed from UTF-16 by the matcher, which a byte scan would not reproduce.
 */
export function siftContactLines(bytes: Uint8Array, keys: ReadonlySet<number>): Array<[number, number]> {
  // One loop, no helper closures: variables a closure changes live on the heap, and at
  // 100,000 members this loop runs over megabytes.
  const kept: Array<[number, number]> = [];
  const length = bytes.length;
  let lineStart = 0;
  let keep = false;
  let inString = false;
  // The current string: its word count, first two word hashes, digits, whether all its words are digits, and their digits hashed run together.
  let n = 0;
  let h0 = 0;
  let h1 = 0;
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
    const unit = inString && b !== QUOTE && b !== BACKSLASH && b < 0x80 ? wordUnit(b) : -1;
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
      n += 1;
      digits += wordDigits;
      if (wordDigits !== wordLength) allDigits = false;
    }
    if (b >= 0x80) {
      keep = true;
      continue;
    }
    if (inString && b === BACKSLASH) {
      // \n, \t, \", \\ and the like stand for a character that is not part of a word.
      const next = i + 1 < length ? bytes[i + 1]! : NEWLINE;
      if (next === 0x75) keep = true;
      if (next !== NEWLINE) i += 1;
      continue;
    }
    if (inString && (b === QUOTE || b === NEWLINE)) {
      // The string ends: is its start a key the text holds?
      inString = false;
      if (!keep && n >= 2 && keys.has(pairKey(h0, h1))) keep = true;
      if (!keep && digits >= SINGLE_WORD_MIN_DIGITS && ((allDigits && keys.has(singleKey(solid))) || (n === 1 && keys.has(singleKey(h0))))) keep = true;
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
      if (keep && i > lineStart) kept.push([lineStart, i]);
      lineStart = i + 1;
      keep = false;
    }
  }
  return kept;
}
