import { checkGroup } from '../api/check.js';
import { UserError } from '../errors.js';
import { formatLocated } from '../io/group.js';
import { print, printJson } from '../io/output.js';
import type { Context } from '../io/context.js';

export interface CheckOptions {
  json?: boolean;
  all?: boolean;
}

/** Hundreds of problems bury the first, which is often the cause of the rest. */
const PROBLEMS_SHOWN = 20;

/** Silent with exit 0 when all is well; otherwise every problem with where it is, and exit 1 (with --json, the exit code returned). */
export async function checkCommand(opts: CheckOptions, ctx: Context): Promise<number> {
  const result = await checkGroup(ctx.cwd);
  if (opts.json) {
    printJson(ctx, result);
    return result.ok ? 0 : 1;
  }
  for (const note of result.notes ?? []) print(ctx, `Note: ${note}`);
  for (const warning of result.warnings ?? []) print(ctx, `Warning: ${warning}.`);
  if (!result.ok) {
    const n = result.problems.length;
    const shown = opts.all ? result.problems : result.problems.slice(0, PROBLEMS_SHOWN);
    const more = n - shown.length;
    const tail = more > 0 ? `\n  … and ${more} more (run coop check --all to see every one)` : '';
    throw new UserError(`found ${n === 1 ? 'a problem' : `${n} problems`}:\n${formatLocated(shown)}${tail}`);
  }
  return 0;
}
