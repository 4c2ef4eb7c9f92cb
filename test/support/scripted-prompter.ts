// A Prompter that answers from a script, as a person at the terminal would: by question key,
// re-typing when an answer is refused. Unscripted questions take the offered default.

import { CancelledError } from '../../src/errors.js';
import type { Choice, Prompter } from '../../src/io/prompts.js';

export interface Asked {
  key: string;
  message: string;
  default?: unknown;
  choices?: string[];
  /** Messages shown for refused answers. */
  refused: string[];
}

export type Script = Record<string, unknown[] | unknown>;

/** "cancel" in a script stands for Ctrl+C at that question. */
export const CTRL_C = Symbol('ctrl-c');

export function scriptedPrompter(script: Script): { prompter: Prompter; asked: Asked[] } {
  const queues = new Map<string, unknown[]>(Object.entries(script).map(([k, v]) => [k, Array.isArray(v) ? [...v] : [v]]));
  const asked: Asked[] = [];
  const next = (key: string): unknown => {
    const q = queues.get(key);
    if (!q || q.length === 0) return undefined;
    const v = q.shift();
    if (v === CTRL_C) throw new CancelledError();
    return v;
  };
  const prompter: Prompter = {
    async text(q) {
      const record: Asked = { key: q.key, message: q.message, default: q.default, refused: [] };
      asked.push(record);
      for (;;) {
        const scripted = next(q.key);
        const value = scripted === undefined ? q.default : String(scripted);
        if (value === undefined) throw new Error(`script has no answer for ${q.key} and it has no default`);
        const verdict = q.validate ? q.validate(value) : true;
        if (verdict === true) return value;
        record.refused.push(verdict);
        if (scripted === undefined) throw new Error(`default for ${q.key} was refused: ${verdict}`);
      }
    },
    async select<T extends string>(q: { key: string; message: string; choices: readonly Choice<T>[]; default?: T }) {
      asked.push({ key: q.key, message: q.message, default: q.default, choices: q.choices.map((c) => c.value), refused: [] });
      const scripted = next(q.key) as T | undefined;
      const value = scripted ?? q.default ?? q.choices[0]?.value;
      if (value === undefined || !q.choices.some((c) => c.value === value)) throw new Error(`${String(value)} is not offered for ${q.key}`);
      return value;
    },
    async confirm(q) {
      asked.push({ key: q.key, message: q.message, default: q.default, refused: [] });
      const scripted = next(q.key);
      return scripted === undefined ? (q.default ?? false) : Boolean(scripted);
    },
  };
  return { prompter, asked };
}
