import type { EvidenceEntry } from '../api/learners';
import { formatDateTime, formatScore } from '../shell/format';
import { sourceLabel } from './ExplanationView';
import { TableScroll } from '../shell/TableScroll';

export function evidenceAnchor(evidenceId: string): string {
  return `evidence-${evidenceId}`;
}

export function EvidenceTable({ entries, titleOf, target }: {
  entries: readonly EvidenceEntry[];
  titleOf: (entry: EvidenceEntry) => string;
  /** The item a link pointed at (#evidence-id), marked and focusable. */
  target?: string | undefined;
}) {
  return (
    <TableScroll label="Evidence">
      <table>
        <caption>Evidence in the order it happened</caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Competency</th>
            <th scope="col">Source</th>
            <th scope="col" className="num">Score</th>
            <th scope="col">Recorded</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => {
            const e = entry.evidence;
            const voided = entry.voidedAt !== null && entry.voidedAt !== undefined;
            return (
              <tr
                key={e.evidenceId}
                id={evidenceAnchor(e.evidenceId)}
                tabIndex={e.evidenceId === target ? -1 : undefined}
                className={[voided ? 'voided-row' : '', e.evidenceId === target ? 'target' : ''].join(' ').trim() || undefined}
                aria-current={e.evidenceId === target ? 'location' : undefined}
              >
                <td>{formatDateTime(e.occurredAt)}</td>
                <td className={voided ? 'voided' : undefined}>{titleOf(entry)}</td>
                <td>
                  {sourceLabel(e.sourceType)}
                  {e.ratedLevel ? <span className="muted"> (rated {e.ratedLevel})</span> : null}
                </td>
                <td className="num">{formatScore(e.score)}</td>
                <td>{formatDateTime(e.recordedAt)}</td>
                <td>
                  {voided ? (
                    <>
                      <strong>Voided</strong> {formatDateTime(entry.voidedAt)}
                      {entry.voidReason ? `: ${entry.voidReason}` : ''}
                    </>
                  ) : (
                    'Counts'
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}
