// The analytics charts. Each one is drawn beside a table holding the same numbers (its text alternative); the
// shared Chart.js set-up (registered parts, reduced motion, series colours) is the learner pages' one.
import { Bar, Line } from 'react-chartjs-2';
import { SERIES } from '../learner/charts';

export interface ChartSeries {
  label: string;
  /** null leaves a gap (a hidden group, a period without a value), never a zero. */
  data: (number | null)[];
  colour?: string;
}

const colourOf = (series: ChartSeries, index: number) => series.colour ?? SERIES[index % SERIES.length]!;

/** Bars per category; stacked, the series add up (people per status, evidence per source). */
export function BarChart({ label, labels, series, stacked = false, horizontal = false, valueTitle, percent = false, tall = false }: {
  /** What the chart shows, read by screen readers; say where the same numbers are in a table. */
  label: string;
  labels: string[];
  series: ChartSeries[];
  stacked?: boolean;
  horizontal?: boolean;
  valueTitle: string;
  percent?: boolean;
  tall?: boolean;
}) {
  const value = { stacked, beginAtZero: true, title: { display: true, text: valueTitle }, ...(percent ? { max: 100 } : {}) };
  const category = { stacked, ticks: { autoSkip: !horizontal } };
  return (
    <div className={tall ? 'chart chart-tall' : 'chart'}>
      <Bar
        role="img"
        aria-label={label}
        data={{
          labels,
          datasets: series.map((s, index) => ({ label: s.label, data: s.data, backgroundColor: colourOf(s, index) })),
        }}
        options={{
          responsive: true,
          maintainAspectRatio: false,
          indexAxis: horizontal ? 'y' : 'x',
          scales: horizontal ? { x: value, y: category } : { x: category, y: value },
          plugins: { legend: { display: series.length > 1, position: 'bottom' } },
        }}
      />
    </div>
  );
}

/** One line per series over the same periods; a missing value breaks the line. */
export function LineChart({ label, labels, series, valueTitle, percent = false }: {
  label: string;
  labels: string[];
  series: ChartSeries[];
  valueTitle: string;
  percent?: boolean;
}) {
  const dashes = [[], [6, 4], [2, 3], [10, 3, 2, 3]];
  return (
    <div className="chart">
      <Line
        role="img"
        aria-label={label}
        data={{
          labels,
          datasets: series.map((s, index) => ({
            label: s.label,
            data: s.data,
            borderColor: colourOf(s, index),
            backgroundColor: colourOf(s, index),
            // Told apart by dash pattern and point shape as well as colour.
            borderDash: dashes[index % dashes.length],
            pointStyle: (['circle', 'rect', 'triangle', 'rectRot'] as const)[index % 4],
            pointRadius: 4,
            spanGaps: false,
          })),
        }}
        options={{
          responsive: true,
          maintainAspectRatio: false,
          scales: {
            x: { title: { display: true, text: 'Period' } },
            y: { beginAtZero: true, title: { display: true, text: valueTitle }, ...(percent ? { max: 100 } : {}) },
          },
          plugins: { legend: { display: true, position: 'bottom' } },
        }}
      />
    </div>
  );
}
