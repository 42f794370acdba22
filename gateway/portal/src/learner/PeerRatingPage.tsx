import { Link, useParams, useSearchParams } from 'react-router';
import { RubricForm } from '../grading/RubricForm';
import { Page } from '../shell/Page';
import { ProblemMessage } from '../shell/ProblemMessage';
import { Loading } from '../shell/States';
import { useAssessment, useRatePeer } from './assessmentHooks';

export default function PeerRatingPage() {
  const attemptId = useParams().attemptId ?? '';
  const [params] = useSearchParams();
  const assessment = useAssessment(params.get('assessment') ?? undefined);
  const rate = useRatePeer(attemptId);
  return (
    <Page title="Rate a peer" intro={assessment.data ? <p>{assessment.data.title}</p> : null}>
      <p>Your rating is anonymous: the colleague sees the combined result, never who rated.</p>
      {!params.get('assessment') ? (
        <ProblemMessage error={new Error('The link does not say which assessment this is. Open it from your assessments page.')} />
      ) : assessment.isPending ? (
        <Loading />
      ) : assessment.isError ? (
        <ProblemMessage error={assessment.error} />
      ) : rate.isSuccess ? (
        <p className="success" role="status">Thank you: your feedback is recorded.</p>
      ) : (
        <RubricForm
          criteria={assessment.data.published?.definition.criteria ?? []}
          submitLabel="Send feedback"
          pending={rate.isPending}
          error={rate.error}
          onSubmit={(choice) => rate.mutate(choice)}
        />
      )}
      <p><Link to="/me/assessments">Back to assessments</Link></p>
    </Page>
  );
}
