// The analytics charts. Each one is drawn beside a table holding the same numbers (its text alternative); the
// shared Chart.js set-up (registered parts, reduced motion, series colours) is the learner pages' one.
import { useSyncExternalStore } from 'react';
import type { ChartOptions } from 'chart.js';
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

/** Viewports up to this many CSS pixels wide are narrow (theme.css's narrow layout starts at 30rem). */
export const NARROW_WIDTH = 480;
/** A chart is never wider than this (theme.css: `.chart { max-width: 60rem }`). */
const CHART_MAX_WIDTH = 960;
/** Chart.js's bottom legend: about this many pixels per character of a label and per item besides its text. */
const LEGEND_CHAR = 7;
const LEGEND_ITEM = 50;
/** More legend rows than this inside the canvas would squeeze the plot into a strip. */
const LEGEND_MAX_ROWS = 2;

/**
 * Where a line chart names its lines: nowhere without lines; in the canvas below the plot ('chart') where the
 * legend fits in two rows; else in a list below the chart ('list'), so that the plot keeps the canvas' height. On
 * a narrow screen the list is chosen whatever the labels: a legend in the canvas would take most of its height.
 */
export function legendPlacement(viewportWidth: number, labels: readonly string[]): 'none' | 'chart' | 'list' {
  if (labels.length === 0) {
    return 'none';
  }
  if (viewportWidth <= NARROW_WIDTH) {
    return 'list';
  }
  const legendWidth = labels.reduce((sum, label) => sum + label.length * LEGEND_CHAR + LEGEND_ITEM, 0);
  return legendWidth > LEGEND_MAX_ROWS * Math.min(viewportWidth, CHART_MAX_WIDTH) ? 'list' : 'chart';
}

/** The line chart's Chart.js options for a viewport width: legend as {@link legendPlacement} says, fewer ticks when narrow. */
export function lineChartOptions({ viewportWidth, labels, valueTitle, percent }: {
  viewportWidth: number;
  labels: readonly string[];
  valueTitle: string;
  percent: boolean;
}): ChartOptions<'line'> {
  const narrow = viewportWidth <= NARROW_WIDTH;
  return {
    responsive: true,
    maintainAspectRatio: false,
    scales: {
      x: { title: { display: true, text: 'Period' }, ticks: narrow ? { maxTicksLimit: 4, maxRotation: 0 } : {} },
      y: { beginAtZero: true, title: { display: true, text: valueTitle }, ...(percent ? { max: 100 } : {}) },
    },
    plugins: { legend: { display: legendPlacement(viewportWidth, labels) === 'chart', position: 'bottom' } },
  };
}

const subscribeToResize = (onChange: () => void) => {
  window.addEventListener('resize', onChange);
  return () => window.removeEventListener('resize', onChange);
};

/** The viewport's width in CSS pixels, following resizes. */
function useViewportWidth(): number {
  return useSyncExternalStore(subscribeToResize, () => window.innerWidth, () => CHART_MAX_WIDTH);
}

const DASHES = [[], [6, 4], [2, 3], [10, 3, 2, 3]];
const POINT_STYLES = ['circle', 'rect', 'triangle', 'rectRot'] as const;

/** One line per series over the same periods; a missing value breaks the line. */
export function LineChart({ label, labels, series, valueTitle, percent = false }: {
  label: string;
  labels: string[];
  series: ChartSeries[];
  valueTitle: string;
  percent?: boolean;
}) {
  const viewportWidth = useViewportWidth();
  const names = series.map((s) => s.label);
  return (
    <>
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
              borderDash: DASHES[index % DASHES.length],
              pointStyle: POINT_STYLES[index % POINT_STYLES.length],
              pointRadius: 4,
              spanGaps: false,
            })),
          }}
          options={lineChartOptions({ viewportWidth, labels: names, valueTitle, percent })}
        />
      </div>
      {legendPlacement(viewportWidth, names) === 'list' ? (
        <ul className="chart-legend" aria-label="Lines of the chart">
          {series.map((s, index) => (
            <li key={`${index}-${s.label}`}>
              <svg aria-hidden="true" width="32" height="10" focusable="false">
                <line x1="2" y1="5" x2="30" y2="5" stroke={colourOf(s, index)} strokeWidth="3"
                  strokeDasharray={DASHES[index % DASHES.length]!.join(' ') || undefined} />
              </svg>
              {s.label}
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
