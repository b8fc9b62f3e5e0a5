import { rgb, type PDFDocument, type PDFFont, type PDFPage } from 'pdf-lib';
import { neutralizeText } from '../../shared/validation/neutralize';

const margin = 56;
const lineHeight = 15;

/**
 * Lays text out top to bottom on A4 pages, starting a new page when one is full. Every string drawn
 * loses bidi overrides and control characters first: a name or note cannot reorder a letter.
 */
export class LetterWriter {
  private page: PDFPage;
  private y: number;

  constructor(
    private readonly pdf: PDFDocument,
    private readonly regular: PDFFont,
    private readonly bold: PDFFont,
  ) {
    this.page = pdf.addPage([595.28, 841.89]);
    this.y = this.page.getHeight() - margin;
  }

  line(text: string, options: { font?: 'regular' | 'bold'; size?: number } = {}): void {
    this.ensureSpace();
    this.page.drawText(neutralizeText(text), {
      x: margin,
      y: this.y,
      size: options.size ?? 10.5,
      font: options.font === 'bold' ? this.bold : this.regular,
      color: rgb(0.09, 0.09, 0.09),
    });
    this.y -= lineHeight;
  }

  paragraph(text: string): void {
    const maxWidth = this.page.getWidth() - 2 * margin;
    let current = '';
    for (const word of neutralizeText(text).split(' ')) {
      const candidate = current ? `${current} ${word}` : word;
      if (this.regular.widthOfTextAtSize(candidate, 10.5) > maxWidth && current) {
        this.line(current);
        current = word;
      } else current = candidate;
    }
    if (current) this.line(current);
    this.gap();
  }

  /**
   * A table row: a text, a second text from `columns.second`, and an amount right-aligned at
   * `columns.amountEnd` (points from the margin).
   */
  row(
    cells: [string, string, string],
    font: 'regular' | 'bold' = 'regular',
    columns: { second: number; amountEnd: number } = { second: 80, amountEnd: 260 },
  ): void {
    this.ensureSpace();
    const f = font === 'bold' ? this.bold : this.regular;
    const [a, b, c] = cells.map(neutralizeText) as [string, string, string];
    this.page.drawText(a, { x: margin, y: this.y, size: 10, font: f });
    this.page.drawText(b, { x: margin + columns.second, y: this.y, size: 10, font: f });
    this.page.drawText(c, { x: margin + columns.amountEnd - f.widthOfTextAtSize(c, 10), y: this.y, size: 10, font: f });
    this.y -= lineHeight - 2;
  }

  /**
   * A table row of any width: each cell at its stop (points from the margin), amounts aligned on
   * their right edge at `at`.
   */
  cells(
    values: readonly string[],
    stops: readonly { at: number; right?: boolean }[],
    font: 'regular' | 'bold' = 'regular',
  ): void {
    this.ensureSpace();
    const f = font === 'bold' ? this.bold : this.regular;
    values.map(neutralizeText).forEach((value, i) => {
      const stop = stops[i];
      if (!stop) return;
      const x = margin + stop.at - (stop.right ? f.widthOfTextAtSize(value, 10) : 0);
      this.page.drawText(value, { x, y: this.y, size: 10, font: f });
    });
    this.y -= lineHeight - 2;
  }

  /** Writes "Ons kenmerk … · pagina x van y" at the foot of every page; call once, when the letter is done. */
  numberPages(reference: string): void {
    const pages = this.pdf.getPages();
    pages.forEach((page, index) => {
      const text = `Ons kenmerk ${reference} · pagina ${index + 1} van ${pages.length}`;
      page.drawText(text, {
        x: page.getWidth() - margin - this.regular.widthOfTextAtSize(text, 8.5),
        y: margin / 2,
        size: 8.5,
        font: this.regular,
        color: rgb(0.25, 0.25, 0.25),
      });
    });
  }

  gap(): void {
    this.y -= lineHeight / 2;
  }

  private ensureSpace(): void {
    if (this.y < margin) {
      this.page = this.pdf.addPage([595.28, 841.89]);
      this.y = this.page.getHeight() - margin;
    }
  }
}
