import type { SkillGaps } from '../api/analytics';
import { formatWeight, humanize } from '../shell/format';
import { QueryView } from '../shell/States';
import { TableScroll } from '../shell/TableScroll';
import { BarChart } from './charts';
import { FilterForm, toNumber, useFilters, type FilterKey } from './filters';
import { usePublishedRoleProfiles, useSkillGaps } from './hooks';
import { count, CsvLink, groupKey, groupLabel, Hidden, hiddenText, unitsAndTeams, ViewSection } from './parts';

const KEYS: readonly FilterKey[] = ['roleProfileId', 'unit', 'teamId', 'groupBy', 'limit'];

export default function SkillGapsView() {
  const filters = useFilters(KEYS);
  const query = { ...filters, groupBy: filters.groupBy as 'unit' | 'team' | undefined, limit: toNumber(filters.limit) };
  const gaps = useSkillGaps(query);
  const profiles = usePublishedRoleProfiles();
  const titles = new Map(profiles.published.map((p) => [p.roleProfileId, p.title]));
  const { units, teams } = unitsAndTeams(gaps.data?.gaps.flatMap((g) => g.byGroup) ?? []);
  return (
    <ViewSection id="gaps" title="Skill gaps"
      intro={<p>The role requirements that hold the most people back, weighted by the requirement's weight (gap score = people held back × weight).</p>}>
      <FilterForm keys={KEYS} units={units} teams={teams} error={gaps.error} />
      <QueryView query={gaps} loadingLabel="Loading skill gaps…" isEmpty={(data) => data.gaps.length === 0}
        empty={<p>No one assigned a role profile is held back by a requirement here.</p>}>
        {(data) => (
          <>
            <GapList report={data} titles={titles} />
            <CsvLink path="/gaps" query={query} fileName="skill-gaps.csv" what="skill gaps" />
          </>
        )}
      </QueryView>
    </ViewSection>
  );
}

function GapList({ report, titles }: { report: SkillGaps; titles: ReadonlyMap<string, string> }) {
  const name = (gap: SkillGaps['gaps'][number]) => (gap.code || gap.title ? `${gap.code ?? ''} ${gap.title ?? ''}`.trim() : gap.competencyId);
  const shown = report.gaps.filter((gap) => !gap.suppressed);
  return (
    <>
      {shown.length > 0 ? (
        <BarChart
          label="Bar chart of the gap score per requirement, largest first; the table below lists the same numbers"
          labels={shown.map(name)}
          series={[{ label: 'Gap score', data: shown.map((gap) => gap.gapScore) }]}
          horizontal
          tall={shown.length > 8}
          valueTitle="Gap score"
        />
      ) : null}
      <TableScroll label="Skill gaps">
        <table className="heatmap">
          <caption>Requirements ranked by gap score</caption>
          <thead>
            <tr>
              <th scope="col" className="num">Rank</th>
              <th scope="col">Competency</th>
              <th scope="col">Role profile</th>
              <th scope="col">Target</th>
              <th scope="col" className="num">Weight</th>
              <th scope="col" className="num">Held back</th>
              <th scope="col" className="num">Gap score</th>
              <th scope="col">By group</th>
            </tr>
          </thead>
          <tbody>
            {report.gaps.map((gap, index) => (
              <tr key={`${gap.roleProfileId}/${gap.competencyId}`}>
                <td className="num">{index + 1}</td>
                <th scope="row">{name(gap)}</th>
                <td>{titles.get(gap.roleProfileId) ?? gap.roleProfileId}</td>
                <td>{humanize(gap.targetLevel)}</td>
                <td className="num">{formatWeight(gap.weight)}</td>
                {gap.suppressed ? (
                  <td colSpan={2}><Hidden minimumGroupSize={report.minimumGroupSize} /></td>
                ) : (
                  <>
                    <td className="num">{count(gap.heldBack)} of {count(gap.assigned)}</td>
                    <td className="num">{gap.gapScore === null ? '—' : formatWeight(gap.gapScore)}</td>
                  </>
                )}
                <td>
                  <ul className="plain-list">
                    {gap.byGroup.map((group) => (
                      <li key={groupKey(group)}>
                        {groupLabel(group)}: {group.suppressed ? <span className="suppressed">{hiddenText(report.minimumGroupSize)}</span>
                          : `${count(group.heldBack)} of ${count(group.assigned)}`}
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}
