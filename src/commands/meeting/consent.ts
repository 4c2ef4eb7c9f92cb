// coop meeting consent <meeting> <numbers>... [--date D] [--remove <numbers>...]
// Records which members agreed to a meeting being held at short notice, and says how many of
// how many the rules need.

import { recordShortNoticeConsent } from '../../api/short-notice.js';
import { describeMeeting } from '../../core/meetings/record.js';
import { print, printJson } from '../../io/output.js';
import type { CommonOptions } from './shared.js';

export interface MeetingConsentOptions extends CommonOptions {
  date?: string;
  remove?: string[];
}

export async function meetingConsent(ref: string, numbersArg: string[] | undefined, options: MeetingConsentOptions): Promise<void> {
  const { cwd = process.cwd(), json, remove, ...write } = options;
  const r = await recordShortNoticeConsent(cwd, ref, { ...write, members: numbersArg ?? [], remove: remove ?? [] });
  const { decision } = r;
  if (json) {
    printJson({ id: r.id, consents: r.consents, agreed: decision.agreed.length, entitled: decision.entitled, needed: decision.needed, enough: decision.enough });
    return;
  }
  print(
    `Consent to short notice for ${describeMeeting(r)}: ${decision.agreed.length} of the ${decision.entitled} members entitled to attend and vote (${decision.needed} needed).`,
  );
  print(
    decision.enough
      ? `That is enough: the rule is the consent of ${r.rule}, and the minutes will record it.`
      : `Not yet enough: it needs the consent of ${r.rule}; ${decision.needed - decision.agreed.length} more before the meeting can be closed.`,
  );
  if (decision.notCounted.length > 0) print(`Not counted (not entitled on the meeting date): ${decision.notCounted.join(', ')}.`);
}
