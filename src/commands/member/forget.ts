import { forgetMember } from '../../api/forget.js';
import { committedNote, print, printJson } from '../../io/output.js';

export interface MemberForgetOptions {
  cwd?: string;
  commit?: boolean;
  json?: boolean;
}

export async function memberForget(number: string, opts: MemberForgetOptions): Promise<void> {
  const r = await forgetMember(opts.cwd ?? process.cwd(), number, { commit: opts.commit });
  if (opts.json) return printJson(r);
  print(
    `Erased the contact details of former member ${r.member} (${r.name}, left ${r.left}) from the private store` +
      (r.linesRemoved === 0 ? ' (none were held).' : '.') +
      ' Their name and dates stay in the register. Copies in backups of private/ are not touched: delete those too.',
  );
  const c = committedNote(r.commit, opts.commit);
  if (c) print(c);
}
