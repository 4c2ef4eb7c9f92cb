// Typesetting a printed paper as PDF with Typst (the @myriaddreamin/typst-ts-node-compiler
// package: Typst's compiler as a native addon, prebuilt per platform inside registry packages, so
// nothing downloads at install or run time). Only `coop print` imports this module, and the
// compiler is imported when the first PDF is made. The paper arrives as JSON in sys.inputs, so
// no one's text is ever read as Typst markup.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { InternalError } from '../errors.js';
import type { PrintDocument } from '../core/print/layout.js';
import { packagePath } from './package-files.js';

const require = createRequire(import.meta.url);

/** DejaVu Sans: free to embed, and it has every letter of Welsh (ŵ, ŷ) and of Europe's Latin alphabets. */
const FONT_FILES = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf', 'DejaVuSans-Oblique.ttf', 'DejaVuSans-BoldOblique.ttf'];

type Compiler = import('@myriaddreamin/typst-ts-node-compiler').NodeCompiler;
let compiler: Compiler | undefined;

async function typst(): Promise<Compiler> {
  if (compiler) return compiler;
  const { NodeCompiler } = (await import('@myriaddreamin/typst-ts-node-compiler')) as typeof import('@myriaddreamin/typst-ts-node-compiler');
  const fontDir = join(require.resolve('dejavu-fonts-ttf/package.json'), '..', 'ttf');
  // Fonts are given as bytes, and only these: the papers look the same on every machine.
  compiler = NodeCompiler.create({ fontArgs: [{ fontBlobs: FONT_FILES.map((f) => readFileSync(join(fontDir, f))) }] });
  return compiler;
}

export interface Typeset {
  pdf: Uint8Array;
  pages: number;
}

/** Typesets one paper. */
export async function typeset(doc: PrintDocument): Promise<Typeset> {
  const c = await typst();
  const mainFileContent = readFileSync(packagePath('templates', 'print', 'document.typ'), 'utf8');
  const args = { mainFileContent, inputs: { data: JSON.stringify(doc) } };
  const result = c.compile(args);
  const document = result.result;
  if (!document || result.hasError()) {
    const diagnostics = result.takeDiagnostics()?.shortDiagnostics ?? [];
    throw new InternalError(`The PDF could not be typeset: ${JSON.stringify(diagnostics).slice(0, 2000)}`);
  }
  const pdf = c.pdf(document, { creationTimestamp: 0, pdfTags: doc.tagged });
  return { pdf, pages: document.numOfPages };
}
