// The register as at a past date: from the timeline kept for the ledger (io/as-of-cache.ts),
// which answers any date; else derived from every event, and the timeline made and kept for
// the next ask, whatever its date.

import type { IsoDate } from '../core/dates.js';
import { deriveState } from '../core/ledger/derive.js';
import { buildTimeline, sharesRepaidBy, stateAsOf, type AsOfTimeline, type PastState } from '../core/register/as-of-timeline.js';
import { keepTimeline, keptTimeline, markParts } from '../io/as-of-cache.js';
import type { GroupContext } from './group.js';

export interface PastRegister {
  state: PastState;
  /** When each member was last paid for shares on or before the date (member export). */
  repaid(): Map<number, IsoDate>;
}

export function pastRegister(group: GroupContext, asOf: IsoDate): PastRegister {
  let timeline: AsOfTimeline | undefined = keptTimeline(group.root, asOf);
  if (!timeline) {
    // Marked before the events are read, so what is kept is never newer than what it was made from.
    const marks = markParts(group.root);
    timeline = buildTimeline(group.events);
    if (timeline && marks) keepTimeline(group.root, timeline, marks);
  }
  if (timeline) {
    const t = timeline;
    return { state: stateAsOf(t, asOf), repaid: () => sharesRepaidBy(t, asOf) };
  }
  return { state: deriveState(group.events, { asOf }).state, repaid: () => repaidFromEvents(group.events, asOf) };
}

/** When each member was last paid for shares on or before the date: the last such event in file order. */
export function repaidFromEvents(events: GroupContext['events'], asOf: IsoDate): Map<number, IsoDate> {
  const paidOn = new Map<number, IsoDate>();
  for (const e of events) if (e.type === 'repay-shares' && e.date <= asOf) paidOn.set(e.member, e.date);
  return paidOn;
}
