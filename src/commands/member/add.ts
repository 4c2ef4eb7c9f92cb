import { addMember, type FormerMember } from '../../api/members.js';
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
      former: r.former,
      commit: r.commit,
    });
    return;
  }
  const shares = r.shares > 0 ? `, ${plural(r.shares, 'share')}` : '';
  const kept = r.contacts.length > 0 ? ` Contact details (${r.contacts.join(', ')}) kept privately in private/contacts.jsonl.` : '';
  const notices = r.notices === 'email' ? ` Notices by email (consent given ${r.noticesSince}).` : '';
  note(ctx, `Admitted ${r.name} as member ${r.number} (joined ${r.joined}${shares}).${kept}${notices} ${committedNote(r, opts.commit) ?? ''}`.trimEnd());
  for (const f of r.former) note(ctx, rejoiningNote(r.number, f));
  print(ctx, String(r.number));
}

const MATCH_WORDS: Record<FormerMember['match'], string> = { name: 'the same name', email: 'the same email address', phone: 'the same phone number' };

/** A note, not a refusal: people rejoin, and the register keeps their old number with its history. */
function rejoiningNote(number: number, f: FormerMember): string {
  const expelled = f.reason === 'expelled' ? " They were expelled: check the rules' conditions for an expelled person rejoining were met." : '';
  return (
    `Note: former member ${f.number} (${f.name}, left ${f.left}, ${f.reason}) has ${MATCH_WORDS[f.match]}. If this is them rejoining, their former number was ${f.number}; ` +
    `they are member ${number} now, because membership numbers are never reused and member ${f.number}'s history stays as it was.${expelled}`
  );
}
