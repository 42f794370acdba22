import type { Role } from '../api/session';

export interface NavEntry {
  label: string;
  to: string;
  /** Any one of these roles opens the page. */
  roles: readonly Role[];
}

export interface RoleHome {
  role: Role;
  label: string;
  home: string;
}

/** In the order `/` picks the first home the caller has. */
export const ROLE_HOMES: readonly RoleHome[] = [
  { role: 'LEARNER', label: 'Learner', home: '/me' },
  { role: 'MANAGER', label: 'Manager', home: '/team' },
  { role: 'ASSESSOR', label: 'Assessor', home: '/grading' },
  { role: 'AUTHOR', label: 'Author', home: '/authoring/frameworks' },
  { role: 'ANALYST', label: 'Analyst', home: '/analytics' },
  { role: 'ADMIN', label: 'Administrator', home: '/admin' },
];

/** Who may open each area; the services check again (ownership, teams). */
export const ACCESS = {
  learner: ['LEARNER'],
  /** `/learners/:learnerId/...`: the services answer 403 to anyone but the learner, their manager or an admin. */
  learnerProfile: ['LEARNER', 'MANAGER', 'ADMIN'],
  team: ['MANAGER'],
  grading: ['ASSESSOR'],
  authoring: ['AUTHOR'],
  analytics: ['ANALYST', 'MANAGER', 'ADMIN'],
  admin: ['ADMIN'],
  /** `/challenges`: the members of a group, its managers and admins (the service shows each only their groups). */
  challenges: ['LEARNER', 'MANAGER', 'ADMIN'],
  /** `/challenges/new`: managers for the teams they manage, admins for any team or unit. */
  challengeSetting: ['MANAGER', 'ADMIN'],
  /** Discussions and notification settings: anyone signed in (the service scopes them to the caller). */
  signedIn: ['LEARNER', 'MANAGER', 'ASSESSOR', 'AUTHOR', 'ANALYST', 'ADMIN'],
} as const satisfies Record<string, readonly Role[]>;

export const NAVIGATION: readonly NavEntry[] = [
  { label: 'My competencies', to: '/me', roles: ACCESS.learner },
  { label: 'Growth', to: '/me/growth', roles: ACCESS.learner },
  { label: 'Gaps and next steps', to: '/me/gaps', roles: ACCESS.learner },
  { label: 'Evidence', to: '/me/evidence', roles: ACCESS.learner },
  { label: 'Assessments', to: '/me/assessments', roles: ACCESS.learner },
  { label: 'Team', to: '/team', roles: ACCESS.team },
  { label: 'Challenges', to: '/challenges', roles: ACCESS.challenges },
  { label: 'Grading queue', to: '/grading', roles: ACCESS.grading },
  { label: 'Frameworks', to: '/authoring/frameworks', roles: ACCESS.authoring },
  { label: 'Assessment authoring', to: '/authoring/assessments', roles: ACCESS.authoring },
  { label: 'Role profiles', to: '/authoring/role-profiles', roles: ACCESS.authoring },
  { label: 'Learning resources', to: '/authoring/resources', roles: ACCESS.authoring },
  { label: 'CASE import', to: '/authoring/import', roles: ACCESS.authoring },
  { label: 'Analytics', to: '/analytics', roles: ACCESS.analytics },
  { label: 'Administration', to: '/admin', roles: ACCESS.admin },
];

export function hasAnyRole(roles: readonly Role[], allowed: readonly Role[]): boolean {
  return allowed.some((role) => roles.includes(role));
}

export function navigationFor(roles: readonly Role[]): NavEntry[] {
  return NAVIGATION.filter((entry) => hasAnyRole(roles, entry.roles));
}

export function homeFor(roles: readonly Role[]): string | undefined {
  return ROLE_HOMES.find((home) => roles.includes(home.role))?.home;
}

export function roleLabel(role: Role): string {
  return ROLE_HOMES.find((home) => home.role === role)?.label ?? role;
}
