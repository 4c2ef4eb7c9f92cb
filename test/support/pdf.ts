// Reading the PDFs coop print writes, as a person's PDF reader would: page count, each page's
// text, and where on the page each piece of text sits (millimetres from the top-left corner).

import { readFileSync } from 'node:fs';
import { extractText, extractTextItems, getDocumentProxy } from 'unpdf';

const PT_PER_MM = 72 / 25.4;
const A4_HEIGHT_PT = 841.89;

export interface PlacedText {
  text: string;
  /** From the page's left edge and top edge, in mm (top of the text's baseline box). */
  x: number;
  y: number;
}

export async function pdfPages(path: string): Promise<string[]> {
  const pdf = await getDocumentProxy(new Uint8Array(readFileSync(path)));
  return (await extractText(pdf, { mergePages: false })).text;
}

export async function pdfPlacedText(path: string): Promise<PlacedText[][]> {
  const pdf = await getDocumentProxy(new Uint8Array(readFileSync(path)));
  const { items } = await extractTextItems(pdf);
  return items.map((page) => page.filter((i) => i.str.trim() !== '').map((i) => ({ text: i.str, x: i.x / PT_PER_MM, y: (A4_HEIGHT_PT - i.y) / PT_PER_MM })));
}

/** Whitespace is layout, not content: compared without it. */
export const solid = (text: string): string => text.replace(/\s+/g, '');
