import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { RequireRole } from '../shell/RequireRole';
import { ACCESS } from '../shell/roles';

const GradingQueuePage = lazy(() => import('./GradingQueuePage'));
const GradeAttemptPage = lazy(() => import('./GradeAttemptPage'));
const ObservationPage = lazy(() => import('./ObservationPage'));
const ManualRatingPage = lazy(() => import('./ManualRatingPage'));

const assessor = (page: React.ReactNode) => <RequireRole roles={ACCESS.grading}>{page}</RequireRole>;

export const gradingRoutes: RouteObject[] = [
  { path: 'grading', element: assessor(<GradingQueuePage />) },
  { path: 'grading/attempts/:attemptId', element: assessor(<GradeAttemptPage />) },
  { path: 'grading/observations', element: assessor(<ObservationPage />) },
  { path: 'grading/ratings', element: assessor(<ManualRatingPage />) },
];
