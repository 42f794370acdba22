import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { RequireRole } from '../shell/RequireRole';
import { ACCESS } from '../shell/roles';

const TeamPage = lazy(() => import('./TeamPage'));

export const teamRoutes: RouteObject[] = [
  { path: 'team', element: <RequireRole roles={ACCESS.team}><TeamPage /></RequireRole> },
  { path: 'team/:teamId', element: <RequireRole roles={ACCESS.team}><TeamPage /></RequireRole> },
];
