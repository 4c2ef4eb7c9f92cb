// `coop new [dir]`: found a group. Questions first (flags > --answers file > prompts at a
// terminal > --yes defaults), then the answers are checked as a whole, then a pure plan of
// the files is rendered, and one applier writes it all in a single git commit.

import { relative } from 'node:path';
import { CancelledError, UsageError, UserError } from '../../errors.js';
import { todayInUk } from '../../core/dates.js';
import { DEFAULT_FOUNDERS } from '../../core/defaults.js';
import { FOUNDING_FILES } from '../../core/found/context.js';
import { coopYmlPlainText } from '../../core/found/coop-yml-plain.js';
import { foundingPlan, type FoundingPlan } from '../../core/found/plan.js';
import { foundingFrom, type FoundingSetting } from '../../core/found/to-params.js';
import { presetFounding } from '../../core/found/preset-params.js';
import type { Answers } from '../../core/found/answers.js';
import { QUESTIONS } from '../../core/found/answers.js';
import { startFoundingRepo, type FoundingBuild } from '../../io/found-repo.js';
import { NO_IDENTITY_MESSAGE, gitAvailable, gitIdentity } from '../../io/git.js';
import { canPrompt, inquirerPrompter, type Prompter } from '../../io/prompts.js';
import type { Context } from '../../io/context.js';
import { renderTemplate } from '../../io/render.js';
import { renderGoverningDocument } from '../../io/render-governing.js';
import type { FileChange } from '../../io/transaction.js';
import { completeAnswers, givenAnswers } from './gather.js';
import type { NewOptions } from './options.js';
import { fileList } from './report.js';
import { resolveTarget, type Target } from './target.js';

export type { NewOptions } from './options.js';

/** How often the wizard puts a refused answer back to the person before it gives up. */
const MAX_FIX_ROUNDS = 5;

/** What tests replace besides the context: the questions and the clock. */
export interface NewDeps {
  /** Asks the questions; undefined when nobody is at a terminal. */
  prompter?: (() => Promise<Prompter>) | undefined;
  today?: string;
}

/** The entry the CLI calls: questions are asked only when a person is at a terminal. */
export async function newCommand(opts: NewOptions, ctx: Context): Promise<void> {
  const interactive = !opts.yes && canPrompt(ctx.stdin, ctx.stdout);
  await runNew(opts, ctx, { prompter: interactive ? () => inquirerPrompter(ctx) : undefined });
}

export async function runNew(opts: NewOptions, ctx: Context, deps: NewDeps = {}): Promise<void> {
  const { cwd } = ctx;
  const out = (t: string) => void ctx.stdout.write(t);
  const err = (t: string) => void ctx.stderr.write(t);
  const dir = opts.dir;
  const useGit = opts.git !== false;
  const prompter = opts.yes ? undefined : deps.prompter;

  const given = await givenAnswers(opts, cwd);
  let folder = dir;
  if (folder === undefined) {
    if (!prompter) throw new UsageError('Give the folder to create for the group, for example: coop new riverside-bakers');
    folder = await (await prompter()).text({ key: 'dir', message: 'Folder to create for the group', default: 'my-group', validate: (v) => targetProblem(v, cwd) ?? true });
  }
  const target = resolveTarget(folder, cwd);
  // Before any question: nobody should answer twenty questions to be told git cannot commit.
  // Without questions, the commit itself finds out (checkGit then says why), which spares a
  // git process every time it works.
  const checkGitFirst = useGit && !opts.dryRun && prompter !== undefined;
  if (checkGitFirst) await checkGit(target.parent);

  // Without questions, the hidden folder the group is built in is made now and git init started
  // there, so git works while the answers are checked and the documents rendered; whatever stops
  // the founding before its commit removes the folder again.
  const early = useGit && !opts.dryRun && !prompter ? startEarly(target) : undefined;
  try {
    const setting = { dirName: target.name, today: deps.today ?? todayInUk() };
    let answers = await completeAnswers(given, opts, setting, prompter);
    let { founding, problems } = await checkAnswers(answers, setting);
    // At a terminal, a refusal found only when the answers are taken together is put to the
    // person at the one question it concerns; every other answer is kept.
    for (let round = 0; !founding && prompter && round < MAX_FIX_ROUNDS; round++) {
      const keys = problems.map((p) => QUESTIONS.find((q) => q.flag === p.where)?.key);
      if (keys.some((k) => k === undefined)) break;
      for (const p of problems) err(`That answer cannot be used: ${p.where}: ${p.message.replace(/\.$/, '')}. Please answer that question again.\n`);
      for (const key of keys) delete answers[key!];
      answers = await completeAnswers(answers, opts, setting, prompter);
      ({ founding, problems } = await checkAnswers(answers, setting));
    }
    if (!founding) {
      throw new UserError(
        `The group cannot be founded with ${problems.length === 1 ? 'this answer' : 'these answers'}; nothing was written:\n` +
          problems.map((p) => `  ${p.where}: ${p.message}`).join('\n'),
      );
    }

    const governing = renderGoverningDocument(founding.params);
    // yaml (the largest library coop new would load) only for a value the plain writer declines.
    const coopYml = coopYmlPlainText(founding.params) ?? (await import('../../core/found/coop-yml.js')).coopYmlText(founding.params);
    const plan = foundingPlan(founding.params, founding.founders, governing, coopYml);
    const changes = render(plan);
    const governingPath = governing.path;
    const shownPath = relative(cwd, target.path) || '.';
    if (!answers.founders) {
      err(`Note: the founders are examples (${DEFAULT_FOUNDERS.join(', ')}). For a real group, give each with --founder "Name <email>".\n`);
    }

    if (opts.dryRun) {
      out(
        `Would create ${shownPath}/ for ${founding.params.group.name} with these files (--dry-run: nothing was written):\n` +
          `${fileList(changes, founding, governingPath)}\n` +
          (useGit ? `and make one git commit: "${plan.message}".\n` : 'without git (--no-git).\n'),
      );
      return;
    }

    if (prompter) {
      const go = await (await prompter()).confirm({ key: 'confirm', message: `Create ${shownPath}/ for ${founding.params.group.name} now?`, default: true });
      if (!go) throw new CancelledError();
    }

    try {
      await (early ?? startFoundingRepo(target.path, target.parent, { git: useGit })).finish(changes, { message: plan.message, exists: target.exists });
    } catch (error) {
      // Nothing was written either way; if git is missing or does not know who is committing, say that.
      if (useGit && !checkGitFirst && error instanceof UserError && !(error instanceof CancelledError)) await checkGit(target.parent);
      throw error;
    }
    out(
      `Founded ${founding.params.group.name} in ${shownPath}/${useGit ? ` (one git commit: "${plan.message}")` : ' (no git repository: --no-git)'}:\n` +
        `${fileList(changes, founding, governingPath)}\n\n` +
        `Next: print ${FOUNDING_FILES.minutes} for the founders to sign at the founding meeting, then work through ${FOUNDING_FILES.nextSteps}.\n` +
        `Inside the folder, run coop check at any time to check the rules and the register.\n`,
    );
  } finally {
    await early?.abandon();
  }
}

/** The build started before the answers are checked, or undefined to start it (and meet any failure) after, as with questions. */
function startEarly(target: Target): FoundingBuild | undefined {
  try {
    return startFoundingRepo(target.path, target.parent, { git: true });
  } catch {
    return undefined;
  }
}

/** The answers checked as a whole; the schema library is loaded only for answers beyond a preset's. */
async function checkAnswers(answers: Answers, setting: FoundingSetting): Promise<ReturnType<typeof foundingFrom>> {
  return presetFounding(answers, setting) ?? foundingFrom(answers, setting, (await import('../../core/params.js')).paramsSchema);
}

/** Why a folder cannot take a new group, for the wizard to say before it asks anything else. */
function targetProblem(dir: string, cwd: string): string | undefined {
  try {
    resolveTarget(dir, cwd);
    return undefined;
  } catch (error) {
    if (error instanceof UserError) return error.message;
    throw error;
  }
}

async function checkGit(where: string): Promise<void> {
  if ((await gitIdentity(where)) !== undefined) return;
  // Only now ask why: one git call fewer on every successful run.
  if (!(await gitAvailable(where))) {
    throw new UserError(
      'git is not installed or not on PATH. Install git (https://git-scm.com) and try again, or found the group without a repository using --no-git. Nothing was written.',
    );
  }
  throw new UserError(NO_IDENTITY_MESSAGE);
}

/** Renders every templated file: the plan becomes file contents, ready for the applier. */
function render(plan: FoundingPlan): FileChange[] {
  return plan.files.map((f) => ({
    path: f.path,
    tracked: f.tracked,
    content: 'content' in f ? f.content : tidyMarkdown(renderTemplate(f.template, f.context)),
  }));
}

/** A section a template leaves out would leave a run of blank lines; Markdown needs one. */
function tidyMarkdown(text: string): string {
  return text.replace(/\n{3,}/g, '\n\n').replace(/\n*$/, '\n');
}
