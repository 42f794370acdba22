import { Link } from 'react-router';
import { formatPercent } from '../shell/format';
import type { Heatmap } from './heatmap';
import { TableScroll } from '../shell/TableScroll';

/** Members × competencies; each cell names the level and is coloured by it. */
export function TeamHeatmap({ heatmap }: { heatmap: Heatmap }) {
  return (
    <TableScroll label="Team heatmap">
      <table className="heatmap">
        <caption>
          Level of each member on each competency <span className="muted">(✓ marks a mastered competency)</span>
        </caption>
        <thead>
          <tr>
            <th scope="col">Member</th>
            <th scope="col" className="num">Readiness</th>
            {heatmap.columns.map((column) => (
              <th scope="col" key={column.key}>{column.title}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {heatmap.rows.map((row) => (
            <tr key={row.member.learnerId}>
              <th scope="row">
                <Link to={`/learners/${encodeURIComponent(row.member.learnerId)}`}>
                  {row.member.displayName ?? row.member.learnerId}
                </Link>
              </th>
              <td className="num">{row.member.readiness === null ? 'No role' : formatPercent(row.member.readiness)}</td>
              {row.cells.map((cell, index) => (
                <td key={heatmap.columns[index]?.key}>
                  <span className={cell.className}>
                    {cell.label}
                    {cell.mastered ? (
                      <>
                        <span aria-hidden="true"> ✓</span>
                        <span className="visually-hidden"> (mastered)</span>
                      </>
                    ) : null}
                  </span>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
