import { Line } from 'react-chartjs-2';
import { formatDate } from '../shell/format';
import { SERIES } from './charts';
import type { GrowthSeries } from './growth';

export function GrowthChart({ instants, series }: { instants: readonly string[]; series: readonly GrowthSeries[] }) {
  const labels = instants.map((instant) => formatDate(instant));
  return (
    <>
      <div className="chart">
        <Line
          role="img"
          aria-label="Line chart of each competency's level per week; the table below lists the same levels"
          data={{
            labels,
            datasets: series.map((s, index) => ({
              label: s.title,
              data: s.ranks,
              borderColor: SERIES[index % SERIES.length],
              backgroundColor: SERIES[index % SERIES.length],
              borderDash: index >= SERIES.length ? [6, 4] : [],
              pointStyle: (['circle', 'rect', 'triangle', 'rectRot'] as const)[index % 4],
              stepped: true,
            })),
          }}
          options={{
            maintainAspectRatio: false,
            scales: { y: { beginAtZero: true, ticks: { stepSize: 1 }, title: { display: true, text: 'Level (0 = none)' } } },
            plugins: {
              tooltip: {
                callbacks: {
                  label: (item) => `${item.dataset.label ?? ''}: ${series[item.datasetIndex]?.labels[item.dataIndex] ?? ''}`,
                },
              },
            },
          }}
        />
      </div>
      <details>
        <summary>Levels per week as a table</summary>
        <div className="table-wrap">
          <table>
            <caption>Level of each competency per week</caption>
            <thead>
              <tr>
                <th scope="col">Competency</th>
                {labels.map((label) => (
                  <th scope="col" key={label}>{label}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {series.map((s) => (
                <tr key={s.competencyId}>
                  <th scope="row">{s.title}</th>
                  {s.labels.map((label, index) => (
                    <td key={instants[index]}>{label}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </>
  );
}
