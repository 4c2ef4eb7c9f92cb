// coop check's part in amendments: coop.yml's rules must be the founding rules with the
// registered amendments made, and the ledger of amendments must be readable.

import { deriveAmendments } from '../core/amendments/history.js';
import { unamendedEdits } from '../core/amendments/unamended.js';
import { AMENDMENT_EVENTS_FILE } from '../core/amendments/events.js';
import type { CoopParams } from '../core/params.js';
import { UserError } from '../errors.js';
import { readAmendmentEvents } from '../io/amendments-store.js';
import { PARAMS_FILE, type Located } from '../io/group.js';

export async function unamendedRules(root: string, today: CoopParams, todayText: string, foundedText: string | undefined): Promise<Located[]> {
  // Unchanged since founding (most groups): nothing to compare, and nothing more to load.
  if (foundedText === undefined || foundedText === todayText) return [];
  // Parsed the long way, not through the params cache, which keeps only today's coop.yml.
  const { parseParamsText } = await import('../io/params-file.js');
  const founded = parseParamsText(foundedText);
  // A founding coop.yml that no longer reads (an older create-coop's shape) is no baseline.
  if (!founded.params || founded.problems.length > 0) return [];
  let events;
  try {
    events = readAmendmentEvents(root);
  } catch (error) {
    if (error instanceof UserError) return [{ where: AMENDMENT_EVENTS_FILE, message: error.message }];
    throw error;
  }
  return unamendedEdits(founded.params, today, deriveAmendments(events, today.group.form)).map((e) => ({ where: PARAMS_FILE, message: e.message }));
}
