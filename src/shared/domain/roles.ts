export const roles = [
  'medewerker_inning',
  'medewerker_slachtofferinformatie',
  'teamleider',
  'functioneel_beheerder',
] as const;
export type Role = (typeof roles)[number];
