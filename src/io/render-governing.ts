// The one call that drafts a group's governing document from its coop.yml params. Lives in
// io/ only because templates are read from disk; the wording's values and the clause numbers
// are worked out by pure functions in core/documents/ (renderTemplate numbers the clauses of
// every governing/ template, so renderTemplate(file.template, governingContext(params)) gives
// the same text).

import { governingContext, governingDocumentFile } from '../core/documents/governing.js';
import type { CoopParams } from '../core/params.js';
import { renderTemplate } from './render.js';

export interface GoverningDocument {
  /** "RULES.md", "ARTICLES.md" or "CONSTITUTION.md", relative to the group's root. */
  path: string;
  /** "Rules", "Articles of Association" or "Constitution". */
  title: string;
  /** The finished Markdown, clauses numbered. */
  content: string;
}

export function renderGoverningDocument(params: CoopParams): GoverningDocument {
  const file = governingDocumentFile(params.group.form);
  return { path: file.path, title: file.title, content: renderTemplate(file.template, governingContext(params)) };
}
