import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import type { ArrangementWire } from '../../shared/api/entities';
import { formatCents, formatDate } from '../../shared/format';
import { AppError } from '../../shared/ipc/result';

/**
 * The decision letter to the person, in plain Dutch, generated locally as a PDF. Only a final
 * decision gets a letter: one still waiting for the team lead does not.
 */

export interface LetterPerson {
  displayName: string;
  city: string;
}

const margin = 56;
const lineHeight = 15;

export async function renderDecisionLetter(
  arrangement: ArrangementWire,
  person: LetterPerson,
  today: string,
): Promise<Uint8Array> {
  if (arrangement.status === 'ter_goedkeuring') {
    throw new AppError('conflict', 'De brief kan pas worden gemaakt als de teamleider het besluit heeft goedgekeurd.');
  }
  const pdf = await PDFDocument.create();
  pdf.setTitle('Besluit op uw verzoek om een betalingsregeling');
  pdf.setAuthor('Centraal Justitieel Incassobureau');
  pdf.setLanguage('nl-NL');
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const writer = new LetterWriter(pdf, regular, bold);

  writer.line('Centraal Justitieel Incassobureau', { font: 'bold', size: 13 });
  writer.gap();
  writer.line(person.displayName);
  writer.line(person.city);
  writer.gap();
  writer.line(`Datum: ${formatDate(today)}`);
  writer.line(`Ons kenmerk: ${arrangement.id.slice(0, 8).toUpperCase()}`);
  writer.line('Onderwerp: uw verzoek om een betalingsregeling', { font: 'bold' });
  writer.gap();
  writer.paragraph(`Beste ${person.displayName},`);
  writer.paragraph(
    'U heeft ons laten weten dat u uw boete of maatregel niet in één keer kunt betalen. Wij hebben uw verzoek bekeken. Hieronder leest u wat wij hebben besloten.',
  );

  switch (arrangement.kind) {
    case 'standaard':
    case 'persoonlijk':
      if (arrangement.status === 'afgewezen') {
        writer.paragraph('Wij kunnen u geen betalingsregeling geven.');
        if (arrangement.approvalNote) writer.paragraph(`De reden: ${arrangement.approvalNote}`);
      } else {
        writer.paragraph(
          `U mag ${formatCents(arrangement.totalCents)} betalen in ${arrangement.instalments.length} maandelijkse termijnen. In de tabel hieronder staat wanneer u welk bedrag betaalt. Betaalt u op tijd, dan nemen wij geen andere maatregelen.`,
        );
      }
      break;
    case 'noodstop':
      writer.paragraph(
        `Wij zetten de inning tijdelijk stil tot en met ${formatDate(arrangement.pauseUntil ?? today)}. In die tijd komen er geen verhogingen bij en nemen wij geen nieuwe maatregelen. Zoek in die tijd hulp bij uw gemeente voor uw schulden.`,
      );
      break;
    case 'schuldhulp':
      writer.paragraph(
        'Uw schulden zijn te hoog om binnen drie jaar af te lossen. Wij raden u aan hulp te vragen bij uw gemeente (schuldhulpverlening). Laat ons weten wanneer u met schuldhulp bent gestart; dan kunnen wij de inning tijdelijk stilzetten.',
      );
      break;
    case 'afwijzing':
      writer.paragraph(`Wij kunnen u geen betalingsregeling geven. De reden: ${arrangement.motivation}`);
      break;
  }

  writer.line('Hoe hebben wij dit berekend?', { font: 'bold' });
  writer.line(`Uw inkomen per maand: ${formatCents(arrangement.assessment.monthlyIncomeCents)}`);
  if (arrangement.assessment.bvvCents !== null) {
    writer.line(`Het deel dat u altijd overhoudt (beslagvrije voet): ${formatCents(arrangement.assessment.bvvCents)}`);
  }
  writer.line(`Wat u per maand kunt missen: ${formatCents(arrangement.assessment.afloscapaciteitCents)}`);
  writer.gap();

  if (arrangement.instalments.length && arrangement.status !== 'afgewezen') {
    writer.line('Betaalschema', { font: 'bold' });
    writer.row(['Termijn', 'Uiterlijk op', 'Bedrag'], 'bold');
    for (const i of arrangement.instalments)
      writer.row([String(i.number), formatDate(i.dueDate), formatCents(i.amountCents)]);
    writer.row(['Totaal', '', formatCents(arrangement.instalments.reduce((s, i) => s + i.amountCents, 0))], 'bold');
    writer.gap();
  }

  writer.paragraph(
    'Bent u het niet eens met dit besluit, of verandert uw inkomen? Neem dan contact met ons op. Vermeld daarbij ons kenmerk.',
  );
  writer.paragraph('Met vriendelijke groet,');
  writer.line('Centraal Justitieel Incassobureau');
  return pdf.save();
}

/** Lays text out top to bottom on A4 pages, starting a new page when one is full. */
class LetterWriter {
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
    this.page.drawText(text, {
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
    for (const word of text.split(' ')) {
      const candidate = current ? `${current} ${word}` : word;
      if (this.regular.widthOfTextAtSize(candidate, 10.5) > maxWidth && current) {
        this.line(current);
        current = word;
      } else current = candidate;
    }
    if (current) this.line(current);
    this.gap();
  }

  row(cells: [string, string, string], font: 'regular' | 'bold' = 'regular'): void {
    this.ensureSpace();
    const f = font === 'bold' ? this.bold : this.regular;
    const [a, b, c] = cells;
    this.page.drawText(a, { x: margin, y: this.y, size: 10, font: f });
    this.page.drawText(b, { x: margin + 80, y: this.y, size: 10, font: f });
    this.page.drawText(c, { x: margin + 260 - f.widthOfTextAtSize(c, 10), y: this.y, size: 10, font: f });
    this.y -= lineHeight - 2;
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
