// A hostile case is one row: the input (arguments, and a spoiled group or environment), the
// exit code and message fragment expected, and — always — a check that nothing changed.

import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CACHE_STATES, spoilCaches } from '../support/cache-states.js';
import { copyGroup, expectUnchanged, runCoop, snapshot } from './harness.js';
import { template, type TemplateName } from './groups.js';

export interface HostileCase {
  name: string;
  /** Arguments after `coop`; a function gets the group's folder (for paths to files made in setup). */
  args: string[] | ((group: string) => string[]);
  /** Which group to start from (a copy, the case's own): default the worker co-op society. */
  group?: TemplateName;
  /** Spoils the copy before the run: a broken coop.yml, a hand-edited ledger, a file in the way. */
  setup?: (group: string) => void | Promise<void>;
  env?: Record<string, string | undefined> | ((group: string) => Record<string, string | undefined>);
  exit: number;
  /** Found in stderr or stdout. */
  message: string | RegExp;
  /** The folder to run in, given the group's folder (default: the group itself). */
  cwd?: (group: string) => string;
  /** The folder that must not change, given the group's folder (default: the group itself). */
  watch?: (group: string) => string;
  /** Undoes what setup did that would stop the temporary folder being removed (chattr +i). */
  teardown?: (group: string) => void;
}

/** The parent of a group's copy: where `coop new` cases make their folders. */
export const parentOf = (group: string) => join(group, '..');

/** Runs a table of hostile cases, one test each, and prints how many were tried. */
export function runTable(title: string, cases: HostileCase[]): void {
  const names = new Set<string>();
  for (const c of cases) {
    if (names.has(c.name)) throw new Error(`Two hostile cases are both called "${c.name}"`);
    names.add(c.name);
  }
  let tried = 0;
  let passed = 0;
  const states = new Map<string, number>();
  afterAll(() => {
    const inStates = CACHE_STATES.map((s) => `${states.get(s) ?? 0} ${s}`).join(', ');
    console.log(`hostile suite (${title}): ${tried} cases tried, ${passed} passed; each checked that nothing changed; caches ${inStates}`);
  });
  describe(title, () => {
    it.each(cases.map((c, i) => [c.name, c, i] as const))('%s', async (_name, c, i) => {
      tried += 1;
      const group = copyGroup(await template(c.group ?? 'society'));
      // Coop's caches in each state in turn, before the case spoils the group: none may change an answer.
      const state = CACHE_STATES[i % CACHE_STATES.length]!;
      states.set(state, (states.get(state) ?? 0) + 1);
      spoilCaches(group, state);
      try {
        await c.setup?.(group);
        const watched = (c.watch ?? ((g: string) => g))(group);
        const before = snapshot(watched);
        const args = typeof c.args === 'function' ? c.args(group) : c.args;
        const env = typeof c.env === 'function' ? c.env(group) : c.env;
        const r = await runCoop(args, (c.cwd ?? ((g: string) => g))(group), env);
        const output = `${r.stderr}\n${r.stdout}`;
        expect(r.exitCode, `exit code of coop ${args.join(' ').slice(0, 200)}\n${output.slice(0, 2000)}`).toBe(c.exit);
        if (typeof c.message === 'string') expect(output).toContain(c.message);
        else expect(output).toMatch(c.message);
        // No stack traces for things a person did: those are for bugs.
        expect(output).not.toMatch(/internal error|\n\s+at .+\(.+:\d+:\d+\)/);
        await expectUnchanged(watched, before, c.name);
        passed += 1;
      } finally {
        c.teardown?.(group);
      }
    });
  });
}
