// Writing CSV that spreadsheets open cleanly: UTF-8 with a byte-order mark (without it, Excel
// reads UTF-8 as the Windows code page and "Siân" becomes "SiÃ¢n"), CRLF line ends, and every
// cell quoted where it must be.

export type Cell = string | number | null;

/**
 * CSV formula injection: a spreadsheet treats a cell starting with = + - @ (or a tab or
 * carriage return) as a formula, so a member named "=HYPERLINK(…)" could run something when the
 * secretary opens the export. Such cells get a leading apostrophe, which spreadsheets show as
 * text (OWASP's advice). Numbers we write ourselves are never negative, so they pass as numbers.
 */
export function guardFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

export function csvCell(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const text = guardFormula(value);
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole CSV file's text: BOM, header and rows, CRLF after every row. */
export function toCsv(rows: readonly (readonly Cell[])[]): string {
  return `\uFEFF${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
