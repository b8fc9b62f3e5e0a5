import { describe, expect, it } from 'vitest';
import type { ArrangementWire } from '../../shared/api/entities';
import { generatePlanForInstalment } from '../../shared/domain/betalingsregeling';
import { pdfPages, pdfText } from '../../../tests/support/pdf-text';
import { renderDecisionLetter } from './decision-letter';

const instalments = generatePlanForInstalment(83450, 2608, '2026-12-01');
const arrangement: ArrangementWire = {
  id: '6f1c2a9e-0000-4000-8000-000000000001',
  personId: 'p1',
  kind: 'persoonlijk',
  status: 'lopend',
  totalCents: 83450,
  instalments,
  pauseUntil: null,
  motivation: 'Weinig ruimte in het budget.',
  decidedBy: 'Sanne de Vries',
  decidedById: 'u-sdevries',
  decidedAt: '2026-11-29T10:00:00.000Z',
  approvedBy: 'Marieke Postma',
  approvalNote: null,
  endedOn: null,
  honouredExactly: null,
  pauses: [],
  creditors: [],
  assessment: {
    bvvCents: 127818,
    afloscapaciteitCents: 2608,
    monthlyIncomeCents: 130426,
    parameterSets: ['bvv-2025-01'],
    trace: [],
  },
  version: 3,
};

const address = { streetAddress: 'Kerkstraat 12', postcode: '8911 AB' };

describe('decision letter', () => {
  it.each(['Łukasz Wiśniewski', 'Şükrü Doğan', 'Ğülşen Çelik-Öztürk', 'Αλέξανδρος Παπαδόπουλος', 'Дмитрий Иванов'])(
    'writes %s exactly as it is spelled, in a real PDF reader',
    async (name) => {
      const pdf = await renderDecisionLetter(
        arrangement,
        { displayName: name, city: 'Łódź', ...address },
        '2026-11-29',
      );
      const text = await pdfText(pdf);
      expect(text).toContain(name);
      expect(text).toContain(`Beste ${name},`);
      expect(text).toContain('Łódź');
    },
  );

  it('is a PDF in plain Dutch with the person, the decision, the calculation and every instalment', async () => {
    const pdf = await renderDecisionLetter(
      arrangement,
      { displayName: 'Sanne Jacobs', city: 'Zwolle', ...address },
      '2026-11-29',
    );
    expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe('%PDF-');
    const text = await pdfText(pdf);
    expect(text).toContain('Sanne Jacobs');
    expect(text).toContain('Datum: 29-11-2026');
    expect(text).toMatch(/in 32 maandelijkse termijnen/);
    expect(text).toMatch(/beslagvrije voet\): €\s1\.278,18/);
    expect(text).toContain('01-12-2026');
    expect(text).toContain('01-07-2029');
    const amounts = [...text.matchAll(/€\s([\d.]+,\d{2})/g)].length;
    expect(amounts).toBeGreaterThanOrEqual(32);
  });

  it('says when the system decided on a Loket request, and that a worker looks again on objection', async () => {
    const byWorker = await pdfText(
      await renderDecisionLetter(arrangement, { displayName: 'A', city: 'B', ...address }, '2026-11-29'),
    );
    expect(byWorker).not.toMatch(/automatisch genomen/);
    const automatic = {
      ...arrangement,
      kind: 'standaard' as const,
      decidedBy: 'Systeem (Digitaal Loket)',
      decidedById: 'systeem',
    };
    const text = await pdfText(
      await renderDecisionLetter(automatic, { displayName: 'A', city: 'B', ...address }, '2026-11-29'),
    );
    expect(text).toMatch(/automatisch\s+genomen\s+op\s+uw\s+aanvraag\s+via\s+het\s+Digitaal\s+Loket/);
    expect(text).toMatch(/bekijkt\s+een\s+medewerker\s+uw\s+aanvraag\s+opnieuw/);
  });

  it('names each creditor of a Betalingsregeling Rijk with its part, and divides every instalment over them', async () => {
    const creditors = [
      { creditor: 'CJIB', owedCents: 50_000 },
      { creditor: 'CAK', owedCents: 41_250 },
      { creditor: 'DUO', owedCents: 87_533 },
    ];
    const total = 178_783;
    const joint: ArrangementWire = {
      ...arrangement,
      kind: 'standaard',
      totalCents: total,
      instalments: generatePlanForInstalment(total, 10_000, '2027-01-01'),
      creditors,
    };
    const text = await pdfText(
      await renderDecisionLetter(joint, { displayName: 'A', city: 'B', ...address }, '2026-12-04'),
    );
    expect(text).toMatch(
      /één\s+betalingsregeling\s+voor\s+wat\s+u\s+moet\s+betalen\s+aan\s+CJIB,\s+CAK\s+en\s+DUO\s+samen/,
    );
    // The parts, and the same parts again as the schedule's column totals; the total also in the decision's sentence.
    const times = (amount: string) => text.match(new RegExp(`€\\s${amount.replace('.', '\\.')}`, 'g'))?.length;
    expect(['500,00', '412,50', '875,33', '1.787,83'].map(times)).toEqual([2, 2, 2, 3]);
    expect(text).toMatch(/Betalingskenmerk:\s+BR0000000001/);
    const single = await pdfText(
      await renderDecisionLetter(arrangement, { displayName: 'A', city: 'B', ...address }, '2026-12-04'),
    );
    expect(single).not.toMatch(/Betalingsregeling Rijk/);
  });

  it('is not made for a decision still waiting for the team lead', async () => {
    await expect(
      renderDecisionLetter(
        { ...arrangement, status: 'ter_goedkeuring' },
        { displayName: 'X', city: 'Y', ...address },
        '2026-11-29',
      ),
    ).rejects.toThrow(/pas worden gemaakt als de teamleider/);
  });

  it('tells a noodstop and a refusal in their own words', async () => {
    const pause = await pdfText(
      await renderDecisionLetter(
        { ...arrangement, kind: 'noodstop', status: 'vastgelegd', instalments: [], pauseUntil: '2027-03-29' },
        { displayName: 'X', city: 'Y', ...address },
        '2026-11-29',
      ),
    );
    expect(pause).toMatch(/tot en met 29-03-2027/);
    const refusal = await pdfText(
      await renderDecisionLetter(
        { ...arrangement, kind: 'afwijzing', status: 'vastgelegd', instalments: [] },
        { displayName: 'X', city: 'Y', ...address },
        '2026-11-29',
      ),
    );
    expect(refusal).toMatch(/geen betalingsregeling geven/);
    expect(refusal).not.toMatch(/Betaalschema/);
  });

  it('carries what the Awb asks of a decision letter: full address, payment details, bezwaar, kenmerk and page numbers', async () => {
    const pdf = await renderDecisionLetter(
      arrangement,
      { displayName: 'Sanne Jacobs', city: 'Leeuwarden', ...address },
      '2026-12-07',
    );
    const pages = await pdfPages(pdf);
    expect(pages).toHaveLength(2);
    const [first, second] = pages;
    // The envelope window: name, street and number, postcode and place.
    expect(first).toMatch(/Sanne Jacobs\s+Kerkstraat 12\s+8911 AB Leeuwarden/);
    const text = pages.join('\n');
    expect(text).toMatch(/IBAN\): NL91 ABNA 0417 1643 00/);
    expect(text).toMatch(/Betalingskenmerk: BR0000000001/);
    expect(text).toMatch(/Eerste termijn: €\s26,08, uiterlijk op 01-12-2026/);
    expect(text).toMatch(/bezwaar maken\. Doe dit binnen 6 weken na de datum van deze brief/);
    expect(text).toMatch(/Postbus 1794/);
    expect(first).toMatch(/Ons kenmerk 6F1C2A9E · pagina 1 van 2/);
    expect(second).toMatch(/Ons kenmerk 6F1C2A9E · pagina 2 van 2/);
  });

  it('is not made without a postal address, and says why in Dutch', async () => {
    await expect(
      renderDecisionLetter(
        arrangement,
        { displayName: 'X', city: 'Y', streetAddress: null, postcode: null },
        '2026-12-07',
      ),
    ).rejects.toThrow(/postadres van deze persoon is niet bekend/);
  });

  it('never prints bidi overrides or terminal escapes from a name into a letter', async () => {
    const text = await pdfText(
      await renderDecisionLetter(
        arrangement,
        { displayName: 'Jan \u202eekej\u202c \u001b[31mJansen', city: 'Sneek', ...address },
        '2026-12-07',
      ),
    );
    expect(text).toContain('Beste Jan ekej Jansen,');
    // eslint-disable-next-line no-control-regex -- the control characters are what must be absent
    expect(text).not.toMatch(/[\u202a-\u202e\u2066-\u2069\u001b]/);
  });
});
