import type { RouteObject } from 'react-router';
import { AppFrame } from '../components/AppFrame';
import { RouteError } from '../components/RouteError';
import { AssessmentPage } from '../features/betalingsonmacht/AssessmentPage';
import { BetalingsonmachtOverviewPage } from '../features/betalingsonmacht/BetalingsonmachtOverviewPage';
import { AuditLogPage } from '../features/auditlog/AuditLogPage';
import { ParametersPage } from '../features/parameters/ParametersPage';
import { ClaimPage } from '../features/claims/ClaimPage';
import { TeamoverzichtPage } from '../features/teamoverzicht/TeamoverzichtPage';
import { ConflictenPage } from '../features/conflicten/ConflictenPage';
import { EscalatiesPage } from '../features/escalaties/EscalatiesPage';
import { EscalationCasePage } from '../features/escalaties/EscalationCasePage';
import { DashboardPage } from '../features/dashboard/DashboardPage';
import { PersonPage } from '../features/personen/PersonPage';
import { NotFoundPage } from '../features/not-found/NotFoundPage';
import { SessionGate } from '../features/session/SessionGate';
import { SlachtofferinformatiePage } from '../features/slachtofferinformatie/SlachtofferinformatiePage';
import { VictimPage } from '../features/slachtofferinformatie/VictimPage';
import { ClaimsListPage } from '../features/werkvoorraad/ClaimsListPage';
import { WerkvoorraadPage } from '../features/werkvoorraad/WerkvoorraadPage';
import { RoleHome } from './RoleHome';
import { AboutPage } from '../features/over/AboutPage';

export const routes: RouteObject[] = [
  {
    path: '/',
    errorElement: <RouteError />,
    element: (
      <SessionGate>
        <AppFrame />
      </SessionGate>
    ),
    children: [
      { index: true, element: <RoleHome /> },
      { path: 'index.html', element: <RoleHome /> },
      { path: 'werkvoorraad', element: <WerkvoorraadPage /> },
      { path: 'werkvoorraad/:claimId', element: <ClaimPage /> },
      { path: 'vorderingen', element: <ClaimsListPage /> },
      { path: 'conflicten', element: <ConflictenPage /> },
      { path: 'betalingsonmacht', element: <BetalingsonmachtOverviewPage /> },
      { path: 'betalingsonmacht/:personId', element: <AssessmentPage /> },
      { path: 'slachtofferinformatie', element: <SlachtofferinformatiePage /> },
      { path: 'slachtofferinformatie/:victimId', element: <VictimPage /> },
      { path: 'escalaties', element: <EscalatiesPage /> },
      { path: 'escalaties/:claimId', element: <EscalationCasePage /> },
      { path: 'teamoverzicht', element: <TeamoverzichtPage /> },
      { path: 'dashboard', element: <DashboardPage /> },
      { path: 'auditlog', element: <AuditLogPage /> },
      { path: 'parameters', element: <ParametersPage /> },
      { path: 'over', element: <AboutPage /> },
      { path: 'personen/:personId', element: <PersonPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];
