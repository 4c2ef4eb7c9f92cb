// coop check's part in amendments: coop.yml's rules must be the founding rules with the
// registered amendments made, and the ledger of amendments must be readable.

import { deriveAmendments } from '../core/amendments/history.js';
import { unamendedEdits } from '../core/amendments/unamended.js';
import { AMENDMENT_EVENTS_FILE } from '../core/amendments/events.js';
import type { CoopParams } from '../core/params.js';
import { UserError } from '../errors.js';
import { readAmendmentEvents } from '../io/amendments-store.js';
import { PARAMS_FILE, type Located } from '../io/group.js';

/** Loaded only when coop.yml differs from the one first committed (check compares the texts). */
export async function unamendedRules(root: string, today: CoopParams, foundedText: string): Promise<Located[]> {
  // Parsed the long way, not through the snapshot, which keeps only today's coop.yml.
  const { parseParamsText } = await import('../io/params-file.js');
  const founded = parseParamsText(foundedText);
  // A founding coop.yml that no longer reads (an older create-coop's shape) is no baseline.
  if (!founded.params || founded.problems.length > 0) return [];
  let events: Awaited<ReturnType<typeof readAmendmentEvents>>;
  try {
    events = await readAmendmentEvents(root);
  } catch (error) {
    if (error instanceof UserError) return [{ where: AMENDMENT_EVENTS_FILE, message: error.message }];
    throw error;
  }
  return unamendedEdits(founded.params, today, deriveAmendments(events, today.group.form)).map((e) => ({ where: PARAMS_FILE, message: e.message }));
}
