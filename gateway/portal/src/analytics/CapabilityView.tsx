import { type CapabilityCell, type CapabilityMap } from '../api/analytics';
import { formatDateTime, formatPercent, formatScore, humanize } from '../shell/format';
import { QueryView } from '../shell/States';
import { TableScroll } from '../shell/TableScroll';
import { FilterForm, toNumber, useFilters, type FilterKey } from './filters';
import { useCapability } from './hooks';
import { CsvLink, groupKey, groupLabel, heatClass, Hidden, unitsAndTeams, ViewSection } from './parts';

const KEYS: readonly FilterKey[] = ['frameworkId', 'frameworkVersion', 'roleProfileId', 'unit', 'teamId', 'groupBy', 'asOf'];

export default function CapabilityView() {
  const filters = useFilters(KEYS);
  const query = { ...filters, frameworkVersion: toNumber(filters.frameworkVersion), groupBy: filters.groupBy as 'unit' | 'team' | undefined };
  const capability = useCapability(query);
  const { units, teams } = unitsAndTeams(capability.data?.groups ?? []);
  return (
    <ViewSection id="capability" title="Capability map"
      intro={<p>Share of the people rated on each competency who have mastered it, per group, with the spread of their levels.</p>}>
      <FilterForm keys={KEYS} units={units} teams={teams} error={capability.error} />
      <QueryView query={capability} loadingLabel="Loading the capability map…"
        isEmpty={(map) => map.groups.length === 0 || map.competencies.length === 0}
        empty={<p>No one has a mastery result for these filters yet.</p>}>
        {(map) => (
          <>
            <CapabilityTable map={map} />
            <CsvLink path="/capability" query={query} fileName="capability-map.csv" what="capability map" />
          </>
        )}
      </QueryView>
    </ViewSection>
  );
}

function CapabilityTable({ map }: { map: CapabilityMap }) {
  const cells = new Map(map.cells.map((cell) => [`${groupKey(cell)}\u0000${cell.competencyId}`, cell]));
  const levelOrder = [...new Set(map.cells.flatMap((cell) => Object.keys(cell.levels ?? {})))];
  return (
    <TableScroll label="Capability map">
      <table className="heatmap capability">
        <caption>
          Mastered share per group and competency, as of {formatDateTime(map.asOf)}
          {map.minimumGroupSize > 0 ? <span className="muted"> (groups of fewer than {map.minimumGroupSize} people are hidden)</span> : null}
        </caption>
        <thead>
          <tr>
            <th scope="col">Group</th>
            <th scope="col" className="num">People</th>
            {map.competencies.map((c) => (
              <th scope="col" key={c.competencyId}>
                <span className="code">{c.code}</span> {c.title}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {map.groups.map((group) => (
            <tr key={groupKey(group)}>
              <th scope="row">{groupLabel(group)}</th>
              <td className="num">{group.suppressed ? <Hidden minimumGroupSize={map.minimumGroupSize} /> : (group.members ?? '—')}</td>
              {map.competencies.map((c) => {
                const cell = cells.get(`${groupKey(group)}\u0000${c.competencyId}`);
                return (
                  <td key={c.competencyId}>
                    {group.suppressed || cell?.suppressed ? (
                      <Hidden minimumGroupSize={map.minimumGroupSize} />
                    ) : cell ? (
                      <CellContent cell={cell} levelOrder={levelOrder} />
                    ) : (
                      <span className="muted">No one rated</span>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

function CellContent({ cell, levelOrder }: { cell: CapabilityCell; levelOrder: readonly string[] }) {
  const levels = cell.levels ?? {};
  return (
    <>
      <span className={heatClass(cell.masteredShare)}>{formatPercent(cell.masteredShare)}</span>
      <span className="cell-detail">
        {cell.mastered ?? '—'} of {cell.rated ?? '—'} mastered, average {formatScore(cell.averageScore)}
      </span>
      <ul className="level-counts">
        {levelOrder.filter((level) => levels[level] !== undefined).map((level) => (
          <li key={level}>{humanize(level)}: {levels[level]}</li>
        ))}
      </ul>
    </>
  );
}
