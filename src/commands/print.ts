import { printPaper } from '../api/print.js';
import { plural } from '../core/register/messages.js';
import { note, print, printJson } from '../io/output.js';

export interface PrintCommandOptions {
  cwd?: string;
  out?: string;
  letters?: boolean;
  asOf?: string;
  withContacts?: boolean;
  json?: boolean;
}

export async function printCommand(what: string, target: string | undefined, opts: PrintCommandOptions): Promise<void> {
  const r = await printPaper(opts.cwd ?? process.cwd(), what, { target, out: opts.out, letters: opts.letters, asOf: opts.asOf, withContacts: opts.withContacts });
  // The warning goes to stderr even with --json: a script must not swallow it.
  for (const w of r.warnings) note(`Warning: ${w}`);
  if (opts.json) {
    printJson({ files: r.files, included: r.included, leftOut: r.leftOut });
    return;
  }
  for (const f of r.files) print(`Wrote ${f.path} (${plural(f.pages, 'page')}).`);
  if (opts.letters) {
    print(`${plural(r.included.length, 'letter')} to post; ${r.leftOut.length} left out:`);
    for (const m of r.leftOut) print(`  ${m.number} ${m.name}: ${m.reason}`);
    print(
      'Print single-sided: each letter starts on a new sheet (a long notice runs onto a second). The last page is the posting list. Fold each letter in three, address outwards at the top, for a DL window envelope.',
    );
  }
}
