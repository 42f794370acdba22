import type { ReactNode } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { ProblemMessage } from './ProblemMessage';

export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <p className="loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label}
    </p>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <div className="empty">{children}</div>;
}

/** For data the platform does not serve yet: says so instead of showing nothing. */
export function NotAvailable({ what }: { what: string }) {
  return (
    <div className="empty not-available">
      <p>{what} is not available yet.</p>
    </div>
  );
}

/** Loading, error and (optionally) empty states around one query; children render the data. */
export function QueryView<T>({
  query,
  loadingLabel,
  isEmpty,
  empty,
  children,
}: {
  query: Pick<UseQueryResult<T>, 'isPending' | 'isError' | 'error' | 'data'>;
  loadingLabel?: string;
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) {
    return <Loading label={loadingLabel} />;
  }
  if (query.isError) {
    return <ProblemMessage error={query.error} />;
  }
  const data = query.data as T;
  if (isEmpty && isEmpty(data)) {
    return <Empty>{empty ?? <p>Nothing here yet.</p>}</Empty>;
  }
  return <>{children(data)}</>;
}
