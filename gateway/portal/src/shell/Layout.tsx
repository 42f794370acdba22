import { Outlet } from 'react-router';
import { NotificationBell } from '../community/NotificationBell';
import { Navigation } from './Navigation';
import { ProblemMessage } from './ProblemMessage';
import { roleLabel } from './roles';
import { SessionEnded, SignInButton, SignOutButton } from './SignIn';
import { Loading } from './States';
import { useSession, useSessionEnded } from './useSession';

export function Layout() {
  const state = useSession();
  const ended = useSessionEnded();
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <header className="site-header">
        <a className="brand" href="/">
          Competency portal
        </a>
        {state.status === 'signedIn' ? (
          <>
            <Navigation roles={state.session.roles} />
            <div className="account">
              <NotificationBell />
              <span className="account-name">
                {state.session.name}
                <span className="account-roles"> ({state.session.roles.map(roleLabel).join(', ') || 'no role'})</span>
              </span>
              <SignOutButton />
            </div>
          </>
        ) : state.status === 'signedOut' ? (
          <div className="account">
            <SignInButton loginUrl={state.loginUrl} />
          </div>
        ) : null}
      </header>
      <main id="main" tabIndex={-1}>
        {ended ? (
          <SessionEnded />
        ) : state.status === 'loading' ? (
          <Loading />
        ) : state.status === 'error' ? (
          <ProblemMessage error={state.error} title="The portal could not check who you are." />
        ) : (
          <Outlet />
        )}
      </main>
    </div>
  );
}
