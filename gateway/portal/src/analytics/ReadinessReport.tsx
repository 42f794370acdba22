// Readiness for one role profile per group: a stacked bar chart with the same numbers in a table, and for a caller
// who may see them (the team's manager, an administrator) the people of each group with what they still miss.
import { Link } from 'react-router';
import type { Readiness, ReadinessGroup, ReadinessStatus } from '../api/analytics';
import { formatPercent, humanize } from '../shell/format';
import { TableScroll } from '../shell/TableScroll';
import { BarChart } from './charts';
import { groupKey, groupLabel, Hidden } from './parts';

const STATUS: Record<ReadinessStatus, { label: string; colour: string }> = {
  READY: { label: 'Ready', colour: '#1e6b2f' },
  CLOSE: { label: 'Close', colour: '#0b57a4' },
  FAR: { label: 'Far', colour: '#a4161a' },
};

export function ReadinessReport({ report, names, people, linkPeople = true }: {
  report: Readiness;
  /** Competency names by id, for the unmet requirements. */
  names: ReadonlyMap<string, string>;
  /** People's names by learnerId, from learner-profiles; someone not in it is shown by their id. */
  people: ReadonlyMap<string, string>;
  /** Link each person to their pages in the portal. */
  linkPeople?: boolean;
}) {
  const shown = report.groups.filter((group) => !group.suppressed);
  const value = (group: ReadinessGroup, status: 'ready' | 'close' | 'far') => group[status];
  return (
    <>
      <p>
        {report.title || report.roleProfileId}
        {report.roleProfileVersion ? ` (version ${report.roleProfileVersion})` : ''}: ready when every requirement is met,
        close when at least {formatPercent(report.closeThreshold)} of the requirements' weight is met.
      </p>
      {shown.length > 0 ? (
        <BarChart
          label={`Stacked bar chart of the people ready, close and far per group for ${report.title}; the table below lists the same numbers`}
          labels={shown.map(groupLabel)}
          series={(['ready', 'close', 'far'] as const).map((status) => ({
            label: STATUS[status.toUpperCase() as ReadinessStatus].label,
            colour: STATUS[status.toUpperCase() as ReadinessStatus].colour,
            data: shown.map((group) => value(group, status)),
          }))}
          stacked
          horizontal
          valueTitle="People"
        />
      ) : null}
      <TableScroll label="Readiness per group">
        <table className="heatmap">
          <caption>People ready, close and far per group</caption>
          <thead>
            <tr>
              <th scope="col">Group</th>
              <th scope="col" className="num">People</th>
              <th scope="col" className="num">Ready</th>
              <th scope="col" className="num">Close</th>
              <th scope="col" className="num">Far</th>
            </tr>
          </thead>
          <tbody>
            {report.groups.map((group) => (
              <tr key={groupKey(group)}>
                <th scope="row">{groupLabel(group)}</th>
                {group.suppressed ? (
                  <td colSpan={4}><Hidden minimumGroupSize={report.minimumGroupSize} /></td>
                ) : (
                  <>
                    <td className="num">{group.members ?? '—'}</td>
                    <td className="num">{group.ready ?? '—'}</td>
                    <td className="num">{group.close ?? '—'}</td>
                    <td className="num">{group.far ?? '—'}</td>
                  </>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {report.groups.filter((group) => group.people && group.people.length > 0).map((group) => (
        <People key={groupKey(group)} group={group} names={names} people={people} link={linkPeople} />
      ))}
    </>
  );
}

function People({ group, names, people: known, link }: {
  group: ReadinessGroup;
  names: ReadonlyMap<string, string>;
  people: ReadonlyMap<string, string>;
  link: boolean;
}) {
  const people = [...(group.people ?? [])].sort((a, b) => b.metWeight - a.metWeight);
  return (
    <TableScroll label={`People of ${groupLabel(group)}`}>
      <table className="heatmap">
        <caption>People of {groupLabel(group)} and the requirements they have not met</caption>
        <thead>
          <tr>
            <th scope="col">Person</th>
            <th scope="col">Status</th>
            <th scope="col" className="num">Weight met</th>
            <th scope="col">Unmet requirements</th>
          </tr>
        </thead>
        <tbody>
          {people.map((person) => (
            <tr key={person.learnerId}>
              <th scope="row">
                {link ? (
                  <Link to={`/learners/${encodeURIComponent(person.learnerId)}/gaps`}>{known.get(person.learnerId) ?? person.learnerId}</Link>
                ) : (known.get(person.learnerId) ?? person.learnerId)}
              </th>
              <td><span className={`status status-${person.status.toLowerCase()}`}>{STATUS[person.status]?.label ?? humanize(person.status)}</span></td>
              <td className="num">{formatPercent(person.metWeight)}</td>
              <td>
                {person.unmet.length === 0 ? (
                  <span className="muted">None</span>
                ) : (
                  <ul className="plain-list">
                    {person.unmet.map((u) => (
                      <li key={u.competencyId}>
                        {names.get(u.competencyId) ?? <code>{u.competencyId}</code>}: {u.level ? humanize(u.level) : 'no level yet'}, needs {humanize(u.targetLevel)}
                      </li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
