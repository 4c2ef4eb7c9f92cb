import { updateMember } from '../../api/members.js';
import { committedNote, print, printJson } from '../../io/output.js';
import type { Context } from '../../io/context.js';

export interface MemberUpdateOptions {
  name?: string;
  date?: string;
  email?: string;
  address?: string;
  phone?: string;
  notices?: string;
  noticesDate?: string;
  commit?: boolean;
  json?: boolean;
}

export async function memberUpdate(opts: MemberUpdateOptions & { number: string }, ctx: Context): Promise<void> {
  const cwd = ctx.cwd;
  const { number, json, ...input } = opts;
  const r = await updateMember(cwd, number, input);
  if (json) {
    printJson(ctx, r);
    return;
  }
  if (r.renamed) print(ctx, `Recorded member ${r.number}'s change of name to ${r.name}.`);
  if (r.contactsChanged.length > 0) print(ctx, `Updated member ${r.number}'s ${r.contactsChanged.join(', ')} (kept privately in private/contacts.jsonl, never committed).`);
  if (r.noticesChanged) {
    print(
      ctx,
      r.notices === 'email'
        ? `Recorded member ${r.number}'s consent to notices by email, given ${r.noticesSince}.`
        : `Recorded that member ${r.number} takes notices by post from ${r.noticesSince}.`,
    );
  }
  const c = committedNote(r, opts.commit);
  if (c) print(ctx, c);
}
