// Which law applies where: the Act, the registrar, and the words Scots law uses. The forms
// share one set of templates, so everything that changes with the jurisdiction comes from here.

import { isCompany, isSociety } from '../law.js';
import type { Form, Jurisdiction } from '../params.js';
import { jurisdictionName } from '../validate-params.js';

export interface PlaceContext {
  /** "England and Wales", "Scotland", "Northern Ireland". */
  jurisdiction: string;
  englandWales: boolean;
  scotland: boolean;
  northernIreland: boolean;
  /** The Act the group is formed under, or null for an unincorporated association. */
  act: string | null;
  /** Who registers the group and its rule changes, or null for an association. */
  registrar: string | null;
  /** The short name used after the first mention: "the FCA", "the Registrar", "Companies House". */
  registrarShort: string | null;
  /** Where a society's or company's registered office must be. */
  officeRegion: string;
  /** Who acts for a member who has died: "personal representatives" / Scots "executors". */
  deceasedRepresentatives: string;
  /** "is made bankrupt" / Scots "has their estate sequestrated". */
  becomesInsolvent: string;
  /** "trustee in bankruptcy" / Scots "trustee in the sequestration". */
  insolvencyTrustee: string;
  /** What a lender's security over property is called: Scots law has no mortgages. */
  security: string;
}

const SOCIETY_ACT_GB = 'Co-operative and Community Benefit Societies Act 2014';
// The Industrial and Provident Societies Act (Northern Ireland) 1969, renamed by the Credit
// Unions and Co-operative and Community Benefit Societies (Northern Ireland) Act 2016 [S, FCA].
const SOCIETY_ACT_NI = 'Co-operative and Community Benefit Societies Act (Northern Ireland) 1969';
const COMPANIES_ACT = 'Companies Act 2006';

// Since 6 April 2018 the FCA also registers Northern Ireland societies: the registry moved
// from the Department for the Economy (the 2016 NI Act; SR 2006/258 reg 2 as amended now defines
// "the Registrar" as the FCA [V]; uk-facts.md §1).
export function placeContext(form: Form, jurisdiction: Jurisdiction, inWales = false): PlaceContext {
  const scotland = jurisdiction === 'scotland';
  const ni = jurisdiction === 'northern-ireland';
  const society = isSociety(form);
  const company = isCompany(form);
  return {
    jurisdiction: jurisdictionName(jurisdiction),
    englandWales: jurisdiction === 'england-wales',
    scotland,
    northernIreland: ni,
    act: society ? (ni ? SOCIETY_ACT_NI : SOCIETY_ACT_GB) : company ? COMPANIES_ACT : null,
    registrar: society ? 'the Financial Conduct Authority (the FCA)' : company ? 'the Registrar of Companies (Companies House)' : null,
    registrarShort: society ? 'the FCA' : company ? 'Companies House' : null,
    // A GB society's office may be anywhere in Great Britain (2014 Act s.2); a company's is
    // fixed to the part of the UK it is registered in.
    // A Welsh society or company states that its office is in Wales (2014 Act s.10(2); Companies
    // Act 2006 s.88), which is what lets its name take a Welsh ending.
    officeRegion: inWales ? 'Wales' : society && !ni ? 'Great Britain' : jurisdictionName(jurisdiction),
    deceasedRepresentatives: scotland ? 'executors' : 'personal representatives',
    becomesInsolvent: scotland ? 'has their estate sequestrated' : 'is made bankrupt',
    insolvencyTrustee: scotland ? 'trustee in the sequestration' : 'trustee in bankruptcy',
    security: scotland ? 'a standard security or floating charge' : 'a mortgage or charge',
  };
}
