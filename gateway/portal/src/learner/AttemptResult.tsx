import type { AttemptView } from '../api/assessments';
import { formatDateTime, formatPercent, formatScore, humanize } from '../shell/format';
import { TableScroll } from '../shell/TableScroll';

const STATUS: Record<string, string> = {
  STARTED: 'In progress',
  AWAITING_GRADING: 'Waiting for an assessor',
  SCORED: 'Scored',
  GRADED: 'Graded',
  WITHDRAWN: 'Withdrawn',
};

export function attemptStatus(status: string): string {
  return STATUS[status] ?? humanize(status);
}

export function AttemptResult({ attempt, competencyTitle }: {
  attempt: AttemptView;
  competencyTitle: (competencyId: string) => string;
}) {
  return (
    <section aria-labelledby={`result-${attempt.attemptId}`}>
      <h2 id={`result-${attempt.attemptId}`}>Result</h2>
      <dl className="facts">
        <dt>Status</dt>
        <dd>{attemptStatus(attempt.status)}</dd>
        <dt>Overall score</dt>
        <dd>{attempt.overallScore === null ? '—' : formatPercent(attempt.overallScore)}</dd>
        {attempt.passed !== null ? (
          <>
            <dt>Outcome</dt>
            <dd>{attempt.passed ? 'Passed' : 'Not passed'}</dd>
          </>
        ) : null}
        <dt>Submitted</dt>
        <dd>{formatDateTime(attempt.submittedAt)}{attempt.late ? ' (late)' : ''}{attempt.timedOut ? ' (time ran out)' : ''}</dd>
        {attempt.peerRatings !== null ? (
          <>
            <dt>Peer ratings</dt>
            <dd>{attempt.peerRatings} of at least {attempt.minPeers ?? '?'}</dd>
          </>
        ) : null}
      </dl>
      {attempt.results && attempt.results.length > 0 ? (
        <TableScroll label="Attempt result">
          <table>
            <caption>Score per competency</caption>
            <thead>
              <tr>
                <th scope="col">Competency</th>
                <th scope="col" className="num">Points</th>
                <th scope="col" className="num">Score</th>
              </tr>
            </thead>
            <tbody>
              {attempt.results.map((result) => (
                <tr key={result.competencyId}>
                  <th scope="row">{competencyTitle(result.competencyId)}</th>
                  <td className="num">{result.rawScore} of {result.maxScore}</td>
                  <td className="num">{formatScore(result.score)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
    </section>
  );
}
