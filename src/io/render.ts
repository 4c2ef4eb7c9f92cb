// Documents are rendered by one isolated Handlebars environment: noEscape because we write
// Markdown, not HTML; strict so a missing value is an error, never a blank in a constitution.
// Text that comes from people goes through {{md …}}, which escapes Markdown on purpose.
//
// Templates are precompiled at build time (scripts/precompile-templates.js), one file each
// under dist/templates/, so a command that renders needs only Handlebars' small runtime (which
// the build bundles with this module: one file to load, not thirty) and only the templates it
// uses, with no compiling (bench/README.md has what that saves). A template whose source
// differs from the one precompiled (edited since the build), or that no build precompiled, is
// compiled here with the full Handlebars, with the same helpers and options.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type Handlebars from 'handlebars';
import handlebarsRuntime from 'handlebars/runtime.js';
import { finishClauses } from '../core/documents/clauses.js';
import { escapeMarkdown } from '../core/markdown.js';
import { packagePath } from './package-files.js';

export { escapeMarkdown };

export const TEMPLATES_DIR = packagePath('templates');

/** How every template is compiled, here and by the build's precompiler. */
export const COMPILE_OPTIONS = { noEscape: true, strict: true } as const;

const require = createRequire(import.meta.url);
type Environment = typeof Handlebars;

/** A Handlebars environment of our own with our helpers (the runtime one, or the full one). */
function withHelpers(hbs: Environment): Environment {
  hbs.registerHelper('md', (value: unknown) => escapeMarkdown(value));
  hbs.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  hbs.registerHelper('not', (a: unknown) => !a);
  hbs.registerHelper('and', (...args: unknown[]) => args.slice(0, -1).every(Boolean));
  hbs.registerHelper('or', (...args: unknown[]) => args.slice(0, -1).some(Boolean));
  hbs.registerHelper('inc', (n: unknown) => Number(n) + 1);
  return hbs;
}

const runtime = withHelpers((handlebarsRuntime as unknown as Environment).create());
let compiler: Environment | undefined;

interface Precompiled {
  /** templateFingerprint of the source it was compiled from. */
  fingerprint: string;
  spec: TemplateSpecification;
}
type TemplateSpecification = Parameters<Environment['template']>[0];

/** Where the build puts a template's precompiled copy: dist/templates/<relPath>.cjs. */
export function precompiledPath(relPath: string): string {
  return packagePath('dist', 'templates', `${relPath}.cjs`);
}

/** The build's copy of a template, or undefined when no build made one. */
function precompiledTemplate(relPath: string): Precompiled | undefined {
  try {
    return require(precompiledPath(relPath)) as Precompiled;
  } catch {
    return undefined;
  }
}

/** What tells a template's source from any other: its bytes' SHA-1, with their length. */
export function templateFingerprint(source: Uint8Array): string {
  return `${source.length}:${createHash('sha1').update(source).digest('hex')}`;
}

/** The template for a file: precompiled when the build's copy matches its source, else compiled now. */
function compileTemplate(relPath: string): Handlebars.TemplateDelegate {
  const source = readFileSync(join(TEMPLATES_DIR, relPath));
  const built = precompiledTemplate(relPath);
  if (built && built.fingerprint === templateFingerprint(source)) return runtime.template(built.spec);
  compiler ??= withHelpers((require('handlebars') as Environment).create());
  return compiler.compile(source.toString('utf8'), COMPILE_OPTIONS);
}

const cache = new Map<string, Handlebars.TemplateDelegate>();

/** Renders templates/<relPath> with a context. Throws if the template uses a value the context lacks. */
export function renderTemplate(relPath: string, context: object): string {
  let template = cache.get(relPath);
  if (!template) {
    template = compileTemplate(relPath);
    cache.set(relPath, template);
  }
  const text = template(context);
  // Governing documents number their clauses after rendering (templates hold no digits), so
  // every caller gets the finished document however it renders one.
  return relPath.startsWith('governing/') ? finishClauses(text) : text;
}

/**
 * Renders a governing template given as text (an older version's wording, kept so that
 * `coop rules upgrade` can compare), with the same environment, helpers and clause numbering.
 */
export function renderGoverningSource(source: string, context: object): string {
  compiler ??= withHelpers((require('handlebars') as Environment).create());
  return finishClauses(compiler.compile(source, COMPILE_OPTIONS)(context));
}

/**
 * Where the governing templates of earlier template versions are kept: <dir>/v<N>/governing/….
 * COOP_TEMPLATE_HISTORY points elsewhere (tests give an older template of their own).
 */
export function templateHistoryDir(): string {
  return process.env.COOP_TEMPLATE_HISTORY ?? join(TEMPLATES_DIR, 'history');
}
