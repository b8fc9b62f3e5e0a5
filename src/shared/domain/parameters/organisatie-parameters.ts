import type { Dated, Sourced } from './parameter-set';

/**
 * What CJIB's letters print about CJIB itself: where an objection goes, the phone number, the
 * account payments go to, and the objection term. Dated like every other value, so a letter shows
 * what held on its own date.
 */
export interface OrganisatieParameterSet extends Dated {
  /** The address an objection (bezwaarschrift) is sent to, one line each. */
  bezwaarAdres: Sourced<readonly string[]>;
  telefoon: Sourced<string>;
  iban: Sourced<string>;
  /** Awb 6:7: six weeks from the day after the decision was sent. */
  bezwaarTermijnWeken: Sourced<number>;
}

const demo =
  'Demogegevens: het echte gegeven staat niet in een bron die het project kon raadplegen; een functioneel beheerder vult het in';

export const organisatieParameterSets: readonly OrganisatieParameterSet[] = [
  {
    id: 'organisatie-2024-01',
    validFrom: '2024-01-01',
    bezwaarAdres: {
      value: ['Centraal Justitieel Incassobureau', 'Postbus 1794', '8901 CB Leeuwarden'],
      source: `${demo} (postbus uit het geheugen, niet bevestigd)`,
      status: 'open',
    },
    telefoon: { value: '058 - 000 00 00', source: demo, status: 'open' },
    // The ISO 13616 example IBAN: recognisably not an account of anyone who could receive a payment.
    iban: { value: 'NL91 ABNA 0417 1643 00', source: `${demo} (voorbeeld-IBAN)`, status: 'open' },
    bezwaarTermijnWeken: {
      value: 6,
      source: 'art. 6:7 Algemene wet bestuursrecht',
      status: 'confirmed',
    },
  },
];
