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

/** Folds the blank lines that conditional template sections leave into single blank lines. */
export function tidyBlankLines(markdown: string): string {
  return `${markdown.replace(/[ \t]+$/gm, '').replace(/\n{3,}/g, '\n\n').trim()}\n`;
}
