// coop status's block on the rules: amendments waiting on a meeting, the FCA or a filing
// (a company's with its 15-day deadline), and whether a newer template can be taken.

import { deriveAmendments } from '../core/amendments/history.js';
import type { IsoDate } from '../core/dates.js';
import { isCompany, isSociety } from '../core/law.js';
import type { CoopParams } from '../core/params.js';
import { readAmendmentEvents } from '../io/amendments-store.js';
import { TEMPLATE_VERSION } from '../version.js';

export interface RulesNotice {
  what: string;
  /** The last day to act, where the law sets one. */
  due: IsoDate | null;
  overdue: boolean;
  /** The command that deals with it. */
  next: string;
}

export async function rulesStatus(root: string, params: CoopParams, today: IsoDate): Promise<RulesNotice[]> {
  const out: RulesNotice[] = [];
  const form = params.group.form;
  for (const a of deriveAmendments(await readAmendmentEvents(root), form)) {
    if (a.status === 'proposed') {
      out.push({
        what: `Amendment ${a.id} proposed${a.tabled ? `, on the agenda of ${a.tabled.meeting}` : ''}`,
        due: null,
        overdue: false,
        next: a.tabled ? `coop meeting close ${a.tabled.meeting}` : `coop meeting new general --amendment ${a.id} …`,
      });
    } else if (a.status === 'passed') {
      if (isCompany(form)) {
        out.push({
          what: `File amendment ${a.id} at Companies House: the special resolution and the amended articles (passed ${a.passed})`,
          due: a.fileBy,
          overdue: a.fileBy !== null && a.fileBy < today,
          next: `coop rules filed ${a.id} --date YYYY-MM-DD`,
        });
      } else {
        out.push({
          what: `Amendment ${a.id} passed on ${a.passed}${isSociety(form) ? ': no effect until the FCA registers it' : ''}`,
          due: null,
          overdue: false,
          next: `coop rules registered ${a.id} --date YYYY-MM-DD`,
        });
      }
    }
  }
  if (params.createCoop.templateVersion < TEMPLATE_VERSION) {
    out.push({
      what: `Newer wording of the governing document is available (template ${TEMPLATE_VERSION}; yours is ${params.createCoop.templateVersion})`,
      due: null,
      overdue: false,
      next: 'coop rules upgrade',
    });
  }
  return out;
}
