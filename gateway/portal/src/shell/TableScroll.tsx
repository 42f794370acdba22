import type { ReactNode } from 'react';

/**
 * A wide table's horizontal scroll area. It can take keyboard focus, so people who do not use a pointer can scroll it
 * with the arrow keys, and it is a named region so that focus lands somewhere a screen reader can announce.
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}
