import type { TimeToMastery } from '../api/analytics';
import { QueryView } from '../shell/States';
import { TableScroll } from '../shell/TableScroll';
import { BarChart } from './charts';
import { FilterForm, useFilters, type FilterKey } from './filters';
import { useCompetencyNamesInView, useTimeToMastery } from './hooks';
import { count, CsvLink, days, groupLabel, Hidden, unitsAndTeams, ViewSection } from './parts';

const KEYS: readonly FilterKey[] = ['frameworkId', 'competencyId', 'unit', 'teamId', 'groupBy'];

export default function TimeToMasteryView() {
  const filters = useFilters(KEYS);
  const query = { ...filters, groupBy: filters.groupBy as 'unit' | 'team' | undefined };
  const report = useTimeToMastery(query);
  const names = useCompetencyNamesInView(filters.frameworkId);
  const { units, teams } = unitsAndTeams(report.data?.rows ?? []);
  return (
    <ViewSection id="time-to-mastery" title="Time to mastery"
      intro={<p>Days from a person's first evidence on a competency to the day they first mastered it.</p>}>
      <FilterForm keys={KEYS} units={units} teams={teams} error={report.error} />
      <QueryView query={report} loadingLabel="Loading times to mastery…" isEmpty={(data) => data.rows.length === 0}
        empty={<p>No one has mastered a competency for these filters yet.</p>}>
        {(data) => <Content report={data} names={names} query={query} />}
      </QueryView>
    </ViewSection>
  );
}

function Content({ report, names, query }: { report: TimeToMastery; names: ReadonlyMap<string, string>; query: object }) {
  const name = (competencyId: string) => names.get(competencyId) ?? competencyId;
  const mixes = report.bySourceMix.filter((row) => !row.suppressed);
  return (
    <>
      <TableScroll label="Time to mastery per group">
        <table className="heatmap">
          <caption>Median and 75th percentile of the days to mastery, per group and competency</caption>
          <thead>
            <tr>
              <th scope="col">Competency</th>
              <th scope="col">Group</th>
              <th scope="col" className="num">People</th>
              <th scope="col" className="num">Median</th>
              <th scope="col" className="num">75th percentile</th>
            </tr>
          </thead>
          <tbody>
            {report.rows.map((row) => (
              <tr key={`${row.competencyId}/${row.unit}/${row.teamId ?? ''}`}>
                <th scope="row">{name(row.competencyId)}</th>
                <td>{groupLabel(row)}</td>
                <DayCells row={row} minimumGroupSize={report.minimumGroupSize} />
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <CsvLink path="/time-to-mastery" query={query} fileName="time-to-mastery.csv" what="time to mastery per group" />

      <h3>By the kinds of evidence before mastery</h3>
      <p className="muted">Whether people who got there through, say, observations and quizzes took longer than those with quizzes only.</p>
      {report.bySourceMix.length === 0 ? (
        <p className="muted">No source mix to compare yet.</p>
      ) : (
        <>
          {mixes.length > 0 ? (
            <BarChart
              label="Bar chart of the median days to mastery per competency and mix of evidence sources; the table below lists the same numbers"
              labels={mixes.map((row) => `${name(row.competencyId)}: ${row.mix}`)}
              series={[
                { label: 'Median days', data: mixes.map((row) => row.medianDays) },
                { label: '75th percentile days', data: mixes.map((row) => row.p75Days) },
              ]}
              horizontal
              valueTitle="Days"
            />
          ) : null}
          <TableScroll label="Time to mastery per source mix">
            <table className="heatmap">
              <caption>Days to mastery per competency and mix of evidence sources</caption>
              <thead>
                <tr>
                  <th scope="col">Competency</th>
                  <th scope="col">Sources</th>
                  <th scope="col" className="num">People</th>
                  <th scope="col" className="num">Median</th>
                  <th scope="col" className="num">75th percentile</th>
                </tr>
              </thead>
              <tbody>
                {report.bySourceMix.map((row) => (
                  <tr key={`${row.competencyId}/${row.mix}`}>
                    <th scope="row">{name(row.competencyId)}</th>
                    <td>{row.mix.split('+').join(' + ')}</td>
                    <DayCells row={row} minimumGroupSize={report.minimumGroupSize} />
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          <CsvLink path="/time-to-mastery" query={{ ...query, view: 'source-mix' }} fileName="time-to-mastery-by-source-mix.csv"
            what="time to mastery per source mix" />
        </>
      )}
    </>
  );
}

/** People, median and 75th percentile of one row, or one cell saying the row is hidden. */
function DayCells({ row, minimumGroupSize }: {
  row: { suppressed: boolean; learners: number | null; medianDays: number | null; p75Days: number | null };
  minimumGroupSize: number;
}) {
  if (row.suppressed) {
    return <td colSpan={3}><Hidden minimumGroupSize={minimumGroupSize} /></td>;
  }
  return (
    <>
      <td className="num">{count(row.learners)}</td>
      <td className="num">{days(row.medianDays)}</td>
      <td className="num">{days(row.p75Days)}</td>
    </>
  );
}
