import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { RequireRole } from '../shell/RequireRole';
import { ACCESS } from '../shell/roles';

const ChallengesPage = lazy(() => import('./ChallengesPage'));
const NewChallengePage = lazy(() => import('./NewChallengePage'));
const DiscussionPage = lazy(() => import('./DiscussionPage'));
const NotificationSettingsPage = lazy(() => import('./NotificationSettingsPage'));

/** Challenges, a discussion on its own page (where notifications lead) and the notification settings. */
export const communityRoutes: RouteObject[] = [
  { path: 'challenges', element: <RequireRole roles={ACCESS.challenges}><ChallengesPage /></RequireRole> },
  { path: 'challenges/new', element: <RequireRole roles={ACCESS.challengeSetting}><NewChallengePage /></RequireRole> },
  { path: 'discussions/:discussionId', element: <RequireRole roles={ACCESS.signedIn}><DiscussionPage /></RequireRole> },
  { path: 'notifications/settings', element: <RequireRole roles={ACCESS.signedIn}><NotificationSettingsPage /></RequireRole> },
];
