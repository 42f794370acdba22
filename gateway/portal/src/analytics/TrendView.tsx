import { useState } from 'react';
import type { Trend, TrendPoint, TrendSeries } from '../api/analytics';
import { formatDate, formatPercent } from '../shell/format';
import { Pager } from '../shell/Pager';
import { QueryView } from '../shell/States';
import { TableScroll } from '../shell/TableScroll';
import { LineChart } from './charts';
import { FilterForm, useFilters, type FilterKey } from './filters';
import { useTrend } from './hooks';
import { CsvLink, groupLabel, hiddenText, unitsAndTeams, ViewSection } from './parts';

const KEYS: readonly FilterKey[] = ['frameworkId', 'competencyId', 'unit', 'teamId', 'groupBy', 'from', 'to', 'interval'];
/** More lines than this are not told apart on a chart, so the chart and the table show the series a page at a time. */
const SERIES_PER_PAGE = 8;

export default function TrendView() {
  const filters = useFilters(KEYS);
  const query = { ...filters, groupBy: filters.groupBy as 'unit' | 'team' | undefined, interval: filters.interval as 'week' | 'month' | undefined };
  const trend = useTrend(query);
  const { units, teams } = unitsAndTeams(trend.data?.series ?? []);
  return (
    <ViewSection id="trend" title="Trend"
      intro={<p>Share mastered among the people rated, as it stood at the end of each period (the last 12 weeks unless you choose dates).</p>}>
      <FilterForm keys={KEYS} units={units} teams={teams} error={trend.error} />
      <QueryView query={trend} loadingLabel="Loading the trend…" isEmpty={(data) => data.series.length === 0}
        empty={<p>No one was rated in this range for these filters.</p>}>
        {(data) => (
          <>
            <TrendContent key={JSON.stringify(query)} trend={data} />
            <CsvLink path="/trend" query={query} fileName="trend.csv" what="trend" />
          </>
        )}
      </QueryView>
    </ViewSection>
  );
}

/**
 * A series' name: its group, then the competency's code and title as the service names it (its id when no published
 * framework holds it), with the framework's title when the answer spans more than one framework.
 */
export function trendSeriesLabel(series: TrendSeries, withFramework: boolean): string {
  const competency = series.competencyTitle
    ? [series.competencyCode, series.competencyTitle].filter(Boolean).join(' ')
    : series.competencyId;
  const framework = withFramework && series.frameworkTitle ? ` (${series.frameworkTitle})` : '';
  return `${groupLabel(series)}: ${competency}${framework}`;
}

function TrendContent({ trend }: { trend: Trend }) {
  const [page, setPage] = useState(1);
  const frameworks = new Map(trend.series.filter((s) => s.frameworkId).map((s) => [s.frameworkId, s.frameworkTitle]));
  const seriesLabel = (series: TrendSeries) => trendSeriesLabel(series, frameworks.size > 1);
  const onlyFramework = frameworks.size === 1 ? [...frameworks.values()][0] : null;
  const periods = [...new Set(trend.series.flatMap((s) => s.points.map((p) => p.periodStart)))].sort();
  const at = (series: TrendSeries) => new Map(series.points.map((p) => [p.periodStart, p]));
  const pages = Math.ceil(trend.series.length / SERIES_PER_PAGE);
  const first = (page - 1) * SERIES_PER_PAGE;
  const shown = trend.series.slice(first, first + SERIES_PER_PAGE);
  const share = (point: TrendPoint | undefined) =>
    point && !point.suppressed && point.masteredShare !== null ? Math.round(point.masteredShare * 1000) / 10 : null;
  return (
    <>
      <LineChart
        label={`Line chart of the share mastered per ${trend.interval}; the table below lists the same values`}
        labels={periods.map((p) => formatDate(p))}
        series={shown.map((s) => {
          const points = at(s);
          return { label: seriesLabel(s), data: periods.map((p) => share(points.get(p))) };
        })}
        valueTitle="Mastered (%)"
        percent
      />
      {pages > 1 ? (
        <p>Series {first + 1} to {first + shown.length} of {trend.series.length}; choose a competency or a group to narrow them down.</p>
      ) : null}
      <TableScroll label="Trend table">
        <table className="heatmap">
          <caption>
            Share mastered per {trend.interval === 'month' ? 'month' : 'week'} (period start), mastered of rated in brackets
            {onlyFramework ? `; competencies of ${onlyFramework}` : ''}
          </caption>
          <thead>
            <tr>
              <th scope="col">Group and competency</th>
              {periods.map((p) => <th scope="col" key={p} className="num">{formatDate(p)}</th>)}
            </tr>
          </thead>
          <tbody>
            {shown.map((s) => {
              const points = at(s);
              return (
                <tr key={`${s.unit}/${s.teamId ?? ''}/${s.competencyId}`}>
                  <th scope="row">{seriesLabel(s)}</th>
                  {periods.map((p) => {
                    const point = points.get(p);
                    return (
                      <td key={p} className="num">
                        {!point ? '—' : point.suppressed ? <span className="suppressed">{hiddenText(trend.minimumGroupSize)}</span>
                          : `${formatPercent(point.masteredShare)} (${point.mastered ?? '—'}/${point.rated ?? '—'})`}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
      {pages > 1 ? <Pager label="Trend series pages" page={page} pages={pages} onGo={setPage} /> : null}
    </>
  );
}
