import type { ArrangementWire } from '../../shared/api/entities';
import { systemDeciderId } from '../../shared/api/loket';
import { formatCents, formatDate } from '../../shared/format';
import { AppError } from '../../shared/ipc/result';
import { endLetter, startLetter } from '../letters/letter-head';

/**
 * The decision letter to the person, in plain Dutch, generated locally as a PDF. Only a final
 * decision gets a letter: one still waiting for the team lead does not.
 */

export interface LetterPerson {
  displayName: string;
  city: string;
}

export async function renderDecisionLetter(
  arrangement: ArrangementWire,
  person: LetterPerson,
  today: string,
): Promise<Uint8Array> {
  if (arrangement.status === 'ter_goedkeuring') {
    throw new AppError('conflict', 'De brief kan pas worden gemaakt als de teamleider het besluit heeft goedgekeurd.');
  }
  const { pdf, writer } = await startLetter({
    title: 'Besluit op uw verzoek om een betalingsregeling',
    addressLines: [person.displayName, person.city],
    today,
    reference: arrangement.id.slice(0, 8).toUpperCase(),
    subject: 'uw verzoek om een betalingsregeling',
  });
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

  if (arrangement.decidedById === systemDeciderId) {
    // An automated decision says so, and that a person looks again on objection (AVG art. 22).
    writer.paragraph(
      'Dit besluit is automatisch genomen op uw aanvraag via het Digitaal Loket, met dezelfde regels die onze medewerkers gebruiken. Maakt u bezwaar, dan bekijkt een medewerker uw aanvraag opnieuw.',
    );
  }
  writer.paragraph(
    'Bent u het niet eens met dit besluit, of verandert uw inkomen? Neem dan contact met ons op. Vermeld daarbij ons kenmerk.',
  );
  endLetter(writer);
  return pdf.save();
}
