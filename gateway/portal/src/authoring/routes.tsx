import { lazy, type ReactNode } from 'react';
import { Navigate, type RouteObject } from 'react-router';
import { RequireRole } from '../shell/RequireRole';
import { ACCESS } from '../shell/roles';

const FrameworksPage = lazy(() => import('./FrameworksPage'));
const FrameworkPage = lazy(() => import('./FrameworkPage'));
const CompetencyPage = lazy(() => import('./CompetencyPage'));
const DraftEditorPage = lazy(() => import('./DraftEditorPage'));
const DiffPage = lazy(() => import('./DiffPage'));
const CaseImportPage = lazy(() => import('./CaseImportPage'));
const AssessmentAuthoringPage = lazy(() => import('./AssessmentAuthoringPage'));
const AssessmentEditorPage = lazy(() => import('./AssessmentEditorPage'));
const RoleProfilesPage = lazy(() => import('./RoleProfilesPage'));
const ResourcesPage = lazy(() => import('./ResourcesPage'));

const author = (page: ReactNode) => <RequireRole roles={ACCESS.authoring}>{page}</RequireRole>;

export const authoringRoutes: RouteObject[] = [
  { path: 'authoring', element: <Navigate to="/authoring/frameworks" replace /> },
  { path: 'authoring/frameworks', element: author(<FrameworksPage />) },
  { path: 'authoring/frameworks/:frameworkId', element: author(<FrameworkPage />) },
  { path: 'authoring/frameworks/:frameworkId/draft', element: author(<DraftEditorPage />) },
  { path: 'authoring/frameworks/:frameworkId/diff', element: author(<DiffPage />) },
  {
    path: 'authoring/frameworks/:frameworkId/versions/:version/competencies/:competencyId',
    element: author(<CompetencyPage />),
  },
  { path: 'authoring/import', element: author(<CaseImportPage />) },
  { path: 'authoring/assessments', element: author(<AssessmentAuthoringPage />) },
  { path: 'authoring/assessments/:assessmentId', element: author(<AssessmentEditorPage />) },
  { path: 'authoring/role-profiles', element: author(<RoleProfilesPage />) },
  { path: 'authoring/resources', element: author(<ResourcesPage />) },
];
