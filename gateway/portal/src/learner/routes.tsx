import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { RequireRole } from '../shell/RequireRole';
import { ACCESS } from '../shell/roles';

const MyCompetenciesPage = lazy(() => import('./MyCompetenciesPage'));
const GrowthPage = lazy(() => import('./GrowthPage'));
const ExplanationPage = lazy(() => import('./ExplanationPage'));
const GapsPage = lazy(() => import('./GapsPage'));
const EvidencePage = lazy(() => import('./EvidencePage'));
const AssessmentsPage = lazy(() => import('./AssessmentsPage'));
const AttemptPage = lazy(() => import('./AttemptPage'));
const PeerRatingPage = lazy(() => import('./PeerRatingPage'));

const own = (page: React.ReactNode) => <RequireRole roles={ACCESS.learner}>{page}</RequireRole>;
const other = (page: React.ReactNode) => <RequireRole roles={ACCESS.learnerProfile}>{page}</RequireRole>;

/** The learner's own screens under /me, and the same screens (read-only) for one learner under /learners/:id. */
export const learnerRoutes: RouteObject[] = [
  { path: 'me', element: own(<MyCompetenciesPage />) },
  { path: 'me/growth', element: own(<GrowthPage />) },
  { path: 'me/competencies/:competencyId', element: own(<ExplanationPage />) },
  { path: 'me/gaps', element: own(<GapsPage />) },
  { path: 'me/evidence', element: own(<EvidencePage />) },
  { path: 'me/assessments', element: own(<AssessmentsPage />) },
  { path: 'me/attempts/:attemptId', element: own(<AttemptPage />) },
  { path: 'me/peer-requests/:attemptId', element: own(<PeerRatingPage />) },
  { path: 'learners/:learnerId', element: other(<MyCompetenciesPage />) },
  { path: 'learners/:learnerId/growth', element: other(<GrowthPage />) },
  { path: 'learners/:learnerId/competencies/:competencyId', element: other(<ExplanationPage />) },
  { path: 'learners/:learnerId/gaps', element: other(<GapsPage />) },
  { path: 'learners/:learnerId/evidence', element: other(<EvidencePage />) },
];
