import { useEffect, useId, useState } from 'react';
import { NavLink, useLocation } from 'react-router';
import type { Role } from '../api/session';
import { navigationFor } from './roles';

/** The caller's pages; on narrow screens it folds behind a Menu button. */
export function Navigation({ roles }: { roles: readonly Role[] }) {
  const [open, setOpen] = useState(false);
  const listId = useId();
  const location = useLocation();
  useEffect(() => setOpen(false), [location.pathname]);
  const entries = navigationFor(roles);
  if (entries.length === 0) {
    return null;
  }
  return (
    <nav className="site-nav" aria-label="Main">
      <button
        type="button"
        className="nav-toggle"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen((value) => !value)}
      >
        Menu
      </button>
      <ul id={listId} className={open ? 'nav-list open' : 'nav-list'}>
        {entries.map((entry) => (
          <li key={entry.to}>
            <NavLink to={entry.to} end={entry.to === '/me' || entry.to === '/team'}>
              {entry.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
