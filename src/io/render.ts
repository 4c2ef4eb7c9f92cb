// Documents are rendered by one isolated Handlebars environment: noEscape because we write
// Markdown, not HTML; strict so a missing value is an error, never a blank in a constitution.
// Text that comes from people goes through {{md …}}, which escapes Markdown on purpose.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import { finishClauses } from '../core/documents/clauses.js';

export const TEMPLATES_DIR = fileURLToPath(new URL('../../templates', import.meta.url));

const hbs = Handlebars.create();

/**
 * Escapes what would give a person's text Markdown or HTML structure, and folds line breaks,
 * so that "Lloyd-Jones" stays readable in the raw file while "*bold*", "[link](x)", "<b>",
 * "| table" or a leading "# " print literally.
 */
export function escapeMarkdown(value: unknown): string {
  return String(value)
    .replace(/\r\n?|\n|\u2028|\u2029/g, ' ')
    .replace(/[\\`*_[\]<>|~&]/g, (c) => `\\${c}`)
    .replace(/^(\s*)([#+=-])/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/, '$1\\$2');
}

hbs.registerHelper('md', (value: unknown) => escapeMarkdown(value));
hbs.registerHelper('eq', (a: unknown, b: unknown) => a === b);
hbs.registerHelper('not', (a: unknown) => !a);
hbs.registerHelper('and', (...args: unknown[]) => args.slice(0, -1).every(Boolean));
hbs.registerHelper('or', (...args: unknown[]) => args.slice(0, -1).some(Boolean));
hbs.registerHelper('inc', (n: unknown) => Number(n) + 1);

const cache = new Map<string, Handlebars.TemplateDelegate>();

/** Renders templates/<relPath> with a context. Throws if the template uses a value the context lacks. */
export function renderTemplate(relPath: string, context: object): string {
  let template = cache.get(relPath);
  if (!template) {
    const source = readFileSync(join(TEMPLATES_DIR, relPath), 'utf8');
    template = hbs.compile(source, { noEscape: true, strict: true });
    cache.set(relPath, template);
  }
  const text = template(context);
  // Governing documents number their clauses after rendering (templates hold no digits), so
  // every caller gets the finished document however it renders one.
  return relPath.startsWith('governing/') ? finishClauses(text) : text;
}

/** Reads a template file that has no values, to copy as it is. */
export function readTemplate(relPath: string): string {
  return readFileSync(join(TEMPLATES_DIR, relPath), 'utf8');
}
