import { forgetMember } from '../../api/forget.js';
import { committedNote, print, printJson } from '../../io/output.js';
import type { Context } from '../../io/context.js';

export interface MemberForgetOptions {
  commit?: boolean;
  json?: boolean;
}

export async function memberForget(opts: MemberForgetOptions & { number: string }, ctx: Context): Promise<void> {
  const { number } = opts;
  const r = await forgetMember(ctx.cwd, number, { commit: opts.commit });
  if (opts.json) return printJson(ctx, r);
  print(
    ctx,
    `Erased the contact details of former member ${r.member} (${r.name}, left ${r.left}) from the private store` +
      (r.linesRemoved === 0 ? ' (none were held).' : '.') +
      ' Their name and dates stay in the register. Copies in backups of private/ are not touched: delete those too.',
  );
  const c = committedNote(r, opts.commit);
  if (c) print(ctx, c);
}
