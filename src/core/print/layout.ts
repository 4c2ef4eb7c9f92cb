// What the PDF template is given: a title, a footer, and sections that each start a new page,
// optionally with an address in the envelope window. Positions are in millimetres from the
// page's top-left corner, so the one place that knows where a window envelope shows the address
// is here.

import type { Block } from './blocks.js';

/** A4 page margins. */
export const MARGIN = { x: 20, top: 18, bottom: 22 } as const;

/**
 * A DL (110 × 220 mm) window envelope's window is commonly 90 × 45 mm, 20 mm from the left and
 * 15 mm from the bottom; an A4 page folded in three puts its top 99 mm behind the envelope's
 * face, so the address is set 20–110 mm across and about 50–95 mm down the page, inside the
 * window with a few millimetres' play for folding.
 */
export const DL_WINDOW = { x: 24, y: 54, width: 82, height: 34 } as const;
/** Where a letter's own text starts, below the window. */
export const BELOW_WINDOW = 96;

export interface WindowAddress {
  x: number;
  y: number;
  width: number;
  height: number;
  below: number;
  lines: string[];
}

export interface Section {
  window: WindowAddress | null;
  blocks: Block[];
  /** Followed by the document's common blocks. */
  common?: boolean;
}

export interface PrintDocument {
  title: string;
  /** Text at the foot of every page; null for none. */
  footer: string | null;
  /** "Page n of N" in the footer. */
  numbered: boolean;
  /** Large type, for a notice pinned to a wall. */
  poster: boolean;
  /** Smaller type, so that a letter fits its page. */
  compact: boolean;
  /** A tagged PDF, for screen readers; letters for the post are not (a fifth of the size and quicker). */
  tagged: boolean;
  margin: typeof MARGIN;
  sections: Section[];
  /** Blocks that sections marked `common` end with, given once (the notice in every letter). */
  common: Block[] | null;
}

export function printDocument(
  doc: Omit<PrintDocument, 'margin' | 'poster' | 'numbered' | 'compact' | 'common' | 'tagged'> &
    Partial<Pick<PrintDocument, 'poster' | 'numbered' | 'compact' | 'common' | 'tagged'>>,
): PrintDocument {
  return { numbered: true, poster: false, compact: false, common: null, tagged: true, ...doc, margin: MARGIN };
}

/** The name and address lines for the window, the address split at commas and line breaks. */
export function windowAddress(name: string, address: string): WindowAddress {
  const lines = [name, ...address.split(/\s*(?:,|\r?\n)\s*/).filter((l) => l !== '')];
  return { ...DL_WINDOW, below: BELOW_WINDOW, lines };
}
