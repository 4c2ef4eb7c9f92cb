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
import { placeContext } from '../documents/place.js';

// The FCA registers societies in Northern Ireland too, since 6 April 2018 (law.ts), so there
// is no separate Northern Ireland route.
export type Route = 'fca' | 'companies-house' | 'none';

export interface Registration {
  route: Route;
  /** The registering body, in full. */
  registrar: string;
  /** The Act the group is formed under. */
  act: string;
  fca: boolean;
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
  /** Companies House's application to register a company. */
  incorporationForm: string;
  /** The CIC Regulator's forms: the community interest statement filed with the application, and the yearly report. */
  cicStatementForm: string;
  cicReportForm: string;
}

const CHARITY_REGULATOR: Record<Jurisdiction, string> = {
  'england-wales': 'the Charity Commission for England and Wales',
  scotland: 'the Scottish Charity Regulator (OSCR)',
  'northern-ireland': 'the Charity Commission for Northern Ireland',
};

export function registrationFor(kind: Kind, form: Form, jurisdiction: Jurisdiction): Registration {
  // The registrar and the Act are named once, in core/documents/place.ts, for the governing
  // document and this checklist alike.
  const place = placeContext(form, jurisdiction);
  const route: Route = isSociety(form) ? 'fca' : isCompany(form) ? 'companies-house' : 'none';
  const base = {
    route,
    registrar: place.registrar ?? 'nobody: an unincorporated association does not register',
    act: place.act ? `the ${place.act}` : 'no Act: the constitution is an agreement between the members',
  };
  return {
    ...base,
    fca: base.route === 'fca',
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
    incorporationForm: 'IN01',
    cicStatementForm: 'CIC36',
    cicReportForm: 'CIC34',
  };
}
