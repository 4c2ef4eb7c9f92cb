// Stages a new group's files for its first commit without a `git add` process: coop new
// writes the files' blobs into the new repository and an index naming them, as git add would,
// and the commit then goes through `git commit -a`.
//
// The index entries carry no stat data (as after `git read-tree`), so git cannot take any
// file as unchanged from its stat: `commit -a` reads every file again through git's own
// settings (attributes, filters, line endings), and where that gives other bytes than coop's
// blob, stages git's. So the commit holds what `git add` would have put there, whatever the
// person's git settings; coop's blobs only save git the work when they are the same.
//
// Declined (the caller runs git add instead) where git would look elsewhere than this
// folder's .git, or where the repository is not one whose objects and index coop can write:
// another object format (SHA-256) or a shared repository's permissions.

import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';

/** Environment that points git at another repository, index, object store or settings. */
const GIT_ELSEWHERE = /^GIT_(DIR|WORK_TREE|COMMON_DIR|INDEX_|OBJECT_DIRECTORY|ALTERNATE_OBJECT_DIRECTORIES|CONFIG|ATTR_|NAMESPACE|QUARANTINE_PATH|TEST_)/;

/** Repository settings under which coop's objects or index would not be git's. */
const FOREIGN_REPOSITORY = /objectformat|\[\s*extensions|sharedrepository/i;

/** A regular, non-executable file, as git records one. */
const FILE_MODE = 0o100644;

/**
 * Compressed for speed, as git's loose objects are by default, and with zlib's smallest window
 * and memory: its default state is some 300 kB, fresh memory for every object, for files of a
 * few kB. Any window makes a valid zlib stream, which git reads alike.
 */
const LOOSE_DEFLATE = { level: 1, windowBits: 9, memLevel: 1 } as const;

export interface StagedFile {
  path: string;
  content: string | Uint8Array;
}

/**
 * Writes the files' blobs and an index of them into `dir`/.git, just made by git init. False,
 * having written nothing, when git must stage them itself (see the head of this file).
 */
export function stageFoundingFiles(dir: string, files: readonly StagedFile[]): boolean {
  if (Object.keys(process.env).some((name) => GIT_ELSEWHERE.test(name))) return false;
  const gitDir = join(dir, '.git');
  let config: string;
  try {
    config = readFileSync(join(gitDir, 'config'), 'utf8');
  } catch {
    return false;
  }
  if (FOREIGN_REPOSITORY.test(config)) return false;

  const entries = files.map((file) => {
    const name = Buffer.from(file.path, 'utf8');
    return { name, id: writeBlob(gitDir, typeof file.content === 'string' ? Buffer.from(file.content, 'utf8') : file.content) };
  });
  entries.sort((a, b) => Buffer.compare(a.name, b.name));
  writeFileSync(join(gitDir, 'index'), indexOf(entries), { flag: 'wx', mode: 0o644 });
  return true;
}

/** Stores a blob as a loose object; its id. */
function writeBlob(gitDir: string, content: Uint8Array): Buffer {
  const object = Buffer.concat([Buffer.from(`blob ${content.length}\0`, 'latin1'), content]);
  const id = createHash('sha1').update(object).digest();
  const hex = id.toString('hex');
  const folder = join(gitDir, 'objects', hex.slice(0, 2));
  mkdirSync(folder, { recursive: true });
  try {
    writeFileSync(join(folder, hex.slice(2)), deflateSync(object, LOOSE_DEFLATE), { flag: 'wx', mode: 0o444 });
  } catch (error) {
    // Two files with the same bytes are one blob.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return id;
}

/**
 * An index, version 2 (git's index-format.txt): a header, the entries in path order, and the
 * SHA-1 of all that. Every stat field is zero, size included, which tells git to compare the
 * file's content rather than trust its stat.
 */
function indexOf(entries: readonly { name: Buffer; id: Buffer }[]): Buffer {
  const parts: Buffer[] = [];
  const header = Buffer.alloc(12);
  header.write('DIRC', 0, 'latin1');
  header.writeUInt32BE(2, 4);
  header.writeUInt32BE(entries.length, 8);
  parts.push(header);
  for (const { name, id } of entries) {
    // 62 bytes of fields, the path, and 1 to 8 NULs to a multiple of 8.
    const length = Math.ceil((62 + name.length + 1) / 8) * 8;
    const entry = Buffer.alloc(length);
    entry.writeUInt32BE(FILE_MODE, 24);
    id.copy(entry, 40);
    entry.writeUInt16BE(Math.min(name.length, 0xfff), 60);
    name.copy(entry, 62);
    parts.push(entry);
  }
  const body = Buffer.concat(parts);
  return Buffer.concat([body, createHash('sha1').update(body).digest()]);
}
