// What commands print, to the streams in their context (io/context.ts). Results go to stdout
// (JSON with --json); notes for the person at the terminal go to stderr so that a script
// capturing stdout gets only the result.

import type { Context } from './context.js';

type Out = Pick<Context, 'stdout'>;

export function printJson(ctx: Out, value: unknown): void {
  ctx.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export function print(ctx: Out, text: string): void {
  ctx.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
}

export function note(ctx: Pick<Context, 'stderr'>, text: string): void {
  ctx.stderr.write(text.endsWith('\n') ? text : `${text}\n`);
}

/** The line after a change: where it went in git. */
export function committedNote(commit: string | null, wanted: boolean | undefined): string | undefined {
  if (commit) return `Committed ${commit.slice(0, 7)}.`;
  if (wanted === false) return 'Not committed (--no-commit): the change is written; review it with git diff and commit it when ready.';
  return undefined;
}
