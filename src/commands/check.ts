import { checkGroup } from '../api/check.js';
import { UserError } from '../errors.js';
import { formatLocated } from '../io/group.js';
import { print, printJson } from '../io/output.js';

export interface CheckOptions {
  cwd?: string;
  json?: boolean;
  all?: boolean;
}

/** Hundreds of problems bury the first, which is often the cause of the rest. */
const PROBLEMS_SHOWN = 20;

/** Silent with exit 0 when all is well; otherwise every problem with where it is, and exit 1. */
export async function checkCommand(opts: CheckOptions): Promise<void> {
  const result = await checkGroup(opts.cwd ?? process.cwd());
  if (opts.json) {
    printJson(result);
    if (!result.ok) process.exitCode = 1;
    return;
  }
  for (const note of result.notes ?? []) print(`Note: ${note}`);
  for (const warning of result.warnings ?? []) print(`Warning: ${warning}.`);
  if (!result.ok) {
    const n = result.problems.length;
    const shown = opts.all ? result.problems : result.problems.slice(0, PROBLEMS_SHOWN);
    const more = n - shown.length;
    const tail = more > 0 ? `\n  … and ${more} more (run coop check --all to see every one)` : '';
    throw new UserError(`found ${n === 1 ? 'a problem' : `${n} problems`}:\n${formatLocated(shown)}${tail}`);
  }
}
