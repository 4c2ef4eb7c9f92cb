import { printPaper } from '../api/print.js';
import { plural } from '../core/register/messages.js';
import { note, print, printJson } from '../io/output.js';
import type { Context } from '../io/context.js';

export interface PrintCommandOptions {
  out?: string;
  letters?: boolean;
  asOf?: string;
  withContacts?: boolean;
  json?: boolean;
}

export async function printCommand(opts: PrintCommandOptions & { what: string; target?: string }, ctx: Context): Promise<void> {
  const { what, target } = opts;
  const r = await printPaper(ctx.cwd, what, { target, out: opts.out, letters: opts.letters, asOf: opts.asOf, withContacts: opts.withContacts });
  // The warning goes to stderr even with --json: a script must not swallow it.
  for (const w of r.warnings) note(ctx, `Warning: ${w}`);
  if (opts.json) {
    printJson(ctx, { files: r.files, included: r.included, leftOut: r.leftOut });
    return;
  }
  const [letters, enclosure] = r.files;
  for (const f of r.files) print(ctx, `Wrote ${f.path} (${plural(f.pages, 'page')}).`);
  if (opts.letters && letters) {
    print(ctx, `${plural(r.included.length, 'letter')} to post; ${r.leftOut.length === 0 ? 'no one left out.' : `${r.leftOut.length} left out:`}`);
    for (const m of r.leftOut) print(ctx, `  ${m.number} ${m.name}: ${m.reason}`);
    print(
      ctx,
      enclosure
        ? `The notice is too long to fit on the letter's page, so each letter is a one-page covering letter and the notice is enclosed: print ${letters.path} single-sided (one letter a page, then the posting list), print ${enclosure.path} ${plural(enclosure.copies ?? 0, 'time')}, and put a copy behind each letter.`
        : `Each letter is one page with the notice in full: print ${letters.path} single-sided (one letter a page, then the posting list).`,
    );
    print(ctx, 'Fold each letter in three, address outwards at the top, for a DL window envelope.');
  }
}
