// coop rules registered <id> / coop rules filed <id>: the amendment takes effect.

import { amendmentTakesEffect } from '../../api/rules.js';
import { longDate } from '../../core/dates.js';
import { committedNote, note, print, printJson } from '../../io/output.js';
import type { Context } from '../../io/context.js';

export interface RulesTakeEffectOptions {
  /** The amendment, e.g. 2027-05-01-quorum-percent. */
  id: string;
  date: string;
  commit?: boolean;
  json?: boolean;
}

const takeEffect = (how: 'registered' | 'filed') => async (opts: RulesTakeEffectOptions, ctx: Context) => {
  const r = await amendmentTakesEffect(ctx.cwd, opts.id, how, { date: opts.date, ...(opts.commit === false ? { commit: false } : {}) });
  if (opts.json) {
    printJson(ctx, r);
    return;
  }
  print(ctx, `Amendment ${r.id} is in force from ${longDate(r.effective)}: coop.yml and the governing document now carry it. The version it replaces is kept as ${r.superseded}.`);
  const committed = committedNote(r, opts.commit);
  if (committed) note(ctx, committed);
};

export const rulesRegistered = takeEffect('registered');
export const rulesFiled = takeEffect('filed');
