// Stages a new group's files for its first commit without a `git add` process: coop new
// writes an index naming every file as "intent to add" (what `git add -N` records), and the
// commit goes through `git commit -a`, which adds each such file as git add would: git reads
// it through the person's own settings (attributes, filters, line endings), writes its blob and
// commits it. So the commit is the one git add and git commit make; only a process is saved.
//
// Declined (the caller runs git add instead) where git would look elsewhere than this
// folder's .git, or where the repository is not one whose index coop can write (another
// object format, such as SHA-256).

import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pointsGitElsewhere } from './git-env.js';

/** Repository settings under which coop's index would not be git's: another object format. */
const FOREIGN_REPOSITORY = /objectformat|\[\s*extensions/i;

/** A regular, non-executable file, as git records one. */
const FILE_MODE = 0o100644;

/** The empty blob's id, which an intent-to-add entry carries until the file is added. */
const EMPTY_BLOB = Buffer.from('e69de29bb2d1d6434b8b29ae775ad8c2e48c5391', 'hex');

/** Index entry flags: the entry has a second, extended flags field; in that, intent to add. */
const EXTENDED = 0x4000;
const INTENT_TO_ADD = 0x2000;

export interface StagedFile {
  path: string;
}

/**
 * Writes an index of the files, each to be added, into `dir`/.git, just made by git init.
 * False, having written nothing, when git must stage them itself (see the head of this file).
 */
export function stageFoundingFiles(dir: string, files: readonly StagedFile[]): boolean {
  if (pointsGitElsewhere(process.env, { settings: true })) return false;
  const gitDir = join(dir, '.git');
  let config: string;
  try {
    config = readFileSync(join(gitDir, 'config'), 'utf8');
  } catch {
    return false;
  }
  if (FOREIGN_REPOSITORY.test(config)) return false;
  const names = files.map((file) => Buffer.from(file.path, 'utf8')).sort(Buffer.compare);
  writeFileSync(join(gitDir, 'index'), indexOf(names), { flag: 'wx', mode: 0o644 });
  return true;
}

/**
 * An index, version 3 (git's index-format.txt): a header, the entries in path order, and the
 * SHA-1 of all that. Each entry is intent to add, with no stat data: git reads the file itself.
 */
function indexOf(names: readonly Buffer[]): Buffer {
  const parts: Buffer[] = [];
  const header = Buffer.alloc(12);
  header.write('DIRC', 0, 'latin1');
  header.writeUInt32BE(3, 4);
  header.writeUInt32BE(names.length, 8);
  parts.push(header);
  for (const name of names) {
    // 64 bytes of fields, the path, and 1 to 8 NULs to a multiple of 8.
    const entry = Buffer.alloc(Math.ceil((64 + name.length + 1) / 8) * 8);
    entry.writeUInt32BE(FILE_MODE, 24);
    EMPTY_BLOB.copy(entry, 40);
    entry.writeUInt16BE(EXTENDED | Math.min(name.length, 0xfff), 60);
    entry.writeUInt16BE(INTENT_TO_ADD, 62);
    name.copy(entry, 64);
    parts.push(entry);
  }
  const body = Buffer.concat(parts);
  return Buffer.concat([body, createHash('sha1').update(body).digest()]);
}
