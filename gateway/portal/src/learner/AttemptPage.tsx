import { Link, useParams } from 'react-router';
import type { AssessmentView, AttemptView } from '../api/assessments';
import { RubricForm } from '../grading/RubricForm';
import { Page } from '../shell/Page';
import { ProblemMessage } from '../shell/ProblemMessage';
import { Loading } from '../shell/States';
import { useAssessment, useAttempt, useRateSelf, useSubmitAttempt, useSubmitQuiz } from './assessmentHooks';
import { AttemptResult } from './AttemptResult';
import { QuizForm } from './QuizForm';
import { useLearnerScope } from './hooks';

const HEADINGS: Record<string, string> = {
  QUIZ: 'Quiz',
  SELF: 'Self-assessment',
  PEER: 'Peer feedback',
  RUBRIC: 'Project submission',
  OBSERVATION: 'Observation',
};

export default function AttemptPage() {
  const attemptId = useParams().attemptId ?? '';
  const attempt = useAttempt(attemptId);
  const assessment = useAssessment(attempt.data?.assessmentId);
  const heading = attempt.data ? (HEADINGS[attempt.data.kind] ?? 'Attempt') : 'Attempt';
  return (
    <Page title={heading} intro={assessment.data ? <p>{assessment.data.title}</p> : null}>
      {attempt.isPending || (attempt.isSuccess && assessment.isPending) ? (
        <Loading />
      ) : attempt.isError ? (
        <ProblemMessage error={attempt.error} />
      ) : assessment.isError ? (
        <ProblemMessage error={assessment.error} />
      ) : (
        <AttemptBody attempt={attempt.data} assessment={assessment.data} />
      )}
      <p><Link to="/me/assessments">Back to assessments</Link></p>
    </Page>
  );
}

function AttemptBody({ attempt, assessment }: { attempt: AttemptView; assessment: AssessmentView | undefined }) {
  const scope = useLearnerScope();
  const submitQuiz = useSubmitQuiz(scope.learnerId, attempt.attemptId);
  const submit = useSubmitAttempt(scope.learnerId, attempt.attemptId);
  const rateSelf = useRateSelf(scope.learnerId, attempt.attemptId);
  const definition = assessment?.published?.definition;
  const title = (id: string) =>
    definition?.criteria.find((c) => c.competencyId === id)?.title ?? id;
  const result = <AttemptResult attempt={attempt} competencyTitle={title} />;
  if (attempt.status === 'WITHDRAWN') {
    return <p className="notice">An assessor withdrew this attempt; it no longer counts as evidence.</p>;
  }
  switch (attempt.kind) {
    case 'QUIZ':
      return attempt.status === 'STARTED' && definition ? (
        <>
          {attempt.deadline ? <p>Submit before {new Date(attempt.deadline).toUTCString()}.</p> : null}
          <QuizForm items={definition.items} pending={submitQuiz.isPending} error={submitQuiz.error} onSubmit={(answers) => submitQuiz.mutate(answers)} />
        </>
      ) : (
        result
      );
    case 'SELF':
      return (
        <>
          {attempt.status === 'STARTED' ? (
            <p>Rate yourself on each criterion. You can rate again later; the newest rating counts.</p>
          ) : (
            result
          )}
          {rateSelf.isSuccess ? <p className="success" role="status">Your self-assessment is saved.</p> : null}
          <RubricForm
            criteria={definition?.criteria ?? []}
            submitLabel="Save self-assessment"
            pending={rateSelf.isPending}
            error={rateSelf.error}
            onSubmit={(choice) => rateSelf.mutate(choice)}
          />
        </>
      );
    case 'RUBRIC':
      return attempt.status === 'STARTED' ? (
        <>
          <p>When your work is ready, submit it for grading. An assessor then grades it against the rubric.</p>
          <button type="button" className="button primary" disabled={submit.isPending} onClick={() => submit.mutate()}>
            Submit for grading
          </button>
          {submit.isError ? <ProblemMessage error={submit.error} /> : null}
        </>
      ) : (
        result
      );
    case 'PEER':
      return (
        <>
          <p>Your colleagues rate you on the rubric; you see the result once enough of them have answered, never who rated.</p>
          {result}
        </>
      );
    default:
      return result;
  }
}
