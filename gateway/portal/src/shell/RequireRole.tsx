import { Suspense, type ReactNode } from 'react';
import type { Role } from '../api/session';
import { Forbidden } from './Forbidden';
import { ProblemMessage } from './ProblemMessage';
import { hasAnyRole } from './roles';
import { Landing } from './SignIn';
import { Loading } from './States';
import { useSession } from './useSession';

/** Renders its page only for a caller with one of the roles; lazy pages load inside. */
export function RequireRole({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const state = useSession();
  switch (state.status) {
    case 'loading':
      return <Loading />;
    case 'error':
      return <ProblemMessage error={state.error} />;
    case 'signedOut':
      return <Landing loginUrl={state.loginUrl} />;
    case 'signedIn':
      if (!hasAnyRole(state.session.roles, roles)) {
        return <Forbidden needed={roles} have={state.session.roles} />;
      }
      return <Suspense fallback={<Loading />}>{children}</Suspense>;
  }
}
