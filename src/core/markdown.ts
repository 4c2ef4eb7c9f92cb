// Escaping people's text for Markdown. Its own module so that commands printing Markdown
// (coop register) need not load Handlebars, which render.ts sets up on import.

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
