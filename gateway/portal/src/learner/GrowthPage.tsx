import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { Page } from '../shell/Page';
import { ProblemMessage } from '../shell/ProblemMessage';
import { Skeleton } from '../shell/Skeleton';
import { Empty } from '../shell/States';
import './charts';
import { GrowthChart } from './GrowthChart';
import { refsOf, useCatalog, useLearnerScope, useLevelHistories, useMastery } from './hooks';
import { LearnerFrame, LearnerProblem } from './LearnerFrame';
import { toRows } from './rows';

export default function GrowthPage() {
  const scope = useLearnerScope();
  const [params, setParams] = useSearchParams();
  const [now] = useState(() => new Date());
  const mastery = useMastery(scope.learnerId);
  const { catalog, loading } = useCatalog(refsOf(mastery.data ?? []));
  const rows = mastery.data ? toRows(mastery.data, catalog) : [];
  const chosen = params.get('competency');
  const shown = chosen ? rows.filter((row) => row.competencyId === chosen) : rows;
  const histories = useLevelHistories(scope.learnerId, shown.map((row) => row.competencyId));
  const choose = (competencyId: string) => setParams(competencyId ? { competency: competencyId } : {}, { replace: true });
  return (
    <Page
      title="Growth"
      intro={<p>{scope.own ? 'Your' : 'The'} level on each competency over time: every change, from evidence or from time (decay or expiry).</p>}
    >
      <LearnerFrame scope={scope}>
        {mastery.isPending || (mastery.isSuccess && loading) ? (
          <Skeleton label="Loading the history…" chart rows={3} />
        ) : mastery.isError ? (
          <LearnerProblem error={mastery.error} />
        ) : rows.length === 0 ? (
          <Empty><p>No history yet: growth shows here once there is evidence.</p></Empty>
        ) : (
          <>
            <div className="field">
              <label htmlFor="growth-competency">Competency</label>
              <select id="growth-competency" value={chosen ?? ''} onChange={(event) => choose(event.target.value)}>
                <option value="">All competencies ({rows.length})</option>
                {rows.map((row) => (
                  <option key={row.competencyId} value={row.competencyId}>{row.title}</option>
                ))}
              </select>
            </div>
            {shown.length === 0 ? <Empty><p>That competency has no results.</p></Empty> : null}
            {shown.map((row, index) => {
              const history = histories[index];
              const levels = catalog.competency(row.frameworkId, row.frameworkVersion, row.competencyId)?.levels ?? [];
              return (
                <section key={row.competencyId} aria-labelledby={`growth-${index}`} className="growth">
                  <h2 id={`growth-${index}`}>{row.title}</h2>
                  <p className="muted">{row.framework}; now: {row.levelLabel}{row.mastered ? ' (mastered)' : ''}.</p>
                  {!history || history.isPending ? (
                    <Skeleton label={`Loading the history of ${row.title}…`} chart rows={2} />
                  ) : history.isError ? (
                    <ProblemMessage error={history.error} title={`The history of ${row.title} could not be loaded.`} />
                  ) : history.data.length === 0 ? (
                    <p className="muted">No change of level recorded yet.</p>
                  ) : (
                    <GrowthChart
                      title={row.title}
                      levels={levels}
                      changes={history.data}
                      now={now}
                      evidenceBase={`${scope.base}/evidence`}
                    />
                  )}
                </section>
              );
            })}
          </>
        )}
      </LearnerFrame>
    </Page>
  );
}
