// Clause numbers are given after rendering, not written in templates: which clauses a group's
// document has depends on its choices, and templates hold no digits. A template marks a
// clause with a level-two heading ("## Objects") and each numbered paragraph inside it with
// "[#] " at the start of a line; this turns them into "## 2. Objects" and "**2.1** ".
// "[#]" cannot come from a person's text: {{md …}} escapes "[" and "]".

const CLAUSE = /^## (?!\d)(.*)$/;
const PARAGRAPH = /^\[#\] /;

export function numberClauses(markdown: string): string {
  let clause = 0;
  let paragraph = 0;
  return markdown
    .split('\n')
    .map((line) => {
      const heading = CLAUSE.exec(line);
      if (heading) {
        clause += 1;
        paragraph = 0;
        return `## ${clause}. ${heading[1]}`;
      }
      if (PARAGRAPH.test(line)) {
        paragraph += 1;
        return line.replace(PARAGRAPH, `**${clause}.${paragraph}** `);
      }
      return line;
    })
    .join('\n');
}

/**
 * Conditional template sections leave too many blank lines in some places and too few in
 * others (two paragraphs from adjacent {{#if}} blocks would run together in Markdown). This
 * gives every clause heading and numbered paragraph exactly one blank line before it.
 */
export function tidyBlankLines(markdown: string): string {
  const spaced = markdown.replace(/[ \t]+$/gm, '').replace(/\n(?=(?:## |\[#\] ))/g, '\n\n');
  return `${spaced.replace(/\n{3,}/g, '\n\n').trim()}\n`;
}

/** A rendered governing document made final: blank lines tidied, clauses numbered. Idempotent. */
export function finishClauses(markdown: string): string {
  return numberClauses(tidyBlankLines(markdown));
}
