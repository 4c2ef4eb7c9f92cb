// A quick look through a file's bytes before decoding it: for a search that usually finds
// nothing (a former member's name, a stored email), far cheaper than building every entry.

import { readFileSync } from 'node:fs';

/**
 * Whether the file's text holds `lower` (lower-case ASCII, compared without case), or
 * `whenMissing` if the file cannot be read. Non-ASCII bytes are read as Latin-1, which leaves
 * every ASCII byte as it is, so the answer for an ASCII word is exact.
 */
export function fileMayContain(path: string, lower: string, whenMissing: boolean): boolean {
  try {
    return readFileSync(path).toString('latin1').toLowerCase().includes(lower);
  } catch {
    return whenMissing;
  }
}
