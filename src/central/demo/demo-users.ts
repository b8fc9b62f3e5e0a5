import type { Role } from '../../shared/domain/roles';

/** Demo teams and users (invented). All share one demo password, documented in the README. */
export const demoPassword = 'Welkom-CJIB-2026';

export const demoTeams = [
  { id: 'team-inning-leeuwarden', name: 'Team Inning Leeuwarden' },
  { id: 'team-inning-zwolle', name: 'Team Inning Zwolle' },
  { id: 'team-slachtofferinformatie', name: 'Team Slachtofferinformatie' },
  { id: 'team-beheer', name: 'Functioneel beheer' },
] as const;

/** The team that informs victims; victims and detention events are scoped to it. */
export const victimTeamId = 'team-slachtofferinformatie';

/** Teams that hold debtors' cases; demo persons are spread over these. */
export const caseTeamIds = ['team-inning-leeuwarden', 'team-inning-zwolle'] as const;

export const demoUsers: readonly { id: string; username: string; displayName: string; role: Role; teamId: string }[] = [
  {
    id: 'u-sdevries',
    username: 'sdevries',
    displayName: 'Sanne de Vries',
    role: 'medewerker_inning',
    teamId: 'team-inning-leeuwarden',
  },
  {
    id: 'u-pvisser',
    username: 'pvisser',
    displayName: 'Pieter Visser',
    role: 'medewerker_inning',
    teamId: 'team-inning-leeuwarden',
  },
  {
    id: 'u-ljansen',
    username: 'ljansen',
    displayName: 'Lotte Jansen',
    role: 'medewerker_inning',
    teamId: 'team-inning-leeuwarden',
  },
  {
    id: 'u-jbakker',
    username: 'jbakker',
    displayName: 'Joost Bakker',
    role: 'medewerker_inning',
    teamId: 'team-inning-zwolle',
  },
  {
    id: 'u-famrani',
    username: 'famrani',
    displayName: 'Fatima Amrani',
    role: 'medewerker_slachtofferinformatie',
    teamId: 'team-slachtofferinformatie',
  },
  {
    id: 'u-mpostma',
    username: 'mpostma',
    displayName: 'Marieke Postma',
    role: 'teamleider',
    teamId: 'team-inning-leeuwarden',
  },
  {
    id: 'u-wdekker',
    username: 'wdekker',
    displayName: 'Wendy Dekker',
    role: 'teamleider',
    teamId: 'team-slachtofferinformatie',
  },
  { id: 'u-hkok', username: 'hkok', displayName: 'Henk Kok', role: 'functioneel_beheerder', teamId: 'team-beheer' },
  // A second beheerder: a parameter set one of them enters, the other approves.
  {
    id: 'u-sbakker',
    username: 'sbakker',
    displayName: 'Sanne Bakker',
    role: 'functioneel_beheerder',
    teamId: 'team-beheer',
  },
];
