import type { Role } from '../api/session';
import { ACCESS } from '../shell/roles';

/** The analytics views, in the order of the view navigation; `path` is below /analytics. */
export interface AnalyticsView {
  path: string;
  title: string;
  roles: readonly Role[];
}

export const ANALYTICS_VIEWS: readonly AnalyticsView[] = [
  { path: '', title: 'Capability map', roles: ACCESS.analytics },
  { path: 'readiness', title: 'Readiness', roles: ACCESS.analytics },
  { path: 'trend', title: 'Trend', roles: ACCESS.analytics },
  { path: 'time-to-mastery', title: 'Time to mastery', roles: ACCESS.analytics },
  { path: 'gaps', title: 'Skill gaps', roles: ACCESS.analytics },
  { path: 'evidence', title: 'Evidence flow', roles: ACCESS.analytics },
  // These two name people: the service answers 403 to anyone else, and the navigation does not offer them.
  { path: 'coaching', title: 'Coaching list', roles: ['MANAGER', 'ADMIN'] },
  { path: 'learner', title: 'One learner', roles: ['ADMIN'] },
];
