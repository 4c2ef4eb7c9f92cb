// A reader for ledger lines exactly as encodeEvent writes them: compact JSON, keys in the
// canonical order (seq, date, type, then the type's fields in order), plain strings and whole
// numbers. It reads such a line in place, with no intermediate strings for keys or dates, which
// JSON.parse must make (bench/README.md says by how much that speeds `coop check`). Any other
// line — spaces, escapes, other key orders or value types — it declines, and the caller uses
// JSON.parse, so what a line means never depends on which reader read it.

import { byteStrings } from '../byte-strings.js';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const CLOSE = 0x7d;
const NEWLINE = 0x0a;
const ZERO = 0x30;
const NINE = 0x39;
/** Where the digits are in YYYY-MM-DD. */
const DATE_DIGITS = [0, 1, 2, 3, 5, 6, 8, 9];

/** Each type's fields in canonical order, with whether the value is text. */
export type FieldLayout = Record<string, readonly (readonly [key: string, text: boolean])[]>;

/**
 * Builds a type's object from its values in field order, as one object literal: V8 then gives
 * every line of a type the same shape at once, where adding keys one by one through a
 * variable cost a slow lookup per field, about half the time of reading the ledger.
 */
export type EventMaker = (seq: number, date: string, a: unknown, b: unknown, c: unknown) => Record<string, unknown>;

interface Prepared {
  type: string;
  /** `type":"admit"` … as the text that follows the type's opening quote. */
  typeText: string;
  /** `,"member":` … the text before each field's value. */
  fields: { key: string; text: boolean; prefix: string }[];
}

/** Makes a reader for a layout; the date cache lives as long as the reader. */
export function compactLineReader(layout: FieldLayout): (text: string, start: number, end: number) => Record<string, unknown> | undefined {
  const types: Prepared[] = Object.entries(layout).map(([type, fields]) => ({
    type,
    typeText: `${type}"`,
    fields: fields.map(([key, text]) => ({ key, text, prefix: text ? `,"${key}":"` : `,"${key}":` })),
  }));
  // A register of years has a few thousand distinct dates among many lines: one string each.
  const dates = new Map<number, string>();

  /** The whole number at i, or -1 if there is none in JSON's plain form (no sign, no leading zero). */
  let after = 0;
  const readNumber = (text: string, i: number, end: number): number => {
    let n = 0;
    let j = i;
    for (; j < end; j++) {
      const d = text.charCodeAt(j);
      if (d < ZERO || d > NINE) break;
      n = n * 10 + (d - ZERO);
    }
    if (j === i || (text.charCodeAt(i) === ZERO && j > i + 1) || j - i > 15) return -1;
    after = j;
    return n;
  };
  /** The end of the plain string starting at i (its closing quote), or -1 on an escape or control character. */
  const stringEnd = (text: string, i: number, end: number): number => {
    for (let j = i; j < end; j++) {
      const d = text.charCodeAt(j);
      if (d === QUOTE) return j;
      if (d === BACKSLASH || d < 0x20) return -1;
    }
    return -1;
  };

  /** YYYYMMDD from the digits of YYYY-MM-DD at i, or -1 if any is not a digit. */
  const dateKey = (text: string, i: number): number => {
    let key = 0;
    for (const k of DATE_DIGITS) {
      const d = text.charCodeAt(i + k) - ZERO;
      if (d < 0 || d > 9) return -1;
      key = key * 10 + d;
    }
    return key;
  };

  return (text, start, end) => {
    if (!text.startsWith('{"seq":', start)) return undefined;
    const seq = readNumber(text, start + 7, end);
    if (seq < 0) return undefined;
    let i = after;
    if (!text.startsWith(',"date":"', i)) return undefined;
    i += 9;
    const dateEnd = stringEnd(text, i, end);
    if (dateEnd < 0) return undefined;
    let date: string;
    const key = dateEnd === i + 10 && text.charCodeAt(i + 4) === 0x2d && text.charCodeAt(i + 7) === 0x2d ? dateKey(text, i) : -1;
    if (key >= 0) {
      // YYYY-MM-DD as the number YYYYMMDD finds the date's one string without slicing.
      date = dates.get(key) ?? '';
      if (date === '') dates.set(key, (date = text.slice(i, dateEnd)));
    } else {
      date = text.slice(i, dateEnd);
    }
    i = dateEnd + 1;
    if (!text.startsWith(',"type":"', i)) return undefined;
    i += 9;
    const t = types.find((p) => text.startsWith(p.typeText, i));
    if (!t) return undefined;
    i += t.typeText.length;
    const o: Record<string, unknown> = { seq, date, type: t.type };
    for (const f of t.fields) {
      if (!text.startsWith(f.prefix, i)) return undefined;
      i += f.prefix.length;
      if (f.text) {
        const j = stringEnd(text, i, end);
        if (j < 0) return undefined;
        o[f.key] = text.slice(i, j);
        i = j + 1;
      } else {
        const n = readNumber(text, i, end);
        if (n < 0) return undefined;
        o[f.key] = n;
        i = after;
      }
    }
    return i === end - 1 && text.charCodeAt(i) === CLOSE ? o : undefined;
  };
}

/** A line read in place from bytes; `end` says where the line ended, however it was read. */
export interface BytesLineReader {
  /**
   * Reads the line that starts at `start`: its fields, or undefined when it is not in the
   * compact form. Either way `end` is then the line's end: its newline, or the end of the bytes.
   */
  read(bytes: Uint8Array, start: number): Record<string, unknown> | undefined;
  end: number;
}

/**
 * The checks a line's values must pass for the bytes reader to read it: each type's fields in
 * layout order. A line that fails one is declined like any other line not in the compact form,
 * so JSON.parse and the full check read it and say what is wrong, in the one wording.
 */
export interface CompactChecks {
  /** Whether a date's text is a real date (asked once for each distinct date that passes). */
  date(text: string): boolean;
  fields: Record<string, readonly ((v: unknown) => boolean)[]>;
}

/**
 * The same reader over the file's bytes (UTF-8), so a ledger need never become one string,
 * which V8 would hold at two bytes a character as soon as one name is accented, twice the
 * file's size. Names and dates become strings of their own, so the bytes
 * may be reused once read. The reader finds each line's end in the same scan that reads it:
 * a separate search for every newline cost a call into the engine per line.
 */
export function compactBytesReader(layout: FieldLayout, makers: Record<string, EventMaker>, checks?: CompactChecks): BytesLineReader {
  const ascii = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));
  const types = Object.entries(layout).map(([type, fields]) => ({
    type,
    make: makers[type]!,
    valid: checks?.fields[type],
    typeBytes: ascii(`${type}"`),
    fields: fields.map(([key, text]) => ({ key, text, prefix: ascii(text ? `,"${key}":"` : `,"${key}":`) })),
  }));
  // The types by the first letter of their name: "admit" and "appoint" share one, as do "rename" and "retire".
  const byLetter: (typeof types)[] = [];
  for (const t of types) (byLetter[t.typeBytes[0]!] ??= []).push(t);
  const SEQ = ascii('{"seq":');
  const DATE = ascii(',"date":"');
  const TYPE = ascii(',"type":"');
  const dates = new Map<number, string>();

  const strings = byteStrings();
  const startsWith = (bytes: Uint8Array, prefix: Uint8Array, at: number): boolean => strings.startsWith(bytes, prefix, at, bytes.length);
  let after = 0;
  const readNumber = (bytes: Uint8Array, i: number): number => {
    let n = 0;
    let j = i;
    for (; j < bytes.length; j++) {
      const d = bytes[j]!;
      if (d < ZERO || d > NINE) break;
      n = n * 10 + (d - ZERO);
    }
    if (j === i || (bytes[i] === ZERO && j > i + 1) || j - i > 15) return -1;
    after = j;
    return n;
  };
  const stringEnd = (bytes: Uint8Array, i: number): number => strings.stringEnd(bytes, i, bytes.length);
  const { text } = strings;

  /**
   * Reads a compact line at start; returns undefined at the first byte that does not fit.
   * Nothing it matches contains a newline, so it never reads past the line's end.
   */
  const readLine = (bytes: Uint8Array, start: number): Record<string, unknown> | undefined => {
    if (!startsWith(bytes, SEQ, start)) return undefined;
    const seq = readNumber(bytes, start + SEQ.length);
    if (seq < 0 || (checks && seq < 1)) return undefined;
    let i = after;
    if (!startsWith(bytes, DATE, i)) return undefined;
    i += DATE.length;
    const dateEnd = stringEnd(bytes, i);
    if (dateEnd < 0) return undefined;
    let key = -1;
    if (dateEnd === i + 10 && bytes[i + 4] === 0x2d && bytes[i + 7] === 0x2d) {
      key = 0;
      for (const k of DATE_DIGITS) {
        const d = bytes[i + k]! - ZERO;
        if (d < 0 || d > 9) {
          key = -1;
          break;
        }
        key = key * 10 + d;
      }
    }
    let date = key >= 0 ? dates.get(key) : undefined;
    if (date === undefined) {
      date = text(bytes, i, dateEnd);
      // Only a date that passed is kept, so each distinct date is checked once.
      if (checks && !checks.date(date)) return undefined;
      if (key >= 0) dates.set(key, date);
    }
    i = dateEnd + 1;
    if (!startsWith(bytes, TYPE, i)) return undefined;
    i += TYPE.length;
    const candidates = i < bytes.length ? byLetter[bytes[i]!] : undefined;
    if (!candidates) return undefined;
    const t = candidates.length === 1 ? candidates[0]! : candidates.find((p) => startsWith(bytes, p.typeBytes, i));
    if (!t || !startsWith(bytes, t.typeBytes, i)) return undefined;
    i += t.typeBytes.length;
    const { fields, valid } = t;
    let a: unknown;
    let b: unknown;
    let c: unknown;
    for (let k = 0; k < fields.length; k++) {
      const f = fields[k]!;
      if (!startsWith(bytes, f.prefix, i)) return undefined;
      i += f.prefix.length;
      let v: unknown;
      if (f.text) {
        const j = stringEnd(bytes, i);
        if (j < 0) return undefined;
        v = text(bytes, i, j);
        i = j + 1;
      } else {
        const n = readNumber(bytes, i);
        if (n < 0) return undefined;
        v = n;
        i = after;
      }
      if (valid && !valid[k]!(v)) return undefined;
      if (k === 0) a = v;
      else if (k === 1) b = v;
      else c = v;
    }
    if (bytes[i] !== CLOSE || (i + 1 < bytes.length && bytes[i + 1] !== NEWLINE)) return undefined;
    reader.end = i + 1;
    return t.make(seq, date, a, b, c);
  };

  const reader: BytesLineReader = {
    end: 0,
    read(bytes, start) {
      const o = readLine(bytes, start);
      if (o) return o;
      // Not in the compact form (rare): find the line's end the ordinary way.
      const end = bytes.indexOf(NEWLINE, start);
      reader.end = end === -1 ? bytes.length : end;
      return undefined;
    },
  };
  return reader;
}
