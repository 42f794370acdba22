import { useEffect, useRef, type ReactNode } from 'react';
import { useLocation } from 'react-router';

const PRODUCT = 'Competency portal';

/** One page: sets the document title and renders the one h1, focused after in-app navigation. */
export function Page({ title, intro, actions, children }: {
  title: string;
  intro?: ReactNode;
  actions?: ReactNode;
  children?: ReactNode;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  const location = useLocation();
  useEffect(() => {
    document.title = `${title} · ${PRODUCT}`;
  }, [title]);
  useEffect(() => {
    // The first page of a visit keeps the focus at the top (skip link); later pages announce themselves. A
    // change of the query alone (a filter, a page of a list) keeps the focus where the user is, and a link to
    // a fragment lets the page focus that.
    if (location.key !== 'default' && !location.hash) {
      heading.current?.focus();
    }
  }, [location.pathname]);
  return (
    <article className="page">
      <header className="page-header">
        <h1 ref={heading} tabIndex={-1}>
          {title}
        </h1>
        {actions ? <div className="page-actions">{actions}</div> : null}
      </header>
      {intro ? <div className="page-intro">{intro}</div> : null}
      {children}
    </article>
  );
}
