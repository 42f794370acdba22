import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { AssessmentView, AttemptView } from '../api/assessments';
import { useAssessment, useAttempt } from '../learner/assessmentHooks';
import { AttemptResult } from '../learner/AttemptResult';
import { ConfirmAction } from '../shell/Confirm';
import { Page } from '../shell/Page';
import { ProblemMessage } from '../shell/ProblemMessage';
import { Loading } from '../shell/States';
import { useGrade, useRegrade, useWithdraw } from './hooks';
import { RubricForm } from './RubricForm';

export default function GradeAttemptPage() {
  const attemptId = useParams().attemptId ?? '';
  const attempt = useAttempt(attemptId);
  const assessment = useAssessment(attempt.data?.assessmentId);
  return (
    <Page title="Grade an attempt" intro={assessment.data ? <p>{assessment.data.title}, learner {attempt.data?.learnerId}</p> : null}>
      {attempt.isPending || (attempt.isSuccess && assessment.isPending) ? (
        <Loading />
      ) : attempt.isError ? (
        <ProblemMessage error={attempt.error} />
      ) : assessment.isError ? (
        <ProblemMessage error={assessment.error} />
      ) : (
        <Grading attempt={attempt.data} assessment={assessment.data} />
      )}
      <p><Link to="/grading">Back to the grading queue</Link></p>
    </Page>
  );
}

function Grading({ attempt, assessment }: { attempt: AttemptView; assessment: AssessmentView | undefined }) {
  const grade = useGrade(attempt.attemptId);
  const criteria = assessment?.published?.definition.criteria ?? [];
  const title = (id: string) => criteria.find((c) => c.competencyId === id)?.title ?? id;
  const gradable = attempt.status === 'AWAITING_GRADING' || (attempt.status === 'GRADED' && attempt.kind === 'RUBRIC');
  return (
    <>
      {attempt.status === 'WITHDRAWN' ? (
        <p className="notice" role="status">This attempt was withdrawn; its evidence no longer counts.</p>
      ) : null}
      <AttemptResult attempt={attempt} competencyTitle={title} />
      {gradable ? (
        <section aria-labelledby="rubric-heading">
          <h2 id="rubric-heading">{attempt.status === 'GRADED' ? 'Change the grades' : 'Rubric'}</h2>
          {grade.isSuccess ? <p className="success" role="status">Grades saved.</p> : null}
          <RubricForm
            criteria={criteria}
            submitLabel="Save grades"
            pending={grade.isPending}
            error={grade.error}
            onSubmit={(choice) => grade.mutate(choice)}
          />
        </section>
      ) : null}
      {attempt.kind === 'QUIZ' && attempt.status === 'SCORED' ? <RegradeForm attemptId={attempt.attemptId} /> : null}
      {attempt.status !== 'WITHDRAWN' && attempt.status !== 'STARTED' ? <Withdrawal attemptId={attempt.attemptId} /> : null}
    </>
  );
}

function RegradeForm({ attemptId }: { attemptId: string }) {
  const regrade = useRegrade(attemptId);
  const [reason, setReason] = useState('');
  const [latest, setLatest] = useState(true);
  return (
    <section aria-labelledby="regrade-heading">
      <h2 id="regrade-heading">Regrade</h2>
      <p>Score the answers again, for example after the answer key was corrected in a newer version.</p>
      <label className="choice">
        <input type="checkbox" checked={latest} onChange={(e) => setLatest(e.target.checked)} />
        Use the latest published answer key
      </label>
      <div className="field">
        <label htmlFor="regrade-reason">Reason</label>
        <input id="regrade-reason" value={reason} onChange={(e) => setReason(e.target.value)} required />
      </div>
      {regrade.isSuccess ? <p className="success" role="status">The attempt was regraded.</p> : null}
      {regrade.isError ? <ProblemMessage error={regrade.error} /> : null}
      <ConfirmAction
        label="Regrade"
        danger={false}
        disabled={reason.trim() === ''}
        pending={regrade.isPending}
        question="Regrading replaces the attempt's score and the evidence it gave. Go ahead?"
        confirmLabel="Yes, regrade"
        onConfirm={() => regrade.mutate({ latestVersion: latest, reason: reason.trim() })}
      />
    </section>
  );
}

function Withdrawal({ attemptId }: { attemptId: string }) {
  const withdraw = useWithdraw(attemptId);
  const [reason, setReason] = useState('');
  return (
    <section aria-labelledby="withdraw-heading">
      <h2 id="withdraw-heading">Withdraw</h2>
      <div className="field">
        <label htmlFor="withdraw-reason">Reason for withdrawal</label>
        <input id="withdraw-reason" value={reason} onChange={(e) => setReason(e.target.value)} required />
      </div>
      {withdraw.isError ? <ProblemMessage error={withdraw.error} /> : null}
      {withdraw.isSuccess ? (
        <p className="success" role="status">The attempt was withdrawn; its evidence no longer counts.</p>
      ) : (
        <ConfirmAction
          label="Withdraw attempt"
          disabled={reason.trim() === ''}
          pending={withdraw.isPending}
          question="Withdrawing voids the evidence this attempt gave, and the learner's levels are recomputed. This cannot be undone."
          confirmLabel="Yes, withdraw"
          onConfirm={() => withdraw.mutate(reason.trim())}
        />
      )}
    </section>
  );
}
