// The founding as a plan: every file the new group's repository starts with, as content or as
// a template and its context. Pure: rendering and writing happen in io, after every question.

import { GROUP_GITIGNORE } from '../group-files.js';
import type { CoopParams } from '../params.js';
import { FOUNDING_FILES, foundingContext, registrationPack, type GoverningRef } from './context.js';
import type { Founder } from './founders.js';
import { foundingContacts, foundingEvents, ledgerText } from './register.js';

export type FileSpec = { path: string; tracked: boolean; content: string } | { path: string; tracked: boolean; template: string; context: object };

/** The governing document, already drafted (io/render-governing.ts numbers its clauses). */
export interface GoverningDocument extends GoverningRef {
  content: string;
}

export interface FoundingPlan {
  files: FileSpec[];
  /** The one commit's message. */
  message: string;
}

/** The group's own documents, as templates under templates/group/ (".hbs" files are rendered). */
const GROUP_TEMPLATES = [
  { template: 'group/README.md.hbs', path: FOUNDING_FILES.readme },
  { template: 'group/documents/founding-minutes.md.hbs', path: FOUNDING_FILES.minutes },
  { template: 'group/documents/next-steps.md.hbs', path: FOUNDING_FILES.nextSteps },
  { template: 'group/documents/privacy-notice.md.hbs', path: FOUNDING_FILES.privacy },
] as const;

/** `coopYml` is coop.yml's text (coop-yml-plain.ts, or coop-yml.ts where only yaml can write it). */
export function foundingPlan(params: CoopParams, founders: readonly Founder[], governing: GoverningDocument, coopYml: string): FoundingPlan {
  const context = foundingContext(params, founders, { path: governing.path, title: governing.title });
  const files: FileSpec[] = [
    { path: FOUNDING_FILES.params, tracked: true, content: coopYml },
    { path: governing.path, tracked: true, content: governing.content },
    ...GROUP_TEMPLATES.map((t) => ({ path: t.path, tracked: true, template: t.template, context })),
    // What the founders file with the governing document: our own drafting, never a copy of a form.
    ...registrationPack(params.group.form).map((t) => ({ path: t.path, tracked: true, template: t.template, context })),
    { path: FOUNDING_FILES.ledger, tracked: true, content: ledgerText(foundingEvents(params, founders)) },
    // The .gitignore text is shared with `coop check`, which makes sure it is still there, so it
    // comes from one constant rather than a templates/group/_gitignore copy that could drift.
    { path: FOUNDING_FILES.gitignore, tracked: true, content: GROUP_GITIGNORE },
    // Written even when no founder gave an email, so the private folder exists from day one.
    { path: FOUNDING_FILES.contacts, tracked: false, content: foundingContacts(founders) },
  ];
  return { files, message: `Found ${params.group.name}` };
}
