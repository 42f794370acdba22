// Small pieces every analytics view shares: how a group is named, how a hidden group reads, the CSV link.
import type { ReactNode } from 'react';
import { analyticsCsvUrl } from '../api/analytics';

export function groupLabel(group: { unit: string; teamId: string | null }): string {
  return group.teamId ? `${group.teamId} (${group.unit})` : group.unit;
}

export function groupKey(group: { unit: string; teamId: string | null }): string {
  return `${group.unit}\u0000${group.teamId ?? ''}`;
}

/** The words for a group too small to show: its numbers are unknown to the caller, never zero. */
export function hiddenText(minimumGroupSize: number): string {
  return `hidden (fewer than ${minimumGroupSize} people)`;
}

export function Hidden({ minimumGroupSize }: { minimumGroupSize: number }) {
  return <span className="suppressed">{hiddenText(minimumGroupSize)}</span>;
}

/** A count, or a dash when the service sent none. */
export function count(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : String(value);
}

export function days(value: number | null | undefined): string {
  if (value === null || value === undefined) {
    return '—';
  }
  return `${Number.isInteger(value) ? value : value.toFixed(1)} d`;
}

/**
 * The download of a view as the service writes it: the same path and filters with `format=csv`. A plain link, so
 * the browser streams the file with the session cookie and nothing is rebuilt in the page.
 */
export function CsvLink({ path, query, fileName, what }: { path: string; query: object; fileName: string; what?: string }) {
  return (
    <p className="button-row">
      <a className="button" href={analyticsCsvUrl(path, query)} download={fileName}>
        Download CSV<span className="visually-hidden"> ({what ?? fileName})</span>
      </a>
    </p>
  );
}

/** Units and teams seen in an answer, for the filters' suggestions. */
export function unitsAndTeams(groups: readonly { unit: string; teamId: string | null }[]): { units: string[]; teams: string[] } {
  const units = new Set<string>();
  const teams = new Set<string>();
  for (const group of groups) {
    units.add(group.unit);
    if (group.teamId) {
      teams.add(group.teamId);
    }
  }
  return { units: [...units].sort(), teams: [...teams].sort() };
}

/** One view of the analytics page: its heading (h2 under the page's h1) and content. */
export function ViewSection({ id, title, intro, children }: { id: string; title: string; intro?: ReactNode; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-title`} className="analytics-view">
      <h2 id={`${id}-title`}>{title}</h2>
      {intro ? <div className="muted">{intro}</div> : null}
      {children}
    </section>
  );
}

/** The heat class of a share (five steps, light to dark); the share is always written in the cell as well. */
export function heatClass(share: number | null): string {
  if (share === null) {
    return 'heat heat-none';
  }
  return `heat heat-${Math.min(5, Math.floor(share * 5) + 1)}`;
}
