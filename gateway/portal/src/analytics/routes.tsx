import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { RequireRole } from '../shell/RequireRole';
import { ACCESS } from '../shell/roles';

const AnalyticsLayout = lazy(() => import('./AnalyticsLayout'));
const CapabilityView = lazy(() => import('./CapabilityView'));
const ReadinessView = lazy(() => import('./ReadinessView'));
const TrendView = lazy(() => import('./TrendView'));
const TimeToMasteryView = lazy(() => import('./TimeToMasteryView'));
const SkillGapsView = lazy(() => import('./SkillGapsView'));
const EvidenceFlowView = lazy(() => import('./EvidenceFlowView'));
const CoachingView = lazy(() => import('./CoachingView'));
const LearnerMasteryView = lazy(() => import('./LearnerMasteryView'));

export const analyticsRoutes: RouteObject[] = [
  {
    path: 'analytics',
    element: <RequireRole roles={ACCESS.analytics}><AnalyticsLayout /></RequireRole>,
    children: [
      { index: true, element: <CapabilityView /> },
      { path: 'readiness', element: <ReadinessView /> },
      { path: 'trend', element: <TrendView /> },
      { path: 'time-to-mastery', element: <TimeToMasteryView /> },
      { path: 'gaps', element: <SkillGapsView /> },
      { path: 'evidence', element: <EvidenceFlowView /> },
      { path: 'coaching', element: <CoachingView /> },
      { path: 'learner', element: <LearnerMasteryView /> },
    ],
  },
];
