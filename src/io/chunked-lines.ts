// Reading a large file of lines through one reused buffer, a chunk of whole lines at a time.
// Touching fresh memory is what costs (bench/README.md): reading the contact store whole makes
// a new buffer and a string as large as the file, where a reused 1 MB buffer is touched once.
// The lines' reader must copy what it keeps (strings do).

import { closeSync, openSync, readSync } from 'node:fs';

const CHUNK = 1 << 20;
const NEWLINE = 0x0a;

/**
 * Calls onLines with buffers of whole lines: [from, to) ends just after a newline, or at the
 * file's end. The buffer is reused between calls. Returns false when the file does not exist.
 */
export function readLinesInChunks(file: string, onLines: (bytes: Buffer, from: number, to: number) => void): boolean {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
  try {
    let buffer = Buffer.allocUnsafe(CHUNK);
    /** Bytes at the buffer's start left from the last read: the start of a line not yet ended. */
    let kept = 0;
    for (;;) {
      if (kept === buffer.length) {
        // One line longer than the buffer: make room for it.
        const bigger = Buffer.allocUnsafe(buffer.length * 2);
        buffer.copy(bigger, 0, 0, kept);
        buffer = bigger;
      }
      const read = readSync(fd, buffer, kept, buffer.length - kept, null);
      const filled = kept + read;
      if (read === 0) {
        if (filled > 0) onLines(buffer, 0, filled);
        return true;
      }
      const last = buffer.lastIndexOf(NEWLINE, filled - 1);
      if (last < kept) {
        kept = filled;
        continue;
      }
      onLines(buffer, 0, last + 1);
      kept = filled - (last + 1);
      buffer.copy(buffer, 0, last + 1, filled);
    }
  } finally {
    closeSync(fd);
  }
}
