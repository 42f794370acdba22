/**
 * A placeholder in the shape of what is loading (a table's rows, a chart's box), so the page does not jump
 * when the data arrives. Screen readers hear the label once; the grey shapes are hidden from them.
 */
export function Skeleton({ label, rows = 4, chart = false }: { label: string; rows?: number; chart?: boolean }) {
  return (
    <div className="skeleton" role="status" aria-live="polite" aria-busy="true">
      <span className="visually-hidden">{label}</span>
      <div aria-hidden="true">
        {chart ? <div className="skeleton-chart" /> : null}
        {Array.from({ length: rows }, (_, index) => (
          <div className="skeleton-row" key={index} />
        ))}
      </div>
    </div>
  );
}
