// Gathering the answers: flags first, then the --answers file, then questions for a person at
// a terminal, then (with --yes) the defaults. Without a terminal nothing waits for input.

import { UsageError } from '../../errors.js';
import { questionFor, type AnswerKey, type Answers } from '../../core/found/answers.js';
import type { FoundingSetting } from '../../core/found/to-params.js';
import type { Prompter } from '../../io/prompts.js';
import { interview } from './interview.js';
import { answersFromFlags, type NewOptions } from './options.js';

/** What a group cannot be founded without, unless --yes says to take the demo defaults. */
export const REQUIRED: readonly AnswerKey[] = ['kind', 'name', 'founders'];

/**
 * Flags override the answers file: the file is often shared, the flags are this run's. The file
 * reader (and the yaml library it parses with) is loaded only when there is a file.
 */
export async function givenAnswers(opts: NewOptions, cwd: string): Promise<Answers> {
  const fromFile = opts.answers ? (await import('./answers-file.js')).readAnswersFile(opts.answers, cwd) : {};
  return { ...fromFile, ...answersFromFlags(opts) };
}

export function missingRequired(answers: Answers): AnswerKey[] {
  return REQUIRED.filter((key) => answers[key] === undefined);
}

export async function completeAnswers(given: Answers, opts: NewOptions, setting: FoundingSetting, prompter: (() => Promise<Prompter>) | undefined): Promise<Answers> {
  if (opts.yes) return given;
  if (prompter) return interview(await prompter(), given, setting);
  const missing = missingRequired(given);
  if (missing.length > 0) {
    const flags = missing.map((key) => questionFor(key).flag);
    throw new UsageError(
      `coop new needs ${flags.join(', ')} and cannot ask for ${missing.length === 1 ? 'it' : 'them'} here: there is no terminal to answer questions at.\n` +
        `Give ${missing.length === 1 ? 'it' : 'them'} as flags (e.g. --kind worker-coop --name "Riverside Bakers Limited" --founder "Priya Sharma <priya@example.org>", one --founder each), ` +
        'or in a file with --answers answers.yml, or add --yes to take the defaults (with example founders) for everything not given.',
    );
  }
  return given;
}
