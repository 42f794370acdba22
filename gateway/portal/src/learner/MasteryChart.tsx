import { Bar } from 'react-chartjs-2';
import { SCORE_COLOUR, THRESHOLD_COLOUR } from './charts';
import type { CompetencyRow } from './rows';

/** Score against the mastery threshold per competency; the table beside it carries the same numbers. */
export function MasteryChart({ rows }: { rows: readonly CompetencyRow[] }) {
  const scored = rows.filter((row) => row.score !== null);
  if (scored.length === 0) {
    return null;
  }
  return (
    <div className={scored.length > 12 ? 'chart chart-tall' : 'chart'}>
      <Bar
        aria-label="Bar chart of each competency's score against its mastery threshold; the table below lists the same values"
        role="img"
        data={{
          labels: scored.map((row) => row.title),
          datasets: [
            { label: 'Score', data: scored.map((row) => row.score), backgroundColor: SCORE_COLOUR },
            {
              label: 'Mastery threshold',
              data: scored.map((row) => row.threshold),
              backgroundColor: 'rgba(255,255,255,0)',
              borderColor: THRESHOLD_COLOUR,
              borderWidth: 2,
            },
          ],
        }}
        options={{
          maintainAspectRatio: false,
          indexAxis: scored.length > 8 ? 'y' : 'x',
          scales: { x: { beginAtZero: true }, y: { beginAtZero: true, suggestedMax: 1 } },
        }}
      />
    </div>
  );
}
