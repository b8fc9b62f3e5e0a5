import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/**
 * The text of a PDF as a real reader (pdf.js) extracts it: one line per text run, pages in order.
 * A reader gives a no-break space (as in `€ 1,00`) back as a plain space; compare with `plainSpaces`.
 */
export async function pdfText(pdf: Uint8Array): Promise<string> {
  return (await pdfPages(pdf)).join('\n');
}

/** The same, one string per page. */
export async function pdfPages(pdf: Uint8Array): Promise<string[]> {
  const document = await getDocument({ data: new Uint8Array(pdf), disableFontFace: true, verbosity: 0 }).promise;
  const pages: string[] = [];
  try {
    for (let n = 1; n <= document.numPages; n++) {
      const content = await (await document.getPage(n)).getTextContent();
      const lines: string[] = [];
      for (const item of content.items) if ('str' in item && item.str) lines.push(item.str);
      pages.push(lines.join('\n'));
    }
  } finally {
    await document.destroy();
  }
  return pages;
}

/** The same text with no-break spaces as plain ones, as a PDF reader gives them back. */
export function plainSpaces(text: string): string {
  return text.replaceAll('\u00a0', ' ');
}
