import { Line } from 'react-chartjs-2';
import { Link } from 'react-router';
import type { Level } from '../api/frameworks';
import type { LevelChange } from '../api/learners';
import { formatDate, formatDateTime, formatScore } from '../shell/format';
import { SERIES } from './charts';
import { causeLabel, changeLevelLabel, levelTicks, stepPoints } from './growth';
import { TableScroll } from '../shell/TableScroll';

/** One competency's level over time as a step line, with the list of its changes as a table below. */
export function GrowthChart({ title, levels, changes, now, evidenceBase }: {
  title: string;
  levels: readonly Level[];
  changes: readonly LevelChange[];
  now: Date;
  /** The evidence page the evidence ids link to. */
  evidenceBase: string;
}) {
  const ticks = levelTicks(levels);
  const points = stepPoints(changes, levels, now);
  return (
    <>
      <div className="chart chart-growth">
        <Line
          role="img"
          aria-label={`Step chart of the level of ${title} over time; the table below lists the same changes`}
          data={{
            datasets: [{
              label: title,
              data: points,
              stepped: 'before',
              borderColor: SERIES[0],
              backgroundColor: SERIES[0],
              pointRadius: points.map((_, index) => (index < changes.length ? 4 : 0)),
            }],
          }}
          options={{
            maintainAspectRatio: false,
            parsing: false,
            scales: {
              x: {
                type: 'linear',
                title: { display: true, text: 'Date' },
                ticks: { maxTicksLimit: 6, callback: (value) => formatDate(new Date(Number(value)).toISOString()) },
              },
              y: {
                type: 'linear',
                min: 0,
                max: Math.max(ticks.length - 1, 1),
                title: { display: true, text: 'Level' },
                ticks: { stepSize: 1, callback: (value) => ticks[Number(value)] ?? '' },
              },
            },
            plugins: {
              legend: { display: false },
              tooltip: {
                callbacks: {
                  title: (items) => formatDateTime(new Date(items[0]?.parsed.x ?? 0).toISOString()),
                  label: (item) => ticks[item.parsed.y ?? 0] ?? '',
                },
              },
            },
          }}
        />
      </div>
      <TableScroll label="Level changes">
        <table>
          <caption>Changes of level of {title}, oldest first</caption>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Level</th>
              <th scope="col" className="num">Score</th>
              <th scope="col">Cause</th>
              <th scope="col">Evidence</th>
            </tr>
          </thead>
          <tbody>
            {changes.map((change, index) => (
              <tr key={`${change.at}-${index}`}>
                <td>{formatDateTime(change.at)}</td>
                <td>
                  {changeLevelLabel(change, levels)}
                  {change.mastered ? <span className="tag">Mastered</span> : null}
                </td>
                <td className="num">{formatScore(change.score)}</td>
                <td>{causeLabel(change.cause)}</td>
                <td>
                  {change.evidenceIds.length === 0 ? (
                    <span className="muted">—</span>
                  ) : (
                    <ul className="inline-list">
                      {change.evidenceIds.map((id) => (
                        <li key={id}>
                          <Link to={`${evidenceBase}#evidence-${encodeURIComponent(id)}`}>
                            <span className="visually-hidden">Evidence </span><code>{id}</code>
                          </Link>
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}
