// The papers of an amendment, as Markdown: the special resolution in full, the schedule of
// changes, and the filing pack (what goes to whom, by when). Pure: built from the rules, the
// schedule and law.ts, so the numbers and sections quoted are the ones the checks use.

import { formatFraction } from '../fraction.js';
import { CIC_OBJECTS_SOURCE, COMPANY_AMENDMENT_FILING_DAYS, COMPANY_AMENDMENT_SOURCE, SOCIETY_AMENDMENT_SOURCE, isCompany, isSociety } from '../law.js';
import { escapeMarkdown } from '../markdown.js';
import type { CoopParams } from '../params.js';
import { governingDocumentFile } from '../documents/governing.js';
import { jurisdictionName } from '../validate-params.js';
import { valueText, type ParamChange } from './changes.js';
import type { ScheduleEntry } from './schedule.js';

/** "rule", "article" or "clause": what one numbered provision of the document is called. */
function provision(params: CoopParams): string {
  return isSociety(params.group.form) ? 'rule' : isCompany(params.group.form) ? 'article' : 'clause';
}

const plain = (text: string) =>
  text
    .replace(/\*\*(\d+(?:\.\d+)?)\*\* /g, '')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * The special resolution, one paragraph so that a notice prints it whole: every change in the
 * schedule, with the new wording in full. Ends with where the consolidated document is.
 */
export function resolutionText(params: CoopParams, id: string, schedule: readonly ScheduleEntry[]): string {
  const doc = governingDocumentFile(params.group.form);
  const word = provision(params);
  const parts = schedule.map((e) => {
    const where = `${word} ${e.ref} (${e.title})`;
    if (e.current === null) return `a new ${where} be inserted, reading “${plain(e.proposed ?? '')}”`;
    if (e.proposed === null) return `${where} be deleted`;
    return `${where} be replaced by “${plain(e.proposed)}”`;
  });
  return `That the ${doc.title} of ${params.group.name} be amended as follows: ${parts.join('; ')}; as set out in the schedule of changes and the amended ${doc.title} in amendments/${id}/.`;
}

export function resolutionPaper(params: CoopParams, id: string, text: string): string {
  const threshold = formatFraction(params.meetings.specialResolution);
  return `# Special resolution: amendment ${id}

**${escapeMarkdown(params.group.name)}**

To be proposed as a **special resolution** at a general meeting. It is passed by at least ${threshold} of the votes cast, and the notice of the meeting must set it out in full.

> ${escapeMarkdown(text)}

Put it to a meeting with: \`coop meeting new general --amendment ${id} --date … --time … --place …\` (or \`agm\`).
`;
}

export function schedulePaper(params: CoopParams, id: string, changes: readonly ParamChange[], schedule: readonly ScheduleEntry[]): string {
  const doc = governingDocumentFile(params.group.form);
  const lines = [
    `# Schedule of changes: amendment ${id}`,
    '',
    `**${escapeMarkdown(params.group.name)}**: the ${doc.title} now, and as they would read if the amendment is passed${isSociety(params.group.form) ? ' and registered' : ''}.`,
    '',
    '## The rules parameters changed (coop.yml)',
    '',
    '| Setting | Now | Proposed |',
    '| --- | --- | --- |',
    ...changes.map((c) => `| ${c.path} | ${escapeMarkdown(valueText(c.from))} | ${escapeMarkdown(valueText(c.to))} |`),
    '',
    `## The ${doc.title}, ${provision(params)} by ${provision(params)}`,
    '',
  ];
  for (const e of schedule) {
    lines.push(
      `### ${capitalise(provision(params))} ${e.ref}: ${e.title}`,
      '',
      '**Current wording:**',
      '',
      quote(e.current ?? '(none: this is new)'),
      '',
      '**New wording:**',
      '',
      quote(e.proposed ?? '(deleted)'),
      '',
    );
  }
  if (schedule.length === 0) lines.push(`The wording of the ${doc.title} does not change.`, '');
  return lines.join('\n');
}

const quote = (text: string) =>
  text
    .split('\n')
    .map((l) => (l ? `> ${l}` : '>'))
    .join('\n');
const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** What to send to whom, and by when, for the group's form and jurisdiction. */
export function filingPaper(params: CoopParams, id: string, changes: readonly ParamChange[]): string {
  const doc = governingDocumentFile(params.group.form);
  const form = params.group.form;
  const where = jurisdictionName(params.group.jurisdiction);
  const objects = changes.some((c) => c.path === 'group.objects');
  const out = [`# Filing pack: amendment ${id}`, '', `**${escapeMarkdown(params.group.name)}**, ${where}.`, ''];
  if (isSociety(form)) {
    out.push(
      '## Who must register it: the Financial Conduct Authority (FCA)',
      '',
      `The amendment has **no effect until the FCA registers it** (${SOCIETY_AMENDMENT_SOURCE}). Until then the current ${doc.title} stay in force, and coop keeps using them.`,
      '',
      `1. Pass the special resolution at a general meeting (coop meeting new … --amendment ${id}, then coop meeting close).`,
      `2. Apply to the FCA to register the amendment (the FCA's Mutuals Public Register service, "application for registration of an amendment of rules"), with the amended ${doc.title} (amendments/${id}/${doc.path}) signed as the FCA asks, and its fee.`,
      `3. When the FCA confirms registration, record its date: \`coop rules registered ${id} --date YYYY-MM-DD\`. Only then do coop.yml and ${doc.path} change.`,
      '',
      params.group.jurisdiction === 'northern-ireland'
        ? 'Northern Ireland societies are registered by the FCA too (since 6 April 2018).'
        : 'Societies in England, Wales and Scotland are all registered by the FCA.',
    );
  } else if (isCompany(form)) {
    out.push(
      '## Who must be told: Companies House',
      '',
      `A company's articles are amended by special resolution, which takes effect when passed (${COMPANY_AMENDMENT_SOURCE}). Within **${COMPANY_AMENDMENT_FILING_DAYS} days** after it is passed, send the registrar of companies:`,
      '',
      `- a copy of the special resolution (amendments/${id}/resolution.md, signed), and`,
      `- a copy of the articles as amended (amendments/${id}/${doc.path}).`,
      '',
      `Not filing in time is an offence by the company and its officers. When filed, record it: \`coop rules filed ${id} --date YYYY-MM-DD\`; \`coop status\` shows the deadline until then.`,
    );
    if (form === 'cic' && objects) {
      out.push(
        '',
        '## A change to a CIC’s objects: the CIC Regulator',
        '',
        `A community interest company's change of objects does not take effect until registered, and the registrar registers it only with the CIC Regulator's agreement (${CIC_OBJECTS_SOURCE}). Send the resolution with form CIC14 (with its fee) to Companies House, which passes it to the Regulator; record the date it is registered with \`coop rules filed ${id} --date YYYY-MM-DD\`.`,
      );
    }
  } else {
    out.push(
      '## Who must be told',
      '',
      `An unincorporated association has no registrar: the amendment takes effect as its ${doc.title} provides, on being passed by the meeting. Record it with \`coop rules registered ${id} --date YYYY-MM-DD\` (the date it was passed), so that coop.yml and ${doc.path} change.`,
      '',
      'Then send the amended Constitution to anyone who holds a copy: the bank (signatories and mandates), funders, any umbrella body or licensing authority, and the Charity Commission or OSCR if the group is a registered charity.',
    );
  }
  out.push('');
  return out.join('\n');
}
