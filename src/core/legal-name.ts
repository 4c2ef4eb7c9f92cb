// The endings the law requires of a group's name, and the choices that change them: where the
// registered office is (Welsh endings), the s.60 exemption from "Limited", a CIC's endings.
// Pure: validate-params.ts reports what this finds against coop.yml and `coop new`'s flags.

import {
  CIC_NAME_ENDINGS,
  CIC_WELSH_NAME_ENDINGS,
  COMPANY_NAME_ENDINGS,
  COMPANY_NAME_SOURCE,
  COMPANY_WELSH_NAME_ENDINGS,
  LIMITED_EXEMPT_SOURCE,
  SOCIETY_WELSH_NAME_ENDING,
  isSociety,
} from './law.js';
import type { CoopParams } from './params.js';

export interface NameProblem {
  path: string;
  message: string;
}

const ALL_WELSH = [...COMPANY_WELSH_NAME_ENDINGS, ...CIC_WELSH_NAME_ENDINGS, SOCIETY_WELSH_NAME_ENDING.toLowerCase()];
const ALL_ENDINGS = [...CIC_NAME_ENDINGS, ...CIC_WELSH_NAME_ENDINGS, ...COMPANY_NAME_ENDINGS, ...COMPANY_WELSH_NAME_ENDINGS, 'cyfyngedig'];

/** The ending of `name` among `endings` (case-insensitive, after a space), or undefined. */
export function endingOf(name: string, endings: readonly string[]): string | undefined {
  const lower = name.trim().toLowerCase();
  return [...endings].sort((a, b) => b.length - a.length).find((e) => lower.endsWith(` ${e}`));
}

/** The name without any legal ending, for suggesting a valid one. */
function baseOf(name: string): string {
  const ending = endingOf(name, ALL_ENDINGS);
  return ending
    ? name
        .trim()
        .slice(0, -(ending.length + 1))
        .trim()
    : name.trim();
}

/** Whether the governing document states that the registered office is in Wales. */
export function officeInWales(group: CoopParams['group']): boolean {
  return group.jurisdiction === 'england-wales' && group.officeCountry === 'wales';
}

/** Every problem with the group's name and the name-related choices. Empty when all is well. */
export function nameProblems(p: CoopParams): NameProblem[] {
  const out: NameProblem[] = [];
  const { group } = p;
  const { form, name } = group;
  const wales = officeInWales(group);
  const base = baseOf(name);
  const welshEnding = endingOf(name, ALL_WELSH);

  if (group.officeCountry !== undefined && group.jurisdiction !== 'england-wales') {
    out.push({
      path: 'group.officeCountry',
      message: `The office country (england or wales) applies only to a group in England and Wales; a group in ${group.jurisdiction === 'scotland' ? 'Scotland' : 'Northern Ireland'} has its office there. Leave --office-country out.`,
    });
  }
  if (welshEnding && !wales) {
    const where =
      group.jurisdiction === 'england-wales'
        ? 'add --office-country wales if the registered office is in Wales, or'
        : `a group in ${group.jurisdiction === 'scotland' ? 'Scotland' : 'Northern Ireland'} cannot use a Welsh ending;`;
    const english = form === 'cic' ? 'CIC' : 'Limited';
    out.push({
      path: 'group.name',
      message: `"${name}" ends in the Welsh "${welshEnding}", which the law allows only when the governing document states that the registered office is in Wales (${isSociety(form) ? '2014 Act s.10(2)' : form === 'cic' ? '2004 Act s.33(2)' : `${COMPANY_NAME_SOURCE}(2)`}): ${where} try "${base} ${english}".`,
    });
    return out;
  }

  if (isSociety(form)) {
    const endings = wales ? ['limited', 'cyfyngedig'] : ['limited'];
    if (!endingOf(name, endings)) {
      out.push({
        path: 'group.name',
        message: `A registered society's name must end in "Limited"${wales ? ' or "Cyfyngedig"' : ' ("Cyfyngedig" only when the rules state the registered office is in Wales)'} (2014 Act s.10): try "${base} Limited".`,
      });
    }
  }
  if (form === 'company-limited-by-guarantee' && !group.limitedExempt) {
    const endings = wales ? [...COMPANY_NAME_ENDINGS, ...COMPANY_WELSH_NAME_ENDINGS] : COMPANY_NAME_ENDINGS;
    if (!endingOf(name, endings)) {
      out.push({
        path: 'group.name',
        message: `A company limited by guarantee's name must end in "Limited" or "Ltd"${wales ? ' (or "Cyfyngedig" or "Cyf")' : ''} (${COMPANY_NAME_SOURCE}) unless it claims the exemption (${LIMITED_EXEMPT_SOURCE}) with --limited-exempt: try "${base} Limited".`,
      });
    }
  }
  if (form === 'cic') {
    const endings = wales ? [...CIC_NAME_ENDINGS, ...CIC_WELSH_NAME_ENDINGS] : CIC_NAME_ENDINGS;
    if (!endingOf(name, endings)) {
      out.push({
        path: 'group.name',
        message: `A community interest company's name must end in "community interest company", "CIC" or "c.i.c."${wales ? ' (or "cwmni buddiant cymunedol" or "CBC")' : ''} (2004 Act s.33): try "${base} CIC".`,
      });
    }
  }

  if (group.limitedExempt) {
    if (form !== 'company-limited-by-guarantee') {
      out.push({
        path: 'group.limitedExempt',
        message: `Only a company limited by guarantee (not a CIC, society or association) can claim the exemption from "Limited" (${LIMITED_EXEMPT_SOURCE}). Leave --limited-exempt out.`,
      });
    } else if (group.kind === 'worker-coop') {
      out.push({
        path: 'group.limitedExempt',
        message: `A worker co-op's articles share surplus among its members as a bonus, so they do not require all income to be applied to the objects, a condition of the exemption (${LIMITED_EXEMPT_SOURCE}). Leave --limited-exempt out and end the name in "Limited": try "${base} Limited".`,
      });
    } else if (p.dissolution.rule !== 'similar-body' && p.dissolution.rule !== 'asset-lock') {
      out.push({
        path: 'group.limitedExempt',
        message: `The exemption from "Limited" needs articles that send the assets on winding up to a body with similar objects or a charity (${LIMITED_EXEMPT_SOURCE}): use --dissolution similar-body or asset-lock, or leave --limited-exempt out.`,
      });
    }
  }
  return out;
}
