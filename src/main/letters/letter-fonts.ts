import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { PDFDocument, PDFFont } from 'pdf-lib';

/**
 * The letters' typeface: DejaVu Sans (regular and bold), embedded as a subset. The PDF standard
 * fonts only know WinAnsi, so a name such as Łukasz, Şahin or Doğan could not be written at all;
 * DejaVu covers Latin, Greek, Cyrillic and more. The files come from the npm package
 * dejavu-fonts-ttf (free licence) and are read once per process.
 */
const require = createRequire(import.meta.url);
let files: { regular: Buffer; bold: Buffer } | undefined;

function fontFiles(): { regular: Buffer; bold: Buffer } {
  files ??= {
    regular: readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')),
    bold: readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')),
  };
  return files;
}

export async function embedLetterFonts(pdf: PDFDocument): Promise<{ regular: PDFFont; bold: PDFFont }> {
  // Loaded on the first letter, not at start: fontkit is large and most sessions print nothing.
  const { default: fontkit } = await import('@pdf-lib/fontkit');
  pdf.registerFontkit(fontkit);
  const { regular, bold } = fontFiles();
  return {
    regular: await pdf.embedFont(regular, { subset: true }),
    bold: await pdf.embedFont(bold, { subset: true }),
  };
}
