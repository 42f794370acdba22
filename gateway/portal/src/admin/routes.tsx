import { lazy, type ReactNode } from 'react';
import type { RouteObject } from 'react-router';
import { RequireRole } from '../shell/RequireRole';
import { ACCESS } from '../shell/roles';

const AdminPage = lazy(() => import('./AdminPage'));
const XapiClientsPage = lazy(() => import('./XapiClientsPage'));
const LearnersAdminPage = lazy(() => import('./LearnersAdminPage'));
const PolicyPreviewPage = lazy(() => import('./PolicyPreviewPage'));

const admin = (page: ReactNode) => <RequireRole roles={ACCESS.admin}>{page}</RequireRole>;

export const adminRoutes: RouteObject[] = [
  { path: 'admin', element: admin(<AdminPage />) },
  { path: 'admin/xapi-clients', element: admin(<XapiClientsPage />) },
  { path: 'admin/learners', element: admin(<LearnersAdminPage />) },
  { path: 'admin/policy-preview', element: admin(<PolicyPreviewPage />) },
];
