// What each kind of group starts from. These are choices, not law: a founder can change any
// of them with a flag, --answers, or later in coop.yml. The law's limits are in law.ts.

import { defaultBoardExtras, defaultWrittenResolutions } from './board/rules.js';
import { formatFraction } from './fraction.js';
import { hasShares, isCompany, isSociety } from './law.js';
import type { CoopParams, CoopParamsInput, Form, Jurisdiction, Kind } from './params.js';
import { TEMPLATE_VERSION, VERSION } from '../version.js';

export const DEFAULT_FORM: Record<Kind, Form> = {
  'worker-coop': 'co-operative-society',
  'neighbourhood-group': 'unincorporated-association',
  // A CIC gives an arts project limited liability and an asset lock, which funders look for,
  // with lighter regulation than a registered society.
  'arts-project': 'cic',
  'community-radio': 'company-limited-by-guarantee',
};

export const DEFAULT_OBJECTS: Record<Kind, string> = {
  'worker-coop':
    'to carry on business as a worker co-operative, owned and controlled by the people who work in it, providing good and secure work for its members and serving its customers and community',
  'neighbourhood-group':
    'to improve life in the area for the people who live and work here: to bring neighbours together, to speak up for the area, and to organise activities and improvements that residents want',
  'arts-project':
    'to make the arts open to everyone in the area: to create, show and teach art, music, performance and crafts, and to give local people, especially those with fewest opportunities, the chance to take part',
  'community-radio':
    'to run a community radio service for the area for social gain: serving listeners who are under-served by other broadcasters, encouraging discussion and the expression of opinion, giving local people training and experience in broadcasting, and helping the community understand itself better',
};

export const DEFAULT_ELIGIBILITY: Record<Kind, string> = {
  'worker-coop':
    'anyone aged 16 or over who works for the co-operative for at least 8 hours a week, has completed any trial period the members set, applies in writing, and is admitted by the board',
  'neighbourhood-group': 'anyone aged 16 or over who lives or works in the area and supports the group’s aims',
  'arts-project': 'anyone aged 16 or over who supports the project’s aims, including artists, participants, volunteers and local residents',
  'community-radio': 'anyone aged 16 or over who lives, works or studies in the area the station serves and supports its aims, including volunteers who help run it',
};

const DEFAULT_RECIPIENT: Record<CoopParams['dissolution']['rule'], string> = {
  'common-ownership': 'another co-operative or common-ownership enterprise, or a body that promotes co-operation, chosen by the members at or before dissolution',
  'co-ownership': 'the members, and those who were members in the six years before dissolution, in proportion to their work for the co-operative',
  'similar-body': 'another not-for-profit group with similar aims, serving the same area where possible, chosen by the members at or before dissolution',
  'asset-lock': 'another asset-locked body (a charity, a community interest company or a community benefit society with an asset lock) with similar aims, chosen by the members',
};

/** Where a charitable society's remaining assets go: it has no statutory lock, so its rules keep them for charity. */
export const CHARITABLE_RECIPIENT =
  'one or more charities with objects the same as or similar to the society’s, chosen by the members at or before dissolution, or failing that by the board';

/** A CIC with no specified asset-locked body: the Regulator directs (SI 2005/1788 reg 23(6)). */
export const CIC_REGULATOR_RECIPIENT = 'an asset-locked body as the Regulator of Community Interest Companies directs';

export const DEFAULT_FOUNDERS = ['Alex Example', 'Sam Example', 'Jo Example'] as const;
// 31 March: the end of the UK tax year, which most small groups' treasurers already work to.
export const DEFAULT_YEAR_END = '03-31';

/** With --yes and no --kind: a worker co-op, the group the demo in the README founds. */
export const DEFAULT_KIND: Kind = 'worker-coop';
export const DEFAULT_JURISDICTION: Jurisdiction = 'england-wales';

/** The vote that decides when consensus fails: the same three quarters most models use for special resolutions. */
export const DEFAULT_FALLBACK_THRESHOLD = '75%';

/**
 * People who must sign for the group's bank account: two, so that nobody spends the group's
 * money alone. A practice every bank and model constitution expects, not a statute.
 */
export const BANK_SIGNATORIES = 2;

/** "demo-coop" → "Demo Coop"; a society's name gets "Limited". */
export function defaultName(dirName: string, form: Form): string {
  // Within printable ASCII, letters and digits are exactly A-Z, a-z and 0-9; the Unicode class
  // is left for names that need it, as the regex engine builds its tables on first use.
  const notWord = /^[ -~]*$/.test(dirName) ? /[^A-Za-z0-9]+/g : /[^\p{L}\p{N}]+/gu;
  const words = dirName
    .replace(notWord, ' ')
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1));
  return legalName(words.length > 0 ? words.join(' ') : 'Our Group', form);
}

/** A name with the ending the law requires for the form: "Limited" for a society or company, "CIC" for a CIC. */
export function legalName(base: string, form: Form): string {
  if (form === 'cic') return `${base} CIC`;
  // A company limited by guarantee ends in "Limited" too unless it claims the s.60 exemption.
  return isSociety(form) || form === 'company-limited-by-guarantee' ? `${base} Limited` : base;
}

export interface DefaultsInput {
  kind: Kind;
  form: Form;
  jurisdiction: Jurisdiction;
  name: string;
  founded: string;
}

/** The full set of parameters a group of this kind and form starts with, as coop.yml holds them. */
export function defaultParams({ kind, form, jurisdiction, name, founded }: DefaultsInput): CoopParamsInput {
  const company = isCompany(form);
  const worker = kind === 'worker-coop';
  const dissolutionRule: CoopParams['dissolution']['rule'] =
    form === 'cic' ? 'asset-lock' : worker ? 'common-ownership' : form === 'community-benefit-society' ? 'asset-lock' : 'similar-body';
  return {
    createCoop: { version: VERSION, templateVersion: TEMPLATE_VERSION },
    group: {
      name,
      kind,
      form,
      jurisdiction,
      objects: DEFAULT_OBJECTS[kind],
      area: 'the local area',
      registeredOffice: 'to be confirmed by the founders',
      founded,
      financialYearEnd: DEFAULT_YEAR_END,
    },
    membership: { eligibility: DEFAULT_ELIGIBILITY[kind] },
    decisions: { method: 'majority', fallbackThreshold: null, writtenResolutions: defaultWrittenResolutions() },
    meetings: {
      noticeClearDays: 14,
      postalServiceDays: 2,
      emailServiceDays: 1,
      shortNoticeConsent: '90%',
      quorum: { members: 3, percent: worker ? '25%' : '10%' },
      // Companies must let members appoint proxies (Companies Act 2006 s.324); small
      // associations and worker co-ops usually meet in person.
      proxies: company ? { allowed: true, maxPerHolder: 5, countTowardsQuorum: true } : { allowed: false, maxPerHolder: 0, countTowardsQuorum: false },
      specialResolution: form === 'unincorporated-association' ? '2/3' : '75%',
      castingVote: false,
      agm: { withinMonthsOfYearEnd: 6, maxMonthsBetween: 15 },
    },
    board: {
      style: worker ? 'all-members' : 'elected-rotation',
      minSize: 3,
      maxSize: worker ? 50 : 12,
      quorum: { members: 2, percent: '50%' },
      roles: ['chair', 'secretary', 'treasurer'],
      officersMustBeMembers: true,
      ...defaultBoardExtras(worker ? 'all-members' : 'elected-rotation'),
    },
    shares: hasShares(form)
      ? worker
        ? { nominalPence: 100, minimumHolding: 1, maximumHolding: 1, withdrawable: true, transferable: false }
        : { nominalPence: 100, minimumHolding: 1, maximumHolding: 20_000, withdrawable: true, transferable: false }
      : null,
    guaranteePence: company ? 100 : null,
    dissolution: { rule: dissolutionRule, recipient: form === 'cic' ? CIC_REGULATOR_RECIPIENT : DEFAULT_RECIPIENT[dissolutionRule] },
  };
}

/** The recipient text that goes with a dissolution rule, for when a founder picks only the rule. */
export function defaultRecipient(rule: CoopParams['dissolution']['rule']): string {
  return DEFAULT_RECIPIENT[rule];
}

/** Parsed params back to the plain values coop.yml holds (fractions as "75%" or "2/3"). */
export function toPlainParams(p: CoopParams): CoopParamsInput {
  return {
    ...p,
    decisions: { ...p.decisions, fallbackThreshold: p.decisions.fallbackThreshold ? formatFraction(p.decisions.fallbackThreshold) : null },
    meetings: {
      ...p.meetings,
      shortNoticeConsent: formatFraction(p.meetings.shortNoticeConsent),
      quorum: { ...p.meetings.quorum, percent: formatFraction(p.meetings.quorum.percent) },
      specialResolution: formatFraction(p.meetings.specialResolution),
    },
    board: { ...p.board, quorum: { ...p.board.quorum, percent: formatFraction(p.board.quorum.percent) } },
  };
}
