// The gateway's own endpoint (not a service): who is signed in, from the current access token's claims.
import { getJson } from './http';

export const ROLES = ['LEARNER', 'MANAGER', 'ASSESSOR', 'AUTHOR', 'ANALYST', 'ADMIN'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export interface SignedIn {
  authenticated: true;
  subject: string;
  username: string;
  name: string;
  roles: Role[];
  organisationUnit: string | null;
  teamId: string | null;
  managedTeams: string[];
  expiresAt: string | null;
}

export interface SignedOut {
  authenticated: false;
  loginUrl: string;
}

export type SessionInfo = SignedIn | SignedOut;

export const DEFAULT_LOGIN_URL = '/oauth2/authorization/portal';

/** Reads /session defensively: unknown role names are dropped, missing lists become empty. */
export function toSessionInfo(value: unknown): SessionInfo {
  const body = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  if (body.authenticated !== true) {
    return {
      authenticated: false,
      loginUrl: typeof body.loginUrl === 'string' ? body.loginUrl : DEFAULT_LOGIN_URL,
    };
  }
  const text = (key: string) => (typeof body[key] === 'string' ? (body[key] as string) : null);
  const subject = text('subject') ?? '';
  const username = text('username') ?? subject;
  return {
    authenticated: true,
    subject,
    username,
    name: text('name') ?? username,
    roles: Array.isArray(body.roles) ? body.roles.filter(isRole) : [],
    organisationUnit: text('organisationUnit'),
    teamId: text('teamId'),
    managedTeams: Array.isArray(body.managedTeams)
      ? body.managedTeams.filter((team): team is string => typeof team === 'string')
      : [],
    expiresAt: text('expiresAt'),
  };
}

export async function fetchSession(): Promise<SessionInfo> {
  return toSessionInfo(await getJson<unknown>('/session'));
}
