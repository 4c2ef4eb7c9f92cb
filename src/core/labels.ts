// The words a secretary would use for each choice, for documents and the wizard.

import type { BoardStyle, DecisionMethod, DissolutionRule, Form, Jurisdiction, Kind } from './params.js';

export const KIND_LABEL: Record<Kind, string> = {
  'worker-coop': 'worker co-operative',
  'neighbourhood-group': 'neighbourhood group',
  'arts-project': 'community arts project',
  'community-radio': 'community radio station',
};

export const FORM_LABEL: Record<Form, string> = {
  'co-operative-society': 'co-operative society',
  'community-benefit-society': 'community benefit society',
  'company-limited-by-guarantee': 'company limited by guarantee',
  cic: 'community interest company (CIC)',
  'unincorporated-association': 'unincorporated association',
};

/** What each form means for the founders, shown beside the choice in the wizard. */
export const FORM_HINT: Record<Form, string> = {
  'co-operative-society': 'registered with the FCA; members hold shares, one member one vote; run for its members',
  'community-benefit-society': 'registered with the FCA; members hold shares; run for the wider community',
  'company-limited-by-guarantee': 'registered at Companies House; members guarantee a small sum instead of holding shares',
  cic: 'a company with an asset lock, registered at Companies House and overseen by the CIC Regulator',
  'unincorporated-association': 'no registration and no separate legal identity: simplest, but the committee can be personally liable',
};

export const JURISDICTION_LABEL: Record<Jurisdiction, string> = {
  'england-wales': 'England and Wales',
  scotland: 'Scotland',
  'northern-ireland': 'Northern Ireland',
};

export const DECISION_LABEL: Record<DecisionMethod, string> = {
  majority: 'majority voting',
  consensus: 'consensus, with a fallback vote when consensus fails',
};

export const BOARD_LABEL: Record<BoardStyle, string> = {
  'elected-rotation': 'an elected board, one third retiring by rotation each year',
  'all-members': 'every member sits on the management committee',
};

export const DISSOLUTION_LABEL: Record<DissolutionRule, string> = {
  'common-ownership': 'common ownership: assets go to another co-operative',
  'co-ownership': 'co-ownership: assets are shared among the members',
  'similar-body': 'assets go to a group with similar aims',
  'asset-lock': 'asset lock: assets go to another asset-locked body',
};

/** "chair" → "Chair", "vice-chair" → "Vice-Chair". */
export function roleTitle(role: string): string {
  return role.replace(/(^|-)([a-z])/g, (_m, dash: string, c: string) => dash + c.toUpperCase());
}

/** "a" or "an" before a label. */
export function article(word: string): string {
  return /^[aeiou]/i.test(word) ? 'an' : 'a';
}
