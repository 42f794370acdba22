import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { RequireRole } from '../shell/RequireRole';
import { ACCESS } from '../shell/roles';

const GradingQueuePage = lazy(() => import('./GradingQueuePage'));

export const gradingRoutes: RouteObject[] = [
  { path: 'grading', element: <RequireRole roles={ACCESS.grading}><GradingQueuePage /></RequireRole> },
];
