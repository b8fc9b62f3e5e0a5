import { creditorOf } from '../../shared/domain/betalingsregeling-rijk';
import { dutchList, formatCents, formatDate } from '../../shared/format';
import type { ResponseOf, SessionUser } from '../../shared/ipc/contract';
import type { Database } from '../db/connection';
import { endLetter, postalAddressLines, saveLetter, startLetter } from '../letters/letter-head';
import { personView } from './person-view-service';

type PersonView = ResponseOf<'persons.view'>;

/** Wide enough for an organisation with a 16-digit kenmerk. */
const columns = { second: 160, amountEnd: 420 };

const phaseText: Record<PersonView['claims'][number]['phase'], string> = {
  beschikking: 'Te betalen',
  eerste_aanmaning: 'Eerste aanmaning verstuurd',
  tweede_aanmaning: 'Tweede aanmaning verstuurd',
  regeling: 'In uw betalingsregeling',
  verhaal: 'Beslag op inkomen of rekening',
  deurwaarder: 'Bij de deurwaarder',
  dwangmiddel: 'Dwangmiddel',
  betaald: 'Betaald',
  gestopt: 'Gestopt',
};

const nextText: Record<PersonView['claims'][number]['phase'], string> = {
  beschikking: 'Betaal vóór de vervaldatum; daarna volgt een aanmaning met een verhoging.',
  eerste_aanmaning: 'Betaal binnen de termijn van de aanmaning; daarna volgt een tweede aanmaning.',
  tweede_aanmaning: 'Betaalt u niet, dan kan beslag volgen.',
  regeling: 'Betaal de termijnen van uw regeling op tijd.',
  verhaal: 'Het beslag loopt tot het bedrag is betaald; u houdt altijd de beslagvrije voet.',
  deurwaarder: 'Neem contact op met de deurwaarder of met ons.',
  dwangmiddel: 'Neem direct contact met ons op.',
  betaald: 'Niets meer te doen.',
  gestopt: 'Niets meer te doen.',
};

/**
 * The vorderingenoverzicht for the person: every claim at every government creditor in the
 * cache, what is arranged and what comes next, in plain Dutch. Made locally as a PDF from the same
 * view the person page shows, so the two never disagree.
 */
export async function renderVorderingenoverzicht(view: PersonView, today: string): Promise<Uint8Array> {
  const { person } = view;
  const { pdf, writer } = await startLetter({
    title: 'Overzicht van uw vorderingen bij de Rijksoverheid',
    addressLines: postalAddressLines(person),
    today,
    subject: 'overzicht van uw vorderingen bij de Rijksoverheid',
  });
  writer.paragraph(`Beste ${person.displayName},`);
  writer.paragraph(
    'Hieronder ziet u wat u op dit moment moet betalen aan de overheidsorganisaties die samenwerken in de Betalingsregeling Rijk, wat er met u is afgesproken en wat er hierna gebeurt.',
  );

  // What is still to be paid: not what is paid, nor what CJIB stopped collecting.
  const open = view.claims.filter((c) => c.outstandingCents > 0 && c.phase !== 'betaald' && c.phase !== 'gestopt');
  writer.line('Uw vorderingen', { font: 'bold' });
  writer.row(['Organisatie en kenmerk', 'Stand', 'Nog te betalen'], 'bold', columns);
  for (const claim of open) {
    writer.row(
      [`${creditorOf(claim.kind)} ${claim.reference}`, phaseText[claim.phase], formatCents(claim.outstandingCents)],
      'regular',
      columns,
    );
  }
  writer.row(['Totaal', '', formatCents(open.reduce((sum, c) => sum + c.outstandingCents, 0))], 'bold', columns);
  writer.gap();

  writer.line('Wat is er afgesproken?', { font: 'bold' });
  const running = view.arrangements.filter((a) => a.status === 'lopend');
  if (running.length) {
    for (const a of running) {
      writer.paragraph(
        `U heeft een betalingsregeling voor ${formatCents(a.totalCents)}, afgesproken op ${formatDate(a.decidedAt.slice(0, 10))}.` +
          (a.behindCents ? ` U loopt ${formatCents(a.behindCents)} achter met de termijnen.` : ' U betaalt op tijd.'),
      );
    }
  } else if (view.rijk.eligible && view.rijk.firstInstalment) {
    writer.paragraph(
      `Er is nog geen regeling. U kunt één betalingsregeling krijgen voor ${formatCents(view.rijk.totalCents)} bij ${dutchList(
        view.rijk.shares.map((s) => s.creditor),
      )} samen, in hoogstens ${view.rijk.maxMonths} maandelijkse termijnen.`,
    );
  } else {
    writer.paragraph('Er is geen betalingsregeling.');
  }
  if (view.rijk.outside.length) {
    writer.paragraph(
      `${dutchList(view.rijk.outside.map((o) => o.creditor))} ${view.rijk.outside.length > 1 ? 'doen' : 'doet'} nog niet mee aan de Betalingsregeling Rijk; voor die vordering(en) neemt u contact op met die organisatie.`,
    );
  }

  writer.line('Wat gebeurt er hierna?', { font: 'bold' });
  // One paragraph per stage CJIB's claims are in, not one per claim.
  const cjib = open.filter((c) => creditorOf(c.kind) === 'CJIB');
  for (const phase of [...new Set(cjib.map((c) => c.phase))]) {
    const references = cjib.filter((c) => c.phase === phase).map((c) => c.reference);
    writer.paragraph(`${phaseText[phase]} (${dutchList(references)}): ${nextText[phase]}`);
  }
  writer.paragraph(
    'Kunt u niet betalen? Neem dan contact met ons op. Dan kijken wij samen met u naar een regeling die past bij wat u kunt missen.',
  );
  endLetter(writer);
  return saveLetter(pdf, writer, person.id.slice(0, 8).toUpperCase());
}

export async function vorderingenoverzicht(db: Database, user: SessionUser, personId: string, today: string) {
  const view = personView(db, user, personId, today);
  const pdf = await renderVorderingenoverzicht(view, today);
  return {
    fileName: `vorderingenoverzicht-${today}.pdf`,
    pdfBase64: Buffer.from(pdf).toString('base64'),
  };
}
