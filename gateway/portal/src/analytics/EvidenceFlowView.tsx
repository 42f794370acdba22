import type { EvidenceFlow } from '../api/analytics';
import { formatDate, formatPercent, humanize } from '../shell/format';
import { QueryView } from '../shell/States';
import { TableScroll } from '../shell/TableScroll';
import { BarChart } from './charts';
import { FilterForm, useFilters, type FilterKey } from './filters';
import { useEvidenceFlow } from './hooks';
import { CsvLink, ViewSection } from './parts';

const KEYS: readonly FilterKey[] = ['from', 'to', 'interval', 'unit', 'teamId'];

export default function EvidenceFlowView() {
  const filters = useFilters(KEYS);
  const query = { ...filters, interval: filters.interval as 'week' | 'month' | undefined };
  const flow = useEvidenceFlow(query);
  return (
    <ViewSection id="evidence" title="Evidence flow"
      intro={<p>Evidence recorded per period and source, how much of it was voided, and how much falls on competencies no role requires.</p>}>
      <FilterForm keys={KEYS} error={flow.error} />
      <QueryView query={flow} loadingLabel="Loading the evidence flow…" isEmpty={(data) => data.points.length === 0}
        empty={<p>No evidence was recorded in this range.</p>}>
        {(data) => (
          <>
            <FlowContent flow={data} />
            <CsvLink path="/evidence-flow" query={query} fileName="evidence-flow.csv" what="evidence flow" />
          </>
        )}
      </QueryView>
    </ViewSection>
  );
}

function FlowContent({ flow }: { flow: EvidenceFlow }) {
  const periods = [...new Set(flow.points.map((p) => p.periodStart))].sort();
  const sources = [...new Set(flow.points.map((p) => p.sourceType))].sort();
  const cell = new Map(flow.points.map((p) => [`${p.periodStart}/${p.sourceType}`, p]));
  const total = (source: string, field: 'recorded' | 'voided') =>
    flow.points.filter((p) => p.sourceType === source).reduce((sum, p) => sum + p[field], 0);
  const recorded = flow.points.reduce((sum, p) => sum + p.recorded, 0);
  const voided = flow.points.reduce((sum, p) => sum + p.voided, 0);
  return (
    <>
      <ul className="facts-inline">
        <li>{recorded} recorded, {voided} voided ({formatPercent(recorded ? voided / recorded : null)})</li>
        <li>{formatPercent(flow.unrequiredShare)} of the evidence kept is on competencies no published role profile requires</li>
      </ul>
      <BarChart
        label={`Stacked bar chart of the evidence recorded per ${flow.interval} and source; the table below lists the same numbers`}
        labels={periods.map((p) => formatDate(p))}
        series={sources.map((source) => ({ label: humanize(source), data: periods.map((p) => cell.get(`${p}/${source}`)?.recorded ?? 0) }))}
        stacked
        valueTitle="Evidence recorded"
      />
      <TableScroll label="Evidence flow table">
        <table className="heatmap">
          <caption>Evidence recorded per {flow.interval === 'month' ? 'month' : 'week'} (period start) and source, voided in brackets</caption>
          <thead>
            <tr>
              <th scope="col">Period</th>
              {sources.map((source) => <th scope="col" key={source} className="num">{humanize(source)}</th>)}
            </tr>
          </thead>
          <tbody>
            {periods.map((period) => (
              <tr key={period}>
                <th scope="row">{formatDate(period)}</th>
                {sources.map((source) => {
                  const point = cell.get(`${period}/${source}`);
                  return <td key={source} className="num">{point ? `${point.recorded} (${point.voided} voided)` : '0'}</td>;
                })}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Total</th>
              {sources.map((source) => (
                <td key={source} className="num">{total(source, 'recorded')} ({total(source, 'voided')} voided)</td>
              ))}
            </tr>
          </tfoot>
        </table>
      </TableScroll>
    </>
  );
}
