// Reading and writing coop's cache files as coop seals them (src/io/cache-files.ts), so a test
// can poison a cache with a well-formed file and prove it is (or is not) read: a file ends with
// "#" + the CRC-32 of its bytes in hex + "\n"; a file read a line at a time also seals each line
// with a tab and a 32-bit FNV-1a hash of the line's text. Written here from the format, not
// imported, so the tests hold coop to it.

import { readFileSync, writeFileSync } from 'node:fs';
import zlib from 'node:zlib';

const sealOf = (body: Buffer): string => `#${(zlib.crc32(body) >>> 0).toString(16).padStart(8, '0')}\n`;

/** A sealed cache file's text; throws when its seal does not match (coop would not read it). */
export function readCache(file: string): string {
  const bytes = readFileSync(file);
  const body = bytes.subarray(0, bytes.length - 10);
  if (bytes.subarray(bytes.length - 10).toString('latin1') !== sealOf(body)) throw new Error(`${file} does not end with its seal`);
  return body.toString('utf8');
}

/** Writes text as a sealed cache file (coop reads it if its content is right). */
export function writeCache(file: string, text: string | Buffer): void {
  const body = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
  writeFileSync(file, Buffer.concat([body, Buffer.from(sealOf(body), 'latin1')]));
}

function lineHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** A line as a file read a line at a time holds it. */
export const sealLine = (text: string): string => `${text}\t${lineHash(text)}`;

/** A sealed line's text; throws when it does not match its seal. */
export function unsealLine(line: string): string {
  const text = line.slice(0, -9);
  if (line !== sealLine(text)) throw new Error(`a cache line does not match its seal: ${line.slice(0, 80)}`);
  return text;
}
