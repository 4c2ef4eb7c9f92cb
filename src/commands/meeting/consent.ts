// coop meeting consent <meeting> <numbers>... [--date D] [--remove <numbers>...]
// Records which members agreed to a meeting being held at short notice, and says how many of
// how many the rules need.

import { recordShortNoticeConsent } from '../../api/short-notice.js';
import { describeMeeting } from '../../core/meetings/record.js';
import { print, printJson } from '../../io/output.js';
import type { CommonOptions } from './shared.js';
import type { Context } from '../../io/context.js';

export interface MeetingConsentOptions extends CommonOptions {
  ref: string;
  /** The members who agreed: numbers, lists and ranges. */
  numbers?: string[];
  date?: string;
  remove?: string[];
}

export async function meetingConsent(options: MeetingConsentOptions, ctx: Context): Promise<void> {
  const { ref, numbers, json, remove, ...write } = options;
  const r = await recordShortNoticeConsent(ctx.cwd, ref, { ...write, members: numbers ?? [], remove: remove ?? [] });
  const { decision } = r;
  if (json) {
    printJson(ctx, { id: r.id, consents: r.consents, agreed: decision.agreed.length, entitled: decision.entitled, needed: decision.needed, enough: decision.enough });
    return;
  }
  print(
    ctx,
    `Consent to short notice for ${describeMeeting(r)}: ${decision.agreed.length} of the ${decision.entitled} members entitled to attend and vote (${decision.needed} needed).`,
  );
  print(
    ctx,
    decision.enough
      ? `That is enough: the rule is the consent of ${r.rule}, and the minutes will record it.`
      : `Not yet enough: it needs the consent of ${r.rule}; ${decision.needed - decision.agreed.length} more before the meeting can be closed.`,
  );
  if (decision.notCounted.length > 0) print(ctx, `Not counted (not entitled on the meeting date): ${decision.notCounted.join(', ')}.`);
}
