// Reading JSON strings in place from UTF-8 bytes, for the hand readers of the ledger
// (ledger/compact-line.ts) and the contact store (contacts.ts): where a plain string ends, and
// its text. Each reader makes its own, since `text` reads what the last `stringEnd` found.

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** What Node's Buffer adds to Uint8Array that the readers use when it is there. */
interface NodeBytes {
  latin1Slice?: (this: Uint8Array, from: number, to: number) => string;
}

export interface ByteStrings {
  /** True when the bytes at `at` are `prefix`, all before `to`. */
  startsWith(bytes: Uint8Array, prefix: Uint8Array, at: number, to: number): boolean;
  /** The closing quote of the plain string at i, before `to`; -1 on an escape or a control character (a newline among them). */
  stringEnd(bytes: Uint8Array, i: number, to: number): number;
  /** The text of the string just found by stringEnd, from its first byte to its closing quote. */
  text(bytes: Uint8Array, from: number, to: number): string;
}

export function byteStrings(): ByteStrings {
  // Kept as written: a byte-order mark inside a value is part of it, as JSON.parse reads it.
  const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });
  /** Whether the string stringEnd last found is all ASCII. */
  let plain = true;
  return {
    startsWith(bytes, prefix, at, to) {
      if (at + prefix.length > to) return false;
      for (let k = 0; k < prefix.length; k++) if (bytes[at + k] !== prefix[k]) return false;
      return true;
    },
    stringEnd(bytes, i, to) {
      plain = true;
      for (let j = i; j < to; j++) {
        const d = bytes[j]!;
        if (d === QUOTE) return j;
        if (d === BACKSLASH || d < 0x20) return -1;
        if (d >= 0x80) plain = false;
      }
      return -1;
    },
    text(bytes, from, to) {
      if (!plain) return utf8.decode(bytes.subarray(from, to));
      // Node's Buffer makes a string of ASCII bytes natively, with no call per character
      // (bench/README.md); a plain Uint8Array takes the portable way.
      const native = (bytes as NodeBytes).latin1Slice;
      return native ? native.call(bytes, from, to) : String.fromCharCode.apply(null, bytes.subarray(from, to) as unknown as number[]);
    },
  };
}
