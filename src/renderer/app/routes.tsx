import { Navigate, type RouteObject } from 'react-router';
import { AppFrame } from '../components/AppFrame';
import { RouteError } from '../components/RouteError';
import { AssessmentPage } from '../features/betalingsonmacht/AssessmentPage';
import { BetalingsonmachtOverviewPage } from '../features/betalingsonmacht/BetalingsonmachtOverviewPage';
import { ClaimPage } from '../features/claims/ClaimPage';
import { TeamoverzichtPage } from '../features/teamoverzicht/TeamoverzichtPage';
import { ConflictenPage } from '../features/conflicten/ConflictenPage';
import { EscalatiesPage } from '../features/escalaties/EscalatiesPage';
import { EscalationCasePage } from '../features/escalaties/EscalationCasePage';
import { NotFoundPage } from '../features/not-found/NotFoundPage';
import { SessionGate } from '../features/session/SessionGate';
import { SlachtofferinformatiePage } from '../features/slachtofferinformatie/SlachtofferinformatiePage';
import { VictimPage } from '../features/slachtofferinformatie/VictimPage';
import { WerkvoorraadPage } from '../features/werkvoorraad/WerkvoorraadPage';

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
      { index: true, element: <Navigate to="/werkvoorraad" replace /> },
      { path: 'index.html', element: <Navigate to="/werkvoorraad" replace /> },
      { path: 'werkvoorraad', element: <WerkvoorraadPage /> },
      { path: 'werkvoorraad/:claimId', element: <ClaimPage /> },
      { path: 'conflicten', element: <ConflictenPage /> },
      { path: 'betalingsonmacht', element: <BetalingsonmachtOverviewPage /> },
      { path: 'betalingsonmacht/:personId', element: <AssessmentPage /> },
      { path: 'slachtofferinformatie', element: <SlachtofferinformatiePage /> },
      { path: 'slachtofferinformatie/:victimId', element: <VictimPage /> },
      { path: 'escalaties', element: <EscalatiesPage /> },
      { path: 'escalaties/:claimId', element: <EscalationCasePage /> },
      { path: 'teamoverzicht', element: <TeamoverzichtPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];
