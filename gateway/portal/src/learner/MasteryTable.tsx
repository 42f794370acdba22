import { Link } from 'react-router';
import { formatDate, formatPercent, formatScore } from '../shell/format';
import type { CompetencyRow } from './rows';
import { TableScroll } from '../shell/TableScroll';

export function MasteryTable({ rows, base }: { rows: readonly CompetencyRow[]; base: string }) {
  return (
    <TableScroll label="Competencies">
      <table>
        <caption>Competencies, levels and progress to mastery</caption>
        <thead>
          <tr>
            <th scope="col">Competency</th>
            <th scope="col">Level</th>
            <th scope="col" className="num">Score</th>
            <th scope="col" className="num">Mastery at</th>
            <th scope="col">Progress to mastery</th>
            <th scope="col" className="num">Evidence</th>
            <th scope="col">Expires</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={`${row.frameworkId}/${row.competencyId}`}>
              <th scope="row" className={row.depth > 0 ? `indent-${Math.min(row.depth, 3)}` : undefined}>
                {row.rated ? (
                  <Link to={`${base}/competencies/${encodeURIComponent(row.competencyId)}`}>{row.title}</Link>
                ) : (
                  row.title
                )}
                <div className="muted">{row.framework}</div>
              </th>
              <td>
                <span className={row.levelClass}>{row.levelLabel}</span>
                {row.mastered ? <span className="tag">Mastered</span> : null}
              </td>
              <td className="num">{formatScore(row.score)}</td>
              <td className="num">{formatScore(row.threshold)}</td>
              <td>
                {row.progress === null ? (
                  <span className="muted">{row.rolledUp ? 'From its parts' : '—'}</span>
                ) : (
                  <>
                    <progress max={1} value={row.progress} aria-label={`Progress to mastery of ${row.title}`} />{' '}
                    {formatPercent(row.progress)}
                  </>
                )}
              </td>
              <td className="num">{row.evidenceCount}</td>
              <td>{formatDate(row.expiresAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
