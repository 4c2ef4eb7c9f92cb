// What commands print, to the streams in their context (io/context.ts). Results go to stdout
// (JSON with --json); notes for the person at the terminal go to stderr so that a script
// capturing stdout gets only the result.

import type { Context } from './context.js';

type Out = Pick<Context, 'stdout'>;

export function printJson(ctx: Out, value: unknown): void {
  ctx.stdout.write(jsonText(value));
}

/** The text printJson prints. */
export function jsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

export function print(ctx: Out, text: string): void {
  ctx.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
}

export function note(ctx: Pick<Context, 'stderr'>, text: string): void {
  ctx.stderr.write(text.endsWith('\n') ? text : `${text}\n`);
}

/** A member given a new number because two copies of the register had given out the same one. */
export interface Renumbered {
  name: string;
  was: number;
  now: number;
}

/** Said once, by the change that records the renumbering (coop sync, or the next change made). */
export function renumberedSentence(m: Renumbered): string {
  return `${m.name} is now member ${m.now} (was ${m.was}: two copies of the register gave ${m.was} to different people). Reissue their share certificate if they have one.`;
}

/** The lines after a change: any members it renumbered, and where it went in git. */
export function committedNote(r: { commit: string | null; renumbered?: readonly Renumbered[] }, wanted: boolean | undefined): string | undefined {
  const lines = (r.renumbered ?? []).map(renumberedSentence);
  if (r.commit) lines.push(`Committed ${r.commit.slice(0, 7)}.`);
  else if (wanted === false) lines.push('Not committed (--no-commit): the change is written; review it with git diff and commit it when ready.');
  return lines.length > 0 ? lines.join('\n') : undefined;
}
