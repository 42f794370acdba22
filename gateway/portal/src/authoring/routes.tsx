import { lazy } from 'react';
import { Navigate, type RouteObject } from 'react-router';
import { RequireRole } from '../shell/RequireRole';
import { ACCESS } from '../shell/roles';

const FrameworksPage = lazy(() => import('./FrameworksPage'));
const CaseImportPage = lazy(() => import('./CaseImportPage'));
const AssessmentAuthoringPage = lazy(() => import('./AssessmentAuthoringPage'));
const RoleProfilesPage = lazy(() => import('./RoleProfilesPage'));
const ResourcesPage = lazy(() => import('./ResourcesPage'));

const author = (page: React.ReactNode) => <RequireRole roles={ACCESS.authoring}>{page}</RequireRole>;

export const authoringRoutes: RouteObject[] = [
  { path: 'authoring', element: <Navigate to="/authoring/frameworks" replace /> },
  { path: 'authoring/frameworks', element: author(<FrameworksPage />) },
  { path: 'authoring/import', element: author(<CaseImportPage />) },
  { path: 'authoring/assessments', element: author(<AssessmentAuthoringPage />) },
  { path: 'authoring/role-profiles', element: author(<RoleProfilesPage />) },
  { path: 'authoring/resources', element: author(<ResourcesPage />) },
];
