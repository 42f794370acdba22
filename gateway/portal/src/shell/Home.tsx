import { useEffect } from 'react';
import { Navigate } from 'react-router';
import { Page } from './Page';
import { homeFor } from './roles';
import { Landing } from './SignIn';
import { Loading } from './States';
import { clearReturnTo, peekReturnTo, useSession } from './useSession';

/** `/`: back to the page wanted before sign-in, else the first role's home, else the landing page. */
export function Home() {
  const state = useSession();
  const signedIn = state.status === 'signedIn';
  useEffect(() => {
    if (signedIn) {
      clearReturnTo();
    }
  }, [signedIn]);
  if (state.status === 'loading' || state.status === 'error') {
    return <Loading />;
  }
  if (state.status === 'signedOut') {
    return <Landing loginUrl={state.loginUrl} />;
  }
  const target = peekReturnTo() ?? homeFor(state.session.roles);
  if (target) {
    return <Navigate to={target} replace />;
  }
  return (
    <Page title="No role yet">
      <p>You are signed in, but no role has been assigned to you yet. Ask an administrator to assign one.</p>
    </Page>
  );
}
