import { isApiProblem } from '../api/http';
import { Page } from '../shell/Page';
import { Empty, Loading } from '../shell/States';
import { GapsTable, NextSteps, ReadinessSummary } from './GapsView';
import { useGaps, useLearnerScope, useRecommendations } from './hooks';
import { LearnerFrame, LearnerProblem } from './LearnerFrame';

export default function GapsPage() {
  const scope = useLearnerScope();
  const gaps = useGaps(scope.learnerId);
  const steps = useRecommendations(scope.learnerId);
  const titles = new Map((gaps.data?.requirements ?? []).map((r) => [r.competencyId, r.title]));
  steps.data?.forEach((step) => titles.set(step.competencyId, step.title));
  return (
    <Page title="Gaps and next steps">
      <LearnerFrame scope={scope}>
        <h2>Readiness for your role</h2>
        {gaps.isPending ? (
          <Loading />
        ) : gaps.isError ? (
          isApiProblem(gaps.error) && gaps.error.status === 404 ? (
            <Empty>
              <p>No role profile is assigned yet, so there is nothing to compare with. An administrator assigns roles.</p>
            </Empty>
          ) : (
            <LearnerProblem error={gaps.error} />
          )
        ) : (
          <>
            <ReadinessSummary report={gaps.data} />
            <GapsTable report={gaps.data} base={scope.base} />
          </>
        )}
        <h2>Next steps</h2>
        {steps.isPending ? (
          <Loading />
        ) : steps.isError ? (
          isApiProblem(steps.error) && steps.error.status === 404 ? (
            <Empty><p>Next steps appear once a role is assigned.</p></Empty>
          ) : (
            <LearnerProblem error={steps.error} />
          )
        ) : steps.data.length === 0 ? (
          <Empty><p>Nothing to work on: every requirement of the role is met.</p></Empty>
        ) : (
          <NextSteps steps={steps.data} titleOf={(id) => titles.get(id) ?? id} />
        )}
      </LearnerFrame>
    </Page>
  );
}
