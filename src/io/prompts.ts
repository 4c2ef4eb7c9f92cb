// The one module that talks to @inquirer/prompts. Only `coop new` imports it, and it loads the
// library on first use, so other commands never pay for it. Commands ask through the Prompter
// interface, which tests replace with scripted answers.

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

export async function inquirerPrompter(): Promise<Prompter> {
  const inquirer = await import('@inquirer/prompts');
  return {
    text: (q) =>
      cancellable(() =>
        inquirer.input({
          message: q.message,
          ...(q.default !== undefined ? { default: q.default } : {}),
          ...(q.validate ? { validate: q.validate } : {}),
        }),
      ),
    select: (q) =>
      cancellable(() =>
        inquirer.select({
          message: q.message,
          choices: q.choices.map((c) => ({ value: c.value, name: c.name, ...(c.description ? { description: c.description } : {}) })),
          ...(q.default !== undefined ? { default: q.default } : {}),
        }),
      ),
    confirm: (q) => cancellable(() => inquirer.confirm({ message: q.message, ...(q.default !== undefined ? { default: q.default } : {}) })),
  };
}
