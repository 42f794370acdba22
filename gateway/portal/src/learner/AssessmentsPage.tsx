import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { AssessmentView } from '../api/assessments';
import { formatDateTime, humanize } from '../shell/format';
import { Page } from '../shell/Page';
import { ProblemMessage } from '../shell/ProblemMessage';
import { Empty, Loading, QueryView } from '../shell/States';
import { useAssessmentsFor, usePeerRequests, useStartAttempt } from './assessmentHooks';
import { attemptStatus } from './AttemptResult';
import { useAttempts, useGaps, useLearnerScope, useMastery } from './hooks';

const KINDS: Record<string, string> = {
  QUIZ: 'Quiz',
  RUBRIC: 'Project (graded by an assessor)',
  OBSERVATION: 'Observation by an assessor',
  PEER: 'Peer feedback',
  SELF: 'Self-assessment',
};

export default function AssessmentsPage() {
  const scope = useLearnerScope();
  const mastery = useMastery(scope.learnerId);
  const gaps = useGaps(scope.learnerId);
  const competencyIds = [
    ...(gaps.data?.requirements.map((r) => r.competencyId) ?? []),
    ...(mastery.data?.map((m) => m.competencyId) ?? []),
  ];
  const available = useAssessmentsFor(competencyIds);
  const attempts = useAttempts(scope.learnerId);
  const peerRequests = usePeerRequests();
  const titles = new Map<string, string>(available.assessments.map((a) => [a.assessmentId, a.title]));
  return (
    <Page title="Assessments">
      <h2>Take an assessment</h2>
      {mastery.isPending || (gaps.isPending && !gaps.isError) || available.isPending ? (
        <Loading label="Looking for assessments…" />
      ) : available.error ? (
        <ProblemMessage error={available.error} />
      ) : available.assessments.length === 0 ? (
        <Empty><p>No published assessment covers your competencies or your role yet.</p></Empty>
      ) : (
        <ul className="cards">
          {available.assessments.map((assessment) => (
            <li className="card" key={assessment.assessmentId}>
              <StartCard assessment={assessment} learnerId={scope.learnerId} />
            </li>
          ))}
        </ul>
      )}

      <h2>Peer feedback asked of you</h2>
      <QueryView query={peerRequests} isEmpty={(list) => list.length === 0} empty={<p>Nobody has asked you for feedback.</p>}>
        {(list) => (
          <ul>
            {list.map((request) => (
              <li key={request.attemptId}>
                <Link to={`/me/peer-requests/${encodeURIComponent(request.attemptId)}?assessment=${encodeURIComponent(request.assessmentId)}`}>
                  Give feedback on {titles.get(request.assessmentId) ?? 'an assessment'}
                </Link>{' '}
                <span className="muted">
                  asked {formatDateTime(request.requestedAt)}
                  {request.nominated ? ', you were asked by name' : ''}
                </span>
              </li>
            ))}
          </ul>
        )}
      </QueryView>

      <h2>My attempts</h2>
      <QueryView query={attempts} isEmpty={(list) => list.length === 0} empty={<p>You have not started an assessment yet.</p>}>
        {(list) => (
          <div className="table-wrap">
            <table>
              <caption>Your attempts, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">Assessment</th>
                  <th scope="col">Kind</th>
                  <th scope="col">Started</th>
                  <th scope="col">Status</th>
                  <th scope="col" className="num">Score</th>
                </tr>
              </thead>
              <tbody>
                {[...list].sort((a, b) => (b.startedAt ?? '').localeCompare(a.startedAt ?? '')).map((attempt) => (
                  <tr key={attempt.attemptId}>
                    <th scope="row">
                      <Link to={`/me/attempts/${encodeURIComponent(attempt.attemptId)}`}>
                        {titles.get(attempt.assessmentId) ?? `Attempt ${attempt.attemptNumber}`}
                      </Link>
                    </th>
                    <td>{KINDS[attempt.kind] ?? humanize(attempt.kind)}</td>
                    <td>{formatDateTime(attempt.startedAt)}</td>
                    <td>{attemptStatus(attempt.status)}</td>
                    <td className="num">{attempt.overallScore === null ? '—' : `${Math.round(attempt.overallScore * 100)}%`}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </QueryView>
    </Page>
  );
}

function StartCard({ assessment, learnerId }: { assessment: AssessmentView; learnerId: string }) {
  const navigate = useNavigate();
  const start = useStartAttempt(learnerId);
  const [peers, setPeers] = useState('');
  const definition = assessment.published?.definition;
  const peersId = `peers-${assessment.assessmentId}`;
  const begin = () =>
    start.mutate(
      {
        assessmentId: assessment.assessmentId,
        peers: peers.split(/[\s,]+/).map((p) => p.trim()).filter(Boolean),
      },
      { onSuccess: (attempt) => navigate(`/me/attempts/${encodeURIComponent(attempt.attemptId)}`) },
    );
  return (
    <>
      <h3>{assessment.title}</h3>
      <p className="muted">
        {KINDS[assessment.kind] ?? humanize(assessment.kind)}
        {definition?.items.length ? `, ${definition.items.length} questions` : ''}
        {definition?.timeLimit ? `, time limit ${definition.timeLimit.replace(/^PT/, '').toLowerCase()}` : ''}
      </p>
      {assessment.kind === 'OBSERVATION' ? (
        <p>An assessor records this while watching you work.</p>
      ) : (
        <>
          {assessment.kind === 'PEER' ? (
            <div className="field">
              <label htmlFor={peersId}>Peers to ask (optional)</label>
              <p className="hint" id={`${peersId}-hint`}>Their user ids, separated by commas. Leave empty to let any colleague answer.</p>
              <input id={peersId} aria-describedby={`${peersId}-hint`} value={peers} onChange={(e) => setPeers(e.target.value)} />
            </div>
          ) : null}
          <button type="button" className="button primary" disabled={start.isPending} onClick={begin}>
            {assessment.kind === 'SELF' ? 'Start self-assessment' : assessment.kind === 'PEER' ? 'Ask for feedback' : 'Start'}
            <span className="visually-hidden"> {assessment.title}</span>
          </button>
          {start.isError ? <ProblemMessage error={start.error} /> : null}
        </>
      )}
    </>
  );
}
