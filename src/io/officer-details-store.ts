// Reading and extending the private store of directors' particulars (private/officers.jsonl).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeOfficerDetails, encodeDetailsLine, OFFICER_DETAILS_FILE, type DetailsLine, type OfficerDetails } from '../core/officer-details.js';
import type { FileChange } from './transaction.js';

export function readOfficerDetails(root: string): Map<number, OfficerDetails> {
  return decodeOfficerDetails(readText(root)).details;
}

export function readText(root: string): string {
  try {
    return readFileSync(join(root, OFFICER_DETAILS_FILE), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return '';
    throw error;
  }
}

/** Lines added to the store, as a change for applyPlan (untracked, appended). */
export function officerDetailsChange(root: string, lines: readonly DetailsLine[]): FileChange {
  const text = readText(root);
  const sep = text !== '' && !text.endsWith('\n') ? '\n' : '';
  return { path: OFFICER_DETAILS_FILE, content: sep + lines.map(encodeDetailsLine).join(''), tracked: false, append: true };
}
