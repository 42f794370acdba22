import { Page } from '../shell/Page';
import { Empty, Loading } from '../shell/States';
import { useCatalog, useLearnerScope, useMastery, refsOf } from './hooks';
import { LearnerFrame, LearnerProblem } from './LearnerFrame';
import { MasteryChart } from './MasteryChart';
import { MasteryTable } from './MasteryTable';
import { toRows } from './rows';
import './charts';

export default function MyCompetenciesPage() {
  const scope = useLearnerScope();
  const mastery = useMastery(scope.learnerId);
  const { catalog, loading } = useCatalog(mastery.data ? refsOf(mastery.data) : []);
  const title = scope.own ? 'My competencies' : 'Competencies';
  return (
    <Page title={title}>
      <LearnerFrame scope={scope}>
        {mastery.isPending || (mastery.isSuccess && loading) ? (
          <Loading label="Loading competencies…" />
        ) : mastery.isError ? (
          <LearnerProblem error={mastery.error} />
        ) : mastery.data.length === 0 ? (
          <Empty>
            <p>No results yet. Levels appear here once there is evidence: take an assessment or ask for an observation.</p>
          </Empty>
        ) : (
          <>
            <h2>Score and mastery threshold</h2>
            <MasteryChart rows={toRows(mastery.data, catalog)} />
            <h2>All competencies</h2>
            <MasteryTable rows={toRows(mastery.data, catalog)} base={scope.base} />
          </>
        )}
      </LearnerFrame>
    </Page>
  );
}
