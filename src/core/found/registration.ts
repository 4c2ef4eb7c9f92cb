// Where a newly founded group registers, and what it owes each year after. These are the
// facts behind documents/next-steps.md; the prose lives in its template.

import {
  CIC_REPORT_MONTHS,
  COMPANY_ACCOUNTS_MONTHS,
  CONFIRMATION_STATEMENT_FILING_DAYS,
  CONFIRMATION_STATEMENT_MONTHS,
  OFCOM_LICENCE_YEARS,
  PSC_THRESHOLD_PERCENT,
  SOCIETY_ANNUAL_RETURN_MONTHS,
  SOCIETY_MIN_MEMBERS,
  isCompany,
  isSociety,
} from '../law.js';
import type { Form, Jurisdiction, Kind } from '../params.js';

export type Route = 'fca' | 'ni-registrar' | 'companies-house' | 'none';

export interface Registration {
  route: Route;
  /** The registering body, in full. */
  registrar: string;
  /** The Act the group is formed under. */
  act: string;
  fca: boolean;
  niRegistrar: boolean;
  companiesHouse: boolean;
  cicRegulator: boolean;
  none: boolean;
  /** Numbers the checklist quotes, each from law.ts. */
  societyMinMembers: number;
  annualReturnMonths: number;
  accountsMonths: number;
  confirmationMonths: number;
  confirmationFilingDays: number;
  cicReportMonths: number;
  ofcomLicenceYears: number;
  pscPercent: number;
  /** Who registers charities where the group is, if its aims are charitable. */
  charityRegulator: string;
  ofcom: boolean;
}

/** Registered societies: the FCA in Great Britain (2014 Act); in Northern Ireland its own registrar (1969 Act) [U: check the registrar's name before relying on it]. */
const SOCIETY_REGISTRAR: Record<Jurisdiction, { route: Route; registrar: string; act: string }> = {
  'england-wales': { route: 'fca', registrar: 'the Financial Conduct Authority (FCA)', act: 'the Co-operative and Community Benefit Societies Act 2014' },
  scotland: { route: 'fca', registrar: 'the Financial Conduct Authority (FCA)', act: 'the Co-operative and Community Benefit Societies Act 2014' },
  'northern-ireland': {
    route: 'ni-registrar',
    registrar: 'the Registrar of Credit Unions and Industrial and Provident Societies at the Department for the Economy (Northern Ireland)',
    act: 'the Co-operative and Community Benefit Societies Act (Northern Ireland) 1969',
  },
};

const CHARITY_REGULATOR: Record<Jurisdiction, string> = {
  'england-wales': 'the Charity Commission for England and Wales',
  scotland: 'the Scottish Charity Regulator (OSCR)',
  'northern-ireland': 'the Charity Commission for Northern Ireland',
};

export function registrationFor(kind: Kind, form: Form, jurisdiction: Jurisdiction): Registration {
  const society = isSociety(form);
  const company = isCompany(form);
  const base = society
    ? SOCIETY_REGISTRAR[jurisdiction]
    : company
      ? { route: 'companies-house' as const, registrar: 'Companies House', act: 'the Companies Act 2006' }
      : { route: 'none' as const, registrar: 'nobody: an unincorporated association does not register', act: 'no Act: the constitution is an agreement between the members' };
  return {
    ...base,
    fca: base.route === 'fca',
    niRegistrar: base.route === 'ni-registrar',
    companiesHouse: base.route === 'companies-house',
    cicRegulator: form === 'cic',
    none: base.route === 'none',
    societyMinMembers: SOCIETY_MIN_MEMBERS,
    annualReturnMonths: SOCIETY_ANNUAL_RETURN_MONTHS,
    accountsMonths: COMPANY_ACCOUNTS_MONTHS,
    confirmationMonths: CONFIRMATION_STATEMENT_MONTHS,
    confirmationFilingDays: CONFIRMATION_STATEMENT_FILING_DAYS,
    cicReportMonths: CIC_REPORT_MONTHS,
    ofcomLicenceYears: OFCOM_LICENCE_YEARS,
    pscPercent: PSC_THRESHOLD_PERCENT,
    charityRegulator: CHARITY_REGULATOR[jurisdiction],
    ofcom: kind === 'community-radio',
  };
}
