import { printedRegister, registerAsOf } from '../api/register.js';
import { registerCsv, registerMarkdownChunks } from '../core/register/statutory-register.js';
import { jsonText, print } from '../io/output.js';
import type { Context } from '../io/context.js';

export interface RegisterOptions {
  asOf?: string;
  format?: 'md' | 'csv' | 'json';
  withContacts?: boolean;
  json?: boolean;
}

export async function registerCommand(opts: RegisterOptions, ctx: Context): Promise<void> {
  const options = { asOf: opts.asOf, withContacts: opts.withContacts };
  const format = opts.json ? 'json' : (opts.format ?? 'md');
  // JSON and CSV as printed are kept for today (printedRegister): the next run prints the text again.
  if (format === 'json') ctx.stdout.write(await printedRegister(ctx.cwd, options, 'json', jsonText));
  else if (format === 'csv') ctx.stdout.write(await printedRegister(ctx.cwd, options, 'csv', registerCsv));
  else {
    const register = await registerAsOf(ctx.cwd, options);
    // Printed as it is made (at 100,000 members the whole text at once was 8 MB of string, and
    // the rows kept for it most of the command's memory). Where stdout is asynchronous Node
    // queues each piece, as it queued the one big write.
    let last = '';
    for (const chunk of registerMarkdownChunks(register)) {
      ctx.stdout.write(chunk);
      last = chunk;
    }
    if (!last.endsWith('\n')) print(ctx, '');
  }
}
