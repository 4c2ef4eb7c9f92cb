// Before coop reads a group: is a git merge stopped halfway, with conflict markers left in
// the files coop reads (coop.yml, the register, meeting records)? Then coop refuses, naming
// them, rather than misread them. It costs one existence check unless a merge is under way.

import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { UserError } from '../errors.js';
import { conflictMarkerLine, conflictMarkersMessage, type MarkedFile } from '../core/conflict-markers.js';
import { MEETINGS_DIR, PARAMS_FILE, REGISTER_DIR } from '../core/layout.js';
import { isRegisterFile } from '../core/ledger/parts.js';

const RECORD_FILES = ['meeting.json', 'meeting.yml', 'meeting.yaml'];

/** The repository's git folder: .git, or where a .git file (a worktree's) points. */
function gitDirOf(root: string): string | undefined {
  const dotGit = join(root, '.git');
  try {
    if (statSync(dotGit).isDirectory()) return dotGit;
    const m = /^gitdir:\s*(.+)$/m.exec(readFileSync(dotGit, 'utf8'));
    return m?.[1] ? resolve(root, m[1].trim()) : undefined;
  } catch {
    return undefined;
  }
}

/** True while a git merge is under way (stopped on conflicts, or made with --no-commit and not yet committed). */
export function mergeUnderWay(root: string): boolean {
  const gitDir = gitDirOf(root);
  return gitDir !== undefined && existsSync(join(gitDir, 'MERGE_HEAD'));
}

/** The commit a merge under way is bringing in (MERGE_HEAD's first line), or undefined when none is. */
export function mergeHeadOf(root: string): string | undefined {
  const gitDir = gitDirOf(root);
  if (gitDir === undefined) return undefined;
  try {
    return readFileSync(join(gitDir, 'MERGE_HEAD'), 'utf8').split('\n')[0]!.trim() || undefined;
  } catch {
    return undefined;
  }
}

/** Throws when a merge is under way and has left conflict markers in a file coop reads. */
export function refuseUnfinishedMerge(root: string): void {
  if (!mergeUnderWay(root)) return;
  const marked = markedFiles(root, coopFiles(root));
  if (marked.length > 0) throw new UserError(conflictMarkersMessage(marked, true));
}

/** The files among `paths` (relative to root) that hold conflict markers, with the first marker's line. */
export function markedFiles(root: string, paths: readonly string[]): MarkedFile[] {
  const out: MarkedFile[] = [];
  for (const path of paths) {
    let text: string;
    try {
      text = readFileSync(join(root, path), 'utf8');
    } catch {
      continue;
    }
    const line = conflictMarkerLine(text);
    if (line !== undefined) out.push({ path, line });
  }
  return out;
}

/** coop.yml and the meeting records that hold conflict markers (the ledger's lines are checked as it is read). */
export function committedMarkers(root: string): MarkedFile[] {
  return markedFiles(root, [PARAMS_FILE, ...meetingRecords(root)]);
}

/** Every file coop reads as a record: coop.yml, the ledger's parts, each meeting's record. */
function coopFiles(root: string): string[] {
  const out = [PARAMS_FILE];
  const walk = (dir: string) => {
    let entries: import('node:fs').Dirent[];
    try {
      entries = readdirSync(join(root, dir), { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const path = `${dir}/${e.name}`;
      if (e.isDirectory()) walk(path);
      else if (isRegisterFile(path)) out.push(path);
    }
  };
  walk(REGISTER_DIR);
  return [...out, ...meetingRecords(root)];
}

function meetingRecords(root: string): string[] {
  const out: string[] = [];
  try {
    for (const e of readdirSync(join(root, MEETINGS_DIR), { withFileTypes: true })) {
      if (!e.isDirectory()) continue;
      for (const f of RECORD_FILES) if (existsSync(join(root, MEETINGS_DIR, e.name, f))) out.push(`${MEETINGS_DIR}/${e.name}/${f}`);
    }
  } catch {
    // No meetings yet.
  }
  return out;
}
