// coop rules registered <id> / coop rules filed <id>: the amendment takes effect.

import { amendmentTakesEffect } from '../../api/rules.js';
import { longDate } from '../../core/dates.js';
import { committedNote, note, print, printJson } from '../../io/output.js';

export interface RulesTakeEffectOptions {
  cwd?: string;
  date: string;
  commit?: boolean;
  json?: boolean;
}

const takeEffect = (how: 'registered' | 'filed') => async (id: string, opts: RulesTakeEffectOptions) => {
  const r = await amendmentTakesEffect(opts.cwd ?? process.cwd(), id, how, { date: opts.date, ...(opts.commit === false ? { commit: false } : {}) });
  if (opts.json) {
    printJson(r);
    return;
  }
  print(`Amendment ${r.id} is in force from ${longDate(r.effective)}: coop.yml and the governing document now carry it. The version it replaces is kept as ${r.superseded}.`);
  const committed = committedNote(r.commit, opts.commit);
  if (committed) note(committed);
};

export const rulesRegistered = takeEffect('registered');
export const rulesFiled = takeEffect('filed');
