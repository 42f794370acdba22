import { Page } from '../shell/Page';
import { Skeleton } from '../shell/Skeleton';
import { Empty } from '../shell/States';
import { refsOf, useCatalog, useLearnerScope, useMastery, useRoleFramework } from './hooks';
import { LearnerFrame, LearnerProblem } from './LearnerFrame';
import { MasteryChart } from './MasteryChart';
import { MasteryTable } from './MasteryTable';
import { toRows } from './rows';
import './charts';

export default function MyCompetenciesPage() {
  const scope = useLearnerScope();
  const mastery = useMastery(scope.learnerId);
  const role = useRoleFramework(scope.learnerId);
  const refs = [...refsOf(mastery.data ?? []), ...(role.ref ? [role.ref] : [])];
  const { catalog, loading } = useCatalog(refs);
  const title = scope.own ? 'My competencies' : 'Competencies';
  const rows = mastery.data ? toRows(mastery.data, catalog, refs) : [];
  const scored = rows.filter((row) => row.score !== null);
  return (
    <Page title={title}>
      <LearnerFrame scope={scope}>
        {mastery.isPending || (mastery.isSuccess && (loading || role.loading)) ? (
          <Skeleton label="Loading competencies…" chart rows={6} />
        ) : mastery.isError ? (
          <LearnerProblem error={mastery.error} />
        ) : rows.length === 0 ? (
          <Empty>
            <p>No results yet. Levels appear here once there is evidence: take an assessment or ask for an observation.</p>
          </Empty>
        ) : (
          <>
            <p>
              {rows.filter((row) => row.mastered).length} of {rows.length} competencies mastered
              {rows.some((row) => !row.rated) ? `, ${rows.filter((row) => !row.rated).length} not yet rated` : ''}.
            </p>
            {scored.length > 0 ? (
              <>
                <h2>Score and mastery threshold</h2>
                <MasteryChart rows={scored} />
              </>
            ) : null}
            <h2>All competencies</h2>
            <MasteryTable rows={rows} base={scope.base} />
          </>
        )}
      </LearnerFrame>
    </Page>
  );
}
