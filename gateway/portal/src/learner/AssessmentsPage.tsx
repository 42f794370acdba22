import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { AssessmentKind, AssessmentView } from '../api/assessments';
import { formatDateTime, humanize } from '../shell/format';
import { Page } from '../shell/Page';
import { ProblemMessage } from '../shell/ProblemMessage';
import { Skeleton } from '../shell/Skeleton';
import { Empty, QueryView } from '../shell/States';
import {
  ASSESSMENT_PAGE_SIZE, useAssessmentTitles, usePeerRequests, usePublishedAssessments, useStartAttempt,
} from './assessmentHooks';
import { attemptStatus } from './AttemptResult';
import { useAttempts, useLearnerScope } from './hooks';
import { TableScroll } from '../shell/TableScroll';

const KINDS: Record<string, string> = {
  QUIZ: 'Quiz',
  RUBRIC: 'Project (graded by an assessor)',
  OBSERVATION: 'Observation by an assessor',
  PEER: 'Peer feedback',
  SELF: 'Self-assessment',
};

export default function AssessmentsPage() {
  const scope = useLearnerScope();
  const attempts = useAttempts(scope.learnerId);
  const peerRequests = usePeerRequests();
  const titles = useAssessmentTitles([
    ...(attempts.data ?? []).map((attempt) => attempt.assessmentId),
    ...(peerRequests.data ?? []).map((request) => request.assessmentId),
  ]);
  return (
    <Page title="Assessments">
      <h2>Take an assessment</h2>
      <Catalogue learnerId={scope.learnerId} />

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
          <TableScroll label="Assessments">
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
          </TableScroll>
        )}
      </QueryView>
    </Page>
  );
}

function Catalogue({ learnerId }: { learnerId: string }) {
  const [params, setParams] = useSearchParams();
  const kindParam = params.get('kind');
  const kind = kindParam && kindParam in KINDS ? (kindParam as AssessmentKind) : undefined;
  const q = params.get('q')?.trim() || undefined;
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
  const catalogue = usePublishedAssessments({ kind, q, page });
  const [draftQ, setDraftQ] = useState(q ?? '');
  const [draftKind, setDraftKind] = useState<string>(kind ?? '');
  const show = (next: { kind?: string | undefined; q?: string | undefined; page?: number }) => {
    const search = new URLSearchParams();
    if (next.kind) search.set('kind', next.kind);
    if (next.q) search.set('q', next.q);
    if (next.page && next.page > 1) search.set('page', String(next.page));
    setParams(search);
  };
  const search = (event: FormEvent) => {
    event.preventDefault();
    show({ kind: draftKind || undefined, q: draftQ.trim() || undefined });
  };
  const items = (catalogue.data?.items ?? []).filter((assessment) => assessment.published);
  const total = catalogue.data?.total;
  const pages = total === undefined ? undefined : Math.max(1, Math.ceil(total / ASSESSMENT_PAGE_SIZE));
  const filtered = kind !== undefined || q !== undefined;
  return (
    <>
      <form className="filters" role="search" aria-label="Find assessments" onSubmit={search}>
        <div className="field">
          <label htmlFor="assessment-q">Title contains</label>
          <input id="assessment-q" type="search" value={draftQ} onChange={(event) => setDraftQ(event.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="assessment-kind">Kind</label>
          <select id="assessment-kind" value={draftKind} onChange={(event) => setDraftKind(event.target.value)}>
            <option value="">All kinds</option>
            {Object.entries(KINDS).map(([code, label]) => (
              <option key={code} value={code}>{label}</option>
            ))}
          </select>
        </div>
        <div className="button-row">
          <button type="submit" className="button">Search</button>
          {filtered ? (
            <button type="button" className="button" onClick={() => { setDraftQ(''); setDraftKind(''); show({}); }}>
              Clear
            </button>
          ) : null}
        </div>
      </form>
      {catalogue.isPending ? (
        <Skeleton label="Looking for assessments…" rows={3} />
      ) : catalogue.isError ? (
        <ProblemMessage error={catalogue.error} />
      ) : items.length === 0 && page === 1 ? (
        <Empty>
          <p>{filtered ? 'No published assessment matches.' : 'No assessment is published yet.'}</p>
        </Empty>
      ) : (
        <>
          <p role="status">
            {total === undefined ? `${items.length} shown` : `${total} assessment${total === 1 ? '' : 's'}`}
            {filtered ? ' match' + (total === 1 ? 'es' : '') : ' published'}.
          </p>
          <ul className="cards" aria-busy={catalogue.isPlaceholderData}>
            {items.map((assessment) => (
              <li className="card" key={assessment.assessmentId}>
                <StartCard assessment={assessment} learnerId={learnerId} />
              </li>
            ))}
          </ul>
          {pages === undefined || pages > 1 ? (
            <nav className="pager" aria-label="Assessment pages">
              <button type="button" className="button" disabled={page <= 1} onClick={() => show({ kind, q, page: page - 1 })}>
                Previous page
              </button>
              <span>Page {page}{pages ? ` of ${pages}` : ''}</span>
              <button
                type="button"
                className="button"
                disabled={pages !== undefined ? page >= pages : items.length < ASSESSMENT_PAGE_SIZE}
                onClick={() => show({ kind, q, page: page + 1 })}
              >
                Next page
              </button>
            </nav>
          ) : null}
        </>
      )}
    </>
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
