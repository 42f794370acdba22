import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { RequireRole } from '../shell/RequireRole';
import { ACCESS } from '../shell/roles';

const AdminPage = lazy(() => import('./AdminPage'));

export const adminRoutes: RouteObject[] = [
  { path: 'admin', element: <RequireRole roles={ACCESS.admin}><AdminPage /></RequireRole> },
];
