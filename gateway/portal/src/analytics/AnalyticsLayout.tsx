import { Suspense } from 'react';
import { NavLink, Outlet } from 'react-router';
import { Page } from '../shell/Page';
import { hasAnyRole } from '../shell/roles';
import { Skeleton } from '../shell/Skeleton';
import { useSignedIn } from '../shell/useSession';
import { ANALYTICS_VIEWS } from './views';

/** The analytics area: one page, a navigation between its views, the chosen view below. */
export default function AnalyticsLayout() {
  const session = useSignedIn();
  const views = ANALYTICS_VIEWS.filter((view) => hasAnyRole(session.roles, view.roles));
  return (
    <Page
      title="Analytics"
      intro={<p>Capability across the organisation, from the platform's evidence and mastery. Groups too small to
        show without singling someone out are hidden; every view downloads as CSV.</p>}
    >
      <nav aria-label="Analytics views" className="view-nav">
        <ul>
          {views.map((view) => (
            <li key={view.path}>
              <NavLink to={view.path ? `/analytics/${view.path}` : '/analytics'} end>{view.title}</NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Suspense fallback={<Skeleton label="Loading the view…" rows={4} chart />}>
        <Outlet />
      </Suspense>
    </Page>
  );
}
