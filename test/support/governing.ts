import { legalName } from '../../src/core/defaults.js';
// Parsed rules parameters for governing-document tests: a kind's defaults, a fixed founding
// date so snapshots do not move, and an optional tweak applied to the coop.yml values.

import { defaultParams } from '../../src/core/defaults.js';

import { paramsSchema, type CoopParams, type CoopParamsInput, type Form, type Jurisdiction, type Kind } from '../../src/core/params.js';
import { validateParams } from '../../src/core/validate-params.js';

export function paramsFor(kind: Kind, form: Form, jurisdiction: Jurisdiction = 'england-wales', tweak?: (p: CoopParamsInput) => void): CoopParams {
  const name = legalName('Riverside Example', form);
  const input = defaultParams({ kind, form, jurisdiction, name, founded: '2024-01-15' });
  tweak?.(input);
  const params = paramsSchema.parse(input);
  // A test document drafted from rules the validator refuses would prove nothing.
  const problems = validateParams(params);
  if (problems.length > 0) throw new Error(`test params are invalid: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
  return params;
}

/** The options that are not the defaults, all at once: consensus, proxies, other board style, other share terms. */
export function alternativeOptions(p: CoopParamsInput): void {
  p.decisions = { method: 'consensus', fallbackThreshold: '80%' };
  p.meetings.proxies = { allowed: true, maxPerHolder: 3, countTowardsQuorum: false };
  p.meetings.castingVote = !(p.group.form === 'company-limited-by-guarantee' || p.group.form === 'cic');
  p.board.style = p.board.style === 'all-members' ? 'elected-rotation' : 'all-members';
  if (p.shares) p.shares = { ...p.shares, withdrawable: !p.shares.withdrawable, transferable: !p.shares.transferable };
}

/** The text of one numbered clause ("## 7. Limit on shareholding") up to the next, or undefined. */
export function clause(markdown: string, heading: string): string | undefined {
  const lines = markdown.split('\n');
  const start = lines.findIndex((l) => new RegExp(`^## \\d+\\. ${escapeRegExp(heading)}$`).test(l));
  if (start < 0) return undefined;
  const rest = lines.slice(start + 1);
  const end = rest.findIndex((l) => l.startsWith('## '));
  return (end < 0 ? rest : rest.slice(0, end)).join('\n');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
