import { useRouteError } from 'react-router';
import { ProblemMessage } from './ProblemMessage';

/** Last resort when a page fails to render (for example a chunk that could not load after a release). */
export function RouteError() {
  const error = useRouteError();
  return (
    <main id="main" className="route-error">
      <h1>Something went wrong</h1>
      <ProblemMessage error={error} title="This page could not be shown. Reload the page to try again." />
      <a href="/">Go to the start page</a>
    </main>
  );
}
