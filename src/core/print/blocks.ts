// The printable shape of a document: headings, paragraphs, lists and tables of plain text runs.
// Papers are printed from the Markdown records coop wrote (the notice, the minutes, the rules,
// the register), read back into these blocks, so a PDF says exactly what its record says. Every
// run is plain text: the PDF template sets it as text and never evaluates it, so a member named
// `#set page(...)` or `{{x}}` prints as written.

/** A run of text and its style: "" plain, "b" bold, "i" italic, "bi" both, "c" code. */
export type Span = [text: string, style: SpanStyle];
export type SpanStyle = '' | 'b' | 'i' | 'bi' | 'c';

export type Block =
  | { t: 'h'; level: number; spans: Span[] }
  | { t: 'p'; spans: Span[] }
  | { t: 'list'; ordered: boolean; start: number; items: Block[][] }
  | { t: 'table'; head: Span[][]; rows: Span[][][] }
  | { t: 'rule' }
  /** A labelled line to sign or write on, e.g. "Signed (chair)". */
  | { t: 'sign'; labels: string[] };

const HEADING = /^(#{1,6})\s+(.*)$/;
const BULLET = /^(\s*)[-*+]\s+(.*)$/;
const NUMBERED = /^(\s*)(\d{1,9})[.)]\s+(.*)$/;
const TABLE_ROW = /^\s*\|.*\|\s*$/;
const TABLE_RULE = /^\s*\|(\s*:?-{3,}:?\s*\|)+\s*$/;
const RULE = /^\s*(-{3,}|\*{3,})\s*$/;

/** Reads the Markdown that coop's templates write back into blocks. */
export function markdownBlocks(markdown: string): Block[] {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (line.trim() === '') {
      i += 1;
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      blocks.push({ t: 'h', level: heading[1]!.length, spans: inlineSpans(heading[2]!.replace(/\s+#+\s*$/, '')) });
      i += 1;
      continue;
    }
    if (RULE.test(line) && !BULLET.test(line.replace(/^(\s*)[-*]{3,}/, ''))) {
      blocks.push({ t: 'rule' });
      i += 1;
      continue;
    }
    if (TABLE_ROW.test(line) && TABLE_RULE.test(lines[i + 1] ?? '')) {
      const head = tableCells(line);
      const rows: Span[][][] = [];
      i += 2;
      while (i < lines.length && TABLE_ROW.test(lines[i]!)) rows.push(tableCells(lines[i++]!));
      blocks.push({ t: 'table', head, rows });
      continue;
    }
    if (BULLET.test(line) || NUMBERED.test(line)) {
      const [list, next] = readList(lines, i);
      blocks.push(list);
      i = next;
      continue;
    }
    const para: string[] = [];
    while (i < lines.length && lines[i]!.trim() !== '' && !startsBlock(lines, i)) para.push(lines[i++]!.trim());
    if (para.length === 0) para.push(lines[i++]!.trim());
    blocks.push({ t: 'p', spans: inlineSpans(para.join(' ')) });
  }
  return blocks;
}

function startsBlock(lines: string[], i: number): boolean {
  const line = lines[i]!;
  return HEADING.test(line) || BULLET.test(line) || NUMBERED.test(line) || (TABLE_ROW.test(line) && TABLE_RULE.test(lines[i + 1] ?? ''));
}

/** A list, with indented lines (after a blank line or not) belonging to the item above them. */
function readList(lines: string[], start: number): [Block, number] {
  const first = NUMBERED.exec(lines[start]!);
  const ordered = first !== null;
  const items: Block[][] = [];
  let current: string[] = [];
  let i = start;
  const flush = () => {
    if (current.length > 0) items.push(markdownBlocks(current.join('\n')));
    current = [];
  };
  while (i < lines.length) {
    const line = lines[i]!;
    const item = ordered ? NUMBERED.exec(line) : BULLET.exec(line);
    if (item && item[1]!.length === 0) {
      flush();
      current.push(ordered ? item[3]! : item[2]!);
      i += 1;
      continue;
    }
    if (line.trim() === '') {
      // A blank line ends the list unless the next line is indented (a paragraph of the item).
      const next = lines[i + 1] ?? '';
      if (/^\s{2,}\S/.test(next)) {
        current.push('');
        i += 1;
        continue;
      }
      break;
    }
    if (/^\s+\S/.test(line) || current.length > 0) {
      if (!/^\s/.test(line) && startsBlock(lines, i)) break;
      current.push(line.trim());
      i += 1;
      continue;
    }
    break;
  }
  flush();
  return [{ t: 'list', ordered, start: ordered ? Number(first[2]) : 1, items }, i];
}

/** Cells split on pipes that are not escaped. */
function tableCells(line: string): Span[][] {
  const inner = line.trim().replace(/^\|/, '').replace(/\|$/, '');
  const cells: string[] = [];
  let cell = '';
  for (let j = 0; j < inner.length; j += 1) {
    const c = inner[j]!;
    if (c === '\\' && j + 1 < inner.length) {
      cell += c + inner[j + 1];
      j += 1;
    } else if (c === '|') {
      cells.push(cell);
      cell = '';
    } else cell += c;
  }
  cells.push(cell);
  return cells.map((c) => inlineSpans(c.trim()));
}

const ESCAPABLE = /[\\`*_{}[\]()#+\-.!|<>~&"'=]/;

/**
 * Inline Markdown to runs: backslash escapes give the character itself, ** bold, * italic,
 * backticks code. Underscores stay literal (our templates draw lines to write on with them, and
 * people's text escapes them anyway).
 */
export function inlineSpans(text: string): Span[] {
  const spans: Span[] = [];
  let bold = false;
  let italic = false;
  let run = '';
  const style = (): SpanStyle => (bold && italic ? 'bi' : bold ? 'b' : italic ? 'i' : '');
  const push = () => {
    if (run === '') return;
    const s = style();
    const last = spans[spans.length - 1];
    if (last && last[1] === s) last[0] += run;
    else spans.push([run, s]);
    run = '';
  };
  for (let j = 0; j < text.length; j += 1) {
    const c = text[j]!;
    if (c === '\\' && j + 1 < text.length && ESCAPABLE.test(text[j + 1]!)) {
      run += text[j + 1];
      j += 1;
    } else if (c === '`') {
      const end = text.indexOf('`', j + 1);
      if (end < 0) {
        run += c;
        continue;
      }
      push();
      spans.push([text.slice(j + 1, end), 'c']);
      j = end;
    } else if (c === '*' && text[j + 1] === '*') {
      push();
      bold = !bold;
      j += 1;
    } else if (c === '*' && (italic || /\S/.test(text[j + 1] ?? ''))) {
      push();
      italic = !italic;
    } else run += c;
  }
  push();
  return spans;
}

/** The plain text of blocks, a line per paragraph, item or row: what a PDF's text should hold. */
export function blocksText(blocks: readonly Block[]): string {
  const spansText = (spans: readonly Span[]) => spans.map((s) => s[0]).join('');
  const out: string[] = [];
  for (const b of blocks) {
    if (b.t === 'h' || b.t === 'p') out.push(spansText(b.spans));
    else if (b.t === 'list') {
      b.items.forEach((item, i) => {
        out.push(`${b.ordered ? `${b.start + i}.` : '•'} ${blocksText(item)}`);
      });
    } else if (b.t === 'table') for (const row of [b.head, ...b.rows]) out.push(row.map(spansText).join(' '));
    else if (b.t === 'sign') out.push(b.labels.join(' '));
  }
  return out.join('\n');
}

/** A paragraph of plain text. */
export const para = (text: string, style: SpanStyle = ''): Block => ({ t: 'p', spans: [[text, style]] });
export const heading = (level: number, text: string): Block => ({ t: 'h', level, spans: [[text, '']] });
