import { useRef, type FormEvent } from 'react';
import { useLocation } from 'react-router';
import { readCookie, XSRF_COOKIE } from '../api/http';
import { DEFAULT_LOGIN_URL } from '../api/session';
import { signIn } from './useSession';

export function SignInButton({ loginUrl = DEFAULT_LOGIN_URL, label = 'Sign in' }: { loginUrl?: string; label?: string }) {
  const location = useLocation();
  return (
    <button type="button" className="button primary" onClick={() => signIn(loginUrl, location.pathname + location.search)}>
      {label}
    </button>
  );
}

/** A real form post: the gateway ends its session and the issuer's, then sends the browser to `/`. */
export function SignOutButton() {
  const csrf = useRef<HTMLInputElement>(null);
  const fillToken = (_event: FormEvent<HTMLFormElement>) => {
    if (csrf.current) {
      csrf.current.value = readCookie(XSRF_COOKIE) ?? '';
    }
  };
  return (
    <form method="post" action="/logout" onSubmit={fillToken} className="sign-out">
      <input ref={csrf} type="hidden" name="_csrf" defaultValue="" />
      <button type="submit" className="button">
        Sign out
      </button>
    </form>
  );
}

/** What a signed-out visitor sees. */
export function Landing({ loginUrl }: { loginUrl: string }) {
  return (
    <section className="landing" aria-labelledby="landing-title">
      <h1 id="landing-title">Competency portal</h1>
      <p>
        See what you have mastered and why, what your role asks of you, and what to do next. Managers follow their
        team, assessors grade, authors shape the frameworks.
      </p>
      <SignInButton loginUrl={loginUrl} />
    </section>
  );
}

/** Shown after any API answered 401. */
export function SessionEnded() {
  const location = useLocation();
  return (
    <section className="session-ended" role="alert" aria-labelledby="session-ended-title">
      <h1 id="session-ended-title">Your session has ended</h1>
      <p>For your safety you were signed out. Sign in again to carry on where you were.</p>
      <a
        className="button primary"
        href={DEFAULT_LOGIN_URL}
        onClick={(event) => {
          event.preventDefault();
          signIn(DEFAULT_LOGIN_URL, location.pathname + location.search);
        }}
      >
        Sign in again
      </a>
    </section>
  );
}
