import { Link } from 'react-router';
import { attemptStatus } from '../learner/AttemptResult';
import { formatDateTime, humanize } from '../shell/format';
import { Page } from '../shell/Page';
import { QueryView } from '../shell/States';
import { useAssessmentTitles, useGradingQueue } from './hooks';
import { TableScroll } from '../shell/TableScroll';

export default function GradingQueuePage() {
  const queue = useGradingQueue();
  const titles = useAssessmentTitles((queue.data ?? []).map((attempt) => attempt.assessmentId));
  return (
    <Page title="Grading queue">
      <ul className="button-row no-print">
        <li><Link className="button" to="/grading/observations">Record an observation</Link></li>
        <li><Link className="button" to="/grading/ratings">Rate a competency</Link></li>
      </ul>
      <QueryView query={queue} isEmpty={(list) => list.length === 0} empty={<p>Nothing is waiting for grading.</p>}>
        {(list) => (
          <TableScroll label="Grading queue">
            <table>
              <caption>Attempts waiting for grading, oldest first</caption>
              <thead>
                <tr>
                  <th scope="col">Assessment</th>
                  <th scope="col">Learner</th>
                  <th scope="col">Kind</th>
                  <th scope="col">Submitted</th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {[...list].sort((a, b) => (a.submittedAt ?? '').localeCompare(b.submittedAt ?? '')).map((attempt) => (
                  <tr key={attempt.attemptId}>
                    <th scope="row">
                      <Link to={`/grading/attempts/${encodeURIComponent(attempt.attemptId)}`}>
                        Grade {titles.get(attempt.assessmentId) ?? `attempt ${attempt.attemptNumber}`}
                      </Link>
                    </th>
                    <td>{attempt.learnerId}</td>
                    <td>{humanize(attempt.kind)}</td>
                    <td>{formatDateTime(attempt.submittedAt)}{attempt.late ? ' (late)' : ''}</td>
                    <td>{attemptStatus(attempt.status)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </QueryView>
    </Page>
  );
}
