/** Previous and next buttons around "Page n of m" for a list shown a page at a time. */
export function Pager({ label, page, pages, hasNext, onGo }: {
  /** Names the navigation landmark, e.g. "Evidence pages". */
  label: string;
  page: number;
  /** The number of pages, when known. */
  pages?: number;
  /** Whether a next page exists, when the number of pages is not known. */
  hasNext?: boolean;
  onGo: (page: number) => void;
}) {
  const last = pages !== undefined ? page >= pages : !hasNext;
  return (
    <nav className="pager" aria-label={label}>
      <button type="button" className="button" disabled={page <= 1} onClick={() => onGo(page - 1)}>
        Previous page
      </button>
      <span>
        Page {page}
        {pages ? ` of ${pages}` : ''}
      </span>
      <button type="button" className="button" disabled={last} onClick={() => onGo(page + 1)}>
        Next page
      </button>
    </nav>
  );
}
