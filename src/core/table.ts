// Plain-text tables for the terminal: columns padded to their widest cell.

/** Characters as a person counts them (so "Siân" is 4 wide, not 5 when decomposed). */
const width = (s: string): number => [...s.normalize('NFC')].length;

export function formatTable(head: readonly string[], rows: readonly (readonly string[])[], rightAligned: readonly number[] = []): string {
  const widths = head.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ''))));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => {
        const pad = ' '.repeat(Math.max(0, widths[i]! - width(c)));
        return rightAligned.includes(i) ? pad + c : c + pad;
      })
      .join('  ')
      .trimEnd();
  return [line(head), ...rows.map(line)].join('\n');
}
