import { useQuery } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import { onSessionEnded } from '../api/http';
import { fetchSession, type SessionInfo, type SignedIn } from '../api/session';

export const SESSION_KEY = ['session'] as const;
export const RETURN_TO_KEY = 'portal.returnTo';

export type SessionState =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'signedOut'; loginUrl: string }
  | { status: 'signedIn'; session: SignedIn };

export function useSession(): SessionState {
  const query = useQuery<SessionInfo>({
    queryKey: SESSION_KEY,
    queryFn: fetchSession,
    staleTime: Infinity,
    retry: 1,
  });
  if (query.isPending) {
    return { status: 'loading' };
  }
  if (query.isError) {
    return { status: 'error', error: query.error };
  }
  const info = query.data;
  return info.authenticated ? { status: 'signedIn', session: info } : { status: 'signedOut', loginUrl: info.loginUrl };
}

/** The signed-in caller; only for components rendered behind RequireRole or the signed-in layout. */
export function useSignedIn(): SignedIn {
  const state = useSession();
  if (state.status !== 'signedIn') {
    throw new Error('useSignedIn outside a signed-in page');
  }
  return state.session;
}

// Session end is reported by the http wrapper (any 401 from /api) and lasts until the page reloads.
let ended = false;
const listeners = new Set<() => void>();
onSessionEnded(() => {
  ended = true;
  listeners.forEach((listener) => listener());
});

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

export function useSessionEnded(): boolean {
  return useSyncExternalStore(subscribe, () => ended, () => false);
}

/** For tests: forget a previous session end. */
export function resetSessionEnded(): void {
  ended = false;
  listeners.forEach((listener) => listener());
}

/** Leaves for the identity provider, remembering where to come back to. */
export function signIn(loginUrl: string, returnTo?: string): void {
  if (returnTo && returnTo !== '/') {
    sessionStorage.setItem(RETURN_TO_KEY, returnTo);
  }
  window.location.assign(loginUrl);
}

/** The same-origin path stored before sign-in, if any. */
export function peekReturnTo(): string | undefined {
  const path = sessionStorage.getItem(RETURN_TO_KEY);
  return path && path.startsWith('/') && !path.startsWith('//') ? path : undefined;
}

export function clearReturnTo(): void {
  sessionStorage.removeItem(RETURN_TO_KEY);
}
