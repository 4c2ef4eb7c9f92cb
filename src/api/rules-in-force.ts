// The rules in force on a date, for every command that acts on a dated thing (a meeting, the
// register as of a day): coop.yml is today's rules; the ledger of amendments says what they
// were before. A group that has never amended its rules loads nothing more than a file check.

import { UserError } from '../errors.js';
import { longDate, type IsoDate } from '../core/dates.js';
import type { CoopParams } from '../core/params.js';
import { hasAmendments, readAmendmentEvents } from '../io/amendments-store.js';
import { loadParams } from '../io/group.js';

export async function paramsInForce(root: string, params: CoopParams, date: IsoDate): Promise<CoopParams> {
  if (!hasAmendments(root)) return params;
  const [{ paramsInput }, { deriveAmendments, rulesInForce }, { paramsSchema }] = await Promise.all([
    import('../core/amendments/changes.js'),
    import('../core/amendments/history.js'),
    import('../core/params.js'),
  ]);
  const events = await readAmendmentEvents(root);
  const rules = rulesInForce(paramsInput(params), deriveAmendments(events, params.group.form), date);
  const parsed = paramsSchema.safeParse(rules);
  if (!parsed.success) {
    throw new UserError(
      `The rules in force on ${longDate(date)} cannot be worked out from amendments/events.jsonl: ${parsed.error.issues[0]?.message ?? 'it does not match coop.yml'}. Restore it from git.`,
    );
  }
  return parsed.data;
}

/** coop.yml's rules as they stood on a date. */
export async function loadParamsOn(root: string, date: IsoDate): Promise<CoopParams> {
  return paramsInForce(root, await loadParams(root), date);
}
