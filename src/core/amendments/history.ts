// Each amendment's state, derived from the ledger of amendments, and the rules in force on a
// date. coop.yml is today's rules; an amendment "applied" to it is undone for dates before it
// took effect, and one that has legally taken effect but is not yet applied (a company's,
// passed but not filed) is made for dates from then.

import { addDays, type IsoDate } from '../dates.js';
import { COMPANY_AMENDMENT_FILING_DAYS, isCompany, isSociety } from '../law.js';
import type { Form } from '../params.js';
import { applyChanges, type ParamChange } from './changes.js';
import type { AmendmentEvent } from './events.js';
import type { CoopParamsInput } from '../params.js';

export type AmendmentStatus = 'proposed' | 'passed' | 'failed' | 'in force';

export interface Amendment {
  id: string;
  proposed: IsoDate;
  changes: ParamChange[];
  templateVersion?: { from: number; to: number };
  status: AmendmentStatus;
  /** The meeting it was put to, and its resolution number there. */
  tabled: { meeting: string; resolution: number } | null;
  passed: IsoDate | null;
  /** The date it took effect in law: a society's on registration, a company's or association's on passing. */
  effective: IsoDate | null;
  /** True once coop.yml and the governing document carry it (registered, or filed). */
  applied: boolean;
  registered: IsoDate | null;
  filed: IsoDate | null;
  /** A company's: the last day to send the resolution and amended articles to Companies House. */
  fileBy: IsoDate | null;
}

/** Every amendment on record, in the order proposed. */
export function deriveAmendments(events: readonly AmendmentEvent[], form: Form): Amendment[] {
  const byId = new Map<string, Amendment>();
  for (const e of events) {
    if (e.type === 'proposed') {
      byId.set(e.amendment, {
        id: e.amendment,
        proposed: e.date,
        changes: e.changes ?? [],
        ...(e.templateVersion ? { templateVersion: e.templateVersion } : {}),
        status: 'proposed',
        tabled: null,
        passed: null,
        effective: null,
        applied: false,
        registered: null,
        filed: null,
        fileBy: null,
      });
      continue;
    }
    const a = byId.get(e.amendment);
    if (!a) continue;
    if (e.type === 'tabled') a.tabled = { meeting: e.meeting, resolution: e.resolution };
    else if (e.type === 'failed') a.status = 'failed';
    else if (e.type === 'passed') {
      a.status = 'passed';
      a.passed = e.date;
      // A CIC's new objects, like any society amendment, wait for registration (2004 Act s.32).
      if (!isSociety(form) && !cicObjects(a, form)) a.effective = e.date;
      if (isCompany(form)) a.fileBy = addDays(e.date, COMPANY_AMENDMENT_FILING_DAYS);
    } else if (e.type === 'registered') {
      a.registered = e.date;
      a.applied = true;
      a.status = 'in force';
      a.effective ??= e.date;
    } else if (e.type === 'filed') {
      a.filed = e.date;
      a.applied = true;
      a.status = 'in force';
      a.effective ??= e.date;
    }
  }
  return [...byId.values()];
}

const cicObjects = (a: Amendment, form: Form) => form === 'cic' && a.changes.some((c) => c.path === 'group.objects');

/** Has this amendment legally taken effect by `date`? */
const inForceOn = (a: Amendment, date: IsoDate) => a.effective !== null && a.effective <= date;

/**
 * The rules in force on a date, from today's coop.yml (as its input form) and the amendments.
 * Amendments are undone latest-first and made earliest-first, so two that change one key agree.
 */
export function rulesInForce(today: CoopParamsInput, amendments: readonly Amendment[], date: IsoDate): CoopParamsInput {
  let rules = today;
  const byEffect = [...amendments].filter((a) => a.effective !== null).sort((a, b) => (a.effective! < b.effective! ? -1 : a.effective! > b.effective! ? 1 : 0));
  for (const a of [...byEffect].reverse()) if (a.applied && !inForceOn(a, date)) rules = applyChanges(rules, a.changes, 'from');
  for (const a of byEffect) if (!a.applied && inForceOn(a, date)) rules = applyChanges(rules, a.changes, 'to');
  return rules;
}
