import type { ArrangementWire } from '../../shared/api/entities';
import { systemDeciderId } from '../../shared/api/loket';
import { arrangementPaymentReference, divideInstalments } from '../../shared/domain/betalingsregeling-rijk';
import type { Creditor } from '../../shared/domain/parameters/rijksincasso-parameters';
import { dutchList, formatCents, formatDate } from '../../shared/format';
import type { LetterWriter } from '../letters/letter-writer';
import { AppError } from '../../shared/ipc/result';
import { endLetter, postalAddressLines, saveLetter, startLetter } from '../letters/letter-head';
import {
  organisatieParameterSets,
  type OrganisatieParameterSet,
} from '../../shared/domain/parameters/organisatie-parameters';
import { selectParameterSet } from '../../shared/domain/parameters/parameter-set';

/**
 * The decision letter to the person, in plain Dutch, generated locally as a PDF. Only a final
 * decision gets a letter: one still waiting for the team lead does not.
 */

export interface LetterPerson {
  displayName: string;
  city: string;
  streetAddress?: string | null | undefined;
  postcode?: string | null | undefined;
}

export async function renderDecisionLetter(
  arrangement: ArrangementWire,
  person: LetterPerson,
  today: string,
): Promise<Uint8Array> {
  if (arrangement.status === 'ter_goedkeuring') {
    throw new AppError('conflict', 'De brief kan pas worden gemaakt als de teamleider het besluit heeft goedgekeurd.');
  }
  const reference = arrangement.id.slice(0, 8).toUpperCase();
  const organisatie = selectParameterSet(organisatieParameterSets, today);
  const { pdf, writer } = await startLetter({
    title: 'Besluit op uw verzoek om een betalingsregeling',
    addressLines: postalAddressLines(person),
    today,
    reference,
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

  const first = arrangement.instalments[0];
  if (first && arrangement.status !== 'afgewezen') {
    writer.line('Zo betaalt u', { font: 'bold' });
    writer.line(`Rekeningnummer (IBAN): ${organisatie.iban.value} ten name van CJIB`);
    writer.line(`Betalingskenmerk: ${arrangementPaymentReference(arrangement.id)}`);
    writer.line(`Eerste termijn: ${formatCents(first.amountCents)}, uiterlijk op ${formatDate(first.dueDate)}`);
    writer.paragraph('Vermeld het betalingskenmerk bij elke betaling; dan weten wij waarvoor u betaalt.');
  }
  const joint = arrangement.creditors.length > 1 && arrangement.status !== 'afgewezen';
  if (joint) writeCreditors(writer, arrangement.creditors);

  if (arrangement.instalments.length && arrangement.status !== 'afgewezen') {
    writer.line('Betaalschema', { font: 'bold' });
    if (joint) writeJointSchedule(writer, arrangement);
    else {
      writer.row(['Termijn', 'Uiterlijk op', 'Bedrag'], 'bold');
      for (const i of arrangement.instalments)
        writer.row([String(i.number), formatDate(i.dueDate), formatCents(i.amountCents)]);
      writer.row(['Totaal', '', formatCents(arrangement.instalments.reduce((s, i) => s + i.amountCents, 0))], 'bold');
    }
    writer.gap();
  }

  if (arrangement.decidedById === systemDeciderId) {
    // An automated decision says so, and that a person looks again on objection (AVG art. 22).
    writer.paragraph(
      'Dit besluit is automatisch genomen op uw aanvraag via het Digitaal Loket, met dezelfde regels die onze medewerkers gebruiken. Maakt u bezwaar, dan bekijkt een medewerker uw aanvraag opnieuw.',
    );
  }
  writeBezwaar(writer, organisatie, reference);
  writer.paragraph(
    `Verandert uw inkomen, of heeft u een vraag? Bel ons op werkdagen op ${organisatie.telefoon.value} en noem ons kenmerk ${reference}.`,
  );
  endLetter(writer);
  return saveLetter(pdf, writer, reference);
}

/** Where and how to object, as the Awb asks a decision to say (art. 3:45, term art. 6:7, contents art. 6:5). */
function writeBezwaar(writer: LetterWriter, organisatie: OrganisatieParameterSet, reference: string): void {
  writer.line('Bent u het niet eens met dit besluit?', { font: 'bold' });
  writer.paragraph(
    `Dan kunt u bezwaar maken. Doe dit binnen ${organisatie.bezwaarTermijnWeken.value} weken na de datum van deze brief. Schrijf in uw brief uw naam en adres, de datum, ons kenmerk ${reference}, waarom u het niet eens bent met dit besluit, en zet uw handtekening eronder. Stuur uw bezwaar naar:`,
  );
  for (const line of organisatie.bezwaarAdres.value) writer.line(line);
  writer.gap();
}

/** Betalingsregeling Rijk: one arrangement over the debts at several creditors, each named with its part. */
function writeCreditors(writer: LetterWriter, creditors: ArrangementWire['creditors']): void {
  writer.paragraph(
    `Dit is één betalingsregeling voor wat u moet betalen aan ${dutchList(creditors.map((c) => c.creditor))} samen (Betalingsregeling Rijk). U betaalt elke termijn aan het CJIB; wij verdelen uw betaling over deze organisaties, naar wat u elk van hen nog moet betalen.`,
  );
  writer.row(['Organisatie', '', 'In de regeling'], 'bold');
  for (const c of creditors) writer.row([c.creditor, '', formatCents(c.owedCents)]);
  writer.row(['Totaal', '', formatCents(creditors.reduce((sum, c) => sum + c.owedCents, 0))], 'bold');
  writer.gap();
}

/** The schedule with each instalment divided over the creditors, as the joint arrangement pays them. */
function writeJointSchedule(writer: LetterWriter, arrangement: ArrangementWire): void {
  const shares = arrangement.creditors.map((c) => ({
    creditor: c.creditor as Creditor,
    claimIds: [],
    owedCents: c.owedCents,
  }));
  const divided = divideInstalments(arrangement.instalments, shares);
  // Up to five creditors fit the A4 width: the columns narrow as there are more of them.
  const spacing = Math.min(70, Math.floor(265 / shares.length));
  const stops = [
    { at: 0 },
    { at: 55 },
    ...shares.map((_, i) => ({ at: 190 + spacing * i, right: true })),
    { at: 205 + spacing * shares.length, right: true },
  ];
  writer.cells(['Termijn', 'Uiterlijk op', ...shares.map((s) => s.creditor), 'Bedrag'], stops, 'bold');
  for (const i of divided) {
    writer.cells(
      [
        String(i.number),
        formatDate(i.dueDate),
        ...i.perCreditor.map((p) => formatCents(p.amountCents)),
        formatCents(i.amountCents),
      ],
      stops,
    );
  }
  const perCreditor = shares.map((_, c) => divided.reduce((sum, i) => sum + (i.perCreditor[c]?.amountCents ?? 0), 0));
  const total = divided.reduce((sum, i) => sum + i.amountCents, 0);
  writer.cells(['Totaal', '', ...perCreditor.map(formatCents), formatCents(total)], stops, 'bold');
}
