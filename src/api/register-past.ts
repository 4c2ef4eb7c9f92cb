// The register as at a past date in a large ledger: from the timeline kept for the ledger
// (io/as-of-cache.ts), which answers any date; else made from every event, and kept for the
// next ask, whatever its date.

import type { IsoDate } from '../core/dates.js';
import { buildTimeline, sharesRepaidBy, stateAsOf, type AsOfTimeline, type PastState } from '../core/register/as-of-timeline.js';
import { keepTimeline, keptTimeline, markParts } from '../io/as-of-cache.js';
import { keepsCaches } from '../io/cache-files.js';
import type { GroupContext } from './group.js';

export interface PastRegister {
  state: PastState;
  /** When each member was last paid for shares on or before the date (member export). */
  repaid(): Map<number, IsoDate>;
}

/**
 * The register as at `asOf` from the timeline; undefined when there is none to read and none can
 * be kept (no working folder yet, or the parts not as the snapshot knows them), or none can be
 * made (a value beyond its columns): derive it then. Making one costs more than deriving a
 * date once, so it is made only to be kept.
 */
export function timelineRegister(group: GroupContext, asOf: IsoDate): PastRegister | undefined {
  let timeline: AsOfTimeline | undefined = keptTimeline(group.root, asOf);
  if (!timeline) {
    if (!keepsCaches(group.root)) return undefined;
    // Marked before the events are read, so what is kept is never newer than what it was made from.
    const marks = markParts(group.root);
    if (!marks) return undefined;
    timeline = buildTimeline(group.events);
    if (timeline) keepTimeline(group.root, timeline, marks);
  }
  const t = timeline;
  return t && { state: stateAsOf(t, asOf), repaid: () => sharesRepaidBy(t, asOf) };
}
