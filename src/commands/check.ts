import { checkGroup } from '../api/check.js';
import { UserError } from '../errors.js';
import { formatLocated } from '../io/group.js';
import { printJson } from '../io/output.js';

export interface CheckOptions {
  cwd?: string;
  json?: boolean;
}

/** Silent with exit 0 when all is well; otherwise every problem with where it is, and exit 1. */
export async function checkCommand(opts: CheckOptions): Promise<void> {
  const result = await checkGroup(opts.cwd ?? process.cwd());
  if (opts.json) {
    printJson(result);
    if (!result.ok) process.exitCode = 1;
    return;
  }
  if (!result.ok) {
    const n = result.problems.length;
    throw new UserError(`found ${n === 1 ? 'a problem' : `${n} problems`}:\n${formatLocated(result.problems)}`);
  }
}
