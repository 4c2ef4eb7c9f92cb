// The options commander hands to `coop new`, and how flags become answers.

import { UsageError } from '../../errors.js';
import { QUESTIONS, setAnswer, type Answers } from '../../core/found/answers.js';

export interface NewOptions {
  answers?: string;
  yes?: boolean;
  dryRun?: boolean;
  /** False with --no-git. */
  git?: boolean;
  /** The folder to create, relative to the context's cwd; asked for at a terminal when not given. */
  dir?: string | undefined;
  /** One per --founder flag. */
  founder?: string[];
  [flag: string]: unknown;
}

/** Commander's camel-cased name for a question's flag: "--notice-days" → "noticeDays". */
export function optionName(flag: string): string {
  return flag.slice(2).replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase());
}

/** The answers given as flags. A bad value is a usage error naming the flag. */
export function answersFromFlags(opts: NewOptions): Answers {
  const answers: Answers = {};
  const problems: string[] = [];
  for (const q of QUESTIONS) {
    const raw = opts[optionName(q.flag)];
    if (raw === undefined) continue;
    const message = setAnswer(answers, q.key, raw);
    if (message) problems.push(`${q.flag} ${message}`);
  }
  if (problems.length > 0) throw new UsageError(problems.join('\n'));
  return answers;
}
