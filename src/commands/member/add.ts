import { addMember } from '../../api/members.js';
import { plural } from '../../core/register/messages.js';
import { committedNote, note, print, printJson } from '../../io/output.js';
import type { Context } from '../../io/context.js';

export interface MemberAddOptions {
  joined?: string;
  shares?: string;
  email?: string;
  address?: string;
  phone?: string;
  notices?: string;
  noticesDate?: string;
  commit?: boolean;
  json?: boolean;
}

/** Prints the new membership number alone on stdout (n=$(coop member add …) works); the sentence goes to stderr. */
export async function memberAdd(opts: MemberAddOptions & { name: string }, ctx: Context): Promise<void> {
  const cwd = ctx.cwd;
  const { name, json, ...input } = opts;
  const r = await addMember(cwd, { ...input, name });
  if (json) {
    printJson(ctx, {
      number: r.number,
      name: r.name,
      joined: r.joined,
      shares: r.shares,
      contacts: r.contacts,
      notices: r.notices,
      noticesSince: r.noticesSince,
      commit: r.commit,
    });
    return;
  }
  const shares = r.shares > 0 ? `, ${plural(r.shares, 'share')}` : '';
  const kept = r.contacts.length > 0 ? ` Contact details (${r.contacts.join(', ')}) kept privately in private/contacts.jsonl.` : '';
  const notices = r.notices === 'email' ? ` Notices by email (consent given ${r.noticesSince}).` : '';
  note(ctx, `Admitted ${r.name} as member ${r.number} (joined ${r.joined}${shares}).${kept}${notices} ${committedNote(r.commit, opts.commit) ?? ''}`.trimEnd());
  print(ctx, String(r.number));
}
