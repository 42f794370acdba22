import { BarElement, CategoryScale, Chart as ChartJS, LinearScale, Tooltip } from 'chart.js';
import { Bar } from 'react-chartjs-2';

ChartJS.register(CategoryScale, LinearScale, BarElement, Tooltip);

// People who ask their system for less motion get the chart drawn at once, without the grow-in animation.
if (window.matchMedia?.('(prefers-reduced-motion: reduce)').matches) {
  ChartJS.defaults.animation = false;
}

/** Evidence counts per source as a bar chart; the table next to it carries the same numbers. */
export function SourceChart({ labels, counts }: { labels: string[]; counts: number[] }) {
  return (
    <div className="chart">
      <Bar
        aria-label="Bar chart of evidence items per source; the table below lists the same numbers"
        role="img"
        data={{ labels, datasets: [{ label: 'Evidence items', data: counts, backgroundColor: '#0b57a4' }] }}
        options={{ responsive: true, maintainAspectRatio: false, plugins: { legend: { display: false } } }}
      />
    </div>
  );
}
