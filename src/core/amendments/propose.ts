// `coop rules amend`'s answers → the proposed rules, checked exactly as `coop new` checks a
// founding: the same flag parsers (found/answers.ts), the same schema, the same law
// (validate-params.ts). What the law forbids is refused before anything is drafted.

import { paramsSchema, type CoopParams } from '../params.js';
import { validateParams } from '../validate-params.js';
import type { AnswerKey, Answers } from '../found/answers.js';
import { applyAnswers, flagForPath, inapplicable, type AnswerProblem } from '../found/to-params.js';
import { diffRules, paramsInput, type ParamChange } from './changes.js';

/** The questions an amendment may answer: everything `coop new` asks but what the group is. */
export const AMENDABLE: readonly AnswerKey[] = [
  'name',
  'objects',
  'area',
  'office',
  'yearEnd',
  'eligibility',
  'decisions',
  'fallbackThreshold',
  'quorumMembers',
  'quorumPercent',
  'noticeDays',
  'proxies',
  'specialThreshold',
  'shareValue',
  'minShares',
  'maxShares',
  'withdrawable',
  'transferable',
  'board',
  'dissolution',
  'dissolutionRecipient',
];

export interface Proposal {
  params: CoopParams;
  changes: ParamChange[];
}

/** The rules in force with the answers applied, or every problem, each naming its flag. */
export function proposeRules(current: CoopParams, answers: Answers): { proposal?: Proposal; problems: AnswerProblem[] } {
  const before = paramsInput(current);
  const input = applyAnswers(paramsInput(current), answers);
  const parsed = paramsSchema.safeParse(input);
  if (!parsed.success) {
    return { problems: parsed.error.issues.map((issue) => ({ where: flagForPath(issue.path.map(String).join('.')), message: issue.message })) };
  }
  const params = parsed.data;
  const problems: AnswerProblem[] = [
    ...inapplicable(answers, params.group.form, params.decisions.method),
    ...validateParams(params).map((p) => ({ where: flagForPath(p.path), message: p.message })),
  ];
  if (problems.length > 0) return { problems };
  const changes = diffRules(before, paramsInput(params));
  if (changes.length === 0) {
    return {
      problems: [{ where: 'coop rules amend', message: 'proposes no change: every value given is already the rule in force. Give a new value, for example --quorum-percent 20%.' }],
    };
  }
  return { proposal: { params, changes }, problems: [] };
}
