import { Link } from 'react-router';
import type { GapReport, NextStep } from '../api/learners';
import { formatPercent, humanize } from '../shell/format';
import { TableScroll } from '../shell/TableScroll';

export function ReadinessSummary({ report }: { report: GapReport }) {
  const met = report.requirements.filter((r) => r.met).length;
  return (
    <div className="card">
      <p>
        Role: <strong>{report.roleTitle}</strong> (version {report.roleProfileVersion})
      </p>
      <p>
        Readiness: <strong>{formatPercent(report.readiness)}</strong>{' '}
        <progress max={1} value={report.readiness} aria-label="Readiness for the role" />
      </p>
      <p>
        {met} of {report.requirements.length} requirements met.
      </p>
    </div>
  );
}

export function GapsTable({ report, base }: { report: GapReport; base: string }) {
  const rows = [...report.requirements].sort((a, b) => b.gap - a.gap || a.title.localeCompare(b.title));
  return (
    <TableScroll label="Gaps">
      <table>
        <caption>What the role asks and where you are</caption>
        <thead>
          <tr>
            <th scope="col">Competency</th>
            <th scope="col">Target level</th>
            <th scope="col">Current level</th>
            <th scope="col" className="num">Gap (levels)</th>
            <th scope="col" className="num">Weight</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.competencyId}>
              <th scope="row">
                <Link to={`${base}/competencies/${encodeURIComponent(r.competencyId)}`}>{r.title}</Link>{' '}
                <span className="muted">{r.code}</span>
              </th>
              <td>{humanize(r.targetLevel)}</td>
              <td>{r.currentLevel ? humanize(r.currentLevel) : 'None yet'}</td>
              <td className="num">{r.gap}</td>
              <td className="num">{r.weight}</td>
              <td>{r.met ? 'Met' : 'Open'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

export function NextSteps({ steps, titleOf }: { steps: readonly NextStep[]; titleOf: (competencyId: string) => string }) {
  return (
    <ol className="next-steps">
      {steps.map((step) => (
        <li key={step.competencyId}>
          <h3>{step.title}</h3>
          <p>
            From {step.currentLevel ? humanize(step.currentLevel) : 'no level'} to {humanize(step.targetLevel)} (
            {step.gap} level{step.gap === 1 ? '' : 's'} to go).
          </p>
          {step.prerequisitesFirst.length > 0 ? (
            <p>First: {step.prerequisitesFirst.map(titleOf).join(', ')}.</p>
          ) : null}
          {step.resources.length > 0 ? (
            <ul>
              {step.resources.map((resource) => (
                <li key={`${resource.resourceId}@${resource.version}`}>
                  {resource.url ? (
                    <a href={resource.url} target="_blank" rel="noopener noreferrer">
                      {resource.title}
                      <span className="visually-hidden"> (opens in a new tab)</span>
                    </a>
                  ) : (
                    resource.title
                  )}
                  {resource.type || resource.duration ? (
                    <span className="muted">
                      {' '}
                      ({[resource.type ? humanize(resource.type) : null, resource.duration].filter(Boolean).join(', ')})
                    </span>
                  ) : null}
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">No learning resources are tagged for this step yet.</p>
          )}
        </li>
      ))}
    </ol>
  );
}
