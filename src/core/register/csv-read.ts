// Reading a spreadsheet's CSV export into rows, each with the line of the file it starts on,
// so that every problem can be reported where the secretary will find it: by the row as the
// spreadsheet numbers it (a quoted address with a line break is one row), and by the file line
// (where it takes two) for a text editor.

import { parse, CsvError } from 'csv-parse/sync';
import { UserError } from '../../errors.js';

export interface CsvRow {
  /** The file line the row starts on (1 is the first line of the file). */
  line: number;
  /** The row as a spreadsheet numbers it: the header is row 1, a multi-line cell is one row. */
  row: number;
  cells: string[];
}

/** Parses CSV text (BOM and CRLF allowed). Quoting is strict: a stray quote is reported, not guessed at. */
export function readCsvRows(text: string, file: string): CsvRow[] {
  // Line ends are made uniform first: csv-parse miscounts lines when CRLF appears inside quotes,
  // and values should hold plain \n line breaks anyway.
  const body = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const firstLine = body.slice(0, body.indexOf('\n') === -1 ? body.length : body.indexOf('\n'));
  // Spreadsheets set to a European locale export with semicolons; tabs come from "Save as text".
  const delimiter = firstLine.includes(',') ? ',' : firstLine.includes(';') ? ';' : firstLine.includes('\t') ? '\t' : ',';
  let records: { record: string[]; info: { lines: number }; raw: string }[];
  try {
    records = parse(body, { delimiter, info: true, raw: true, skip_empty_lines: true, relax_column_count: true }) as unknown as typeof records;
  } catch (error) {
    if (error instanceof CsvError) throw new UserError(explainCsvError(error, file));
    throw error;
  }
  let row = 0;
  return records.map(({ record, info, raw }) => {
    // info.lines is the line the record ends on; the record's raw text (less blank lines
    // skipped before it and its own line end) says how many lines it spans. A blank line the
    // parser skipped is still a row in the spreadsheet.
    const blankBefore = (/^\n+/.exec(raw)?.[0] ?? '').length;
    const spans = (raw.replace(/^\n+/, '').replace(/\n$/, '').match(/\n/g) ?? []).length;
    row += 1 + blankBefore;
    return { line: info.lines - spans, row, cells: record };
  });
}

function explainCsvError(error: CsvError, file: string): string {
  const line = (error as CsvError & { lines?: number }).lines;
  const where = line ? `${file}:${line}` : file;
  const hint =
    error.code === 'CSV_QUOTE_NOT_CLOSED'
      ? 'a quoted value is never closed: a quote mark (") is missing at its end'
      : error.code === 'INVALID_OPENING_QUOTE' || error.code === 'CSV_INVALID_CLOSING_QUOTE'
        ? 'a quote mark (") is out of place: a value containing quote marks must be wrapped in quotes, with each quote mark inside doubled ("")'
        : error.message;
  return `${where}: the file is not valid CSV: ${hint}. Nothing was imported.`;
}
