import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { RequireRole } from '../shell/RequireRole';
import { ACCESS } from '../shell/roles';

const AnalyticsPage = lazy(() => import('./AnalyticsPage'));

export const analyticsRoutes: RouteObject[] = [
  { path: 'analytics', element: <RequireRole roles={ACCESS.analytics}><AnalyticsPage /></RequireRole> },
];
