// Whether a written resolution may be proposed at all, and what it is: refused where the rules
// allow none, and for removing a director or an auditor before the end of their term, which
// must be decided at a meeting where they can answer (CA 2006 s.288(2); these rules say the same).

import { UserError } from '../../errors.js';
import { WRITTEN_RESOLUTION_EXCLUDED_SOURCE } from '../law.js';
import type { WrittenRules } from '../board/rules.js';

export interface Removal {
  /** The director (board member, committee member) the resolution would remove, by membership number. */
  director?: number;
  auditor?: boolean;
}

export function refuseWritten(rules: WrittenRules, removal: Removal, boardWord: string, document: string): void {
  if (!rules.allowed) {
    throw new UserError(
      `The group's ${document} do not allow resolutions in writing (decisions.writtenResolutions.allowed is false in coop.yml): put it to a general meeting instead (coop meeting new general …). Nothing was changed.`,
    );
  }
  if (removal.director !== undefined || removal.auditor) {
    const who = removal.director !== undefined ? `a ${boardWord} (member ${removal.director})` : 'an auditor';
    const why = rules.company ? `the Act does not allow it (${WRITTEN_RESOLUTION_EXCLUDED_SOURCE})` : `the ${document} do not allow it`;
    throw new UserError(
      `A resolution to remove ${who} before the end of their term cannot be passed in writing: ${why}. ` +
        `The person must be able to answer the members at a general meeting: call one with the resolution on its notice (coop meeting new general …${
          rules.company && removal.director !== undefined ? ` --remove-director ${removal.director} --special-notice-received DATE` : ''
        }). Nothing was changed.`,
    );
  }
}
