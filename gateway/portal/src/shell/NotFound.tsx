import { Link } from 'react-router';
import { Page } from './Page';

export function NotFound() {
  return (
    <Page title="Page not found">
      <p>There is no page at this address. It may have moved, or the link may be mistyped.</p>
      <Link to="/">Go to the start page</Link>
    </Page>
  );
}
