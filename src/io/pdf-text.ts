// The text of a PDF, for the leak scan: `coop check` reads every tracked PDF, since a printed
// register or letter committed by mistake puts addresses in git's history. unpdf (PDF.js,
// bundled with nothing to download) is imported only when a tracked PDF is found.

import { readFileSync } from 'node:fs';

/** The PDF's text, a line per line of print; undefined when it cannot be read as a PDF. */
export async function pdfText(path: string): Promise<string | undefined> {
  try {
    const { extractText, getDocumentProxy } = await import('unpdf');
    const pdf = await getDocumentProxy(new Uint8Array(readFileSync(path)));
    const { text } = await extractText(pdf, { mergePages: true });
    return text;
  } catch {
    return undefined;
  }
}
