import { registerAsOf } from '../api/register.js';
import { registerCsv, registerMarkdown } from '../core/register/statutory-register.js';
import { print, printJson } from '../io/output.js';

export interface RegisterOptions {
  cwd?: string;
  asOf?: string;
  format?: 'md' | 'csv' | 'json';
  withContacts?: boolean;
  json?: boolean;
}

export async function registerCommand(opts: RegisterOptions): Promise<void> {
  const register = await registerAsOf(opts.cwd ?? process.cwd(), { asOf: opts.asOf, withContacts: opts.withContacts });
  const format = opts.json ? 'json' : (opts.format ?? 'md');
  if (format === 'json') printJson(register);
  else if (format === 'csv') process.stdout.write(registerCsv(register));
  else print(registerMarkdown(register));
}
