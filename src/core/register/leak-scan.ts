// Finding private contact details in files that git tracks. At 100,000 members there are a few
// hundred thousand values and the tracked files run to megabytes, so testing every value against
// every file (values × files substring searches) is far too slow. Instead every value is indexed
// by a rolling hash of its first KEY characters, and each file is read once, hashing each window
// of KEY characters as it goes: a window whose hash is in the index is then compared in full.

/**
 * Values shorter than this are not looked for: a short string such as "Flat 2" or a
 * five-character email turns up innocently in rules and minutes, and every false alarm teaches
 * a secretary to ignore the check. Real emails, phone numbers and addresses are longer.
 */
export const MIN_LEAK_LENGTH = 6;
const KEY = MIN_LEAK_LENGTH;
const BASE = 0x01000193;
/** BASE^(KEY-1), for removing the character leaving the window. */
const OUT = (() => {
  let p = 1;
  for (let i = 1; i < KEY; i++) p = Math.imul(p, BASE);
  return p;
})();
const BLOOM_BITS = 1 << 22;

export interface LeakValue {
  value: string;
  /** Says whose and what without repeating the value: "the email address of member 3". */
  label: string;
}

export interface LeakIndex {
  byHash: Map<number, { text: string; label: string }[]>;
  /** A bit per hash bucket: most windows are ruled out without a Map lookup. */
  bloom: Uint32Array;
  size: number;
}

function hashStart(text: string, start: number): number {
  let h = 0;
  for (let i = start; i < start + KEY; i++) h = (Math.imul(h, BASE) + text.charCodeAt(i)) | 0;
  return h;
}

/** The forms a value might take in a file: as stored, on one line, JSON-escaped, phone digits run together. */
function variants(value: string): string[] {
  const v = value.toLowerCase();
  const out = new Set([v]);
  if (v.includes('\n')) {
    out.add(v.replace(/\n/g, ', '));
    out.add(v.replace(/\n/g, ' '));
    out.add(v.replace(/\n/g, '\r\n'));
  }
  out.add(JSON.stringify(v).slice(1, -1));
  const digits = v.replace(/[\s().-]/g, '');
  if (/^\+?\d{8,}$/.test(digits)) out.add(digits);
  return [...out].filter((x) => x.length >= MIN_LEAK_LENGTH);
}

export function buildLeakIndex(values: Iterable<LeakValue>): LeakIndex {
  const byHash = new Map<number, { text: string; label: string }[]>();
  const bloom = new Uint32Array(BLOOM_BITS / 32);
  let size = 0;
  for (const { value, label } of values) {
    for (const text of variants(value)) {
      const h = hashStart(text, 0);
      const list = byHash.get(h);
      if (list) list.push({ text, label });
      else byHash.set(h, [{ text, label }]);
      const bit = (h >>> 0) % BLOOM_BITS;
      bloom[bit >>> 5]! |= 1 << (bit & 31);
      size += 1;
    }
  }
  return { byHash, bloom, size };
}

export interface Leak {
  label: string;
  /** The line of the file the value was first found on. */
  line: number;
}

/** Every indexed value found in a file's text, once each, with the line of its first appearance. */
export function findLeaks(index: LeakIndex, fileText: string): Leak[] {
  if (index.size === 0 || fileText.length < KEY) return [];
  const text = fileText.toLowerCase();
  const found = new Map<string, number>();
  const { bloom, byHash } = index;
  let h = hashStart(text, 0);
  const last = text.length - KEY;
  for (let i = 0; ; i++) {
    const bit = (h >>> 0) % BLOOM_BITS;
    if ((bloom[bit >>> 5]! & (1 << (bit & 31))) !== 0) {
      const candidates = byHash.get(h);
      if (candidates) {
        for (const c of candidates) {
          if (!found.has(c.label) && text.startsWith(c.text, i)) found.set(c.label, i);
        }
      }
    }
    if (i === last) break;
    h = (Math.imul(h - Math.imul(text.charCodeAt(i), OUT), BASE) + text.charCodeAt(i + KEY)) | 0;
  }
  return [...found].map(([label, at]) => ({ label, line: lineAt(text, at) }));
}

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) line += 1;
  return line;
}
