// The values each choice in coop.yml may take. Apart from the schema (params.ts), so that what
// only needs the names of the choices (coop new's answers and its coop.yml writer) does not load
// the schema library with them.

export const KINDS = ['worker-coop', 'neighbourhood-group', 'arts-project', 'community-radio'] as const;
export const FORMS = ['co-operative-society', 'community-benefit-society', 'company-limited-by-guarantee', 'cic', 'unincorporated-association'] as const;
export const JURISDICTIONS = ['england-wales', 'scotland', 'northern-ireland'] as const;
export const DECISION_METHODS = ['majority', 'consensus'] as const;
export const BOARD_STYLES = ['elected-rotation', 'all-members'] as const;
export const DISSOLUTION_RULES = ['common-ownership', 'co-ownership', 'similar-body', 'asset-lock'] as const;
/** Board elections: each voter votes for up to as many candidates as there are seats, or for one. */
export const ELECTION_METHODS = ['up-to-seats', 'one-each'] as const;
/** A tie for the last seat: decided by lot, or by the chair's casting vote. */
export const ELECTION_TIE_BREAKS = ['lot', 'chair'] as const;
export const OFFICE_COUNTRIES = ['england', 'wales'] as const;

export type Kind = (typeof KINDS)[number];
export type Form = (typeof FORMS)[number];
export type Jurisdiction = (typeof JURISDICTIONS)[number];
export type DecisionMethod = (typeof DECISION_METHODS)[number];
export type BoardStyle = (typeof BOARD_STYLES)[number];
export type DissolutionRule = (typeof DISSOLUTION_RULES)[number];
export type OfficeCountry = (typeof OFFICE_COUNTRIES)[number];
