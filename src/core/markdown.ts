// Escaping people's text for Markdown. Its own module so that commands printing Markdown
// (coop register) need not load Handlebars, which render.ts sets up on import.

const NEEDS_ESCAPE = /[\\`*_[\]<>|~&\r\n\u2028\u2029]/;
const STARTS_SPECIAL = /^[\s\d#+=-]/;

/**
 * Escapes what would give a person's text Markdown or HTML structure, and folds line breaks,
 * so that "Lloyd-Jones" stays readable in the raw file while "*bold*", "[link](x)", "<b>",
 * "| table" or a leading "# " print literally.
 */
export function escapeMarkdown(value: unknown): string {
  const text = String(value);
  // Most names need nothing: no special character, and not starting with a space, a digit or
  // a list or heading mark. Tested once, as the four replacements below would each find nothing.
  if (!NEEDS_ESCAPE.test(text) && !STARTS_SPECIAL.test(text)) return text;
  return text
    .replace(/\r\n?|\n|\u2028|\u2029/g, ' ')
    .replace(/[\\`*_[\]<>|~&]/g, (c) => `\\${c}`)
    .replace(/^(\s*)([#+=-])/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/, '$1\\$2');
}
