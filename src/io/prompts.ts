// The one module that talks to @inquirer/prompts. It loads the library on first use, so a
// command that asks nothing never pays for it. Questions are asked on the context's own
// streams (process.stdin and process.stdout at the bins), never on the process's behind its
// back. `coop new` asks through the Prompter interface, which tests replace with scripted
// answers; `coop contacts` asks for a passphrase with askSecret.

import { CancelledError } from '../errors.js';

export interface Choice<T extends string> {
  value: T;
  name: string;
  description?: string;
}

/** Every question carries the key of the answer it fills, so scripted prompters can answer by key. */
export interface Prompter {
  text(q: { key: string; message: string; default?: string; validate?: (value: string) => true | string }): Promise<string>;
  select<T extends string>(q: { key: string; message: string; choices: readonly Choice<T>[]; default?: T }): Promise<T>;
  confirm(q: { key: string; message: string; default?: boolean }): Promise<boolean>;
}

/** A person is at a terminal: both ends are TTYs, so questions can be asked and answered. */
export function canPrompt(stdin: { readonly isTTY?: boolean }, stdout: { readonly isTTY?: boolean }): boolean {
  return Boolean(stdin.isTTY && stdout.isTTY);
}

/** Ctrl+C at a question: inquirer throws ExitPromptError; we turn it into our own cancellation. */
export async function cancellable<T>(ask: () => Promise<T>): Promise<T> {
  try {
    return await ask();
  } catch (error) {
    if ((error as Error)?.name === 'ExitPromptError' || (error as Error)?.name === 'AbortPromptError') throw new CancelledError();
    throw error;
  }
}

/** Where questions are asked: a context's stdin and stdout. */
export interface Terminal {
  readonly stdin: { readonly isTTY?: boolean };
  readonly stdout: { readonly isTTY?: boolean };
}

const isReadable = (s: object): s is NodeJS.ReadableStream => typeof (s as { read?: unknown }).read === 'function' && typeof (s as { on?: unknown }).on === 'function';
const isWritable = (s: object): s is NodeJS.WritableStream => typeof (s as { write?: unknown }).write === 'function' && typeof (s as { on?: unknown }).on === 'function';

/** The context's streams as inquirer takes them (a stream it cannot use is left to inquirer's default). */
function streams(terminal: Terminal): { input?: NodeJS.ReadableStream; output?: NodeJS.WritableStream } {
  return { ...(isReadable(terminal.stdin) ? { input: terminal.stdin } : {}), ...(isWritable(terminal.stdout) ? { output: terminal.stdout } : {}) };
}

export async function inquirerPrompter(terminal: Terminal): Promise<Prompter> {
  const inquirer = await import('@inquirer/prompts');
  const on = streams(terminal);
  return {
    text: (q) =>
      cancellable(() =>
        inquirer.input(
          {
            message: q.message,
            ...(q.default !== undefined ? { default: q.default } : {}),
            ...(q.validate ? { validate: q.validate } : {}),
          },
          on,
        ),
      ),
    select: (q) =>
      cancellable(() =>
        inquirer.select(
          {
            message: q.message,
            choices: q.choices.map((c) => ({ value: c.value, name: c.name, ...(c.description ? { description: c.description } : {}) })),
            ...(q.default !== undefined ? { default: q.default } : {}),
          },
          on,
        ),
      ),
    confirm: (q) => cancellable(() => inquirer.confirm({ message: q.message, ...(q.default !== undefined ? { default: q.default } : {}) }, on)),
  };
}

/** Asks for a secret (a passphrase), echoing a mask. */
export async function askSecret(terminal: Terminal, message: string): Promise<string> {
  const { password } = await import('@inquirer/prompts');
  return cancellable(() => password({ message, mask: true }, streams(terminal)));
}
