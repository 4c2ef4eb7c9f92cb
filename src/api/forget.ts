// `coop member forget N`: erase a former member's contact details (and any director's
// particulars) from the private store once the register no longer needs them, and record in the
// ledger that it was done. The store is rewritten without that member's lines, so no earlier
// value of theirs survives in it; lines coop cannot read are kept as they are.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../errors.js';
import type { IsoDate } from '../core/dates.js';
import { deriveState } from '../core/ledger/derive.js';
import { OFFICER_DETAILS_FILE } from '../core/officer-details.js';
import { parseMemberNumber } from '../core/register/input.js';
import { forgottenMembers, stillNeeded } from '../core/register/retention.js';
import { CONTACTS_FILE } from '../io/group.js';
import type { FileChange } from '../io/transaction.js';
import type { WriteOptions } from './group.js';
import { noSuchMember } from './guards.js';
import { recordChange, type Recorded } from './record.js';

export interface Forgotten {
  member: number;
  name: string;
  left: IsoDate;
  /** Lines removed from the private stores. */
  linesRemoved: number;
}

/** The file's text without the lines naming `member`; undefined when the file is absent. */
function withoutMember(root: string, path: string, member: number): { text: string; removed: number } | undefined {
  let text: string;
  try {
    text = readFileSync(join(root, path), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  let removed = 0;
  const kept = text.split('\n').filter((line) => {
    if (line.trim() === '') return false;
    try {
      const o = JSON.parse(line) as { member?: unknown };
      if (o && typeof o === 'object' && o.member === member) {
        removed += 1;
        return false;
      }
    } catch {
      // Not coop's: kept, and coop check reports it.
    }
    return true;
  });
  return { text: kept.map((l) => `${l}\n`).join(''), removed };
}

export async function forgetMember(cwd: string, memberNumber: number | string, options: WriteOptions = {}): Promise<Forgotten & Recorded> {
  const number = parseMemberNumber(memberNumber);
  return recordChange(cwd, options, (group) => {
    if (number >= group.nextNumber) throw new UserError(noSuchMember(group, number));
    const { state } = deriveState(group.events);
    const m = state.members.get(number);
    if (!m) throw new UserError(noSuchMember(group, number));
    if (forgottenMembers(group.events).has(number)) throw new UserError(`Member ${number}'s details were already erased. Nothing was changed.`);
    const why = stillNeeded(m, state, group.today);
    if (why) throw new UserError(`Cannot erase yet: ${why}. Nothing was changed.`);
    const privateFiles: FileChange[] = [];
    let linesRemoved = 0;
    for (const path of [CONTACTS_FILE, OFFICER_DETAILS_FILE]) {
      const rewritten = withoutMember(group.root, path, number);
      if (!rewritten || rewritten.removed === 0) continue;
      linesRemoved += rewritten.removed;
      privateFiles.push({ path, content: rewritten.text, tracked: false });
    }
    return {
      events: [{ date: group.today, type: 'forget', member: number }],
      privateFiles,
      message: `Erase former member ${number}'s contact details (retention period over)`,
      refusal: `Cannot erase member ${number}'s details`,
      result: () => ({ member: number, name: m.name, left: m.left!, linesRemoved }),
    };
  });
}
