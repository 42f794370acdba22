import { useState, type FormEvent, type ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import type { Role } from '../api/session';
import { Page } from '../shell/Page';
import { QueryView } from '../shell/States';
import { hasAnyRole } from '../shell/roles';
import { useSignedIn } from '../shell/useSession';
import { download, toCsv, type Cell } from './csv';
import { useCompetencyNames, useEvidenceBySource, useLearnerMastery, useTeamCapability } from './hooks';
import { SourceChart } from './SourceChart';
import { TableScroll } from '../shell/TableScroll';

/** One analytics view; a new view is one more entry here. */
interface AnalyticsView {
  id: string;
  title: string;
  roles: readonly Role[];
  render: () => ReactNode;
}

const VIEWS: readonly AnalyticsView[] = [
  { id: 'evidence-sources', title: 'Evidence by source', roles: ['ANALYST', 'MANAGER', 'ADMIN'], render: () => <EvidenceBySourceView /> },
  { id: 'team-capability', title: 'Team capability', roles: ['ANALYST', 'MANAGER', 'ADMIN'], render: () => <TeamCapabilityView /> },
  { id: 'learner-mastery', title: 'Mastery of one learner', roles: ['ADMIN'], render: () => <LearnerMasteryView /> },
];

export default function AnalyticsPage() {
  const session = useSignedIn();
  const views = VIEWS.filter((view) => hasAnyRole(session.roles, view.roles));
  return (
    <Page title="Analytics" intro={<p>Capability views over the platform's evidence and mastery. Each table can be downloaded as CSV.</p>}>
      <nav aria-label="Analytics views">
        <ul>
          {views.map((view) => (
            <li key={view.id}>
              <a href={`#${view.id}`}>{view.title}</a>
            </li>
          ))}
        </ul>
      </nav>
      {views.map((view) => (
        <section key={view.id} id={view.id} aria-labelledby={`${view.id}-title`}>
          <h2 id={`${view.id}-title`}>{view.title}</h2>
          {view.render()}
        </section>
      ))}
    </Page>
  );
}

function CsvButton({ fileName, header, rows }: { fileName: string; header: string[]; rows: Cell[][] }) {
  return (
    <div className="button-row">
      <button type="button" onClick={() => download(fileName, toCsv(header, rows))}>
        Download CSV<span className="visually-hidden"> ({fileName})</span>
      </button>
    </div>
  );
}

const percent = (value: number | null) => (value === null ? '—' : `${Math.round(value * 100)} %`);
const score = (value: number | null) => (value === null ? '—' : value.toFixed(2));

function EvidenceBySourceView() {
  const query = useEvidenceBySource();
  return (
    <QueryView query={query} loadingLabel="Counting evidence…" isEmpty={(data) => Object.keys(data).length === 0}
      empty={<p>No evidence has been recorded yet.</p>}>
      {(data) => {
        const rows = Object.entries(data).sort(([, a], [, b]) => b - a);
        const total = rows.reduce((sum, [, count]) => sum + count, 0);
        return (
          <>
            <SourceChart labels={rows.map(([source]) => source)} counts={rows.map(([, count]) => count)} />
            <TableScroll label="Analytics table">
              <table>
                <caption>Evidence items per source (voided items left out)</caption>
                <thead>
                  <tr>
                    <th scope="col">Source</th>
                    <th scope="col" className="num">Evidence items</th>
                    <th scope="col" className="num">Share</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map(([source, count]) => (
                    <tr key={source}>
                      <th scope="row">{source}</th>
                      <td className="num">{count}</td>
                      <td className="num">{percent(total ? count / total : null)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
            <CsvButton fileName="evidence-by-source.csv" header={['source', 'evidenceItems']} rows={rows} />
          </>
        );
      }}
    </QueryView>
  );
}

function IdForm({ label, initial, submitLabel, onSubmit, options }: {
  label: string;
  initial: string;
  submitLabel: string;
  onSubmit: (value: string) => void;
  options?: string[];
}) {
  const [value, setValue] = useState(initial);
  const id = `${label.replace(/\W+/g, '-').toLowerCase()}-input`;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(value.trim());
  };
  return (
    <form className="button-row" onSubmit={submit}>
      <label htmlFor={id}>{label}</label>
      {options && options.length > 0 ? (
        <select id={id} value={value} onChange={(event) => setValue(event.target.value)}>
          <option value="">Choose</option>
          {options.map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </select>
      ) : (
        <input id={id} value={value} onChange={(event) => setValue(event.target.value)} />
      )}
      <button type="submit">{submitLabel}</button>
    </form>
  );
}

function TeamCapabilityView() {
  const session = useSignedIn();
  const [params, setParams] = useSearchParams();
  const teamId = params.get('team') ?? '';
  const query = useTeamCapability(teamId);
  const names = useCompetencyNames((query.data?.competencies ?? []).map((c) => c.frameworkId));
  // Managers see only the teams they manage; analysts and admins may name any team.
  const onlyManaged = !hasAnyRole(session.roles, ['ANALYST', 'ADMIN']);
  return (
    <>
      <IdForm
        label="Team"
        initial={teamId || (onlyManaged ? (session.managedTeams[0] ?? '') : '')}
        submitLabel="Show team"
        options={onlyManaged ? session.managedTeams : undefined}
        onSubmit={(value) => setParams((current) => {
          const next = new URLSearchParams(current);
          if (value) next.set('team', value);
          else next.delete('team');
          return next;
        })}
      />
      {teamId ? (
        <QueryView query={query} loadingLabel="Loading the team…" isEmpty={(report) => report.competencies.length === 0}
          empty={<p>No member of this team has a mastery result yet.</p>}>
          {(report) => {
            const header = ['competencyId', 'competency', 'frameworkId', 'suppressed', 'rated', 'mastered', 'masteredShare', 'averageScore', 'levels'];
            const rows: Cell[][] = report.competencies.map((c) => [
              c.competencyId, names.get(c.competencyId), c.frameworkId, c.suppressed, c.rated, c.mastered, c.masteredShare, c.averageScore,
              Object.entries(c.levels).map(([level, count]) => `${level}=${count}`).join(' '),
            ]);
            return (
              <>
                <p>
                  {report.memberCount} member{report.memberCount === 1 ? '' : 's'}. Groups smaller than {report.minimumGroupSize} are
                  hidden for analysts so that no one can be singled out.
                </p>
                <TableScroll label="Analytics table">
                  <table>
                    <caption>Capability of team {report.teamId}</caption>
                    <thead>
                      <tr>
                        <th scope="col">Competency</th>
                        <th scope="col" className="num">Rated</th>
                        <th scope="col" className="num">Mastered</th>
                        <th scope="col" className="num">Mastered share</th>
                        <th scope="col" className="num">Average score</th>
                        <th scope="col">Levels</th>
                      </tr>
                    </thead>
                    <tbody>
                      {report.competencies.map((c) => (
                        <tr key={`${c.frameworkId}/${c.competencyId}`}>
                          <th scope="row">{names.get(c.competencyId) ?? <code>{c.competencyId}</code>}</th>
                          {c.suppressed ? (
                            <td colSpan={5}>Hidden: fewer than {report.minimumGroupSize} members rated</td>
                          ) : (
                            <>
                              <td className="num">{c.rated ?? '—'}</td>
                              <td className="num">{c.mastered ?? '—'}</td>
                              <td className="num">{percent(c.masteredShare)}</td>
                              <td className="num">{score(c.averageScore)}</td>
                              <td>{Object.entries(c.levels).map(([level, count]) => `${level}: ${count}`).join(', ') || '—'}</td>
                            </>
                          )}
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </TableScroll>
                <CsvButton fileName={`team-${report.teamId}-capability.csv`} header={header} rows={rows} />
              </>
            );
          }}
        </QueryView>
      ) : null}
    </>
  );
}

function LearnerMasteryView() {
  const [params, setParams] = useSearchParams();
  const learnerId = params.get('learner') ?? '';
  const query = useLearnerMastery(learnerId);
  const names = useCompetencyNames((query.data ?? []).map((c) => c.frameworkId));
  return (
    <>
      <p className="hint">Per-learner records are personal data: this view is for administrators.</p>
      <IdForm
        label="Learner id"
        initial={learnerId}
        submitLabel="Show learner"
        onSubmit={(value) => setParams((current) => {
          const next = new URLSearchParams(current);
          if (value) next.set('learner', value);
          else next.delete('learner');
          return next;
        })}
      />
      {learnerId ? (
        <QueryView query={query} loadingLabel="Loading mastery…" isEmpty={(cells) => cells.length === 0}
          empty={<p>This learner has no mastery result.</p>}>
          {(cells) => {
            const header = ['competencyId', 'competency', 'frameworkId', 'frameworkVersion', 'level', 'score', 'mastered', 'changedAt'];
            const rows: Cell[][] = cells.map((c) => [c.competencyId, names.get(c.competencyId), c.frameworkId, c.frameworkVersion, c.level, c.score, c.mastered, c.changedAt]);
            return (
              <>
                <TableScroll label="Analytics table">
                  <table>
                    <caption>Current mastery of {learnerId}</caption>
                    <thead>
                      <tr>
                        <th scope="col">Competency</th>
                        <th scope="col">Level</th>
                        <th scope="col" className="num">Score</th>
                        <th scope="col">Mastered</th>
                        <th scope="col">Changed</th>
                      </tr>
                    </thead>
                    <tbody>
                      {cells.map((c) => (
                        <tr key={`${c.frameworkId}/${c.competencyId}`}>
                          <th scope="row">{names.get(c.competencyId) ?? <code>{c.competencyId}</code>}</th>
                          <td>{c.level ?? 'No level'}</td>
                          <td className="num">{score(c.score)}</td>
                          <td>{c.mastered ? 'Yes' : 'No'}</td>
                          <td>{new Date(c.changedAt).toLocaleString()}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </TableScroll>
                <CsvButton fileName={`learner-${learnerId}-mastery.csv`} header={header} rows={rows} />
              </>
            );
          }}
        </QueryView>
      ) : null}
    </>
  );
}
