import type { TraceSource } from './trace';

/**
 * The official texts the rules rest on, cited once so every trace step and every parameter names
 * them the same way. Addresses are the permanent JCI links of wetten.overheid.nl (by BWB id and
 * article), which always open the text in force today; a decision's own date picks its rules.
 */
const wet = (bwb: string, artikel: string, label: string): TraceSource => ({
  label,
  url: `https://wetten.overheid.nl/jci1.3:c:${bwb}&artikel=${artikel}`,
});

export const sources = {
  rv475da: wet('BWBR0001827', '475da', 'art. 475da Wetboek van Burgerlijke Rechtsvordering'),
  rv475dc: wet('BWBR0001827', '475dc', 'art. 475dc Wetboek van Burgerlijke Rechtsvordering'),
  sv642: wet('BWBR0001903', '6:4:2', 'art. 6:4:2 Wetboek van Strafvordering'),
  wahv23: wet('BWBR0004441', '23', 'art. 23 Wahv'),
  /** The whole act, where the rule's article has not been read in the official text yet. */
  wahv: {
    label: 'Wet administratiefrechtelijke handhaving verkeersvoorschriften (Wahv)',
    url: 'https://wetten.overheid.nl/BWBR0004441',
  },
  ombudsman2010021: { label: 'Nationale ombudsman, rapport 2010/021 (voertuig van een derde)' },
  wahv27: wet('BWBR0004441', '27', 'art. 27 Wahv'),
  awb345: wet('BWBR0005537', '3:45', 'art. 3:45 Algemene wet bestuursrecht'),
  awb67: wet('BWBR0005537', '6:7', 'art. 6:7 Algemene wet bestuursrecht'),
  besluitTulStrafrechtelijk414: {
    label: 'art. 4:14 Besluit tenuitvoerlegging strafrechtelijke beslissingen',
  },
  normenbrief: (period: string): TraceSource => ({
    label: `SZW Normenbrief / Mededeling bijstandsnormen per ${period}`,
  }),
} as const;
