import { useState } from 'react';
import { ProblemMessage } from '../shell/ProblemMessage';
import { Page } from '../shell/Page';
import { Empty, Loading } from '../shell/States';
import './charts';
import { GrowthChart } from './GrowthChart';
import { growthSeries, weeklyInstants } from './growth';
import { refsOf, useCatalog, useLearnerScope, useMasteryHistory } from './hooks';
import { LearnerFrame, LearnerProblem } from './LearnerFrame';

const WEEKS = 12;

export default function GrowthPage() {
  const scope = useLearnerScope();
  const [instants] = useState(() => weeklyInstants(new Date(), WEEKS));
  const samples = useMasteryHistory(scope.learnerId, instants);
  const latest = samples[samples.length - 1]?.data ?? [];
  const { catalog, loading } = useCatalog(refsOf(latest));
  const failed = samples.find((sample) => sample.isError);
  const series = growthSeries(samples.map((sample) => sample.data), catalog);
  return (
    <Page title="Growth" intro={<p>Your level on each competency at the end of each of the last {WEEKS} weeks.</p>}>
      <LearnerFrame scope={scope}>
        {samples.some((sample) => sample.isPending) || loading ? (
          <Loading label="Loading your history…" />
        ) : failed && samples.every((sample) => sample.isError) ? (
          <LearnerProblem error={failed.error} />
        ) : series.length === 0 ? (
          <Empty><p>No history yet: your growth shows here once there is evidence.</p></Empty>
        ) : (
          <>
            {failed ? <ProblemMessage error={failed.error} title="Some weeks could not be loaded; they show as gaps." /> : null}
            <GrowthChart instants={instants} series={series} />
          </>
        )}
      </LearnerFrame>
    </Page>
  );
}
